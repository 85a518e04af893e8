import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note } from '../../data/model/schema';
import { journalDraft, settleDraft } from '../draft-journal';
import { registerFlusher } from '../flush-registry';
import { mergeNoteText } from '../../data/model/text-merge';

export type SaveNote = (ref: string, body: string) => Promise<{ ok: true; note: Note | null } | { ok: false; message: string }>;
export type DraftStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/** Quiet time after the last keystroke before a note is written. */
export const NOTE_DEBOUNCE_MS = 500;
const JOURNAL_LIMIT = 1_000_000;

/**
 * A note being edited: typing updates the draft at once and writes it after a pause. Writes go out one
 * after another, so an older text can never land after a newer one. Anything unwritten is written when
 * the panel closes, and when main asks before the window closes (flush registry). Every keystroke is
 * also journaled synchronously (draft-journal), so a page that goes away mid-debounce loses nothing.
 */
export function useNoteDraft(ref: string, saved: Note | undefined, save: SaveNote) {
  const savedBody = saved?.body ?? '';
  const [draft, setDraft] = useState(savedBody);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'saved' });
  const latest = useRef(savedBody);
  const written = useRef(savedBody);
  const base = useRef(saved?.updatedAt ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const next = chain.current.then(async () => {
      const body = latest.current;
      if (body === written.current) return;
      const result = await save(ref, body);
      if (result.ok) {
        written.current = body;
        base.current = result.note?.updatedAt ?? null;
        settleDraft(ref, body);
        if (latest.current === body) setStatus({ kind: 'saved' });
      } else {
        setStatus({ kind: 'failed', message: result.message });
      }
    });
    chain.current = next.catch(() => undefined);
    return next;
  }, [ref, save]);

  const edit = useCallback(
    (text: string) => {
      latest.current = text;
      // Journaling a note of many megabytes on every keystroke would make typing lag; such a note
      // relies on the debounced save and the flush before close.
      if (text.length < JOURNAL_LIMIT) journalDraft(ref, { body: text, base: base.current, at: new Date().toISOString() });
      setDraft(text);
      setStatus({ kind: 'saving' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), NOTE_DEBOUNCE_MS);
    },
    [ref, flush],
  );

  // The note changed outside this editor (merged from another computer): show the new text. Typing not
  // yet saved is merged into it line by line (both kept, marked, where they touch the same lines) and
  // saved, so neither the typing nor the other computer's change is lost.
  useEffect(() => {
    if (savedBody === written.current) return;
    const typed = latest.current;
    const pending = typed !== written.current;
    const next = pending ? mergeNoteText(written.current, typed, savedBody, { first: 'typed here', second: 'from the other computer' }).text : savedBody;
    written.current = savedBody;
    base.current = saved?.updatedAt ?? null;
    latest.current = next;
    setDraft(next);
    if (pending && next !== savedBody) {
      setStatus({ kind: 'saving' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), NOTE_DEBOUNCE_MS);
    } else if (pending) {
      setStatus({ kind: 'saved' });
    }
  }, [savedBody, saved?.updatedAt, flush]);

  useEffect(() => registerFlusher(flush), [flush]);
  // Closing the panel (unmount) writes what is pending instead of dropping it.
  useEffect(() => () => void flush(), [flush]);

  return { draft, status, edit, flush };
}
