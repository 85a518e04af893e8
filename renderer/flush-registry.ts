import { FLUSH_HOOK } from '../electron/api/channels';

type Flusher = () => Promise<void>;
const flushers = new Set<Flusher>();

/** Components with unsaved edits (a note in its debounce) register how to write them now. */
export function registerFlusher(flush: Flusher): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()));
}

/**
 * Main (and the harness) call window[FLUSH_HOOK]() before a window closes and wait for it. `pagehide`
 * covers a reload, where no one asks: the call still leaves the page before it goes.
 */
export function installFlushHook(): void {
  Object.defineProperty(window, FLUSH_HOOK, { value: flushAll, configurable: false, writable: false });
  window.addEventListener('pagehide', () => void flushAll());
}
