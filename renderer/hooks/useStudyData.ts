import { useCallback, useEffect, useState } from 'react';
import type { AppState } from '../../electron/api/contract';
import type { Note, ProgressEntry, StudyDocument } from '../../data/schema';
import { api } from '../api';
import { discardDraft, pendingDrafts, recoveredBody, settleDraft } from '../draft-journal';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

let noticeId = 0;

/**
 * The app's data as main last reported it, and the calls that change it. Main pushes a new state
 * whenever the data changes under the window (another program, a restore, storage trouble). Checkbox
 * changes show at once and are rolled back, with a notice, if main refuses them; a change main kept
 * but could not write yet stays, under the storage warning.
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

  useEffect(() => api().on('stateChanged', setState), []);

  useEffect(() => {
    void api()
      .getState()
      .then(async (result) => {
        if (!result.ok) return setLoadError(result.error.message);
        setState(result.value);
        if (!result.value.document || result.value.readOnly) return;
        for (const { ref, title, note } of await recoverDrafts(result.value.document)) {
          setState((s) => (s ? withNote(s, ref, note) : s));
          notify('info', `Recovered a note for “${title}” that had not been saved yet.`);
        }
      });
  }, [notify]);

  const setDone = useCallback(
    async (ref: string, done: boolean) => {
      let before: ProgressEntry | undefined;
      setState((s) => {
        if (!s?.document) return s;
        before = s.document.progress[ref];
        const at = new Date().toISOString();
        const optimistic: ProgressEntry = {
          status: done ? 'done' : 'todo',
          startedAt: before?.startedAt ?? (done ? at : null),
          doneAt: done ? at : null,
          updatedAt: at,
        };
        return withProgress(s, ref, optimistic);
      });
      const result = await api().setDone(ref, done);
      if (result.ok) {
        setState((s) => (s ? withProgress(s, ref, result.value) : s));
      } else if (result.error.code !== 'io') {
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

  /** For calls that return the whole new state (restore, start fresh). */
  const replaceState = useCallback(
    (result: { ok: true; value: AppState } | { ok: false; error: { message: string } }, success: string) => {
      if (result.ok) {
        setState(result.value);
        notify('info', success);
      } else {
        notify('error', result.error.message);
      }
      return result.ok;
    },
    [notify],
  );

  return { state, loadError, notices, notify, dismiss, setDone, saveNote, openLink, replaceState };
}

interface Recovered {
  ref: string;
  title: string;
  note: Note | null;
}
let recovery: Promise<Recovered[]> | undefined;

/** Saves drafts a previous page left unsaved (once per page, even under StrictMode's double effects). */
function recoverDrafts(doc: StudyDocument): Promise<Recovered[]> {
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

function withDocument(s: AppState, change: (doc: StudyDocument) => StudyDocument): AppState {
  return s.document ? { ...s, document: change(s.document) } : s;
}

function withProgress(s: AppState, ref: string, entry: ProgressEntry | undefined): AppState {
  return withDocument(s, (doc) => {
    const progress = { ...doc.progress };
    if (entry) progress[ref] = entry;
    else delete progress[ref];
    return { ...doc, progress };
  });
}

function withNote(s: AppState, ref: string, note: Note | null): AppState {
  return withDocument(s, (doc) => {
    const notes = { ...doc.notes };
    if (note) notes[ref] = note;
    else delete notes[ref];
    return { ...doc, notes };
  });
}
