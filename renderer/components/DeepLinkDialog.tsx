import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeepLink } from '../../electron/api/deep-link';
import { api } from '../api';
import { Modal } from './Modal';

type Wanted = Extract<DeepLink, { ok: true }>;

/**
 * studyshelf://add links (the README's bookmarklet): taken from main when one arrives (and once at
 * start, for a link that opened the app, once the data is loaded). One from a focused window is added to the list shown; one
 * that came while the window was not focused waits here for a yes. A refused link is said, nothing more.
 */
export function useDeepLinks(ready: boolean, add: (link: Wanted) => void, refuse: (message: string) => void) {
  const [waiting, setWaiting] = useState<Wanted[]>([]);
  const handlers = useRef({ add, refuse });
  useEffect(() => {
    handlers.current = { add, refuse };
  });
  useEffect(() => {
    // Once the data is there: a link adds to a list.
    if (!ready) return;
    const take = async () => {
      const result = await api().takeDeepLinks();
      if (!result.ok) return;
      for (const link of result.value) {
        if (!link.ok) handlers.current.refuse(link.message);
        else if (link.ask) setWaiting((w) => [...w, link]);
        else handlers.current.add(link);
      }
    };
    void take();
    return api().on('deepLinkArrived', () => void take());
  }, [ready]);
  const asking = waiting[0] ?? null;
  const answer = useCallback(
    (yes: boolean) => {
      if (!asking) return;
      if (yes) handlers.current.add(asking);
      setWaiting((w) => w.filter((link) => link !== asking));
    },
    [asking],
  );
  return { asking, answer };
}

export function DeepLinkDialog({ link, listTitle, onAnswer }: { link: Wanted | null; listTitle: string | null; onAnswer: (yes: boolean) => void }) {
  return (
    <Modal open={link !== null} title="Add this page?" onClose={() => onAnswer(false)} narrow>
      {link && (
        <>
          <p>A “Save to Studyshelf” link asks to add this page{listTitle ? ` to “${listTitle}”` : ''}:</p>
          <p className="deep-link-page">
            <strong>{link.title}</strong>
            <br />
            <span className="muted">{link.url}</span>
          </p>
          <footer className="dialog-footer">
            <button type="button" className="button" onClick={() => onAnswer(false)}>
              Don’t add
            </button>
            <button type="button" className="button button-primary" onClick={() => onAnswer(true)} disabled={!listTitle}>
              Add it
            </button>
          </footer>
        </>
      )}
    </Modal>
  );
}
