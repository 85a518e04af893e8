import { useCallback, useState } from 'react';
import type { SyncInfo } from '../../electron/api/contract';
import { api } from '../api';
import { useMainValue } from './useMainValue';

/** This computer, its data folder and what the merges with the other computers did. */
export function useSync(notify: (kind: 'info' | 'error', message: string) => void) {
  const [info, setInfo] = useMainValue<SyncInfo>(
    () => api().getSyncStatus(),
    (listener) => api().on('syncStatusChanged', listener),
  );
  const [restarting, setRestarting] = useState<string | null>(null);

  const syncNow = useCallback(async () => {
    const result = await api().syncNow();
    if (result.ok) setInfo(result.value);
    else notify('error', result.error.message);
  }, [notify, setInfo]);

  /** Electron: the system's folder dialog; null when cancelled. */
  const chooseFolder = useCallback(async (): Promise<string | null> => {
    const result = await api().chooseDataFolder();
    if (!result.ok) notify('error', result.error.message);
    return result.ok ? result.value : null;
  }, [notify]);

  const moveTo = useCallback(
    async (folder: string | null): Promise<boolean> => {
      const result = await api().moveDataFolder(folder);
      if (!result.ok) {
        notify('error', result.error.message);
        return false;
      }
      setRestarting(result.value);
      return true;
    },
    [notify],
  );

  const rename = useCallback(
    async (name: string): Promise<boolean> => {
      const result = await api().renameDevice(name);
      if (!result.ok) {
        notify('error', result.error.message);
        return false;
      }
      setInfo(result.value);
      return true;
    },
    [notify, setInfo],
  );

  return { info, restarting, syncNow, chooseFolder, moveTo, rename };
}
