import { runCommand, type CommandName } from '../data/model/commands';
import type { StudyDocument } from '../data/model/schema';
import type { AppState } from '../electron/api/contract';

/**
 * The window's state after a list-shape edit main has just made, worked out here by running the very
 * same pure command (data/model/commands.ts) on a copy, instead of reading all 10,000 resources again. It
 * returns null when it cannot be sure (the command fails here, or its result differs from main's), and
 * the caller then reads the state from main.
 */
export function withCommand(s: AppState, name: CommandName, args: readonly unknown[], mainResult: unknown): AppState | null {
  const doc = s.document;
  if (!doc) return null;
  const copy: StudyDocument = {
    ...doc,
    lists: doc.lists.map((l) => ({ ...l, resources: [...l.resources] })),
    progress: { ...doc.progress },
    notes: { ...doc.notes },
    activity: [...doc.activity],
  };
  if (name === 'moveResource') {
    // The one command that changes a resource object (its id, when the target list has it already).
    const [listId, resourceId] = String(args[0]).split('/');
    const list = copy.lists.find((l) => l.id === listId);
    const index = list?.resources.findIndex((r) => r.id === resourceId) ?? -1;
    if (list && index >= 0) list.resources[index] = { ...list.resources[index]! };
  }
  let result: unknown;
  try {
    result = runCommand(copy, name, structuredClone(args));
  } catch {
    return null;
  }
  const expected = name === 'createList' ? (mainResult as { list: unknown }).list : mainResult;
  if (JSON.stringify(result) !== JSON.stringify(expected)) return null;
  // Lists the command did not touch keep their identity (their search index and cards stay as they are).
  copy.lists = copy.lists.map((l) => {
    const before = doc.lists.find((o) => o.id === l.id);
    return before && sameList(before, l) ? before : l;
  });
  return { ...s, document: copy };
}

function sameList(a: StudyDocument['lists'][number], b: StudyDocument['lists'][number]): boolean {
  const { resources: ra, ...fa } = a;
  const { resources: rb, ...fb } = b;
  return ra.length === rb.length && ra.every((r, i) => r === rb[i]) && JSON.stringify(fa) === JSON.stringify(fb);
}
