import { useCallback, useMemo, useState } from 'react';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
  /** An action offered with the notice, e.g. Undo. */
  action?: { label: string; run: () => void };
}

export type Notify = (tone: Notice['tone'], text: string, action?: Notice['action']) => void;

let noticeId = 0;

/** The toasts: at most three, and one offering an action (a new one replaces the last). */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback<Notify>((tone, text, action) => {
    const notice = { id: ++noticeId, tone, text, action };
    setNotices((all) => [...all.filter((n) => !n.action || !action).slice(-2), notice]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  /** Takes away the toast that offers an action (its Undo was used, by the toast or by Ctrl+Z). */
  const dropActions = useCallback(() => setNotices((all) => all.filter((n) => !n.action)), []);
  return useMemo(() => ({ notices, notify, dismiss, dropActions }), [notices, notify, dismiss, dropActions]);
}
