import { useId, useState } from 'react';
import type { Note } from '../../data/schema';
import { timeAgo } from '../format';
import { useNoteDraft, type DraftStatus, type SaveNote } from '../hooks/useNoteDraft';

interface Props {
  noteRef: string;
  title: string;
  note: Note | undefined;
  save: SaveNote;
  readOnly: boolean;
}

export function NotesPanel({ noteRef, title, note, save, readOnly }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const excerpt = note?.body.split('\n').find((line) => line.trim() !== '');
  return (
    <div className="notes">
      <button
        type="button"
        className="notes-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {note ? 'Notes' : readOnly ? 'No notes' : 'Add a note'}
        {note && <span className="notes-when"> · edited {timeAgo(note.updatedAt)}</span>}
      </button>
      {!open && excerpt && <p className="notes-excerpt">{excerpt}</p>}
      {open && <NoteEditor id={panelId} noteRef={noteRef} title={title} note={note} save={save} readOnly={readOnly} />}
    </div>
  );
}

interface EditorProps {
  id: string;
  noteRef: string;
  title: string;
  note: Note | undefined;
  save: SaveNote;
  readOnly: boolean;
}

function NoteEditor({ id, noteRef, title, note, save, readOnly }: EditorProps) {
  const { draft, status, edit } = useNoteDraft(noteRef, note, save);
  return (
    <div id={id} className="note-editor">
      <textarea
        className="note-text"
        aria-label={`Notes for ${title}`}
        placeholder="What did you learn? Where did you stop? Markdown is fine."
        value={draft}
        rows={Math.min(16, Math.max(4, draft.split('\n').length + 1))}
        onChange={(event) => edit(event.target.value)}
        readOnly={readOnly}
        autoFocus
      />
      {!readOnly && <SaveStatus status={status} />}
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
