import { useCallback } from 'react';
import type { UpdateState } from '../../data/model/reports';
import { api } from '../api';
import { useMainValue } from './useMainValue';

/** New versions as main knows them (electron/api/updates.ts): kept current by the updatesChanged event. */
export function useUpdates() {
  const [state, setState] = useMainValue<UpdateState>(
    () => api().getUpdates(),
    (listener) => api().on('updatesChanged', listener),
  );

  const setCheckAtStart = useCallback(
    async (enabled: boolean) => {
      setState((s) => (s ? { ...s, checkAtStart: enabled } : s));
      const result = await api().setCheckUpdatesAtStart(enabled);
      // Refused (the settings file could not be written): the box shows what is really kept.
      setState((s) => (result.ok ? result.value : s ? { ...s, checkAtStart: !enabled, message: result.error.message } : s));
    },
    [setState],
  );

  const restart = useCallback(async () => {
    const result = await api().restartToUpdate();
    if (!result.ok) setState((s) => (s ? { ...s, message: result.error.message } : s));
  }, [setState]);

  return { state, setCheckAtStart, restart };
}
