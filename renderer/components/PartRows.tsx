import type { Part, Resource, Status } from '../../data/model/schema';
import { useActions } from '../actions';
import { statusChanged } from '../wording';
import { ExternalLink } from './ExternalLink';
import { Highlighted } from './Highlighted';
import { LinkCheckLine } from './LinkCheckLine';
import { ReadCheckbox } from './ReadCheckbox';
import { StatusSelect } from './StatusSelect';

// The two ways a part shows in PartsSection: as a row to tick and open, and as a row to edit.

interface EditProps {
  part: Part;
  index: number;
  count: number;
  /** The resource's ref (`list/resource`). */
  resourceRef: string;
  onError: (error: string | null) => void;
  /** Told before a move or a removal, so the focus can follow the part once the list has changed. */
  onKeep: (kept: KeptFocus) => void;
}

/** Which control of which part had the focus when it was moved or removed (see `focusKept`). */
export interface KeptFocus {
  partId: string;
  control: 'up' | 'down' | 'remove';
  index: number;
}

/** Rename (on blur or Enter, which keeps the cursor in the title), move up or down, remove. */
export function PartEditRow({ part, index, count, resourceRef, onError, onKeep }: EditProps) {
  const actions = useActions();
  const partRef = `${resourceRef}/${part.id}`;
  const rename = (input: HTMLInputElement) => {
    const title = input.value;
    if (title.trim() === '') {
      input.value = part.title;
      onError('A part needs a title.');
    } else if (title.trim() !== part.title) {
      onError(null);
      void actions.parts.rename(partRef, part.title, title);
    }
  };
  const move = (control: 'up' | 'down') => {
    onKeep({ partId: part.id, control, index });
    void actions.parts.move(partRef, index, control === 'up' ? index - 1 : index + 1);
  };
  return (
    <li className="subitem part-edit" data-part-id={part.id}>
      <input
        type="text"
        className="part-title-input"
        defaultValue={part.title}
        aria-label={`Title of part ${index + 1}`}
        onBlur={(event) => rename(event.target)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          rename(event.currentTarget);
        }}
      />
      <button type="button" className="icon-button small" data-control="up" aria-label={`Move “${part.title}” up`} disabled={index === 0} onClick={() => move('up')}>
        ↑
      </button>
      <button
        type="button"
        className="icon-button small"
        data-control="down"
        aria-label={`Move “${part.title}” down`}
        disabled={index === count - 1}
        onClick={() => move('down')}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button small danger"
        data-control="remove"
        aria-label={`Remove “${part.title}”`}
        onClick={() => {
          onKeep({ partId: part.id, control: 'remove', index });
          void actions.parts.remove(resourceRef, partRef);
        }}
      >
        ✕
      </button>
    </li>
  );
}

/**
 * Where the focus goes once a move or a removal has changed the parts, if it was lost on the way (the
 * row's node moved, its button disabled at an end, the row gone): the moved part's same arrow, or its
 * other one at an end; after a removal the ✕ of the part now in its place, or of the one before, or the
 * new part's title when none is left.
 */
export function focusKept(section: HTMLElement, kept: KeptFocus): void {
  const active = document.activeElement;
  const lost = !active || active === document.body || (section.contains(active) && (active as HTMLButtonElement).disabled === true);
  if (!lost) return;
  const rows = [...section.querySelectorAll<HTMLElement>('li.part-edit')];
  let target: HTMLElement | null | undefined;
  if (kept.control === 'remove') {
    target = (rows[kept.index] ?? rows[kept.index - 1])?.querySelector<HTMLElement>('[data-control="remove"]') ?? section.querySelector<HTMLElement>('.add-part input');
  } else {
    const row = rows.find((r) => r.dataset.partId === kept.partId);
    const other = kept.control === 'up' ? 'down' : 'up';
    target = [kept.control, other].map((c) => row?.querySelector<HTMLButtonElement>(`[data-control="${c}"]`)).find((b) => b && !b.disabled);
  }
  target?.focus();
}

interface RowProps {
  part: Part;
  resource: Resource;
  status: Status;
  partRef: string;
  terms: string[];
}

/** Tick, open (its own link, or the resource's), status, and its link check. */
export function PartRow({ part, resource, status, partRef, terms }: RowProps) {
  const actions = useActions();
  return (
    <li className={`subitem subitem-${status}`} data-part={partRef} tabIndex={-1} aria-label={`Part: ${part.title}`}>
      <ReadCheckbox itemRef={partRef} title={part.title} checked={status === 'done'} />
      <ExternalLink
        url={part.url ?? resource.url}
        onOpen={() => actions.openLink(partRef)}
        className="subitem-title"
        hint={part.url ? undefined : `No link of its own: opens ${resource.title}`}
      >
        <Highlighted text={part.title} terms={terms} />
      </ExternalLink>
      <span className="via-parent">{part.url ? '' : resource.kind === 'video-series' ? 'in the playlist' : 'via the main link'}</span>
      <StatusSelect
        title={part.title}
        status={status}
        explicit
        compact
        disabled={actions.readOnly}
        onChange={(next) => actions.changeStatus(partRef, next, statusChanged(part.title, next))}
      />
      <LinkCheckLine itemRef={partRef} url={part.url} title={part.title} formerUrls={part.formerUrls} quietWhenOk />
    </li>
  );
}
