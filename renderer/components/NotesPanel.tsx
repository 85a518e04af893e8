import { memo, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { Note } from '../../data/model/schema';
import { useActions } from '../actions';
import { timeAgo } from '../format';
import { useNoteDraft, type DraftStatus } from '../hooks/useNoteDraft';
import { counted } from '../wording';
import { NotePreview } from './NotePreview';
import { toggleTask } from '../note-tasks';

interface Props {
  noteRef: string;
  title: string;
  note: Note | undefined;
  /** Set by the keyboard shortcut that opens the editor. */
  openRequest: number;
}

/** Counts words without building an array: a note of many megabytes must not stall a render. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Rows for the editor: the lines of the text, between 6 and 18, found without splitting it. */
function rowsFor(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines < 18; at = text.indexOf('\n', at + 1)) lines++;
  return Math.min(18, Math.max(6, lines + 1));
}

/** Memoised: ticking another resource must not re-render (and re-measure) a long note. */
export const NotesPanel = memo(function NotesPanel({ noteRef, title, note, openRequest }: Props) {
  const { readOnly } = useActions();
  const [open, setOpen] = useState(false);
  // From 0: a card made while a request for it is waiting (its list shown for "Notes to resolve", a long
  // list scrolled to it) opens too. The list passes only requests not answered yet.
  const [seenRequest, setSeenRequest] = useState(0);
  const panelId = useId();
  // The "edit note" shortcut asks by bumping openRequest: open when it changes.
  if (openRequest !== seenRequest) {
    setSeenRequest(openRequest);
    if (openRequest > 0) setOpen(true);
  }
  const body = note?.body ?? '';
  // The first line as it reads, without its Markdown marks (a heading's #, a list's -, a task's [ ], a quote's >).
  const excerpt = useMemo(() => {
    const line = body.slice(0, 2000).split('\n').find((l) => l.trim() !== '');
    return line?.replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)+/, '').trim() || line;
  }, [body]);
  const words = useMemo(() => wordCount(body), [body]);
  // Esc in the editor: back to the card, so the next key is a shortcut again (`j` moves on instead of
  // being typed). The editor closes, which writes what is not written yet.
  const leave = (from: HTMLElement) => {
    from.closest<HTMLElement>('[data-resource]')?.focus({ preventScroll: true });
    setOpen(false);
  };
  return (
    <div className="notes">
      <div className="notes-bar">
        <button type="button" className="notes-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {note ? 'Notes' : readOnly ? 'No notes' : 'Add a note'}
        </button>
        {note && !open && (
          <span className="notes-when">
            {counted(words, 'word')} · edited {timeAgo(note.updatedAt)}
          </span>
        )}
        {note?.whereStopped && !open && (
          <span className="stopped-chip" title="Where I stopped">
            ⏸ {note.whereStopped}
          </span>
        )}
      </div>
      {!open && excerpt && <p className="notes-excerpt">{excerpt}</p>}
      {open && <NoteEditor id={panelId} noteRef={noteRef} title={title} note={note} onLeave={leave} />}
    </div>
  );
});

interface EditorProps {
  id: string;
  noteRef: string;
  title: string;
  note: Note | undefined;
  /** Esc pressed in one of its fields (the field given). */
  onLeave: (from: HTMLElement) => void;
}

function NoteEditor({ id, noteRef, title, note, onLeave }: EditorProps) {
  const { saveNote, saveWhereStopped, openUrl, readOnly } = useActions();
  const { draft, status, edit } = useNoteDraft(noteRef, note, saveNote);
  const preview = useDeferredValue(draft);
  const words = useMemo(() => wordCount(preview), [preview]);
  const [stopped, setStopped] = useState(note?.whereStopped ?? '');
  const saved = useRef(note?.whereStopped ?? '');
  const commitStopped = () => {
    if (stopped.trim() === saved.current) return;
    saved.current = stopped.trim();
    void saveWhereStopped(noteRef, stopped);
  };
  return (
    <div id={id} className="note-editor">
      <label className="stopped-field">
        <span>Where I stopped</span>
        <input
          type="text"
          value={stopped}
          placeholder="e.g. lecture 4, 12:30"
          readOnly={readOnly}
          onChange={(event) => setStopped(event.target.value)}
          onBlur={commitStopped}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitStopped();
            if (event.key === 'Escape') {
              event.preventDefault();
              commitStopped();
              onLeave(event.currentTarget);
            }
          }}
        />
      </label>
      <div className="note-panes">
        <textarea
          className="note-text"
          aria-label={`Notes for ${title}`}
          placeholder="What did you learn? Markdown works: lists, `code`, - [ ] tasks, links."
          value={draft}
          rows={rowsFor(draft)}
          onChange={(event) => edit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onLeave(event.currentTarget);
            }
          }}
          readOnly={readOnly}
          autoFocus
        />
        <section className="note-preview" tabIndex={0} aria-label={`Preview of the notes for ${title}`}>
          {preview.trim() ? <NotePreview body={preview} openUrl={openUrl} onToggleTask={readOnly ? undefined : (offset) => preview === draft && edit(toggleTask(draft, offset))} /> : <p className="muted">The preview appears here as you type.</p>}
        </section>
      </div>
      <div className="note-footer">
        <span className="muted">{counted(words, 'word')}</span>
        {!readOnly && <SaveStatus status={status} />}
      </div>
    </div>
  );
}

function SaveStatus({ status }: { status: DraftStatus }) {
  const text = status.kind === 'saved' ? 'Saved' : status.kind === 'saving' ? 'Saving…' : `Not saved: ${status.message}`;
  return (
    <p className={`save-status save-${status.kind}`} role="status" aria-live="polite">
      {status.kind === 'saved' && <span aria-hidden="true">✓ </span>}
      {text}
    </p>
  );
}
