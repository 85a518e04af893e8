import { useCallback, useEffect, type RefObject } from 'react';
import { initialFocus } from '../components/Modal';

/**
 * A card's editor opens with the focus in its first field, and gives it back to the card when it closes
 * (Esc, Cancel, Save), so the next key is a shortcut again (j goes on from this card): the focus fell to
 * the page with the editor, and the next j started again from the list's first card. Returns the close.
 */
export function useEditorFocus(card: RefObject<HTMLElement | null>, editing: boolean, setEditing: (editing: boolean) => void): () => void {
  useEffect(() => {
    const form = editing ? card.current?.querySelector<HTMLElement>('.resource-editor') : null;
    if (form) initialFocus(form)?.focus();
  }, [card, editing]);
  return useCallback(() => {
    setEditing(false);
    // Unless the user has gone elsewhere meanwhile (a save takes a moment).
    const active = document.activeElement;
    if (!active || active === document.body || card.current?.contains(active)) card.current?.focus({ preventScroll: true });
  }, [card, setEditing]);
}
