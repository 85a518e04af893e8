import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../electron/api/app-core';
import { dispatch } from '../electron/api/dispatch';
import { BIG_LIST, bigDocument, writeProfile } from './fixture';

// Run as its own process by the bench: the main process's data side (the app core main.ts starts:
// store, link checks, handlers, the file watch) on a 10,000-resource profile, after a start, a state
// read, ticks, a note and an export — measured while it runs, and after it closed (its last whole
// write). Electron's own main process adds its runtime on top of these figures. The profile is written
// by the bench before this process starts (argv[3]), so building the fixture is not counted as the
// app's memory; without it, this process builds one (standalone use).
const resources = Number(process.argv[2] ?? 10_000);
const given = process.argv[3];
const dir = given ?? (await mkdtemp(join(tmpdir(), 'studyshelf-bench-mem-')));
if (!given) await writeProfile(dir, bigDocument(resources));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const app = await startApp({
  appDir: dir,
  env: {},
  nativeDialogs: true,
  send: () => undefined,
  openExternal: async () => undefined,
  openPath: async () => undefined,
  relaunch: () => undefined,
});
const { handlers } = app;
await dispatch(handlers, 'getState', []);
for (let i = 0; i < 50; i++) await dispatch(handlers, 'setDone', [`${BIG_LIST}/r${i * 7}`, i % 2 === 0]);
await dispatch(handlers, 'saveNote', [`${BIG_LIST}/r1`, 'a note '.repeat(1000)]);
await dispatch(handlers, 'exportList', [BIG_LIST, 'markdown']);
globalThis.gc?.();
const running = process.memoryUsage();
await app.close();
globalThis.gc?.();
const closed = process.memoryUsage();
if (!given) await rm(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ resources, rssMB: mb(running.rss), heapUsedMB: mb(running.heapUsed), afterCloseRssMB: mb(closed.rss) }));
