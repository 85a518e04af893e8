import { useEffect, useRef, useState } from 'react';
import type { Notice } from '../hooks/useStudyData';

/** How long a message stays on screen, not counting the time it is hovered or focused. */
export const TOAST_MS = 8_000;
/** Something went wrong: a little longer to read it. */
export const ERROR_TOAST_MS = 12_000;
/** What is left when the pointer or the focus leaves a message that had almost run out. */
const AT_LEAST_MS = 2_000;

/**
 * The app's passing messages ("marked done", "Undo"), one at a time: a newer one replaces the older,
 * each leaves by itself after its time, which stands still while the message is hovered or focused.
 * The strip sits below the scrolling content, not over it, so a message never covers a control.
 * Undo stays on Ctrl+Z after its message is gone.
 */
export function Toasts({ notices, dismiss }: { notices: Notice[]; dismiss: (id: number) => void }) {
  const current = notices.at(-1);
  // Older messages are dropped once a newer one is shown: they would only come back stale.
  useEffect(() => {
    for (const notice of notices.slice(0, -1)) dismiss(notice.id);
  }, [notices, dismiss]);
  return (
    <div className="toasts" aria-live="polite">
      {current && <Toast key={current.id} notice={current} onLeave={() => dismiss(current.id)} />}
    </div>
  );
}

function Toast({ notice, onLeave }: { notice: Notice; onLeave: () => void }) {
  const { action } = notice;
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const left = useRef(notice.tone === 'error' ? ERROR_TOAST_MS : TOAST_MS);
  const leave = useRef(onLeave);
  useEffect(() => {
    leave.current = onLeave;
  });
  // Where the focus came from: it goes back there when the message leaves under it (Undo, ×, Esc).
  const cameFrom = useRef<HTMLElement | null>(null);
  /** Leaves by the user's hand (Undo, ×, Esc): the focus goes back first, not to the page. */
  const leaveFrom = (event: { currentTarget: Element }, then: () => void) => {
    const back = cameFrom.current;
    if (event.currentTarget.closest('.notice')?.contains(document.activeElement) && back?.isConnected) back.focus({ preventScroll: true });
    then();
  };

  useEffect(() => {
    if (hovered || focused) return;
    const started = Date.now();
    const timer = setTimeout(() => leave.current(), left.current);
    return () => {
      clearTimeout(timer);
      left.current = Math.max(AT_LEAST_MS, left.current - (Date.now() - started));
    };
  }, [hovered, focused]);

  return (
    <div
      className={`notice notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={(event) => {
        if (!focused && event.relatedTarget instanceof HTMLElement && !event.currentTarget.contains(event.relatedTarget)) cameFrom.current = event.relatedTarget;
        setFocused(true);
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          leaveFrom(event, onLeave);
        }
      }}
    >
      <span className="notice-text">{notice.text}</span>
      {action && (
        <button type="button" className="notice-action" onClick={(event) => leaveFrom(event, action.run)}>
          {action.label}
        </button>
      )}
      <button type="button" className="notice-close" onClick={(event) => leaveFrom(event, onLeave)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
