import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Store } from './store';

/**
 * Watches the data folder for changes to the data file made by other programs (a sync engine, an
 * editor) and has the store reload them. The store tells its own writes apart by file identity, so
 * the watcher can be simple: any event on the file name, settled for a moment, means "look".
 */
export function watchDataFile(store: Store, settleMs = 150): () => void {
  const name = basename(store.file);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(store.file), (_event, filename) => {
      if (filename !== null && filename !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => void store.checkDisk().catch(() => undefined), settleMs);
    });
    watcher.on('error', () => undefined);
  } catch {
    // No watching on this file system: changes are still noticed before each write.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
