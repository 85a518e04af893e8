/** How many frames a request waits at most for its card (a long list mounting it, a dialog closing). */
const FRAMES = 120;

/**
 * Runs `step` as soon as no dialog is open: after the effects of the render that asked (a microtask,
 * so a dialog closed in that same render has given the focus back by then), and again at each frame
 * while it returns false (the card not in the page yet), for a bounded number of frames. Sooner than
 * any timer, so a key pressed right after the one that asked finds the focus already moved.
 * Returns what cancels it (an effect's clean-up).
 */
export function whenFree(step: () => boolean): () => void {
  let cancelled = false;
  let frame = 0;
  const attempt = (left: number) => {
    if (cancelled) return;
    if (!document.querySelector('dialog[open]') && step()) return;
    if (left > 0) frame = requestAnimationFrame(() => attempt(left - 1));
  };
  queueMicrotask(() => attempt(FRAMES));
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
