import type { Match } from '../search';

/**
 * Follows the card of a list that holds the focus. In a long list it keeps that card in the page
 * (`keep`): scrolled away with the wheel, it would take the focus, and what a field in it holds, with
 * it. When the card leaves the results while it has the focus (marked done under a "To do" filter,
 * moved to another list, deleted), the focus would fall to the page (the next x does nothing, the next
 * j starts again from the first card): it goes to the card that takes its place (the last one when it
 * was the last). A card the user left (a click elsewhere) is still in the page, and is left alone.
 */
export class FocusedCard {
  /** The card that last had the focus, and the results it was among. */
  #card: HTMLElement | null = null;
  #results: readonly Match[] = [];

  /** Follows which card of `list` has the focus (kept in the page through `keep`, if given); returns what stops it. */
  follow(list: HTMLElement, listId: string, keep?: (id: string) => () => void): () => void {
    let release: (() => void) | null = null;
    const moved = (event: FocusEvent) => {
      // Moving from one element of the list to another: the focusin that follows says where.
      if (event.type === 'focusout' && event.relatedTarget instanceof Node && list.contains(event.relatedTarget)) return;
      const card = event.type === 'focusin' ? (event.target as Element).closest<HTMLElement>('[data-resource]') : null;
      if (card) this.#card = card;
      release?.();
      release = card && keep ? keep(idOf(card, listId)) : null;
    };
    list.addEventListener('focusin', moved);
    list.addEventListener('focusout', moved);
    return () => {
      list.removeEventListener('focusin', moved);
      list.removeEventListener('focusout', moved);
      release?.();
    };
  }

  /** After new results are on screen: the focus to the card in place of the one gone, if it went with it. */
  resultsChanged(results: readonly Match[], cards: ReadonlyMap<string, HTMLElement>, listId: string): void {
    const before = this.#results;
    this.#results = results;
    const gone = this.#card;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!gone || gone.isConnected || !lost || results.length === 0) return;
    this.#card = null;
    const id = idOf(gone, listId);
    const at = before.findIndex((match) => match.resource.id === id);
    if (at === -1 || results.some((match) => match.resource.id === id)) return;
    cards.get(results[Math.min(at, results.length - 1)]!.resource.id)?.focus({ preventScroll: true });
  }
}

/** The resource id of a card of the list `listId` (its data-resource is listId/resourceId). */
function idOf(card: HTMLElement, listId: string): string {
  return (card.dataset.resource ?? '').slice(listId.length + 1);
}
