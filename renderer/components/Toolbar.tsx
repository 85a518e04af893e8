import { forwardRef, startTransition, useLayoutEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { count, kindLabel } from '../format';
import { counted } from '../wording';
import { STATUS_LABELS, STATUS_ORDER } from '../progress';
import { NO_FILTERS, type Filters } from '../search';

interface Props {
  filters: Filters;
  onChange: Dispatch<SetStateAction<Filters>>;
  kinds: string[];
  shown: number;
  total: number;
  /** The search index is still being built (a long list just opened). */
  indexing?: boolean;
}

/** Search as you type, filters and sort for the list on screen, with how many resources are shown. */
export const Toolbar = forwardRef<HTMLInputElement, Props>(function Toolbar({ filters, onChange, kinds, shown, total, indexing = false }, searchRef) {
  const set = (change: Partial<Filters>) => onChange((now) => ({ ...now, ...change }));
  // The box shows each typed character in a render of its own, this small one; the query reaches the
  // window's state (and the list, the counts, the other lists) in a transition, which React renders
  // after that frame and drops for the next key. Updates apply in the order they were asked for, so a
  // Clear or a list switched meanwhile still wins over a query sent before it.
  const [typed, setTyped] = useState(filters.query);
  const sent = useRef<string[]>([]);
  const type = (query: string) => {
    setTyped(query);
    sent.current.push(query);
    startTransition(() => set({ query }));
  };
  // The query as the window has it: one of ours coming back (it may be older than what is typed now),
  // or a change from elsewhere (Clear, another list, a shortcut), which the box then shows.
  useLayoutEffect(() => {
    const ours = sent.current.indexOf(filters.query);
    if (ours >= 0) sent.current.splice(0, ours + 1);
    else {
      sent.current = [];
      setTyped(filters.query);
    }
  }, [filters.query]);
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="toolbar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label="Search this list"
        aria-busy={indexing}
        placeholder="Search titles, authors, descriptions, notes…   /"
        value={typed}
        onChange={(event) => type(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            type('');
            event.currentTarget.blur();
          }
        }}
      />
      <div className="filters">
        <select aria-label="Filter by status" value={filters.status} onChange={(e) => set({ status: e.target.value as Filters['status'] })}>
          <option value="all">Any status</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select aria-label="Filter by kind" value={filters.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="all">Any kind</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
        <label className="check-label">
          <input type="checkbox" checked={filters.hasNotes} onChange={(e) => set({ hasNotes: e.target.checked })} />
          Has notes
        </label>
        <select aria-label="Sort" value={filters.sort} onChange={(e) => set({ sort: e.target.value as Filters['sort'] })}>
          <option value="list">List order</option>
          <option value="touched">Recently touched</option>
          <option value="title">Title</option>
        </select>
        <p className="result-count" role="status" aria-live="polite">
          {active ? `${count(shown)} of ${counted(total, 'resource')}` : counted(total, 'resource')}
        </p>
        {active && (
          <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
            Clear
          </button>
        )}
      </div>
    </div>
  );
});
