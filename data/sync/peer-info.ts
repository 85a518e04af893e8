import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StudyDocument } from '../model/schema';
import { DEVICE_FILE_NAME } from './device';
import { documentDigest, own } from './equality';
import type { DeviceInfo } from './merge';

const DeviceFileSchema = z.object({ id: z.string(), name: z.string().min(1).max(200) });

/** A computer's name from its device.json; named by its id until that file arrives. */
export async function readPeerInfo(dir: string, id: string): Promise<DeviceInfo> {
  try {
    const parsed = DeviceFileSchema.safeParse(JSON.parse(await readFile(join(dir, DEVICE_FILE_NAME), 'utf8')));
    if (parsed.success && parsed.data.id === id) return parsed.data;
  } catch {
    // Not there yet: named by its id until it arrives.
  }
  return { id, name: id };
}

/**
 * Their merge base of our data (their `seen/<our id>.json`), as far as their data file vouches for it.
 * Each data file says, in the same write as its merge, which version of our data it holds (`merged`, a
 * digest). A sync engine delivers a computer's files one by one in no set order, so the merge base
 * beside it may be another version for a while:
 * - one that arrived before the data it goes with would make what we added since look deleted on their
 *   side (a new list merged there, then removed here);
 * - one that arrives after it would make what they took from us look like their own change (a note we
 *   wrote, which they merged, came back as a conflict with what we wrote next).
 * So: `base` when their data vouches for the file beside it, `none` when it holds no merge of ours
 * (the merge then uses our own base of their data, which both grew from too), and `arriving` when the
 * version it vouches for is not there yet.
 */
export type TheirBase = { kind: 'base'; doc: StudyDocument } | { kind: 'none' } | { kind: 'arriving'; stamp: string };

export function theirBase(theirSeen: StudyDocument | null, theirs: StudyDocument, ourId: string): TheirBase {
  const stamp = own(theirs.merged ?? {}, ourId);
  if (stamp === undefined) return { kind: 'none' };
  return theirSeen && documentDigest(theirSeen) === stamp ? { kind: 'base', doc: theirSeen } : { kind: 'arriving', stamp };
}
