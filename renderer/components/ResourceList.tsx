import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Note, ProgressEntry } from '../../data/model/schema';
import type { Match } from '../search';
import { ResourceCard } from './ResourceCard';
import { FocusedCard } from './focused-card';
import { CARD_GAP, followListTop, holdIn, OffsetTeller, rangeKeeping, TypicalHeight } from './virtual-parts';

/** Lists this long are virtualised (whatever a search leaves of them): only the cards near the viewport are in the page. */
export const VIRTUALIZE_FROM = 60;

export interface ResourceListHandle {
  /** Scrolls a resource's card to the top and focuses it, rendering it first if it is far away. */
  goTo(resourceId: string): void;
}

interface Props {
  listId: string;
  matches: Match[];
  /** Where each resource sits in the whole list, 0 for the first (`positionsIn`). */
  positions: ReadonlyMap<string, number>;
  progress: Record<string, ProgressEntry>;
  notes: Readonly<Record<string, Note>>;
  noteRequest: { resourceId: string; count: number } | null;
  count: number;
  /** What the matches answer (the filters): when it changes, the results start again at their top. */
  resultsOf?: unknown;
  /** How much of the top of the scrolling area the sticky toolbar covers (useCoveredTop): a card scrolled to goes below it. */
  covered?: number;
}

/**
 * The cards of a list. Short lists render every card (the browser's find works on all of them); long
 * ones render only what is on screen and a few more, so 10,000 resources scroll like 10.
 */
export const ResourceList = forwardRef<ResourceListHandle, Props>(function ResourceList(props, handle) {
  const { listId, matches, positions, progress, notes, noteRequest, count, resultsOf, covered = 0 } = props;
  const list = useRef<HTMLOListElement>(null);
  const cards = useRef(new Map<string, HTMLLIElement>());
  // By the list's length, not the matches': a search leaving a few dozen of 10,000 would otherwise
  // mount every one of them on each keystroke, and the list would switch modes while typing.
  const virtual = count >= VIRTUALIZE_FROM;
  const [scrollMargin, setScrollMargin] = useState(0);

  // Stable between renders: a new function would make the virtualiser re-measure all 10,000 rows.
  const getItemKey = useCallback((index: number) => matches[index]?.resource.id ?? index, [matches]);
  // A card not measured yet is taken to be as tall as this list's cards most often are (TypicalHeight).
  const [heights] = useState(() => new TypicalHeight(190));
  const [offsets] = useState(() => new OffsetTeller());
  // Cards kept in the page wherever the list is scrolled: the one holding the focus, and any with an open
  // editor (by resource id, with how many reasons each is kept for).
  const [kept, setKept] = useState<ReadonlyMap<string, number>>(new Map());
  const keep = useCallback((id: string) => holdIn(setKept, id), []);
  const rangeExtractor = useMemo(() => rangeKeeping(kept, matches), [kept, matches]);
  const virtualizer = useVirtualizer({
    count: virtual ? matches.length : 0,
    getScrollElement: () => list.current?.closest('.content') ?? null,
    estimateSize: heights.estimate,
    measureElement: heights.measure,
    observeElementOffset: offsets.observe,
    gap: CARD_GAP,
    overscan: 2,
    rangeExtractor,
    scrollMargin,
    scrollPaddingStart: covered,
    getItemKey,
    // Scrolling re-renders in React's own time, not synchronously inside each scroll event.
    useFlushSync: false,
    // Positions and the list's height are written to the elements by the virtualiser: a card measured
    // after it mounts moves the others in the same frame, without a second render of the list (which
    // painted new results in two frames), and a scroll within the same cards renders nothing.
    directDomUpdates: true,
  });
  const { containerRef } = virtualizer;
  const listRef = useCallback((element: HTMLOListElement | null) => {
    list.current = element;
    containerRef(element);
  }, [containerRef]);

  // Where the list starts inside the scrolling area (below the header, "what next" and the toolbar):
  // measured again whenever anything above it changes size.
  useEffect(() => (list.current ? followListTop(list.current, setScrollMargin) : undefined), [virtual]);

  // The card holding the focus: kept in the page in a long list, and when it leaves the results with the
  // focus, the focus goes to the card that takes its place (FocusedCard).
  const [focused] = useState(() => new FocusedCard());
  useEffect(() => (list.current ? focused.follow(list.current, listId, virtual ? keep : undefined) : undefined), [focused, virtual, keep, listId]);
  useEffect(() => focused.resultsChanged(matches, cards.current, listId), [focused, matches, listId]);

  // New results (a keystroke in the search box, a filter) are read from their first: a list scrolled
  // far down comes back to where the results start, just under the sticky toolbar. A tick, which also
  // gives new matches, leaves the scroll alone. Read after the commit, not during render.
  const shownFor = useRef(resultsOf);
  useEffect(() => {
    if (shownFor.current === resultsOf) return;
    shownFor.current = resultsOf;
    const element = list.current;
    const scroller = element?.closest('.content');
    if (!element || !scroller) return;
    const under = scroller.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? scroller.getBoundingClientRect().top;
    const past = element.getBoundingClientRect().top - under;
    if (past >= 0) return;
    scroller.scrollTop += past;
    offsets.tell(scroller.scrollTop);
  }, [resultsOf, offsets]);

  const focusWhenRendered = useCallback((resourceId: string, tries = 120) => {
    const card = cards.current.get(resourceId);
    if (card) {
      // A long list's virtualiser has scrolled to the card (and keeps it there as cards around it are
      // measured); a scroll of ours as well would be one it hears of only at the next frame.
      if (!virtual) card.scrollIntoView({ block: 'start', behavior: 'smooth' });
      card.focus({ preventScroll: true });
      return;
    }
    // Not in the page yet (a long list mounts it once it has scrolled there, frames later): the card
    // that has the focus meanwhile gives it up, so a key pressed before the card is there (x, a status
    // key) does not change the card the user left.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('[data-resource]') && list.current?.contains(active)) active.blur();
    if (tries > 0) requestAnimationFrame(() => focusWhenRendered(resourceId, tries - 1));
  }, [virtual]);

  useImperativeHandle(handle, () => ({
    goTo(resourceId) {
      const index = matches.findIndex((m) => m.resource.id === resourceId);
      if (virtual && index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
      focusWhenRendered(resourceId);
    },
  }), [matches, virtual, virtualizer, focusWhenRendered]);

  // One ref callback per card for its whole life: a new one each render would re-measure every card.
  const refs = useRef(new Map<string, (element: HTMLLIElement | null) => void>());
  const measure = useRef(virtualizer.measureElement);
  measure.current = virtualizer.measureElement;
  const refFor = (id: string) => {
    let callback = refs.current.get(id);
    if (!callback) {
      callback = (element) => {
        if (element) {
          cards.current.set(id, element);
          if (element.dataset.index !== undefined) measure.current(element);
        } else {
          cards.current.delete(id);
          refs.current.delete(id);
        }
      };
      refs.current.set(id, callback);
    }
    return callback;
  };

  const card = (match: Match, virtualIndex?: number) => {
    const at = positions.get(match.resource.id);
    return (
      <ResourceCard
        key={match.resource.id}
        ref={refFor(match.resource.id)}
        listId={listId}
        resource={match.resource}
        position={at === undefined ? 0 : at + 1}
        progress={progress}
        note={notes[`${listId}/${match.resource.id}`]}
        terms={match.terms}
        noteRequest={noteRequest?.resourceId === match.resource.id ? noteRequest.count : 0}
        index={at ?? 0}
        count={count}
        virtualIndex={virtualIndex}
        keep={virtual ? keep : undefined}
      />
    );
  };

  if (!virtual) {
    return (
      <ol className="resources" ref={list}>
        {matches.map((match) => card(match))}
      </ol>
    );
  }
  return (
    <ol className="resources resources-virtual" ref={listRef}>
      {virtualizer.getVirtualItems().map((item) => card(matches[item.index]!, item.index))}
    </ol>
  );
});
