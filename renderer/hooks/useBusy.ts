import { useCallback, useRef, useState } from 'react';

/**
 * An action that cannot run twice at once: while it runs, `busy` is true and further calls are ignored
 * (a double click, Enter pressed twice). The guard is a ref, not the state: the second click of a
 * double click can arrive before React has drawn the button busy. The button shows it with
 * aria-disabled rather than disabled, so a keyboard user's focus stays on it.
 *
 *   const [busy, run] = useBusy();
 *   <form onSubmit={(e) => { e.preventDefault(); void run(save); }}>
 *     <button type="submit" className="button" aria-disabled={busy} aria-busy={busy}>Add</button>
 */
export function useBusy(): [busy: boolean, run: <T>(action: () => Promise<T>) => Promise<T | undefined>] {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return await action();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run];
}
