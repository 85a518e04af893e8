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
}

/** Rename (on blur or Enter), move up or down, remove. */
export function PartEditRow({ part, index, count, resourceRef, onError }: EditProps) {
  const actions = useActions();
  const partRef = `${resourceRef}/${part.id}`;
  return (
    <li className="subitem part-edit">
      <input
        type="text"
        className="part-title-input"
        defaultValue={part.title}
        aria-label={`Title of part ${index + 1}`}
        onBlur={(event) => {
          const title = event.target.value;
          if (title.trim() === '') {
            event.target.value = part.title;
            onError('A part needs a title.');
          } else if (title.trim() !== part.title) {
            onError(null);
            void actions.parts.rename(partRef, part.title, title);
          }
        }}
        onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
      />
      <button type="button" className="icon-button small" aria-label={`Move “${part.title}” up`} disabled={index === 0} onClick={() => void actions.parts.move(partRef, index, index - 1)}>
        ↑
      </button>
      <button
        type="button"
        className="icon-button small"
        aria-label={`Move “${part.title}” down`}
        disabled={index === count - 1}
        onClick={() => void actions.parts.move(partRef, index, index + 1)}
      >
        ↓
      </button>
      <button type="button" className="icon-button small danger" aria-label={`Remove “${part.title}”`} onClick={() => void actions.parts.remove(resourceRef, partRef)}>
        ✕
      </button>
    </li>
  );
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
