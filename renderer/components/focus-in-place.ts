import type { Match } from '../search';

/**
 * Keeps the keyboard in the list when the focused card leaves it: marked done under a "To do" filter,
 * moved to another list, deleted. Its focus would fall to the page (the next x does nothing, the next j
 * starts again from the first card); it goes to the card that takes its place (the last one when it
 * was the last). A card the user left (a click elsewhere) is still in the page, and is left alone.
 */
export class FocusInPlace {
  /** The card that last had the focus, and the results it was among. */
  #card: HTMLElement | null = null;
  #results: readonly Match[] = [];

  /** Follows which card of `list` has the focus; returns what stops it. */
  follow(list: HTMLElement): () => void {
    const focused = (event: FocusEvent) => {
      this.#card = (event.target as Element).closest<HTMLElement>('[data-resource]') ?? this.#card;
    };
    list.addEventListener('focusin', focused);
    return () => list.removeEventListener('focusin', focused);
  }

  /** After new results are on screen: the focus to the card in place of the one gone, if it went with it. */
  resultsChanged(results: readonly Match[], cards: ReadonlyMap<string, HTMLElement>, listId: string): void {
    const before = this.#results;
    this.#results = results;
    const gone = this.#card;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!gone || gone.isConnected || !lost || results.length === 0) return;
    this.#card = null;
    const id = gone.dataset.resource?.slice(listId.length + 1);
    const at = before.findIndex((match) => match.resource.id === id);
    if (at === -1 || results.some((match) => match.resource.id === id)) return;
    cards.get(results[Math.min(at, results.length - 1)]!.resource.id)?.focus({ preventScroll: true });
  }
}
