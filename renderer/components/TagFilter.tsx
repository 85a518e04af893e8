import { createContext, useContext } from 'react';
import '../styles/tags.css';

/** The list's tag filter, for the chips on every card: which tag is on, and how to choose one (null: none). */
export interface TagFilter {
  tag: string | null;
  filterBy: (tag: string | null) => void;
}

export const TagFilterContext = createContext<TagFilter>({ tag: null, filterBy: () => undefined });

export const useTagFilter = (): TagFilter => useContext(TagFilterContext);

/** “Tag: python ×” above the cards while a tag filter is on; the × shows every resource again. */
export function TagFilterBar({ tag, onClear }: { tag: string | null; onClear: () => void }) {
  if (tag === null) return null;
  return (
    <p className="tag-filter">
      <span>
        Tag: <strong>{tag}</strong>
      </span>
      <button type="button" className="tag-filter-clear" aria-label={`Clear the tag filter ${tag}`} title="Show every resource" onClick={onClear}>
        ×
      </button>
    </p>
  );
}
