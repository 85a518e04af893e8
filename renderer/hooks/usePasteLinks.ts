import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { PageFill } from '../../data/model/reports';
import { api } from '../api';
import { RESOURCE_DRAG_TYPE } from '../drag';
import { isTextField, linksInText } from '../paste-links';

/** A pasted resource whose page is being read, or could not be: shown on its card. */
export type PageFillState = { state: 'reading' } | { state: 'failed'; reason: string };

export const PageFillContext = createContext<Record<string, PageFillState>>({});
export const usePageFill = (ref: string): PageFillState | undefined => useContext(PageFillContext)[ref];

export interface PendingLinks {
  listId: string;
  listTitle: string;
  urls: string[];
  at?: number;
}

interface Options {
  /** The list shown, where links go; null when none is (the stats view, no lists, read-only data). */
  target: { id: string; title: string; indexOf: (ref: string) => number } | null;
  addLinks: (listId: string, urls: string[], at?: number) => Promise<string[]>;
  /** The window's edit path (useStudyData's edit): calls main, then reads the resource again. */
  edit: (call: () => Promise<{ ok: true; value: PageFill } | { ok: false; error: { message: string } }>, undo: undefined, ref: string) => Promise<boolean>;
}

/**
 * Paste (outside a text field) or drop links on the window (#20): one link is added at once and its
 * page read to fill it in; several open a preview first. A link dropped on a card goes in that place.
 */
export function usePasteLinks({ target, addLinks, edit }: Options) {
  const [fills, setFills] = useState<Record<string, PageFillState>>({});
  const [pending, setPending] = useState<PendingLinks | null>(null);
  const [busy, setBusy] = useState(false);

  const fill = useCallback(async (refs: string[]) => {
    setFills((all) => ({ ...all, ...Object.fromEntries(refs.map((ref) => [ref, { state: 'reading' } as const])) }));
    // A few pages at a time: a block of links must not open dozens of connections at once.
    const queue = [...refs];
    const worker = async () => {
      for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
        let failed: string | null = null;
        // Through the window's edit path: the card is read again from main once its page filled it in.
        await edit(async () => {
          const result = await api().fillFromPage(ref);
          if (result.ok && result.value.state === 'failed') failed = result.value.reason;
          return result;
        }, undefined, ref);
        setFills((all) => {
          const next = { ...all };
          if (failed) next[ref] = { state: 'failed', reason: failed };
          else delete next[ref];
          return next;
        });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  }, [edit]);

  const add = useCallback(
    async (listId: string, urls: string[], at?: number) => {
      const refs = await addLinks(listId, urls, at);
      void fill(refs);
    },
    [addLinks, fill],
  );

  const offer = useCallback(
    (urls: string[], onRef?: string) => {
      if (!target || urls.length === 0) return;
      const found = onRef === undefined ? -1 : target.indexOf(onRef);
      const at = found >= 0 ? found : undefined;
      if (urls.length === 1) void add(target.id, urls, at);
      else setPending({ listId: target.id, listTitle: target.title, urls, at });
    },
    [target, add],
  );
  const offerRef = useRef(offer);
  useEffect(() => {
    offerRef.current = offer;
  });

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target) || document.querySelector('dialog[open]')) return;
      const data = event.clipboardData;
      const urls = linksInText(data?.getData('text/uri-list') || data?.getData('text/plain') || '');
      if (urls.length === 0) return;
      event.preventDefault();
      offerRef.current(urls);
    };
    const isLinkDrag = (event: DragEvent) => {
      const types = event.dataTransfer?.types ?? [];
      return !types.includes(RESOURCE_DRAG_TYPE) && !types.includes('Files') && (types.includes('text/uri-list') || types.includes('text/plain'));
    };
    const onDragOver = (event: DragEvent) => {
      if (!isLinkDrag(event) || isTextField(event.target)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!isLinkDrag(event) || isTextField(event.target)) return;
      const data = event.dataTransfer!;
      const urls = linksInText(data.getData('text/uri-list') || data.getData('text/plain'));
      if (urls.length === 0) return;
      event.preventDefault();
      // Dropped on a card: the links go in its place (before it).
      const card = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-resource]') : null;
      offerRef.current(urls, card?.dataset.resource);
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
    };
  }, []);

  return {
    fills,
    pending,
    busy,
    cancel: () => setPending(null),
    confirm: async () => {
      if (!pending) return;
      setBusy(true);
      try {
        await add(pending.listId, pending.urls, pending.at);
      } finally {
        setBusy(false);
        setPending(null);
      }
    },
  };
}
