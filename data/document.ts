import { SCHEMA_VERSION, type StudyDocument, type StudyList } from './model/schema';

/** A new document holds its own copy of the lists: editing it must never edit the shipped ones. */
export function newDocument(lists: readonly StudyList[]): StudyDocument {
  return { schemaVersion: SCHEMA_VERSION, lists: structuredClone([...lists]), progress: {}, notes: {}, activity: [] };
}

/**
 * Brings the bundled lists in a document up to the shipped version. Content is replaced; progress and
 * notes are untouched because they are keyed by ids, not positions. Returns whether anything changed.
 */
export function refreshBundledLists(doc: StudyDocument, shipped: StudyList[]): boolean {
  let changed = false;
  for (const fresh of shipped) {
    const index = doc.lists.findIndex((l) => l.id === fresh.id);
    const current = doc.lists[index];
    if (current && !current.customized && (current.bundledVersion ?? 0) < (fresh.bundledVersion ?? 0)) {
      // A list the user follows still follows its page; the page's validators and the changes left
      // were about the old content, so the next check compares the page with the new content in full.
      const follow = current.follow ? { url: current.follow.url, lastChecked: current.follow.lastChecked ?? null } : undefined;
      doc.lists[index] = follow ? { ...structuredClone(fresh), follow } : structuredClone(fresh);
      changed = true;
    }
  }
  return changed;
}
