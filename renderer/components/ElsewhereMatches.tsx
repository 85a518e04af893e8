import { useMemo } from 'react';
import type { Note, StudyList } from '../../data/model/schema';
import { matchesElsewhere } from '../search-elsewhere';
import { counted } from '../wording';

interface Props {
  lists: readonly StudyList[];
  currentId: string;
  notes: Readonly<Record<string, Note>>;
  query: string;
  onOpen: (listId: string) => void;
}

/** "2 more in “Python behind the scenes”": what the search finds in the other lists, one click away. */
export function ElsewhereMatches({ lists, currentId, notes, query, onOpen }: Props) {
  // The query comes in the search box's transition (Toolbar), after the typed character is painted:
  // counted in the same render as the list's own results. (Deferring it again here mounted this in
  // a second commit after the results, one frame later.)
  const found = useMemo(() => matchesElsewhere(lists, currentId, notes, query), [lists, currentId, notes, query]);
  if (found.length === 0) return null;
  return (
    <nav className="elsewhere" aria-label="Matches in other lists">
      <span className="muted">Also in other lists:</span>
      {found.map(({ list, count }) => (
        <button key={list.id} type="button" className="button" onClick={() => onOpen(list.id)}>
          {counted(count, 'match', 'matches')} in “{list.title}”
        </button>
      ))}
    </nav>
  );
}
