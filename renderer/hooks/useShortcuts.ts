import { useEffect, useRef } from 'react';
import type { Status } from '../../data/model/schema';
import { commandById, type WindowCommandId } from '../../electron/api/command-table';
import { KEY_BINDINGS, keyName } from '../key-bindings';

/** What the keys run: every command of the table (the same handlers as the menu and the palette), and the status keys. */
export interface ShortcutHandlers {
  commands: Record<WindowCommandId, () => void>;
  setStatus(card: HTMLElement, status: Status): void;
}

const STATUS_KEYS: Record<string, Status> = { '1': 'todo', '2': 'in-progress', '3': 'done', '4': 'skipped' };

/** Typing in a text field (or choosing in a select) must never trigger a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
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

export function move(step: 1 | -1): void {
  const all = stops();
  if (all.length === 0) return;
  const current = focusedPart() ?? focusedCard();
  const index = current ? all.indexOf(current) : -1;
  const target = all[Math.max(0, Math.min(all.length - 1, index === -1 ? 0 : index + step))]!;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'nearest' });
}

/** Keys the window keeps while typing: the palette is how one leaves a text field for anywhere. */
const EVEN_WHILE_TYPING = new Set<WindowCommandId>(['palette']);

/**
 * Whether a key's command applies here: a resource command needs a focused card (or, for x, a part);
 * ↓ and ↑ move between cards only from a card (else they scroll); Enter opens only the card itself.
 */
function applies(id: WindowCommandId, key: string, target: EventTarget | null): boolean {
  const card = focusedCard();
  if (key === 'ArrowDown' || key === 'ArrowUp') return card !== null;
  if (key === 'Enter') return card !== null && target === card;
  return !commandById(id).resource || card !== null;
}

/**
 * Keyboard first: every frequent action has a key; `?` lists them. The keys are the command table's
 * (`keys`), and each runs the same handler the menu and the palette run, so they cannot drift apart.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = latest.current;
      const typing = isTyping(event.target);
      const key = keyName(event);
      const id = key === null ? undefined : KEY_BINDINGS.get(key);
      const modified = event.ctrlKey || event.metaKey;
      if (id && modified) {
        // Ctrl+Z in a text field is the field's own undo; only the palette's key works from anywhere.
        if (typing && !EVEN_WHILE_TYPING.has(id)) return;
        if (id === 'palette' && document.querySelector('dialog[open]')) return;
        if (id === 'redo' && event.target instanceof Element && event.target.closest('[role="menu"]')) return;
        event.preventDefault();
        h.commands[id]();
        return;
      }
      if (event.target instanceof Element && event.target.closest('[role="menu"]')) return;
      if (typing || modified || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      // On a part j reached, x ticks the part's own box.
      const part = focusedPart();
      if (event.key === 'x' && part) {
        part.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
        event.preventDefault();
        return;
      }
      if (id) {
        if (!applies(id, event.key, event.target)) return;
        event.preventDefault();
        h.commands[id]();
        return;
      }
      const status = STATUS_KEYS[event.key];
      const card = focusedCard();
      if (status !== undefined && card) {
        event.preventDefault();
        h.setStatus(card, status);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
