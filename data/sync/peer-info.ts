import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StudyDocument } from '../model/schema';
import { DEVICE_FILE_NAME } from './device';
import { documentDigest } from './equality';
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
 * Their merge base of our data (their `seen/<our id>.json`), only when their data file says it holds
 * that merge. A sync engine delivers a computer's files one by one in no set order: a merge base that
 * arrived before the data it goes with would make what we added since look deleted on their side (a
 * new list merged there, then removed here). Without it the merge uses our own base of their data,
 * which both grew from too.
 */
export function withTheirData(theirSeen: StudyDocument | null, theirs: StudyDocument, ourId: string): StudyDocument | null {
  if (!theirSeen) return null;
  const stamp = theirs.merged && Object.hasOwn(theirs.merged, ourId) ? theirs.merged[ourId] : undefined;
  return stamp === documentDigest(theirSeen) ? theirSeen : null;
}
