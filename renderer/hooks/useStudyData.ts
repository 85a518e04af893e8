import { useCallback, useEffect, useState } from 'react';
import type { AppState } from '../../electron/api/contract';
import type { Note } from '../../data/schema';
import { api } from '../api';
import { discardDraft, pendingDrafts, recoveredBody, settleDraft } from '../draft-journal';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

let noticeId = 0;

/**
 * The app's data as main last reported it, and the calls that change it. Checkbox changes show at once
 * and are rolled back, with a notice, if main refuses or cannot save them.
 */
export function useStudyData() {
  const [state, setState] = useState<AppState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);

  const notify = useCallback((tone: Notice['tone'], text: string) => {
    const notice = { id: ++noticeId, tone, text };
    setNotices((all) => [...all.slice(-2), notice]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);

  useEffect(() => {
    void api()
      .getState()
      .then(async (result) => {
        if (!result.ok) return setLoadError(result.error.message);
        setState(result.value);
        for (const { ref, title, note } of await recoverDrafts(result.value)) {
          setState((s) => (s ? withNote(s, ref, note) : s));
          notify('info', `Recovered a note for “${title}” that had not been saved yet.`);
        }
      });
  }, [notify]);

  const setDone = useCallback(
    async (ref: string, done: boolean) => {
      let before: AppState['document']['progress'][string] | undefined;
      setState((s) => {
        if (!s) return s;
        before = s.document.progress[ref];
        const optimistic = { done, doneAt: done ? new Date().toISOString() : null, updatedAt: new Date().toISOString() };
        return withProgress(s, ref, optimistic);
      });
      const result = await api().setDone(ref, done);
      if (result.ok) {
        setState((s) => (s ? withProgress(s, ref, result.value) : s));
      } else {
        setState((s) => (s ? withProgress(s, ref, before) : s));
        notify('error', result.error.message);
      }
    },
    [notify],
  );

  /** Resolves with whether the note is on disk; the notes panel shows the outcome. */
  const saveNote = useCallback(
    async (ref: string, body: string): Promise<{ ok: true; note: Note | null } | { ok: false; message: string }> => {
      const result = await api().saveNote(ref, body);
      if (!result.ok) return { ok: false, message: result.error.message };
      setState((s) => (s ? withNote(s, ref, result.value) : s));
      return { ok: true, note: result.value };
    },
    [],
  );

  const openLink = useCallback(
    async (ref: string) => {
      const result = await api().openLink(ref);
      if (!result.ok) notify('error', result.error.message);
    },
    [notify],
  );

  return { state, loadError, notices, dismiss, setDone, saveNote, openLink };
}

interface Recovered {
  ref: string;
  title: string;
  note: Note | null;
}
let recovery: Promise<Recovered[]> | undefined;

/** Saves drafts a previous page left unsaved (once per page, even under StrictMode's double effects). */
function recoverDrafts(state: AppState): Promise<Recovered[]> {
  recovery ??= (async () => {
    const recovered: Recovered[] = [];
    for (const { ref, draft } of pendingDrafts()) {
      const [listId, resourceId] = ref.split('/');
      const resource = state.document.lists.find((l) => l.id === listId)?.resources.find((r) => r.id === resourceId);
      if (!resource) {
        discardDraft(ref);
        continue;
      }
      const body = recoveredBody(state.document.notes[ref], draft);
      if (body === null) {
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

function withProgress(s: AppState, ref: string, entry: AppState['document']['progress'][string] | undefined): AppState {
  const progress = { ...s.document.progress };
  if (entry) progress[ref] = entry;
  else delete progress[ref];
  return { ...s, document: { ...s.document, progress } };
}

function withNote(s: AppState, ref: string, note: Note | null): AppState {
  const notes = { ...s.document.notes };
  if (note) notes[ref] = note;
  else delete notes[ref];
  return { ...s, document: { ...s.document, notes } };
}
