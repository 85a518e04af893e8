import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

type Result<T> = { ok: true; value: T } | { ok: false };

/**
 * A value main owns (link checks, the sync status): read once when the window opens, then kept
 * current by the event main sends whenever it changes. The setter is for answers to the window's own
 * calls. `load` and `subscribe` are used as given on the first render.
 */
export function useMainValue<T>(load: () => Promise<Result<T>>, subscribe: (listener: (value: T) => void) => () => void): [T | null, Dispatch<SetStateAction<T | null>>] {
  const [value, setValue] = useState<T | null>(null);
  const sources = useRef({ load, subscribe });
  useEffect(() => {
    let live = true;
    void sources.current.load().then((result) => live && result.ok && setValue(result.value));
    const off = sources.current.subscribe(setValue);
    return () => {
      live = false;
      off();
    };
  }, []);
  return [value, setValue];
}
