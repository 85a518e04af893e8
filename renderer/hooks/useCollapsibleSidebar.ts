import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';

/** Where the sidebar stops being a column and becomes a panel over the content, opened by a button. */
export const NARROW_QUERY = '(max-width: 800px)';

/**
 * The sidebar at narrow widths (#22 point 11): hidden by default, shown over the content by a toggle
 * button (aria-expanded), closed again by Esc, a click outside it, or choosing something in it; focus
 * goes into it when it opens and back to the toggle when it closes with focus inside. Wider, it is
 * always there and there is no toggle.
 */
export function useCollapsibleSidebar() {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const media = window.matchMedia(NARROW_QUERY);
    const follow = () => {
      setNarrow(media.matches);
      setOpen(false);
    };
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);

  const close = useCallback(() => {
    if (panelRef.current?.contains(document.activeElement)) toggleRef.current?.focus();
    setOpen(false);
  }, []);

  useEffect(() => {
    if (!narrow || !open) return;
    panelRef.current?.querySelector<HTMLElement>('[aria-current="page"], button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      // A dialog opened over the panel closes first.
      if (event.key !== 'Escape' || document.querySelector('[role="dialog"], dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      close();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !toggleRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [narrow, open, close]);

  /** A button chosen in the panel (a list, Progress, a dialog's opener) has done its work: the panel goes. */
  const onPanelClick = useCallback(
    (event: MouseEvent) => {
      if (narrow && open && (event.target as HTMLElement).closest('button')) close();
    },
    [narrow, open, close],
  );

  const toggle = useCallback(() => setOpen((was) => !was), []);

  return useMemo(() => ({ narrow, open, toggle, onPanelClick, toggleRef, panelRef }), [narrow, open, toggle, onPanelClick]);
}
