import { backupToRestore, listBackups } from './backups';
import * as ops from '../model/doc-ops';
import { StudyError } from '../model/errors';
import { urlOf } from '../model/refs';
import type { Store, StoreOptions } from './store-api';
import { journaledEdits } from './store-edits';
import { StoreEngine } from './store-engine';

export type { StorageHealth } from './write-health';
export type { Store, StoreEvent, StoreOptions } from './store-api';
export { DATA_FILE_NAME } from './store-engine';

/**
 * Opens the data in `options.dir` (reading, restoring or beginning it; see store-engine.ts for the
 * ways a change reaches the disk) and returns what main and the services use of it.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const engine = await StoreEngine.open(options);
  const { file, fs, queue } = engine;
  return {
    file,
    now: engine.now,
    document: () => engine.db?.data ?? null,
    notices: () => [...engine.notices],
    readOnly: () => engine.readOnly,
    health: () => engine.health.current,

    ...journaledEdits(engine.journaled, engine.now),

    linkOf(ref) {
      if (!engine.db) throw new StudyError('read-only', 'Your data is not open.');
      return urlOf(ops.resolveOrThrow(engine.db.data, ref));
    },

    change: (apply) => engine.mutate(apply, undefined, 'containers'),
    // A merge replaces the document's top-level fields: putting the old ones back undoes a refused one.
    changeIfAny: (apply) => engine.mutate(apply, (changed) => changed, 'top'),
    shipped: engine.shipped,

    listBackups: () => listBackups(file, fs),
    restoreBackup: async (name) => engine.replaceWith(await backupToRestore(file, name, fs)),
    replaceWith: (doc) => engine.replaceWith(doc),
    startFresh: () => engine.startFresh(),
    checkDisk: () => queue.run(() => (engine.readOnly ? false : engine.reloadIfChangedByOthers())),

    subscribe(listener) {
      engine.listeners.add(listener);
      return () => engine.listeners.delete(listener);
    },

    close: () => engine.close(),
  };
}
