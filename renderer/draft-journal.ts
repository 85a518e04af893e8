import type { Note } from '../data/model/schema';

/**
 * A synchronous journal of note drafts not yet confirmed on disk, kept in the page's localStorage. A
 * save that was still in its debounce when the page went away (reload, renderer crash, a close that
 * could not wait) is found here on the next load and saved then.
 */
const PREFIX = 'studyshelf:draft:';

export interface Draft {
  body: string;
  /** `updatedAt` of the saved note this draft was typed over (null: there was none). */
  base: string | null;
  at: string;
}

export function journalDraft(ref: string, draft: Draft): void {
  try {
    localStorage.setItem(PREFIX + ref, JSON.stringify(draft));
  } catch {
    // Storage full (a note of many megabytes) or unavailable: the debounced save still runs.
  }
}

/** Forgets the draft once exactly this text is on disk; a newer draft typed meanwhile stays. */
export function settleDraft(ref: string, savedBody: string): void {
  if (readDraft(ref)?.body === savedBody) localStorage.removeItem(PREFIX + ref);
}

export function discardDraft(ref: string): void {
  localStorage.removeItem(PREFIX + ref);
}

export function pendingDrafts(): Array<{ ref: string; draft: Draft }> {
  const found: Array<{ ref: string; draft: Draft }> = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const draft = readDraft(key.slice(PREFIX.length));
    if (draft) found.push({ ref: key.slice(PREFIX.length), draft });
  }
  return found;
}

/**
 * What to save for a draft found on load, or null when there is nothing to do. When the saved note
 * changed after the draft was begun (another window, a restore), both texts are kept: nothing typed is
 * thrown away.
 */
export function recoveredBody(saved: Note | undefined, draft: Draft): string | null {
  if ((saved?.body ?? '') === draft.body) return null;
  if ((saved?.updatedAt ?? null) === draft.base) return draft.body;
  const heading = `Recovered unsaved text from ${new Date(draft.at).toLocaleString()}:`;
  return saved?.body ? `${saved.body}\n\n---\n${heading}\n\n${draft.body}` : draft.body;
}

function readDraft(ref: string): Draft | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PREFIX + ref) ?? 'null');
    if (value && typeof value === 'object' && 'body' in value && typeof value.body === 'string') return value as Draft;
  } catch {
    // A damaged entry is not a draft.
  }
  return null;
}
