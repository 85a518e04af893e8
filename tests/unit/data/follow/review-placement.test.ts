import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../../data/document';
import { leftAfter, withoutLeft } from '../../../../data/follow/left-changes';
import { applyReview, reviewChanges } from '../../../../data/follow/review';
import { importFile } from '../../../../data/import/detect';
import { addImportedList } from '../../../../data/import/to-list';

// The case review-properties found (seed -2061643568), in words: the author put the entries before a
// new one into a section; the user takes the new one and leaves the moves. The new one belongs after
// those entries, as on the page; put before them, a second review would call it moved.
const V1 = `# Reading
- [Alpha](https://example.com/alpha)
- [Beta](https://example.com/beta)
- [Gamma](https://example.com/gamma)
`;
const V2 = `# Reading
- [Alpha](https://example.com/alpha)

## Talks
- [Beta](https://example.com/beta)
- [Gamma](https://example.com/gamma)
- [Delta](https://example.com/delta)
`;

describe('taking some of a followed list’s changes', () => {
  it('a new entry taken while the moves before it are left goes where the page has it, and is not then shown as moved', () => {
    const doc = newDocument([]);
    const list = addImportedList(doc, importFile('reading.md', V1), '2026-05-01T10:00:00.000Z');
    const page = importFile('reading.md', V2);
    const review = reviewChanges(doc, list, page);
    expect(review.changes.map((c) => c.words)).toEqual([
      'Moved “Beta” after “Alpha” in “Talks”.',
      'Moved “Gamma” after “Beta” in “Talks”.',
      'Added “Delta” after “Gamma” in “Talks”.',
    ]);
    const take = review.changes.filter((c) => c.kind === 'added').map((c) => c.id);
    applyReview(doc, list, page, new Set(take));
    const after = doc.lists[0]!;
    expect(after.resources.map((r) => r.title)).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
    const again = reviewChanges(doc, after, page);
    expect(again.changes.map((c) => c.words)).toEqual(['Moved “Beta” after “Alpha” in “Talks”.', 'Moved “Gamma” after “Beta” in “Talks”.']);
    expect(withoutLeft(again.changes, leftAfter(review.changes, take))).toEqual([]);
  });

  // Taken out and put back at the top, Beta would let Alpha, whose move is left, stand in order in
  // Gamma's place: a second review would then show Gamma as moved, a change the author did not make.
  it('a move to another section taken while another move is left keeps the resource’s place, so the left move reads as before', () => {
    const doc = newDocument([]);
    const list = addImportedList(doc, importFile('reading.md', '# Reading\n## Basics\n- [Alpha](https://example.com/alpha)\n- [Beta](https://example.com/beta)\n- [Gamma](https://example.com/gamma)\n'), '2026-05-01T10:00:00.000Z');
    const page = importFile('reading.md', '# Reading\n## Talks\n- [Beta](https://example.com/beta)\n## Basics\n- [Gamma](https://example.com/gamma)\n- [Alpha](https://example.com/alpha)\n');
    const review = reviewChanges(doc, list, page);
    expect(review.changes.map((c) => c.words)).toEqual(['Moved “Beta” at the top in “Talks”.', 'Moved “Alpha” after “Gamma” in “Basics”.']);
    const take = [review.changes[0]!.id];
    applyReview(doc, list, page, new Set(take));
    expect(doc.lists[0]!.resources.map((r) => [r.title, r.group])).toEqual([['Alpha', 'Basics'], ['Beta', 'Talks'], ['Gamma', 'Basics']]);
    const again = reviewChanges(doc, doc.lists[0]!, page);
    expect(again.changes.map((c) => c.words)).toEqual(['Moved “Alpha” after “Gamma” in “Basics”.']);
    expect(withoutLeft(again.changes, leftAfter(review.changes, take))).toEqual([]);
  });
});
