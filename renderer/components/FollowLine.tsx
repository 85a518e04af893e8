import { useId, useState } from 'react';
import type { FollowState } from '../../data/model/reports';
import type { ReviewedChange, ReviewOutcome } from '../../data/follow/review';
import type { StudyList } from '../../data/model/schema';
import type { AppState } from '../../electron/api/contract';
import { api } from '../api';
import { isWebUrl } from '../format';
import { useMainValue } from '../hooks/useMainValue';
import { plural } from '../wording';
import { FollowWeekly } from './FollowWeekly';
import { Modal } from './Modal';

const when = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

interface Props {
  list: StudyList;
  readOnly: boolean;
  onError: (message: string) => void;
  onInfo: (message: string) => void;
  /** Main's answer to a follow or a review: the new state, shown with the message. */
  onState: (next: AppState, message: string, removed?: ReviewOutcome['removed']) => void;
}

/** A removal of a resource the user has notes or progress on is never taken by "take all": only on its own. */
const ownData = (c: ReviewedChange) => c.kind === 'removed' && (c.notes || c.progress);

/**
 * Where the list came from, in the list header, and following it: "Follow this list" on a list with a
 * web source (or a page the user names), "Check for changes" (nothing is contacted before the user
 * asks), and, when the author changed it, the review of the changes.
 */
export function FollowLine({ list, readOnly, onError, onInfo, onState }: Props) {
  const [states] = useMainValue<Record<string, FollowState>>(
    () => api().getFollowStates(),
    (listener) => api().on('followChanged', listener),
  );
  const state = states?.[list.id] ?? null;
  const [asking, setAsking] = useState(false);
  // Kept here, not in the form: a page typed, then Cancel, is still there when the form opens again.
  const [address, setAddress] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const source = list.follow?.url ?? list.source;

  const follow = async (url: string | null): Promise<boolean> => {
    const result = await api().followList(list.id, url);
    if (!result.ok) onError(result.error.message);
    else {
      setAsking(false);
      onState(result.value, url === null ? `“${list.title}” is no longer followed.` : `Following “${list.title}”: check it for the author’s changes whenever you like.`);
    }
    return result.ok;
  };
  const check = async (left = false) => {
    const result = await (left ? api().reviewLeftChanges(list.id) : api().checkFollowedList(list.id));
    if (!result.ok) onError(result.error.message);
    else if (result.value.outcome === 'offline' || result.value.outcome === 'failed') onError(result.value.message);
    else if (left && result.value.review) setReviewing(true);
    else onInfo(result.value.message);
  };

  const checkArticle = async () => {
    if (await follow(list.source)) await check();
  };

  return (
    <div className="follow-line">
      {source && (
        <p className="list-source-line">
          {list.follow ? 'Following ' : 'From '}
          {isWebUrl(source) ? <span className="list-source-address">{source}</span> : <span>{source}</span>}
          {list.follow && <> · {state?.lastChecked ? `last checked ${when.format(new Date(state.lastChecked))}` : 'not checked yet'}</>}
        </p>
      )}
      {state?.review && (
        <p className="follow-changed" role="status">
          <strong>The author changed this list:</strong> {state.review.changes.length} {plural(state.review.changes.length, 'change')} to review.{' '}
          <button type="button" className="button button-primary" onClick={() => setReviewing(true)}>
            Review changes…
          </button>
        </p>
      )}
      {!state?.review && (state?.left ?? 0) > 0 && (
        <p className="follow-left">
          You left {state!.left} {plural(state!.left, 'change')} of the author’s: {state!.left === 1 ? 'it is' : 'they are'} not shown again unless the author changes{' '}
          {state!.left === 1 ? 'it' : 'them'} again.{' '}
          {!readOnly && (
            <button type="button" className="link-button" disabled={state?.checking} onClick={() => void check(true)}>
              Show the changes you left
            </button>
          )}
        </p>
      )}
      {!readOnly && (
        <div className="follow-actions">
          {list.follow ? (
            <>
              <button type="button" className="button" disabled={state?.checking} onClick={() => void check()}>
                {state?.checking ? 'Checking…' : 'Check for changes'}
              </button>
              <button type="button" className="link-button" onClick={() => void follow(null)}>
                Stop following
              </button>
              <FollowWeekly onError={onError} />
            </>
          ) : isWebUrl(list.source) && list.bundledVersion !== null ? (
            // The list the app ships comes from an article: following it and checking is one step (the user asked).
            <button type="button" className="button" onClick={() => void checkArticle()}>
              Check the article for changes
            </button>
          ) : isWebUrl(list.source) ? (
            <button type="button" className="button" onClick={() => void follow(list.source)}>
              Follow this list
            </button>
          ) : asking ? (
            <FollowAddressForm address={address} onAddressChange={setAddress} onFollow={(url) => void follow(url)} onCancel={() => setAsking(false)} />
          ) : (
            <button type="button" className="link-button" onClick={() => setAsking(true)}>
              Follow a web page…
            </button>
          )}
        </div>
      )}
      <ReviewDialog
        open={reviewing && state?.review != null}
        list={list}
        changes={state?.review?.changes ?? []}
        onClose={() => setReviewing(false)}
        onDone={async (take) => {
          const result = await api().finishListReview(list.id, take);
          if (!result.ok) {
            onError(result.error.message);
            return;
          }
          setReviewing(false);
          const left = (state?.review?.changes.length ?? 0) - take.length;
          onState(result.value, `Took ${take.length} ${plural(take.length, 'change')} and left ${left}.`, result.value.removed);
        }}
      />
    </div>
  );
}

interface ReviewProps {
  open: boolean;
  list: StudyList;
  changes: ReviewedChange[];
  onClose: () => void;
  onDone: (take: string[]) => Promise<void>;
}

/** Each change taken or left on its own, or all at once; what the user has on the list is kept. */
function ReviewDialog({ open, list, changes, onClose, onDone }: ReviewProps) {
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const toggle = (id: string, on: boolean) =>
    setTaken((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const left = changes.length - taken.size;
  return (
    <Modal open={open} title={`What the author changed in “${list.title}”`} onClose={onClose} onOpen={() => setTaken(new Set())}>
      <div className="form">
        <p className="dialog-lead">
          Tick the changes to take; the others are left as your list has them. Your ticks, statuses, parts and notes stay on every resource
          that stays.
        </p>
        <div className="form-actions-left">
          <button type="button" className="button" onClick={() => setTaken(new Set(changes.filter((c) => !ownData(c)).map((c) => c.id)))}>
            Take all
          </button>
          <button type="button" className="button" onClick={() => setTaken(new Set())}>
            Leave all
          </button>
        </div>
        {changes.some(ownData) && <p className="field-help">“Take all” leaves the removal of a resource you have notes or progress on: tick it yourself to remove it.</p>}
        <ul className="review-changes" aria-label="Changes">
          {changes.map((c) => (
            <li key={c.id}>
              <label className="check-row">
                <input type="checkbox" checked={taken.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                <span>{c.words}</span>
              </label>
            </li>
          ))}
        </ul>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            Decide later
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onDone(changes.filter((c) => taken.has(c.id)).map((c) => c.id)).finally(() => setBusy(false));
            }}
          >
            Take {taken.size} and leave {left}
          </button>
        </footer>
      </div>
    </Modal>
  );
}

/** "Follow a web page…": the address of the page a list comes from. */
function FollowAddressForm(props: { address: string; onAddressChange: (address: string) => void; onFollow: (url: string) => void; onCancel: () => void }) {
  const { address, onAddressChange: setAddress, onFollow, onCancel } = props;
  const fieldId = useId();
  return (
    <form
      className="follow-form"
      onSubmit={(e) => {
        e.preventDefault();
        onFollow(address.trim());
      }}
    >
      <label htmlFor={fieldId}>Web page this list comes from</label>
      <input id={fieldId} type="url" required placeholder="https://…" value={address} onChange={(e) => setAddress(e.target.value)} />
      <button type="submit" className="button">
        Follow
      </button>
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
