import { useMemo, useRef } from 'react';
import { LIST_FILE_INPUT_ACCEPT } from '../../data/model/import-formats';
import type { StudyDocument, StudyList } from '../../data/model/schema';
import type { ReviewOutcome } from '../../data/follow/review';
import type { AppState } from '../../electron/api/contract';
import { useActions } from '../actions';
import { focusAddForm } from '../add-form';
import { count, hostOf, isWebUrl } from '../format';
import type { ListLinkSummary } from '../link-summary';
import { listProgress, percent } from '../progress';
import { plural } from '../wording';
import { ExportMenu } from './ExportMenu';
import { FollowLine } from './FollowLine';
import { ProgressBar } from './ProgressBar';
import { HiddenFileInput } from './HiddenFileInput';

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

interface Props {
  list: StudyList;
  document: StudyDocument;
  links: ListLinkSummary;
  /** Whether only the resources with a link problem are shown. */
  filtering: boolean;
  onToggleLinkProblems: () => void;
  onEditList: () => void;
  onCheckLinks: () => void;
  onError: (message: string) => void;
  onInfo: (message: string) => void;
  onReplaceState: (next: AppState, message: string, removed?: ReviewOutcome['removed']) => void;
  onImportInto?: (file: File) => void;
  onChooseImportInto?: () => void;
}

/** The list's header: its title and actions, byline, follow line, description, progress and links checked. */
export function ListHeader({ list, document, links, filtering, onToggleLinkProblems, onEditList, onCheckLinks, onError, onInfo, onReplaceState, onImportInto, onChooseImportInto }: Props) {
  const actions = useActions();
  const importInput = useRef<HTMLInputElement>(null);
  // Walks every resource: computed when progress changes, not on each keystroke in the search box.
  const { done, total, share } = useMemo(() => listProgress(document.progress, list), [document.progress, list]);
  const skipped = list.resources.length - total;
  return (
    <header className="list-header">
      <div className="list-title-row">
        <h1 id="list-title" className="list-title" tabIndex={-1}>
          {list.title}
        </h1>
        <div className="list-actions">
          {!actions.readOnly && (
            <button type="button" className="button button-primary" onClick={() => focusAddForm()} aria-keyshortcuts="a">
              + Add resource
            </button>
          )}
          {!actions.readOnly && (
            <button type="button" className="button" onClick={onEditList}>
              Edit list…
            </button>
          )}
          {onImportInto && (
            <>
              <button type="button" className="button" onClick={() => (onChooseImportInto ? onChooseImportInto() : importInput.current?.click())}>
                Import into this list…
              </button>
              <HiddenFileInput ref={importInput} accept={LIST_FILE_INPUT_ACCEPT} label="File to import into this list" onFile={onImportInto} />
            </>
          )}
          <button type="button" className="button" onClick={onCheckLinks}>
            Check links…
          </button>
          <ExportMenu listId={list.id} onError={onError} onSaved={onInfo} />
        </div>
      </div>
      <p className="list-byline">
        {list.author && <span>by {list.author}</span>}
        {isWebUrl(list.source) && (
          <span className="list-source" title={list.source}>
            {hostOf(list.source)}
          </span>
        )}
      </p>
      <FollowLine list={list} readOnly={actions.readOnly} onError={onError} onInfo={onInfo} onState={onReplaceState} />
      {list.description && <p className="list-description">{list.description}</p>}
      <div className="list-progress">
        <ProgressBar done={done} total={total} share={share} label="List progress" size="large" />
        <p className="list-progress-text">
          <strong>
            {count(done)} of {count(total)}
          </strong>{' '}
          {plural(total, 'resource')} done · {percent(share, total)}%{skipped > 0 && ` · ${skipped} skipped`}
        </p>
      </div>
      <LinksChecked links={links} filtering={filtering} onToggle={onToggleLinkProblems} />
    </header>
  );
}

/** "Links checked …: n OK · n moved …", and the switch to only the resources with a link problem. */
function LinksChecked({ links, filtering, onToggle }: { links: ListLinkSummary; filtering: boolean; onToggle: () => void }) {
  if (links.checked === 0) return null;
  const notChecked = links.addresses - links.checked;
  const problems = links.moved + links.broken + links.unreachable;
  return (
    <p className="list-links" role="status">
      <span>
        Links checked {links.lastAt && day.format(new Date(links.lastAt))}: {count(links.ok)} OK
        {links.moved > 0 && <> · <span className="link-count link-count-moved">{count(links.moved)} moved</span></>}
        {links.broken > 0 && <> · <span className="link-count link-count-broken">{count(links.broken)} broken</span></>}
        {links.unreachable > 0 && <> · <span className="link-count link-count-unreachable">{count(links.unreachable)} not reachable</span></>}
        {notChecked > 0 && <> · {count(notChecked)} not checked</>}
      </span>
      {problems > 0 && (
        <button type="button" className="link-button" aria-pressed={filtering} onClick={onToggle}>
          {filtering ? 'Show all resources' : 'Show only link problems'}
        </button>
      )}
    </p>
  );
}
