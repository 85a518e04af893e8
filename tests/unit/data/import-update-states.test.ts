import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../data/document';
import { importFile } from '../../../data/import/detect';
import { addImportedList } from '../../../data/import/to-list';
import { updateListFrom } from '../../../data/import/update';
import { applyStatus } from '../../../data/model/progress-ops';

/**
 * Issue #16: updating a list from a richer, newer export (Pocket's read archive, a CSV with a status
 * column). What the file says was read comes in for resources new to the list, as a fresh import would,
 * and for resources the user has not touched; the user's own status is never lowered or overridden.
 */
const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-06-01T10:00:00.000Z';

const pocket = (unread: string[], archive: string[]) => {
  const li = (t: string) => `<li><a href="https://read.example/${t.toLowerCase()}" time_added="1700000000" tags="">${t}</a></li>`;
  return `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>${unread.map(li).join('')}</ul><h1>Read Archive</h1><ul>${archive.map(li).join('')}</ul></body></html>`;
};

function imported(content: string, fileName = 'ril_export.html') {
  const doc = newDocument([]);
  const list = addImportedList(doc, importFile(fileName, content), T0);
  const ref = (title: string) => `${list.id}/${list.resources.find((r) => r.title === title)!.id}`;
  const update = (newer: string) => updateListFrom(doc, doc.lists.find((l) => l.id === list.id)!, importFile(fileName, newer), {}, T1);
  const listNow = () => doc.lists.find((l) => l.id === list.id)!;
  const refNow = (title: string) => `${list.id}/${listNow().resources.find((r) => r.title === title)!.id}`;
  return { doc, ref, refNow, update };
}

describe('updating from a newer Pocket export', () => {
  it('a new resource the file has in its read archive comes in done, as in a fresh import; an unread one as to do', () => {
    const { doc, refNow, update } = imported(pocket(['A'], []));
    expect(update(pocket(['A', 'B'], ['C'])).changed).toBe(true);
    // Read in Pocket some time: done, with no date of ours, and not today's study.
    expect(doc.progress[refNow('C')]).toMatchObject({ status: 'done', startedAt: null, doneAt: null });
    expect(doc.activity).toEqual([]);
    expect(doc.progress[refNow('B')]).toBeUndefined();
  });

  it('a resource the user never touched, read since in Pocket, becomes done', () => {
    const { doc, ref, update } = imported(pocket(['A', 'B'], []));
    update(pocket(['B'], ['A']));
    expect(doc.progress[ref('A')]?.status).toBe('done');
  });

  it('the file’s “unread” never undoes the user’s tick, and a tick the user took back stays taken back', () => {
    const { doc, ref, update } = imported(pocket(['A'], ['B']));
    applyStatus(doc, ref('A'), 'done', T0);
    applyStatus(doc, ref('B'), 'todo', T0); // imported done, unticked by the user
    const before = structuredClone(doc.progress);
    update(pocket(['A', 'C'], ['B']));
    expect(doc.progress[ref('A')]).toEqual(before[ref('A')]);
    expect(doc.progress[ref('B')]).toEqual(before[ref('B')]);
  });

  it('the same file again changes nothing, after the user changed statuses', () => {
    const file = pocket(['A'], ['B', 'C']);
    const { doc, ref, update } = imported(file);
    applyStatus(doc, ref('B'), 'in-progress', T0);
    const before = structuredClone(doc);
    expect(update(file)).toEqual({ changed: false, removed: [] });
    expect(doc).toEqual(before);
  });
});

describe('updating from a CSV with a status column, and from Studyshelf’s own export', () => {
  it('done rows new to the list come in done; the user’s in-progress is not lowered by the file’s “todo”', () => {
    const csv = (rows: string[]) => ['title,url,status', ...rows].join('\n');
    const { doc, ref, refNow, update } = imported(csv(['A,https://a.example/,', 'B,https://b.example/,']), 'links.csv');
    applyStatus(doc, ref('A'), 'in-progress', T0);
    update(csv(['A,https://a.example/,todo', 'B,https://b.example/,', 'C,https://c.example/,done']));
    expect([doc.progress[ref('A')]?.status, doc.progress[ref('B')], doc.progress[refNow('C')]?.status]).toEqual(['in-progress', undefined, 'done']);
  });

  it('a Raindrop note on a resource new to the list comes in as its note; the user’s own note on one already there is kept', () => {
    const rd = (rows: string[]) => ['id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite', ...rows].join('\n');
    const { doc, ref, refNow, update } = imported(rd(['1,A,,,https://a.example/,Unsorted,,2024-01-01T00:00:00.000Z,,,false']), 'raindrop.csv');
    doc.notes[ref('A')] = { body: 'mine', whereStopped: '', updatedAt: T0 };
    update(rd(['1,A,file note,,https://a.example/,Unsorted,,2024-01-01T00:00:00.000Z,,,false', '2,B,why I saved it,,https://b.example/,Unsorted,,2024-01-02T00:00:00.000Z,,,false']));
    expect([doc.notes[ref('A')]?.body, doc.notes[refNow('B')]?.body]).toEqual(['mine', 'why I saved it']);
  });
});

describe('tags in an update', () => {
  const tagged = (items: Array<[string, string]>) => {
    const li = ([t, tags]: [string, string]) => `<li><a href="https://read.example/${t.toLowerCase()}" time_added="1700000000" tags="${tags}">${t}</a></li>`;
    return `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>${items.map(li).join('')}</ul></body></html>`;
  };

  it('a resource new to the list comes with the file’s tags; one already there keeps the user’s own; the same file again changes nothing', () => {
    const { doc, update } = imported(tagged([['A', 'python']]));
    const list = () => doc.lists.at(-1)!;
    const a = list().resources.find((r) => r.title === 'A')!;
    expect(a.tags).toEqual(['python']);
    a.tags = ['mine'];
    expect(update(tagged([['A', 'python,gil'], ['B', 'rust,async']])).changed).toBe(true);
    expect(list().resources.find((r) => r.title === 'A')!.tags).toEqual(['mine']);
    expect(list().resources.find((r) => r.title === 'B')!.tags).toEqual(['rust', 'async']);
    expect(update(tagged([['A', 'python,gil'], ['B', 'rust,async']])).changed).toBe(false);
  });
});

describe('done items in a fresh import', () => {
  it('a task list’s [x] items come in done, with no dates and no activity: an import is not today’s study', () => {
    const doc = newDocument([]);
    const list = addImportedList(doc, importFile('list.md', '# Reading\n\n- [x] [A](https://a.example/)\n- [ ] [B](https://b.example/)\n'), T0);
    const [a, b] = list.resources;
    expect(doc.progress[`${list.id}/${a!.id}`]).toEqual({ status: 'done', startedAt: null, doneAt: null, updatedAt: T0 });
    expect(doc.progress[`${list.id}/${b!.id}`]).toBeUndefined();
    expect(doc.activity).toEqual([]);
  });
});
