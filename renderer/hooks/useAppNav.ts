import { useCallback, useMemo, useState } from 'react';
import { NO_FILTERS, type Filters } from '../search';

export type AppView = 'list' | 'stats' | 'review';
/** A request for a card (open its note, bring it into view), with a counter so each press counts. */
export type CardRequest = { resourceId: string; count: number } | null;

const bump = (resourceId: string) => (r: CardRequest) => ({ resourceId, count: (r?.count ?? 0) + 1 });

/** What the window shows: the view, the list chosen, its filters, and the card requests sent down to it. */
export function useAppNav() {
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [view, setView] = useState<AppView>('list');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [noteRequest, setNoteRequest] = useState<CardRequest>(null);
  const [goToRequest, setGoToRequest] = useState<CardRequest>(null);
  /** A list shown afresh: its filters cleared. */
  const showList = useCallback((id: string | undefined) => {
    setSelectedId(id);
    setFilters(NO_FILTERS);
    setView('list');
  }, []);
  /** A list shown keeping the filters (the same search, in another list; a list just made or imported into). */
  const keepFiltersIn = useCallback((id: string | null | undefined) => {
    if (id) setSelectedId(id);
    setView('list');
  }, []);
  const requestNote = useCallback((resourceId: string) => setNoteRequest(bump(resourceId)), []);
  const requestGoTo = useCallback((resourceId: string) => setGoToRequest(bump(resourceId)), []);
  return useMemo(
    () => ({ selectedId, view, setView, filters, setFilters, noteRequest, goToRequest, showList, keepFiltersIn, requestNote, requestGoTo }),
    [selectedId, view, filters, noteRequest, goToRequest, showList, keepFiltersIn, requestNote, requestGoTo],
  );
}

export type AppNav = ReturnType<typeof useAppNav>;
