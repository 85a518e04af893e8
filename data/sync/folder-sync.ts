import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DurableJsonFile } from '../storage/durable-json-file';
import type { StudyDocument } from '../model/schema';
import { DATA_FILE_NAME } from '../storage/store';
import { DEVICE_FILE_NAME, deviceDir } from './device';
import { documentDigest, own } from './equality';
import { canonical, mergeBase, mergeDocuments, sameDocument, type DeviceInfo, type MergeNotice } from './merge';
import { CONFLICT_COPIES_DIR, mergeConflictCopies } from './conflict-copies';
import { readPeerDocument, readSeen } from './peer-file';
import { sharedBase } from './shared-base';
import { readPeerInfo, theirBase } from './peer-info';
import { ArrivalWaits } from './arrival-waits';
import type { FolderSyncOptions, PeerStatus, SyncStatus } from './sync-status';

export type { FolderSyncOptions, PeerStatus, SyncStatus } from './sync-status';

/**
 * The layout in a synced folder: each computer writes only in its own folder and reads the others'.
 *
 *   devices/<id>/studyshelf.json   its data (+ journal, backups/)    written by that computer only
 *   devices/<id>/device.json       its name, for the notices
 *   devices/<id>/seen/<other>.json the other's data as it last merged it (the base of the next merge)
 *   conflict-copies/               sync engines' conflict copies, after they were merged
 *
 * A file with one writer never gets a conflict copy from the sync engine; merging happens here, in
 * the app, where notes are merged line by line instead of one whole file winning.
 */
export { CONFLICT_COPIES_DIR, isConflictCopy } from './conflict-copies';

/**
 * The thin shell over `mergeDocuments`: notices the other computers' files changing, reads them
 * (waiting out files still being written), merges them into this computer's data, and publishes
 * what it merged.
 */
export class FolderSync {
  #options: FolderSyncOptions;
  readonly #peers = new Map<string, PeerStatus>();
  readonly #waits = new ArrivalWaits(() => Date.parse(this.#now()));
  readonly #notices: SyncStatus['notices'] = [];
  #lastMergeAt: string | null = null;
  #conflictCopies = 0;
  #running: Promise<void> | null = null;
  #again = false;
  #watcher: FSWatcher | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #stopped = false;

  constructor(options: FolderSyncOptions) {
    this.#options = options;
  }

  get #own(): string {
    return deviceDir(this.#options.folder, this.#options.device.id);
  }

  #now(): string {
    return (this.#options.now?.() ?? new Date()).toISOString();
  }

  status(): SyncStatus {
    return {
      folder: this.#options.folder,
      device: this.#options.device,
      peers: [...this.#peers.values()].sort((a, b) => a.name.localeCompare(b.name)),
      lastMergeAt: this.#lastMergeAt,
      notices: [...this.#notices],
      conflictCopiesMerged: this.#conflictCopies,
    };
  }

  /**
   * Publishes this computer's name, merges what is there, then watches for more. Never rejects: a
   * failure (a folder that cannot be written, a file that cannot be merged) is in the status, and the
   * watching starts anyway, so the next change is merged.
   */
  async start(): Promise<void> {
    try {
      await mkdir(join(this.#own, 'seen'), { recursive: true });
      await new DurableJsonFile<DeviceInfo>(join(this.#own, DEVICE_FILE_NAME)).write(this.#options.device);
      await this.syncNow();
    } catch (error) {
      this.#notice({ kind: 'not-merged', ref: '', message: `Syncing could not start: ${messageOf(error)}. It is tried again at the next change in the folder.` });
      this.#options.onChange?.(this.status(), false);
    }
    const devices = join(this.#options.folder, 'devices');
    try {
      // Recursive: the others' folders, and folders of computers that join later.
      this.#watcher = watch(devices, { recursive: true }, (_event, name) => {
        // Our own writes are in our own folder: they are told apart by where they are.
        if (name && (name === this.#options.device.id || name.startsWith(`${this.#options.device.id}/`))) return;
        this.#schedule();
      });
      this.#watcher.on('error', () => undefined);
    } catch {
      // No file events here: the poll below still finds changes.
    }
    const pollMs = this.#options.pollMs ?? 5000;
    this.#poll = setInterval(() => this.#schedule(0), pollMs);
    this.#poll.unref?.();
  }

  /** The new name goes into this computer's folder, for the other computers to show. */
  async rename(device: DeviceInfo): Promise<void> {
    this.#options = { ...this.#options, device };
    await new DurableJsonFile<DeviceInfo>(join(this.#own, DEVICE_FILE_NAME)).write(device);
    this.#options.onChange?.(this.status(), false);
  }

  stop(): void {
    this.#stopped = true;
    this.#watcher?.close();
    clearTimeout(this.#timer);
    clearInterval(this.#poll);
  }

  #schedule(delay = this.#options.settleMs ?? 300): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.syncNow().catch(() => undefined), delay);
    this.#timer.unref?.();
  }

  /** Merges every other computer's changes now; runs one at a time (a call during a run runs after it). */
  async syncNow(): Promise<SyncStatus> {
    if (this.#running) {
      this.#again = true;
      await this.#running;
      return this.status();
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#syncOnce();
      } while (this.#again && !this.#stopped);
    })();
    try {
      await this.#running;
    } finally {
      this.#running = null;
    }
    return this.status();
  }

  async #syncOnce(): Promise<void> {
    const devicesDir = join(this.#options.folder, 'devices');
    let entries: string[];
    try {
      entries = await readdir(devicesDir);
    } catch {
      return;
    }
    let changed = false;
    let statusChanged = false;
    for (const id of entries.sort()) {
      if (this.#stopped) return;
      // One computer's files never stop the others' from being merged: a failure is told and left for later.
      if (id === this.#options.device.id) {
        changed = (await this.#mergeConflictCopies(this.#own, this.#options.device).catch(() => false)) || changed;
        continue;
      }
      const dir = join(devicesDir, id);
      const info = await readPeerInfo(dir, id);
      const peer = this.#peers.get(id) ?? { id, name: info.name, lastMergedAt: null, waiting: null };
      const before = `${peer.name}\n${peer.waiting}`;
      peer.name = info.name;
      this.#peers.set(id, peer);
      try {
        changed = (await this.#syncPeer(info, dir, peer)) || changed;
      } catch (error) {
        const why = messageOf(error);
        const waiting = `its data could not be merged (${why}); it is tried again at its next change`;
        if (peer.waiting !== waiting) {
          this.#notice({ kind: 'not-merged', ref: '', message: `${info.name}'s data could not be merged: ${why}. Nothing of it was changed here; it is tried again at its next change.` });
        }
        peer.waiting = waiting;
      }
      if (`${peer.name}\n${peer.waiting}` !== before) statusChanged = true;
    }
    if (changed || statusChanged) this.#options.onChange?.(this.status(), changed);
  }

  /** Reads one other computer's data and merges it; true when this computer's data changed. */
  async #syncPeer(info: DeviceInfo, dir: string, peer: PeerStatus): Promise<boolean> {
    const read = await readPeerDocument(join(dir, DATA_FILE_NAME));
    if (read.kind === 'missing') return false;
    if (read.kind !== 'ok') {
      // Still arriving (or being replaced), or refused: the next event or poll reads it again.
      peer.waiting = read.reason;
      return false;
    }
    if (this.#waits.olderThanRead(info.id, read.position)) {
      peer.waiting = 'its newest data is still arriving (an older version of it is there for now)';
      return false;
    }
    const changed = await this.#mergePeer(info, dir, read.doc, peer);
    if (changed === 'waiting') {
      peer.waiting = 'what it last merged of this computer’s data is still arriving';
      return false;
    }
    peer.waiting = null;
    return (await this.#mergeConflictCopies(dir, info)) || changed;
  }

  #notice(notice: MergeNotice): void {
    this.#notices.unshift({ ...notice, at: this.#now() });
    this.#notices.splice(20);
  }

  /** Merges one other computer's data; true when this computer's data changed, 'waiting' when not merged yet. */
  async #mergePeer(info: DeviceInfo, dir: string, theirs: StudyDocument, peer: PeerStatus): Promise<boolean | 'waiting'> {
    const seenFile = join(this.#own, 'seen', `${info.id}.json`);
    const ourSeen = await readSeen(seenFile);
    if (ourSeen && sameDocument(ourSeen, theirs)) return false; // nothing new from them
    const theirSeen = this.#waits.theirSeen(info.id, theirBase(await readSeen(join(dir, 'seen', `${this.#options.device.id}.json`)), theirs, this.#options.device.id));
    if (theirSeen === 'waiting') return 'waiting';
    // Copied before the merge: the merged data shares objects with `theirs` (an item the same on both is
    // kept as one object), and a change made here while the merge is being written (a part added)
    // would otherwise go into this record of *their* data — and the next merge would take it as removed there.
    const seen = structuredClone(canonical(theirs));
    const changed = await this.#apply(mergeBase(ourSeen, theirSeen), info, theirs, ourSeen, documentDigest(theirs));
    await new DurableJsonFile<StudyDocument>(seenFile).write(seen);
    peer.lastMergedAt = this.#now();
    this.#lastMergeAt = peer.lastMergedAt;
    return changed;
  }

  /** Merges `theirs` into the store's current data in one change; true when it changed anything. */
  async #apply(base: StudyDocument | null, info: DeviceInfo, theirs: StudyDocument, ourSeen: StudyDocument | null = null, theirDigest?: string): Promise<boolean> {
    const at = this.#now();
    let changed = false;
    await this.#options.store.changeIfAny((current) => {
      const { doc, notices } = mergeDocuments(sharedBase(base, ourSeen, current, theirs), { device: this.#options.device, doc: current }, { device: info, doc: theirs });
      for (const notice of notices) this.#notices.unshift({ ...notice, at });
      this.#notices.splice(20);
      // What this data now holds of theirs. Written even when nothing else changed (most merges after our
      // own change only find the other computer caught up): the merge base written beside it says the
      // same, and the other computer waits for the two to agree (peer-info.ts theirBase).
      const stamped = theirDigest !== undefined && own(current.merged ?? {}, info.id) !== theirDigest;
      if (theirDigest) current.merged = { ...current.merged, [info.id]: theirDigest };
      if (sameDocument(doc, current)) return stamped;
      current.lists = doc.lists;
      current.progress = doc.progress;
      current.notes = doc.notes;
      current.activity = doc.activity;
      changed = true;
      return true;
    });
    return changed;
  }

  /** Sync engines' conflict copies in a computer's folder, merged (nothing taken as deleted) and moved aside. */
  async #mergeConflictCopies(dir: string, info: DeviceInfo): Promise<boolean> {
    const copy = { id: `${info.id}~copy`, name: `${info.name} (conflict copy)` };
    const { changed, moved } = await mergeConflictCopies(dir, this.#options.folder, info.id, (doc) => this.#apply(null, copy, doc));
    for (const name of moved) {
      this.#conflictCopies += 1;
      this.#notice({
        kind: 'both-changed',
        ref: '',
        message: `A conflict copy made by the sync engine (${name}) was merged and moved to the “${CONFLICT_COPIES_DIR}” folder.`,
      });
    }
    return changed;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
