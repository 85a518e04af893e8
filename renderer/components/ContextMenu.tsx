import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import '../styles/commands.css';

export interface MenuEntry {
  key: string;
  label: string;
  disabled?: boolean;
  run: () => void;
}

interface Props {
  label: string;
  entries: readonly MenuEntry[];
  /** Where the pointer was (a right-click), or the corner of the card (Shift+F10, the menu key). */
  at: { x: number; y: number };
  /** `refocus`: the focus goes back to where it was (Escape, Tab); not after a click elsewhere. */
  onClose: (refocus: boolean) => void;
}

/**
 * A menu in the window (not the system's): the first item focused, ↑ ↓ Home End to move, Enter to
 * choose, Escape or Tab or a click elsewhere to close. In a portal on <main>: a card of a long list
 * is moved with a transform, which would carry a fixed menu with it.
 */
export function ContextMenu({ label, entries, at, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const element = menu.current;
    if (!element) return;
    // Kept inside the window.
    const box = element.getBoundingClientRect();
    element.style.left = `${Math.max(4, Math.min(at.x, window.innerWidth - box.width - 4))}px`;
    element.style.top = `${Math.max(4, Math.min(at.y, window.innerHeight - box.height - 4))}px`;
    element.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !element.contains(event.target)) close.current(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [at, label]);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  return createPortal(
    <div
      ref={menu}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(event) => {
        const all = items();
        const at = all.indexOf(document.activeElement as HTMLElement);
        const go = (i: number) => all[(i + all.length) % all.length]?.focus();
        switch (event.key) {
          case 'ArrowDown':
            go(at + 1);
            break;
          case 'ArrowUp':
            go(at - 1);
            break;
          case 'Home':
            go(0);
            break;
          case 'End':
            go(all.length - 1);
            break;
          case 'Escape':
          case 'Tab':
            close.current(true);
            break;
          case 'Enter':
          case ' ':
            (document.activeElement as HTMLElement | null)?.click();
            break;
          default:
            // The window's own keys (j, k, x, …) are not for a menu.
            event.stopPropagation();
            return;
        }
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {entries.map((entry) => (
        <div
          key={entry.key}
          role="menuitem"
          tabIndex={-1}
          aria-disabled={entry.disabled || undefined}
          className="context-menu-item"
          onClick={() => {
            if (entry.disabled) return;
            entry.run();
          }}
        >
          {entry.label}
        </div>
      ))}
    </div>,
    // Inside the page's main landmark (where the cards are), not loose on <body>.
    document.querySelector('main') ?? document.body,
  );
}
