import { createContext, useCallback, useContext, useMemo } from 'react';
import type { LinkCheck } from '../../data/model/reports';
import type { LinkChecksState } from '../../data/model/reports';
import type { RunSummary } from '../../data/model/reports';
import { resourceRefOf } from '../../data/model/refs';
import { api } from '../api';
import { useJob } from './useJob';
import { useMainValue } from './useMainValue';

type Edit = (call: () => ReturnType<ReturnType<typeof api>['useNewAddress']>, undo: undefined, resourceRef: string) => Promise<boolean>;

/** The link checks as the window knows them: main's latest verdicts, re-read after a run or a change. */
export function useLinkChecks(notify: (kind: 'info' | 'error', message: string) => void, edit: Edit) {
  const [state, setState] = useMainValue<LinkChecksState>(
    () => api().getLinkChecks(),
    (listener) => api().on('linkChecksChanged', listener),
  );
  const job = useJob();

  const check = useCallback(
    async (listId: string | null): Promise<RunSummary | null> => {
      const result = await job.run((id) => api().checkLinks(listId, id));
      if (!result.ok) {
        notify('error', result.error.message);
        return null;
      }
      notify(result.value.offline ? 'error' : 'info', summaryText(result.value));
      return result.value;
    },
    [job, notify],
  );

  const setAutoCheck = useCallback(
    async (enabled: boolean) => {
      // Shown at once; main's answer confirms it (or puts it back, with the reason).
      setState((s) => (s ? { ...s, autoCheck: enabled } : s));
      const result = await api().setAutoCheckLinks(enabled);
      if (result.ok) setState(result.value);
      else {
        setState((s) => (s ? { ...s, autoCheck: !enabled } : s));
        notify('error', result.error.message);
      }
    },
    [notify, setState],
  );

  const useNewAddress = useCallback(
    async (ref: string, title: string) => {
      if (await edit(() => api().useNewAddress(ref), undefined, resourceRefOf(ref))) notify('info', `“${title}” now links to its new address.`);
    },
    [edit, notify],
  );

  const openArchivedCopy = useCallback(
    async (ref: string) => {
      const result = await api().openArchivedCopy(ref);
      if (!result.ok) notify('error', result.error.message);
    },
    [notify],
  );

  const history = useCallback(async (url: string): Promise<LinkCheck[]> => {
    const result = await api().getLinkHistory(url);
    return result.ok ? result.value : [];
  }, []);

  const actions = useMemo(
    () => ({ latest: state?.latest ?? {}, useNewAddress, openArchivedCopy, history }),
    [state?.latest, useNewAddress, openArchivedCopy, history],
  );
  return { state, check, setAutoCheck, progress: job.progress, cancel: job.cancel, actions };
}

export type LinkActions = ReturnType<typeof useLinkChecks>['actions'];

/** Given once by App: what a link badge on a card needs. */
export const LinkChecksContext = createContext<LinkActions>({
  latest: {},
  useNewAddress: async () => undefined,
  openArchivedCopy: async () => undefined,
  history: async () => [],
});

export function useLinkActions(): LinkActions {
  return useContext(LinkChecksContext);
}

export function summaryText(run: RunSummary): string {
  const { ok, redirected, broken, unreachable, notChecked } = run.counts;
  const checked = ok + redirected + broken + unreachable;
  if (run.offline) return `No network connection: ${notChecked} links were not checked, and none was marked broken.`;
  const parts = [`${ok} OK`];
  if (redirected) parts.push(`${redirected} redirected`);
  if (broken) parts.push(`${broken} broken`);
  if (unreachable) parts.push(`${unreachable} unreachable`);
  if (notChecked) parts.push(`${notChecked} not checked`);
  const head = run.cancelled ? `Link check cancelled after ${checked} links` : `Checked ${checked} links`;
  return `${head}: ${parts.join(', ')}.`;
}
