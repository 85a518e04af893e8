import { defaultRangeExtractor, observeElementOffset, measureElement as measuredSize, type Range, type Virtualizer } from '@tanstack/react-virtual';
import type { Match } from '../search';

// The pieces ResourceList gives its virtualiser (a long list renders only the cards near the viewport).

/** The space between cards (the list's CSS gap, which absolutely placed cards cannot use). */
export const CARD_GAP = 12;

/** Follows where `list` starts inside its scrolling area (what is above it changing size); returns what stops it. */
export function followListTop(list: HTMLElement, setTop: (update: (current: number) => number) => void): (() => void) | undefined {
  const scroller = list.closest('.content');
  if (!scroller) return undefined;
  const measure = () => {
    const margin = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    setTop((current) => (Math.abs(margin - current) > 0.5 ? margin : current));
  };
  // Read in the observer's callback, after layout: reading it during render would force a layout.
  const observer = new ResizeObserver(measure);
  for (let sibling = list.previousElementSibling; sibling; sibling = sibling.previousElementSibling) observer.observe(sibling);
  observer.observe(scroller);
  return () => observer.disconnect();
}

/** Counts one more reason to keep the card of `id` in the page; returns what takes that reason back. */
export function holdIn(setKept: (update: (now: ReadonlyMap<string, number>) => ReadonlyMap<string, number>) => void, id: string): () => void {
  setKept((now) => new Map(now).set(id, (now.get(id) ?? 0) + 1));
  return () =>
    setKept((now) => {
      const next = new Map(now);
      if ((now.get(id) ?? 0) > 1) next.set(id, now.get(id)! - 1);
      else next.delete(id);
      return next;
    });
}

/**
 * The virtualiser's range (the cards near the viewport) with the cards kept among the matches, in
 * order; with none kept, the virtualiser's own. Where the kept cards are is found once, not per frame.
 */
export function rangeKeeping(kept: ReadonlyMap<string, number>, matches: readonly Match[]): (range: Range) => number[] {
  if (kept.size === 0) return defaultRangeExtractor;
  const keptAt = matches.flatMap((match, index) => (kept.has(match.resource.id) ? [index] : []));
  return (range) => {
    const shown = defaultRangeExtractor(range);
    const extra = keptAt.filter((index) => !shown.includes(index));
    return extra.length === 0 ? shown : [...shown, ...extra].sort((a, b) => a - b);
  };
}

/**
 * The virtualiser learns the scroll position from scroll events, sent at the next frame. When the list
 * moves the scroll itself (new results from their top) it tells the virtualiser at once: until then a
 * card measured with the old position in mind was "kept in place" by scrolling back to it, and on a
 * busy machine a search from the end of a long list showed its last results, not its first.
 */
export class OffsetTeller {
  #tell: ((offset: number, isScrolling: boolean) => void) | null = null;

  /** The virtualiser's `observeElementOffset`: the browser's scroll events, and a way to tell it sooner. */
  readonly observe = (instance: Virtualizer<Element, Element>, callback: (offset: number, isScrolling: boolean) => void) => {
    this.#tell = callback;
    const stop = observeElementOffset(instance, callback);
    return () => {
      if (this.#tell === callback) this.#tell = null;
      stop?.();
    };
  };

  tell(offset: number): void {
    this.#tell?.(offset, false);
  }
}

/**
 * The height seen most often among the cards measured so far (the first guess until one is): what a
 * long list takes a card not laid out yet to be. A card measured at its estimate changes nothing; one
 * measured otherwise makes the virtualiser place every card after it again (10,000 of them), which was
 * the dearest part of a frame that scrolls a new card in. The scrollbar's length is closer to the
 * list's, too. Its functions are the virtualiser's and stable: a new one re-measures every row.
 */
export class TypicalHeight {
  readonly #counts = new Map<number, number>();
  #best = 0;

  constructor(public typical: number) {}

  readonly estimate = () => this.typical;

  readonly measure = (element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Element, Element>) => {
    const size = measuredSize(element, entry, instance);
    this.seen(size);
    return size;
  };

  seen(height: number): void {
    if (height <= 0) return; // not laid out (hidden): says nothing of the cards
    const count = (this.#counts.get(height) ?? 0) + 1;
    this.#counts.set(height, count);
    if (count > this.#best) {
      this.#best = count;
      this.typical = height;
    }
  }
}
