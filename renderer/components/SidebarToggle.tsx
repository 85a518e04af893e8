import type { RefObject } from 'react';

export const SIDEBAR_ID = 'sidebar-panel';

/** The button that shows the sidebar over the content in a narrow window (useCollapsibleSidebar). */
export function SidebarToggle({ open, onToggle, buttonRef }: { open: boolean; onToggle: () => void; buttonRef: RefObject<HTMLButtonElement | null> }) {
  return (
    <div className="narrow-bar">
      <button ref={buttonRef} type="button" className="button sidebar-toggle" aria-expanded={open} aria-controls={SIDEBAR_ID} onClick={onToggle}>
        <span aria-hidden="true">☰</span> Lists and menu
      </button>
    </div>
  );
}
