import { useState } from 'react';
import type { LinkCheck, LinkState } from '../../data/model/reports';
import { useActions } from '../actions';
import { hostOf } from '../format';
import { useLinkActions } from '../hooks/useLinkChecks';

interface Props {
  /** The item checked: a resource, a part or a nested link. */
  itemRef: string;
  url: string | null;
  title: string;
  formerUrls?: { url: string; until: string }[];
  /** Parts and nested links: say nothing when the link is fine. */
  quietWhenOk?: boolean;
}

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export const LINK_STATE_LABELS: Record<LinkState, string> = {
  ok: 'Link OK',
  redirected: 'Redirects',
  broken: 'Broken link',
  unreachable: 'Not reachable',
};

function labelOf(check: LinkCheck): string {
  return check.state === 'redirected' && check.movedTo ? 'Moved' : LINK_STATE_LABELS[check.state];
}

/**
 * What the last link check found for one link: its state in words, and what can be done about it —
 * use the new address of a moved page, open the archived copy of a dead or moved one, see the history.
 */
export function LinkCheckLine({ itemRef, url, title, formerUrls, quietWhenOk }: Props) {
  const links = useLinkActions();
  const actions = useActions();
  const [history, setHistory] = useState<LinkCheck[] | null>(null);
  const check = url ? links.latest[url] : undefined;
  const former = formerUrls?.at(-1);
  if (!check && !former) return null;
  if (check?.state === 'ok' && quietWhenOk) return null;
  const showArchive = check && (check.state === 'broken' || check.state === 'redirected');
  return (
    <div className={`link-check${check ? ` link-check-${check.state}` : ''}`} data-link-state={check?.state}>
      {check && (
        <>
          <span className={`link-chip link-chip-${check.state}`}>{labelOf(check)}</span>
          <span className="link-reason">
            {check.state === 'ok' ? `checked ${day.format(new Date(check.at))}` : check.reason}
          </span>
          {check.state !== 'ok' && <span className="link-when">checked {day.format(new Date(check.at))}</span>}
        </>
      )}
      {former && (
        <span className="link-former" title={former.url}>
          formerly at {hostOf(former.url)}
          {pathOf(former.url)}
        </span>
      )}
      <span className="link-actions">
        {check?.movedTo && check.movedTo !== url && !actions.readOnly && (
          <button type="button" className="link-button" onClick={() => void links.useNewAddress(itemRef, title)} aria-label={`Use the new address for ${title}`}>
            Use the new address
          </button>
        )}
        {showArchive && (
          <button type="button" className="link-button" onClick={() => void links.openArchivedCopy(itemRef)} aria-label={`Open archived copy of ${title}`}>
            Open archived copy
          </button>
        )}
        {check && url && (
          <button
            type="button"
            className="link-button"
            aria-expanded={history !== null}
            aria-label={`Link history of ${title}`}
            onClick={() => (history ? setHistory(null) : void links.history(url).then(setHistory))}
          >
            History
          </button>
        )}
      </span>
      {history && (
        <ol className="link-history" aria-label={`Link checks of ${title}`}>
          {history.map((h) => (
            <li key={h.at}>
              <span className={`link-chip link-chip-${h.state}`}>{labelOf(h)}</span> {day.format(new Date(h.at))} — {h.reason}
            </li>
          ))}
          {formerUrls?.map((f) => (
            <li key={f.url + f.until}>
              Was <span className="link-former-url">{f.url}</span> until {day.format(new Date(f.until))}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function pathOf(url: string): string {
  try {
    const { pathname } = new URL(url);
    return pathname === '/' ? '' : pathname;
  } catch {
    return '';
  }
}
