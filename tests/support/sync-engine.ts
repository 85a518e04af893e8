import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceInfo } from '../../data/sync/merge';

/** One computer of a two-computer test: its app folder (profile) and its own copy of the synced folder. */
export interface Computer {
  profile: string;
  folder: string;
  device: DeviceInfo;
}

/** A profile set up as if the user had chosen `folder` as the data folder on that computer. */
export async function prepareComputer({ profile, folder, device }: Computer): Promise<void> {
  await mkdir(profile, { recursive: true });
  await mkdir(folder, { recursive: true });
  await writeFile(join(profile, 'device.json'), JSON.stringify(device));
  await writeFile(join(profile, 'settings.json'), JSON.stringify({ dataFolder: folder }));
}

/** Copies the changed files of one tree to another, each as a temp file then a rename (as Syncthing and Dropbox do). */
async function copyTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true }).catch(() => [])) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(dst, { recursive: true });
      await copyTree(src, dst);
      continue;
    }
    const bytes = await readFile(src).catch(() => null);
    if (!bytes) continue;
    const existing = await readFile(dst).catch(() => null);
    if (existing?.equals(bytes)) continue;
    await writeFile(`${dst}.syncing`, bytes);
    await rename(`${dst}.syncing`, dst);
  }
}

/** One pass of a sync engine: what each computer wrote in its own folder, copied to every other computer's copy. */
export async function deliverAll(computers: readonly Computer[]): Promise<void> {
  for (const from of computers) {
    for (const to of computers) {
      if (from === to) continue;
      const target = join(to.folder, 'devices', from.device.id);
      await mkdir(target, { recursive: true });
      await copyTree(join(from.folder, 'devices', from.device.id), target);
    }
  }
}

/** A sync engine running in the background (a pass every 150 ms) until the returned stop is awaited. */
export function syncEngine(computers: readonly Computer[]): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await deliverAll(computers);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}
