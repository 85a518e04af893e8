import type { Note, StudyDocument } from '../data/model/schema';
import { api } from './api';
import { discardDraft, pendingDrafts, recoveredBody, settleDraft } from './draft-journal';

export interface Recovered {
  ref: string;
  title: string;
  note: Note | null;
}
let recovery: Promise<Recovered[]> | undefined;

/** Saves drafts a previous page left unsaved (once per page, even under StrictMode's double effects). */
export function recoverDrafts(doc: StudyDocument): Promise<Recovered[]> {
  recovery ??= (async () => {
    const recovered: Recovered[] = [];
    for (const { ref, draft } of pendingDrafts()) {
      const [listId, resourceId] = ref.split('/');
      const resource = doc.lists.find((l) => l.id === listId)?.resources.find((r) => r.id === resourceId);
      const body = resource ? recoveredBody(doc.notes[ref], draft) : null;
      if (!resource || body === null) {
        discardDraft(ref);
        continue;
      }
      const result = await api().saveNote(ref, body);
      if (result.ok) {
        settleDraft(ref, draft.body);
        discardDraft(ref);
        recovered.push({ ref, title: resource.title, note: result.value });
      }
    }
    return recovered;
  })();
  return recovery;
}

