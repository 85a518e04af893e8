import { mkdir, readdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { StudyDocument } from '../model/schema';
import { readPeerDocument } from './peer-file';

/** Where sync engines' conflict copies go once merged (in the synced folder). */
export const CONFLICT_COPIES_DIR = 'conflict-copies';

/** Syncthing's `*.sync-conflict-*`, Dropbox's "(X's conflicted copy …)", Nextcloud's "(conflicted copy …)". */
const CONFLICT_COPY = /^studyshelf(?:\.sync-conflict-[^/]*|\s*\([^)]*conflicted copy[^)]*\))\.json$/i;

export function isConflictCopy(name: string): boolean {
  return CONFLICT_COPY.test(name);
}

/**
 * A sync engine's conflict copy (two computers wrote one file) in the folder of computer `deviceId`:
 * merged by `merge` like any other version, then moved aside — never deleted unmerged. One that cannot
 * be read whole (or is too large) stays where it is. Returns whether the data changed and the names moved.
 */
export async function mergeConflictCopies(
  dir: string,
  folder: string,
  deviceId: string,
  merge: (doc: StudyDocument) => Promise<boolean>,
): Promise<{ changed: boolean; moved: string[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isConflictCopy);
  } catch {
    return { changed: false, moved: [] };
  }
  let changed = false;
  const moved: string[] = [];
  for (const name of names) {
    const read = await readPeerDocument(join(dir, name), false);
    if (read.kind !== 'ok') continue;
    changed = (await merge(read.doc)) || changed;
    const aside = join(folder, CONFLICT_COPIES_DIR);
    await mkdir(aside, { recursive: true });
    await rename(join(dir, name), join(aside, `${deviceId}-${Date.now()}-${basename(name)}`));
    moved.push(name);
  }
  return { changed, moved };
}
