import { writeBackup } from './backups';
import type { DurableJsonFile } from './durable-json-file';
import type { FsSeam } from './fs-seam';
import { readJournals, replay } from './journal-replay';
import { readDocument } from './read-document';
import type { StudyDocument } from '../model/schema';
import { moveAside, type StartupNotice } from './startup';

/** What the store lends the check for another program's change to its data file. */
export interface OutsideChangeContext {
  file: string;
  fs: FsSeam;
  clock: () => Date;
  adapter: DurableJsonFile<StudyDocument>;
  /** The journal files whose entries may not be in the document on disk yet. */
  pendingJournals: () => string[];
  /** Whether our own writes are reaching the disk (false: unsaved changes are in memory). */
  healthy: () => boolean;
  /** Takes another program's version, our own journaled changes replayed onto it. */
  adopt: (doc: StudyDocument) => void;
  /** Another program left the file damaged; it has been moved aside (the notice says where). */
  damaged: (notice: StartupNotice & { kind: 'damaged-by-other-program' }) => Promise<void>;
}

/**
 * Reads the data file again when another program (a sync tool, an editor) changed it since we last
 * read or wrote it; true when its version was taken. Must run inside the store's queue.
 */
export async function reloadIfChangedByOthers(context: OutsideChangeContext): Promise<boolean> {
  const { file, fs, clock, adapter } = context;
  if (!(await adapter.changedByOthers())) return false;
  for (let attempt = 0; ; attempt++) {
    const bytes = await adapter.readBytes();
    if (bytes === null) return false; // deleted: our next write puts it back
    try {
      const { doc } = readDocument(file, bytes);
      if (!context.healthy()) {
        // Unsaved changes of ours are in memory: keep them, and keep the other version as a backup.
        await writeBackup(file, bytes, 'before-overwrite', clock(), fs);
        return false;
      }
      // Our own ticks not yet in the document stay: they are newer than what was read.
      replay(doc, await readJournals(context.pendingJournals(), fs));
      context.adopt(doc);
      return true;
    } catch {
      // Another program may be halfway through writing it: look again before calling it damaged.
      if (attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        continue;
      }
      await context.damaged({ kind: 'damaged-by-other-program', damagedFile: await moveAside(file, clock()) });
      return false;
    }
  }
}
