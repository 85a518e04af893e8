import type { WindowCommandId } from '../electron/api/command-table';

/** The commands a resource card runs itself (it holds their state: its editor, its menu). */
export type CardCommandId = Extract<WindowCommandId, 'copyLink' | 'editResource' | 'moveResource' | 'deleteResource' | 'toggleDone'>;
export const CARD_COMMANDS: readonly CardCommandId[] = ['copyLink', 'editResource', 'moveResource', 'deleteResource', 'toggleDone'];

const cards = new Map<string, (id: CardCommandId) => void>();

/** A card on the page answers to its ref; gone from the page, it no longer does. */
export function registerCard(ref: string, run: (id: CardCommandId) => void): () => void {
  cards.set(ref, run);
  return () => {
    if (cards.get(ref) === run) cards.delete(ref);
  };
}

/** Runs a command on the card of `ref`; false when that card is not on the page. */
export function runOnCard(ref: string, id: CardCommandId): boolean {
  const run = cards.get(ref);
  if (!run) return false;
  run(id);
  return true;
}
