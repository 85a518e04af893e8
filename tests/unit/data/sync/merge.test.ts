import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentProblem } from '../../../../data/storage/document-check';
import * as lists from '../../../../data/model/list-ops';
import { CONFLICT_MIDDLE, CONFLICT_START, hasConflictMarkers, mergeBase, mergeDocuments, sameDocument, type Side } from '../../../../data/sync/merge';
import type { StudyDocument } from '../../../../data/model/schema';

const LAPTOP = { id: 'dev-a', name: 'Laptop' };
const DESKTOP = { id: 'dev-b', name: 'Desktop' };

function startDoc(): StudyDocument {
  const doc: StudyDocument = { schemaVersion: 2, lists: [], progress: {}, notes: {}, activity: [] };
  const list = lists.createList(doc, 'Shared', '');
  for (const title of ['One', 'Two', 'Three']) {
    const r = lists.addResource(doc, list.id, { title, url: null, author: null, description: '' });
    r.parts.push({ id: 'p1', title: 'Part 1', url: null }, { id: 'p2', title: 'Part 2', url: null });
  }
  return doc;
}
const clone = (doc: StudyDocument): StudyDocument => structuredClone(doc);
/** The document as the app ships it: its lists bundled, untouched. */
const bundled = (doc: StudyDocument): StudyDocument => ({ ...doc, lists: doc.lists.map((l) => ({ ...l, bundledVersion: 2, customized: false })) });
const at = (t: number) => new Date(Date.UTC(2026, 10, 1) + t * 1000).toISOString();

describe('mergeDocuments, case by case', () => {
  const base = startDoc();
  const listId = base.lists[0]!.id;
  const ref = (r: string) => `${listId}/${r}`;
  const side = (device: Side['device'], edit: (doc: StudyDocument) => void): Side => {
    const doc = clone(base);
    edit(doc);
    return { device, doc };
  };

  it('activity: what either computer logged is kept; a tick undone on one computer is not brought back by the other', () => {
    const ticked = { ...clone(base), activity: [{ at: at(1), ref: ref('one'), action: 'done' as const }] };
    const sideOf = (device: Side['device'], doc: StudyDocument, edit: (d: StudyDocument) => void): Side => {
      const copy = clone(doc);
      edit(copy);
      return { device, doc: copy };
    };
    // Both had the tick's entry (merged before); the laptop then undid the tick, the desktop logged another.
    const undone = sideOf(LAPTOP, ticked, (d) => void (d.activity = []));
    const more = sideOf(DESKTOP, ticked, (d) => void d.activity.push({ at: at(2), ref: ref('two'), action: 'done' }));
    for (const [x, y] of [[undone, more], [more, undone]] as const) {
      expect(mergeDocuments(ticked, x, y).doc.activity).toEqual([{ at: at(2), ref: ref('two'), action: 'done' }]);
    }
    // With no common version, nothing can be told undone: every entry is kept.
    expect(mergeDocuments(null, undone, more).doc.activity).toHaveLength(2);
  });

  it('status: the later change wins, whichever computer made it', () => {
    const a = side(LAPTOP, (d) => void (d.progress[ref('one')] = { status: 'done', startedAt: null, doneAt: at(5), updatedAt: at(5) }));
    const b = side(DESKTOP, (d) => void (d.progress[ref('one')] = { status: 'in-progress', startedAt: at(9), doneAt: null, updatedAt: at(9) }));
    expect(mergeDocuments(base, a, b).doc.progress[ref('one')]?.status).toBe('in-progress');
    expect(mergeDocuments(base, b, a).doc.progress[ref('one')]?.status).toBe('in-progress');
  });

  it('resources added on either side are kept; the result is the same from both sides', () => {
    const a = side(LAPTOP, (d) => void lists.addResource(d, listId, { title: 'From laptop', url: null, author: null, description: '' }));
    const b = side(DESKTOP, (d) => void lists.addResource(d, listId, { title: 'From desktop', url: null, author: null, description: '' }));
    const ab = mergeDocuments(base, a, b).doc;
    expect(ab.lists[0]!.resources.map((r) => r.title)).toEqual(['One', 'Two', 'Three', 'From desktop', 'From laptop']);
    expect(sameDocument(ab, mergeDocuments(base, b, a).doc)).toBe(true);
  });

  it('new resources keep their place: a run added at the top stays at the top, in its order', () => {
    const b = side(DESKTOP, (d) => {
      for (const title of ['New A', 'New B']) lists.addResource(d, listId, { title, url: null, author: null, description: '' });
      const list = d.lists[0]!;
      list.resources.unshift(...list.resources.splice(3, 2));
    });
    const a = side(LAPTOP, () => undefined);
    expect(mergeDocuments(base, a, b).doc.lists[0]!.resources.map((r) => r.title)).toEqual(['New A', 'New B', 'One', 'Two', 'Three']);
  });

  it('10,000 resources added in a row merge without running out of stack', () => {
    const b = side(DESKTOP, (d) => {
      for (let i = 0; i < 10_000; i++) lists.addResource(d, listId, { title: `Added ${i}`, url: null, author: null, description: '', id: `added-${i}` });
    });
    const a = side(LAPTOP, () => undefined);
    expect(mergeDocuments(base, a, b).doc.lists[0]!.resources).toHaveLength(10_003);
  });

  it('deleted on one side and untouched on the other: deleted', () => {
    const a = side(LAPTOP, (d) => void lists.deleteResource(d, ref('two')));
    const b = side(DESKTOP, () => undefined);
    expect(mergeDocuments(base, a, b).doc.lists[0]!.resources.map((r) => r.id)).toEqual(['one', 'three']);
  });

  it('deleted on one side and changed on the other: kept, with a notice', () => {
    const a = side(LAPTOP, (d) => void lists.deleteResource(d, ref('two')));
    const b = side(DESKTOP, (d) => void (d.notes[ref('two')] = { body: 'my thoughts', whereStopped: '', updatedAt: at(3) }));
    const { doc, notices } = mergeDocuments(base, a, b);
    expect(doc.lists[0]!.resources.map((r) => r.id)).toEqual(['one', 'two', 'three']);
    expect(doc.notes[ref('two')]?.body).toBe('my thoughts');
    expect(notices).toEqual([expect.objectContaining({ kind: 'kept-deleted', message: '“Two” was deleted on Laptop but changed on Desktop, so it was kept.' })]);
  });

  /** A note both computers had, then each one's edit of it. */
  const noteEdits = (common: string, onLaptop: string, onDesktop: string) => {
    const withNote = clone(base);
    withNote.notes[ref('one')] = { body: common, whereStopped: '', updatedAt: at(1) };
    const a = { device: LAPTOP, doc: clone(withNote) };
    const b = { device: DESKTOP, doc: clone(withNote) };
    a.doc.notes[ref('one')] = { body: onLaptop, whereStopped: '', updatedAt: at(2) };
    b.doc.notes[ref('one')] = { body: onDesktop, whereStopped: '', updatedAt: at(3) };
    return { withNote, a, b };
  };

  it('notes: changes in different places merge line by line', () => {
    const { withNote, a, b } = noteEdits('intro\nmiddle\nend', 'intro, edited on the laptop\nmiddle\nend', 'intro\nmiddle\nend\nadded on the desktop');
    const merged = mergeDocuments(withNote, a, b);
    expect(merged.doc.notes[ref('one')]?.body).toBe('intro, edited on the laptop\nmiddle\nend\nadded on the desktop');
    expect(merged.notices).toEqual([]);
  });

  it('notes: the same lines changed on both sides are both kept, between conflict markers', () => {
    const { withNote, a, b } = noteEdits('line one\nline two', 'line one\nline two (laptop)', 'line one\nline two (desktop)');
    const { doc, notices } = mergeDocuments(withNote, b, a);
    expect(doc.notes[ref('one')]?.body).toBe(`line one\n${CONFLICT_START}Laptop\nline two (laptop)\n${CONFLICT_MIDDLE}\nline two (desktop)\n>>>>>>> Desktop`);
    expect(hasConflictMarkers(doc.notes[ref('one')]!.body)).toBe(true);
    expect(notices.map((n) => n.kind)).toEqual(['note-conflict']);
  });

  describe('tags merge as a set: what either computer added is kept, what either removed is gone', () => {
    const tagged = (tags: string[] | undefined) => {
      const doc = clone(base);
      const one = doc.lists[0]!.resources[0]!;
      if (tags) one.tags = tags;
      return doc;
    };
    const withTags = (from: StudyDocument, device: Side['device'], tags: string[] | undefined): Side => {
      const doc = clone(from);
      const one = doc.lists[0]!.resources[0]!;
      if (tags) one.tags = tags;
      else delete one.tags;
      return { device, doc };
    };
    const tagsOf = (doc: StudyDocument) => doc.lists[0]!.resources[0]!.tags;

    it('added on both: both kept, each once (whatever the case), no notice; the same from either side', () => {
      const common = tagged(['python']);
      const a = withTags(common, LAPTOP, ['python', 'gil', 'Bytecode']);
      const b = withTags(common, DESKTOP, ['python', 'bytecode', 'frames']);
      const ab = mergeDocuments(common, a, b);
      expect(tagsOf(ab.doc)).toEqual(['python', 'gil', 'Bytecode', 'frames']);
      expect(ab.notices).toEqual([]);
      expect(sameDocument(ab.doc, mergeDocuments(common, b, a).doc)).toBe(true);
    });

    it('added on one, removed on the other: the new one kept, the removed one gone', () => {
      const common = tagged(['python', 'old']);
      const a = withTags(common, LAPTOP, ['python', 'old', 'new']);
      const b = withTags(common, DESKTOP, ['python']);
      const { doc, notices } = mergeDocuments(common, a, b);
      expect(tagsOf(doc)).toEqual(['python', 'new']);
      expect(notices).toEqual([]);
      expect(tagsOf(mergeDocuments(common, b, a).doc)).toEqual(['python', 'new']);
    });

    it('removed on both, or the last one removed on one: no tags field left', () => {
      const common = tagged(['python', 'gil']);
      expect(tagsOf(mergeDocuments(common, withTags(common, LAPTOP, ['gil']), withTags(common, DESKTOP, ['python'])).doc)).toBeUndefined();
      const { doc } = mergeDocuments(common, withTags(common, LAPTOP, undefined), withTags(common, DESKTOP, ['python', 'gil']));
      expect('tags' in doc.lists[0]!.resources[0]!).toBe(false);
    });

    it('no common version: the union of both', () => {
      const a = withTags(tagged(undefined), LAPTOP, ['python', 'gil']);
      const b = withTags(tagged(undefined), DESKTOP, ['GIL', 'frames']);
      a.doc.progress[ref('one')] = { status: 'done', startedAt: null, doneAt: at(1), updatedAt: at(1) };
      b.doc.progress[ref('two')] = { status: 'done', startedAt: null, doneAt: at(2), updatedAt: at(2) };
      const { doc, notices } = mergeDocuments(null, a, b);
      expect(tagsOf(doc)).toEqual(['python', 'gil', 'frames']);
      expect(notices).toEqual([]);
    });

    it('a tag spelled anew on one side takes that spelling; tags and another field changed together still merge', () => {
      const common = tagged(['python']);
      const a = withTags(common, LAPTOP, ['python', 'gil']);
      const b = withTags(common, DESKTOP, ['Python']);
      b.doc.lists[0]!.resources[0]!.title = 'One, renamed';
      const { doc, notices } = mergeDocuments(common, a, b);
      expect(doc.lists[0]!.resources[0]).toMatchObject({ title: 'One, renamed', tags: ['Python', 'gil'] });
      expect(notices).toEqual([]);
    });

    it('never more than the document holds: 50 tags at most', () => {
      const a = withTags(tagged(undefined), LAPTOP, Array.from({ length: 40 }, (_, i) => `a${i}`));
      const b = withTags(tagged(undefined), DESKTOP, Array.from({ length: 40 }, (_, i) => `b${i}`));
      expect(tagsOf(mergeDocuments(base, a, b).doc)).toHaveLength(50);
    });
  });

  it('a computer joining with only the bundled lists takes the shared data as it is', () => {
    const used = clone(base);
    lists.deleteResource(used, ref('three'));
    used.progress[ref('one')] = { status: 'done', startedAt: null, doneAt: at(1), updatedAt: at(1) };
    const fresh = bundled(startDoc());
    const { doc } = mergeDocuments(null, { device: LAPTOP, doc: fresh }, { device: DESKTOP, doc: used });
    expect(sameDocument(doc, used)).toBe(true);
  });

  // Found by the real-Syncthing tests on a busy machine: a computer whose first merge has no common
  // version took the other's data as it was, because a list made or imported here (not shipped, never
  // "customized") looked like nothing of its own — and the list was gone on both computers.
  it('a list made or imported on a computer with nothing else of its own is kept when the other joins', () => {
    const shipped = bundled(startDoc());
    const used = clone(shipped);
    lists.deleteResource(used, ref('three'));
    for (const make of [
      (d: StudyDocument) => lists.createList(d, 'Compilers', ''),
      (d: StudyDocument) => {
        const imported = lists.createList(d, 'Ticks', '');
        lists.addResource(d, imported.id, { title: 'Tick 001', url: 'https://example.org/tick/1', author: null, description: '' });
      },
    ]) {
      const made = clone(shipped);
      make(made);
      for (const [x, y] of [
        [{ device: LAPTOP, doc: made }, { device: DESKTOP, doc: used }],
        [{ device: DESKTOP, doc: made }, { device: LAPTOP, doc: used }],
      ] as const) {
        const { doc } = mergeDocuments(null, x, y);
        expect(doc.lists.map((l) => l.title)).toEqual(made.lists.map((l) => l.title));
        // The other computer's deletion with no common version cannot be told apart from an addition: kept.
        expect(doc.lists[0]!.resources).toHaveLength(3);
      }
    }
  });

  it('a shipped list renamed is the computer’s own: it is not replaced by the other’s when it joins', () => {
    const shipped = bundled(startDoc());
    const renamed = clone(shipped);
    lists.updateList(renamed, listId, { title: 'My CPython list', description: '' });
    for (const [mine, other] of [[LAPTOP, DESKTOP], [DESKTOP, LAPTOP]] as const) {
      const { doc } = mergeDocuments(null, { device: mine, doc: renamed }, { device: other, doc: clone(shipped) });
      expect(doc.lists[0]!.title).toBe('My CPython list');
    }
  });
});

/**
 * One computer in the model: its document and the other computer's version it last merged (`seen`,
 * which it publishes in its folder, as the app does).
 */
interface Device {
  info: Side['device'];
  doc: StudyDocument;
  seen: StudyDocument | null;
}

type Op =
  | { kind: 'status'; device: 0 | 1; resource: number; status: 'todo' | 'in-progress' | 'done' | 'skipped' }
  | { kind: 'note'; device: 0 | 1; resource: number }
  | { kind: 'add'; device: 0 | 1 }
  | { kind: 'rename'; device: 0 | 1; resource: number }
  | { kind: 'delete'; device: 0 | 1; resource: number }
  | { kind: 'move'; device: 0 | 1; resource: number; to: number }
  | { kind: 'tag'; device: 0 | 1; resource: number; tag: string; remove: boolean }
  | { kind: 'sync'; from: 0 | 1 };

const device = fc.constantFrom<0 | 1>(0, 1);
const resource = fc.nat({ max: 9 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), device, resource, status: fc.constantFrom('todo' as const, 'in-progress' as const, 'done' as const, 'skipped' as const) }),
  fc.record({ kind: fc.constant('note' as const), device, resource }),
  fc.record({ kind: fc.constant('add' as const), device }),
  fc.record({ kind: fc.constant('rename' as const), device, resource }),
  fc.record({ kind: fc.constant('delete' as const), device, resource }),
  fc.record({ kind: fc.constant('move' as const), device, resource, to: fc.nat({ max: 9 }) }),
  fc.record({ kind: fc.constant('tag' as const), device, resource, tag: fc.constantFrom('python', 'Python', 'gil', 'frames'), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('sync' as const), from: device }),
);

describe('two computers editing and syncing in any order', () => {
  it('converge to the same document, and no edit of a resource that is still there is lost', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const start = startDoc();
        const devices: [Device, Device] = [
          { info: LAPTOP, doc: clone(start), seen: clone(start) },
          { info: DESKTOP, doc: clone(start), seen: clone(start) },
        ];
        const listId = start.lists[0]!.id;
        let clock = 0;
        let added = 0;
        /** Every note line written, per ref; the latest status written, per ref. */
        const lines = new Map<string, string[]>();
        const latest = new Map<string, { status: string; t: number }>();
        /** A resource a user deleted takes its notes and progress with it on purpose: not counted as lost. */
        const deleted = new Set<string>();
        const sync = (from: 0 | 1) => {
          const source = devices[from];
          const target = devices[from === 0 ? 1 : 0];
          const base = mergeBase(target.seen, source.seen);
          target.doc = mergeDocuments(base, { device: target.info, doc: target.doc }, { device: source.info, doc: source.doc }).doc;
          target.seen = clone(source.doc);
        };
        for (const o of ops) {
          if (o.kind === 'sync') {
            sync(o.from);
            continue;
          }
          const d = devices[o.device];
          const resources = d.doc.lists[0]!.resources;
          const target = resources.length ? resources[o.kind === 'add' ? 0 : o.resource % resources.length]! : null;
          const ref = target ? `${listId}/${target.id}` : null;
          clock += 1;
          if (o.kind === 'status' && ref) {
            d.doc.progress[ref] = { status: o.status, startedAt: null, doneAt: null, updatedAt: at(clock) };
            latest.set(ref, { status: o.status, t: clock });
          } else if (o.kind === 'note' && ref) {
            const line = `line ${clock} from ${d.info.name}`;
            const before = d.doc.notes[ref]?.body;
            d.doc.notes[ref] = { body: before ? `${before}\n${line}` : line, whereStopped: '', updatedAt: at(clock) };
            lines.set(ref, [...(lines.get(ref) ?? []), line]);
          } else if (o.kind === 'add') {
            added += 1;
            lists.addResource(d.doc, listId, { title: `Added ${added} on ${d.info.name}`, url: null, author: null, description: '' });
          } else if (o.kind === 'rename' && target) {
            target.title = `${target.title.split(' (')[0]} (renamed ${clock})`;
          } else if (o.kind === 'delete' && ref) {
            lists.deleteResource(d.doc, ref);
            deleted.add(ref);
          } else if (o.kind === 'move' && ref) {
            lists.moveResource(d.doc, ref, listId, o.to);
          } else if (o.kind === 'tag' && target) {
            const others = (target.tags ?? []).filter((t) => t.toLowerCase() !== o.tag.toLowerCase());
            lists.updateResource(d.doc, ref!, { ...target, tags: o.remove ? others : [...others, o.tag] });
          }
        }
        // The sync engine delivers everything in the end.
        for (let round = 0; round < 3; round++) {
          sync(0);
          sync(1);
        }
        const [a, b] = devices;
        expect(sameDocument(a.doc, b.doc)).toBe(true);
        expect(documentProblem(a.doc)).toBeNull();
        const present = new Set(a.doc.lists[0]!.resources.map((r) => `${listId}/${r.id}`));
        // Added resources stay unless deleted.
        const titles = a.doc.lists[0]!.resources.map((r) => r.title.split(' (')[0]);
        for (let n = 1; n <= added; n++) {
          const id = [...deleted].some((ref) => ref.includes(`added-${n}-on`));
          if (!id) expect(titles.some((t) => t?.startsWith(`Added ${n} on`))).toBe(true);
        }
        for (const [ref, written] of lines) {
          if (!present.has(ref) || deleted.has(ref)) continue;
          const body = a.doc.notes[ref]?.body ?? '';
          for (const line of written) expect(body.split('\n')).toContain(line);
        }
        for (const [ref, { status }] of latest) {
          if (!present.has(ref) || deleted.has(ref)) continue;
          expect(a.doc.progress[ref]!.status).toBe(status);
        }
      }),
      { numRuns: 300 },
    );
  });
});
