import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../data/document';
import { finishPreview, type ImportedResource, type ImportPreview } from '../../../data/import/imported';
import { addImportedList } from '../../../data/import/to-list';
import { diffList, updateListFrom, urlKey } from '../../../data/import/update';
import { restoreResource } from '../../../data/model/list-ops';
import { resolveRef, resourceRefOf } from '../../../data/model/refs';
import { DocumentSchema, STATUSES, type StudyDocument } from '../../../data/model/schema';

// Issue #16, as properties over files shaped like real ones: the same entry in two folders, entries
// without a link, grouped and ungrouped entries mixed, non-ASCII and very long titles, Markdown notes.
// `STUDYSHELF_PROPERTY_RUNS=10000 npx vitest run tests/unit/data/import-update-properties` for a soak.
const RUNS = Number(process.env.STUDYSHELF_PROPERTY_RUNS ?? 100);
const AT = '2024-05-01T10:00:00.000Z';
const TITLE = 'Reading list';

const word = fc.constantFrom('Python', 'internals', 'Été', 'café', 'Ελληνικά', '日本語', '🐍', 'GIL', 'feed', 'Feed', 'part', '  spaced  ');
const title = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: word.map((w) => `${w} `.repeat(150)) },
);
const url = fc.oneof(
  fc.constant(null),
  fc.constantFrom('a.example/feed.xml', 'b.example/', 'www.c.example/Path?q=1', 'd.example/été', 'e.example/#top').chain((u) =>
    fc.constantFrom(`https://${u}`, `http://${u}`),
  ),
);
const group = fc.constantFrom(null, 'Feeds', 'Python / Internals', 'Café ☕', 'Lectures');
const part = fc.record({ title: title, url: fc.constant(null), done: fc.boolean() });
const entry: fc.Arbitrary<ImportedResource> = fc.record({
  title,
  url,
  author: fc.option(fc.constantFrom('Eli', 'Anthony Shaw'), { nil: null }),
  description: fc.constantFrom('', 'A *great* read.', 'Über alles'),
  group,
  done: fc.boolean(),
  addedAt: fc.constantFrom(null, undefined, AT),
  parts: fc.array(part, { maxLength: 3 }),
  links: fc.constant([]),
  line: fc.nat(1000),
});
/** A file's entries: a few distinct ones, some of them more than once (a bookmark in two folders). */
const entries = fc.array(entry, { minLength: 1, maxLength: 12 }).chain((pool) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 20 }));
const preview = (resources: ImportedResource[]): ImportPreview => finishPreview({ title: TITLE, format: 'bookmarks', resources, skipped: [] }, '');

const note = fc.constantFrom('## Read\n\n- [x] chapter *one*', '> quoted `code`\n\n1. first', 'stopped at **12:30**', '');
const userMark = fc.record({ at: fc.nat(), part: fc.option(fc.nat(), { nil: null }), status: fc.constantFrom(...STATUSES), note });
type UserMark = typeof userMark extends fc.Arbitrary<infer T> ? T : never;

/** The list imported from `resources`, with the user's ticks (and dates) and notes on some resources and parts. */
function studied(resources: ImportedResource[], marks: Array<UserMark>): StudyDocument {
  const doc = newDocument([]);
  const list = addImportedList(doc, preview(resources), AT);
  for (const mark of marks) {
    const resource = list.resources[mark.at % list.resources.length]!;
    const item = mark.part !== null && resource.parts.length > 0 ? resource.parts[mark.part % resource.parts.length] : undefined;
    const ref = `${list.id}/${resource.id}${item ? `/${item.id}` : ''}`;
    doc.progress[ref] = { status: mark.status, startedAt: mark.status === 'todo' ? null : AT, doneAt: mark.status === 'done' ? AT : null, updatedAt: AT };
    if (mark.note && !item) doc.notes[ref] = { body: mark.note, whereStopped: 'p. 12', updatedAt: AT };
  }
  return doc;
}

/** Titles match whatever their case and spacing. */
const sameTitle = (a: string, b: string) => a.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase() === b.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Every entry of `before` is still in `after`, on a resource (or part) with the same link or title. */
function expectUserDataKept(before: StudyDocument, after: StudyDocument, keys: (entries: Record<string, unknown>) => string[] = Object.keys) {
  for (const entries of ['progress', 'notes'] as const) {
    for (const key of keys(before[entries])) {
      expect(after[entries][key]).toEqual(before[entries][key]);
      const was = resolveRef(before, key)!;
      const is = resolveRef(after, key);
      expect(is?.kind).toBe(was.kind);
      const item = (r: NonNullable<typeof is>) => (r.kind === 'resource' ? r.resource : r.kind === 'part' ? r.part : r.link);
      const [a, b] = [item(was), item(is!)];
      expect(urlKey(a.url) === urlKey(b.url) || sameTitle(a.title, b.title)).toBe(true);
    }
  }
}

const editedFile = fc.record({ order: fc.array(fc.double({ noNaN: true })), drop: fc.array(fc.boolean()), retitle: fc.array(fc.boolean()), added: fc.array(entry, { maxLength: 3 }) });
type Edit = typeof editedFile extends fc.Arbitrary<infer T> ? T : never;
function edit(resources: ImportedResource[], e: Edit): ImportedResource[] {
  const kept = resources
    .map((r, i) => ({ r: e.retitle[i] && r.url ? { ...r, title: `${r.title} (2nd edition)` } : r, key: e.order[i] ?? i }))
    .filter((_, i) => !e.drop[i]);
  return [...kept.sort((a, b) => a.key - b.key).map((k) => k.r), ...e.added];
}

/** A list studied (ticked and noted) and the newer file (the same, edited), with the diff between them. */
function studiedThenEdited(...[resources, marks, e]: [Parameters<typeof studied>[0], Parameters<typeof studied>[1], Parameters<typeof edit>[1]]) {
  const doc = studied(resources, marks);
  const before = structuredClone(doc);
  const newer = preview(edit(resources, e));
  return { doc, before, newer, diff: diffList(doc, doc.lists[0]!, newer) };
}

describe('updating a list from a file (issue #16), as properties', () => {
  it('(a) the same file again changes nothing and shows no change', () => {
    fc.assert(
      fc.property(entries, fc.array(userMark, { maxLength: 10 }), (resources, marks) => {
        const doc = studied(resources, marks);
        const before = structuredClone(doc);
        expect(diffList(doc, doc.lists[0]!, preview(resources))).toMatchObject({ added: [], removed: [], missing: [], changed: [], kept: resources.length });
        expect(updateListFrom(doc, doc.lists[0]!, preview(resources))).toEqual({ changed: false, removed: [] });
        expect(doc).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) a reordered or edited file keeps every progress entry and note, on the resource it was on', () => {
    fc.assert(
      fc.property(entries, fc.array(userMark, { maxLength: 10 }), editedFile, (resources, marks, e) => {
        const { doc, before, newer, diff } = studiedThenEdited(resources, marks, e);
        if (!e.drop.some(Boolean) && !e.retitle.some(Boolean) && e.added.length === 0) expect(diff).toMatchObject({ added: [], removed: [], changed: [] });
        updateListFrom(doc, doc.lists[0]!, newer);
        expectUserDataKept(before, doc);
        const ids = doc.lists[0]!.resources.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(before.lists[0]!.resources.length + diff.added.length);
        expect(DocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) removing what the file no longer has takes only that, and an undo puts all of it back', () => {
    fc.assert(
      fc.property(entries, fc.array(userMark, { maxLength: 10 }), editedFile, (resources, marks, e) => {
        const { doc, before, newer, diff } = studiedThenEdited(resources, marks, e);
        const outcome = updateListFrom(doc, doc.lists[0]!, newer, { removeMissing: true });
        expect(outcome.removed.map((r) => r.item.title)).toEqual(diff.removed);
        const gone = new Set(outcome.removed.map((r) => `${r.listId}/${r.item.id}`));
        expectUserDataKept(before, doc, (entries) => Object.keys(entries).filter((key) => !gone.has(resourceRefOf(key))));
        for (const removed of outcome.removed) restoreResource(doc, removed);
        // Every entry is back as it was; what the update added is only the file's done state (update-state.ts) where there was none.
        const added = Object.keys(doc.progress).filter((key) => !Object.hasOwn(before.progress, key));
        expect({ ...doc.progress, ...Object.fromEntries(added.map((key) => [key, undefined])) }).toEqual(before.progress);
        for (const key of added) expect(doc.progress[key]!.status).toBe('done');
        expect(doc.notes).toEqual(before.notes);
      }),
      { numRuns: RUNS },
    );
  });
});
