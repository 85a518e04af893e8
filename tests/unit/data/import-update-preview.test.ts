import { describe, expect, it } from 'vitest';
import { addImportedList } from '../../../data/import/to-list';
import { newDocument } from '../../../data/document';
import { previewImport } from '../../../data/transfer';
import { updateSummary } from '../../../renderer/components/ImportDialog';

const AT = '2024-05-01T10:00:00.000Z';
const file = (...lines: string[]) => ['# Reading', '', '## Feeds', ...lines].join('\n');
const A = '- [A feed](https://a.example/feed)';
const B = '- [B feed](https://b.example/feed)';
const C = '- [C feed](https://c.example/feed)';

function withList(content: string) {
  const doc = newDocument([]);
  const list = addImportedList(doc, previewImport(doc, 'reading.md', content), AT);
  return { doc, ref: (title: string) => `${list.id}/${list.resources.find((r) => r.title === title)!.id}` };
}

describe('what the import dialog says an update will do', () => {
  it('the same file: no changes', () => {
    const { doc } = withList(file(A, B, A));
    expect(updateSummary(previewImport(doc, 'reading.md', file(A, B, A)).update!)).toBe(
      'Updating it: 0 added, 0 removed, 0 changed, 3 kept with their progress and notes: no changes.',
    );
  });

  it('what the new file no longer has is kept, and it says which carry the user’s progress or notes', () => {
    const { doc, ref } = withList(file(A, B, C));
    doc.notes[ref('B feed')] = { body: '**read** the archive', whereStopped: '', updatedAt: AT };
    doc.progress[ref('C feed')] = { status: 'done', startedAt: null, doneAt: AT, updatedAt: AT };
    const both = previewImport(doc, 'reading.md', file(A)).update!;
    expect(both.missing).toEqual([
      { title: 'B feed', progress: false, notes: true },
      { title: 'C feed', progress: true, notes: false },
    ]);
    expect(updateSummary(both)).toBe(
      'Updating it: 0 added, 0 removed, 0 changed, 1 kept with their progress and notes. 2 not in the new file: kept (they have your progress or notes).',
    );
    expect(updateSummary(previewImport(doc, 'reading.md', file(A, B)).update!)).toMatch(/1 not in the new file: kept \(they have your progress or notes\)\.$/);
    delete doc.progress[ref('C feed')];
    expect(updateSummary(previewImport(doc, 'reading.md', file(A)).update!)).toMatch(/2 not in the new file: kept \(1 of them have your progress or notes\)\.$/);
    delete doc.notes[ref('B feed')];
    expect(updateSummary(previewImport(doc, 'reading.md', file(A)).update!)).toMatch(/2 not in the new file: kept\.$/);
  });
});

describe('when the user chooses to remove what the new file no longer has', () => {
  it('counts them as removed, says whose progress or notes go with them, and that Undo brings them back', () => {
    const { doc, ref } = withList(file(A, B, C));
    doc.notes[ref('B feed')] = { body: 'mine', whereStopped: '', updatedAt: AT };
    const diff = previewImport(doc, 'reading.md', file(A)).update!;
    expect(updateSummary(diff, true)).toBe(
      'Updating it: 0 added, 2 removed, 0 changed, 1 kept with their progress and notes. 2 not in the new file: removed (1 of them have your progress or notes); Undo brings them back.',
    );
    expect(updateSummary(diff, false)).toMatch(/0 removed.*2 not in the new file: kept/);
  });

  it('nothing missing: the choice changes nothing in the sentence', () => {
    const { doc } = withList(file(A, B));
    const diff = previewImport(doc, 'reading.md', file(A, B, C)).update!;
    expect(updateSummary(diff, true)).toBe(updateSummary(diff, false));
  });
});
