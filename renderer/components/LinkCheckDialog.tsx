import type { LinkChecksState } from '../../data/model/reports';
import type { StudyList } from '../../data/model/schema';
import { count } from '../format';
import { summaryText } from '../hooks/useLinkChecks';
import { Modal } from './Modal';

interface Props {
  list: StudyList | null;
  /** How many web addresses the list holds (resources, parts, nested links), and all lists together. */
  addresses: number;
  allAddresses: number;
  onCheckAll: () => void;
  state: LinkChecksState | null;
  onClose: () => void;
  onCheck: () => void;
  onAutoCheckChange: (enabled: boolean) => void;
}

const when = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/**
 * Before any request leaves the computer, the user sees what will be contacted and how — and the
 * weekly background check is only ever turned on here, by the user.
 */
export function LinkCheckDialog({ list, addresses, allAddresses, state, onClose, onCheck, onCheckAll, onAutoCheckChange }: Props) {
  return (
    <Modal open={list !== null} title="Check links" onClose={onClose} narrow>
      {list && (
        <div className="form">
          <p className="dialog-lead">
            Studyshelf will ask the site of each of the {count(addresses)} web addresses in “{list.title}” whether the page is still
            there. It reads only the answer’s headers, sends no cookies, asks at most 2 pages of a site at a time, and contacts
            nothing but those sites.
          </p>
          <label className="check-row">
            <input type="checkbox" checked={state?.autoCheck ?? false} onChange={(e) => onAutoCheckChange(e.target.checked)} />
            <span>
              Check the links of all my lists automatically, once a week
              <span className="field-help">Off until you turn it on. Runs in the background while Studyshelf is open.</span>
            </span>
          </label>
          {state?.lastRun && (
            <p className="muted">
              Last check ({when.format(new Date(state.lastRun.at))}
              {state.lastRun.automatic ? ', weekly' : ''}): {summaryText(state.lastRun)}
            </p>
          )}
          <footer className="dialog-footer">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            {allAddresses > addresses && (
              <button type="button" className="button" disabled={state?.running} onClick={onCheckAll}>
                Check all lists ({count(allAddresses)} links)
              </button>
            )}
            <button type="button" className="button button-primary" disabled={addresses === 0 || state?.running} onClick={onCheck}>
              {state?.running ? 'A check is running…' : `Check ${count(addresses)} links`}
            </button>
          </footer>
        </div>
      )}
    </Modal>
  );
}
