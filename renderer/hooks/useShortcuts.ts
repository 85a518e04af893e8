import { useEffect, useRef } from 'react';
import type { Status } from '../../data/schema';

export interface ShortcutHandlers {
  toggleDone(card: HTMLElement): void;
  setStatus(card: HTMLElement, status: Status): void;
  editNote(card: HTMLElement): void;
  openLink(card: HTMLElement): void;
  focusSearch(): void;
  /** The add form, its first field focused. */
  addResource(): boolean;
  undo(): void;
  /** Does again what the last undo took back (Ctrl+Shift+Z, Ctrl+Y). */
  redo(): void;
  toggleStats(): void;
  showHelp(): void;
  /** A focus timer on the card's resource. */
  startTimer?(card: HTMLElement): void;
  /** Ctrl/⌘+K: the command palette. */
  openPalette(): void;
}

const STATUS_KEYS: Record<string, Status> = { '1': 'todo', '2': 'in-progress', '3': 'done', '4': 'skipped' };

/** Typing in a text field (or choosing in a select) must never trigger a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

function cards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-resource]')];
}

/** The cards and, inside each, the rows of its parts (when shown, not while being edited), in reading order: where j and k go. */
function stops(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-resource], [data-part]')];
}

/** The part row that holds the focus, if any. */
function focusedPart(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-part]') : null;
}

/** The resource card that holds the focus, if any. */
export function focusedCard(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-resource]') : null;
}

/**
 * Runs `remove` (which takes the card of `ref` away) and, if it did, puts the focus on the card that
 * followed it, or the one before it at the end of the list: the next `j`, `x` or Tab goes on from there.
 */
export async function focusCardAfter(ref: string, remove: () => Promise<boolean>): Promise<boolean> {
  const all = cards();
  const at = all.findIndex((card) => card.dataset.resource === ref);
  const neighbour = at === -1 ? undefined : (all[at + 1] ?? all[at - 1])?.dataset.resource;
  const removed = await remove();
  if (removed && neighbour !== undefined) {
    document.querySelector<HTMLElement>(`[data-resource="${CSS.escape(neighbour)}"]`)?.focus({ preventScroll: true });
  }
  return removed;
}

/**
 * Focuses the card of `ref` and brings it into view once it is on screen (another list's card appears
 * after that list renders): looked for on each frame, for about a second.
 */
export function focusCardSoon(ref: string, frames = 60): void {
  const card = document.querySelector<HTMLElement>(`[data-resource="${CSS.escape(ref)}"]`);
  if (card) {
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'center' });
  } else if (frames > 0) requestAnimationFrame(() => focusCardSoon(ref, frames - 1));
}

export function move(step: 1 | -1): void {
  const all = stops();
  if (all.length === 0) return;
  const current = focusedPart() ?? focusedCard();
  const index = current ? all.indexOf(current) : -1;
  const target = all[Math.max(0, Math.min(all.length - 1, index === -1 ? 0 : index + step))]!;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'nearest' });
}

/** Keyboard first: every frequent action has a key; `?` lists them. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = latest.current;
      const typing = isTyping(event.target);
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z') {
        if (typing) return; // the text field's own undo
        event.preventDefault();
        h.undo();
        return;
      }
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
        // Also from a text field (the search box): the palette is how one leaves it for anywhere.
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        h.openPalette();
        return;
      }
      if (event.target instanceof Element && event.target.closest('[role="menu"]')) return;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && ((event.shiftKey && key === 'z') || (!event.shiftKey && key === 'y'))) {
        if (typing) return; // the text field's own redo
        event.preventDefault();
        h.redo();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const card = focusedCard();
      const onCard = (run: (c: HTMLElement) => void) => {
        if (!card) return false;
        run(card);
        return true;
      };
      let handled = true;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          if (event.key === 'ArrowDown' && !card) handled = false;
          else move(1);
          break;
        case 'k':
        case 'ArrowUp':
          if (event.key === 'ArrowUp' && !card) handled = false;
          else move(-1);
          break;
        case 'x': {
          // On a part j reached, its own box; else the card's.
          const part = focusedPart();
          if (part) part.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
          else handled = onCard(h.toggleDone);
          break;
        }
        case 'n':
          handled = onCard(h.editNote);
          break;
        case 't':
          handled = h.startTimer ? onCard(h.startTimer) : false;
          break;
        case 'o':
          handled = onCard(h.openLink);
          break;
        case 'Enter':
          handled = event.target === card && onCard(h.openLink);
          break;
        case '/':
          h.focusSearch();
          break;
        case 'a':
          handled = h.addResource();
          break;
        case 'g':
          h.toggleStats();
          break;
        case '?':
          h.showHelp();
          break;
        default: {
          const status = STATUS_KEYS[event.key];
          handled = status !== undefined && onCard((c) => h.setStatus(c, status));
        }
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
