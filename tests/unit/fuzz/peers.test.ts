import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { documentProblem } from '../../../data/storage/document-check';
import { DataFileCorruptError } from '../../../data/model/errors';
import { replayJournals } from '../../../data/storage/journal-replay';
import { NewerVersionError } from '../../../data/storage/migrate';
import { readDocument } from '../../../data/storage/read-document';
import { deviceDir } from '../../../data/sync/device';
import { FolderSync } from '../../../data/sync/folder-sync';
import { DATA_FILE_NAME, openStore } from '../../../data/storage/store';
import { PBTS, tempDir } from '../helpers';
import { documentJson, journalText, withInvalidUtf8 } from './documents';
import { diskBytes, expectClearFailure, expectReadable, INTERNAL } from './property';
import { fuzzOptions } from './runs';
import { longestBlock, MAX_BLOCK_MS } from './stall';

const LAPTOP = { id: 'dev-laptop', name: 'Laptop' };
const DESKTOP = { id: 'dev-desktop', name: 'Desktop' };
const journalName = (generation: number) => `studyshelf.journal-${String(generation).padStart(8, '0')}.ndjson`;

/** Another computer's folder as a sync engine delivers it: its data file (bytes), journals and merge base. */
const peerFiles = fc.record({
  data: fc.tuple(documentJson, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 })).map(([json, at]) => (at === null ? Buffer.from(json) : withInvalidUtf8(json, at))),
  journals: fc.array(journalText, { maxLength: 2 }),
  seenOfOurs: fc.option(documentJson, { freq: 3 }),
});
type PeerFiles = typeof peerFiles extends fc.Arbitrary<infer T> ? T : never;

async function deliver(dir: string, files: PeerFiles): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'seen'), { recursive: true });
  await writeFile(join(dir, 'device.json'), JSON.stringify(DESKTOP));
  await writeFile(join(dir, DATA_FILE_NAME), files.data);
  await Promise.all(files.journals.map((text, i) => writeFile(join(dir, journalName(i + 1)), text)));
  if (files.seenOfOurs !== null) await writeFile(join(dir, 'seen', `${LAPTOP.id}.json`), files.seenOfOurs);
}

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('fuzz: peer data files and journals', () => {
  it('read and replayed: only "damaged" or "newer" errors, no stall, and what replays is a document the reader accepts', async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(peerFiles, async (files) => {
        await deliver(dir, files);
        const file = join(dir, DATA_FILE_NAME);
        const { outcome, blockedMs } = await longestBlock(async () => {
          const { doc } = readDocument(file, files.data);
          await replayJournals(file, doc);
          return doc;
        });
        expect(blockedMs, 'reading and replaying blocked main').toBeLessThan(MAX_BLOCK_MS);
        if (outcome instanceof Error) {
          if (!(outcome instanceof DataFileCorruptError || outcome instanceof NewerVersionError)) throw outcome;
          expect(outcome.message).not.toMatch(/Maximum call stack|Cannot read prop|is not a function/);
        } else {
          expect(documentProblem(outcome), 'the journal replayed into a document the reader rejects').toBeNull();
        }
      }),
      fuzzOptions('peers'),
    );
  }, 3_600_000);

  it('merged by the folder sync: no internal error, no stall, a readable file, nothing changed when not merged', async () => {
    const folder = join(await tempDir(), 'Sync');
    const own = deviceDir(folder, LAPTOP.id);
    const store = await openStore({ dir: own, compactAfterMs: 3_600_000 });
    await store.saveNote(`${PBTS}/peps`, 'written on the laptop'); // not pristine: the merge really merges
    const sync = new FolderSync({ folder, device: LAPTOP, store, settleMs: 3_600_000, pollMs: 3_600_000 });
    stops.push(() => sync.stop());
    await sync.start();
    await fc.assert(
      fc.asyncProperty(peerFiles, async (files) => {
        await deliver(deviceDir(folder, DESKTOP.id), files);
        const before = await diskBytes(own);
        const { outcome, blockedMs } = await longestBlock(() => sync.syncNow());
        if (outcome instanceof Error) expectClearFailure(outcome); // syncNow never rejects: any error fails
        expect(blockedMs, 'the merge blocked main').toBeLessThan(MAX_BLOCK_MS);
        await expectReadable(own);
        const status = sync.status();
        for (const message of [status.peers[0]?.waiting ?? '', ...status.notices.map((n) => n.message)]) {
          expect(message).not.toMatch(INTERNAL);
        }
        // Not merged (not read, refused, or its merge failed): the peer waits, with the reason.
        if (status.peers[0]?.waiting !== null) expect(await diskBytes(own), 'a peer that was not merged changed our saved data').toEqual(before);
      }),
      fuzzOptions('peers'),
    );
    sync.stop();
    await store.close();
    await expectReadable(own);
    expect((await readdir(own)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 3_600_000);
});
