import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../electron/api/app-core';
import { dispatch } from '../electron/api/dispatch';
import { BIG_LIST, bigDocument, writeProfile } from './fixture';

// Run as its own process by the bench: the main process's data side (the app core main.ts starts:
// store, link checks, handlers, the file watch) holding a 10,000-resource document after a start, a
// state read, ticks, a note and a search-sized export. Electron's own main process adds its runtime on
// top of this figure.
const resources = Number(process.argv[2] ?? 10_000);
const dir = await mkdtemp(join(tmpdir(), 'studyshelf-bench-mem-'));
await writeProfile(dir, bigDocument(resources));
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
await app.close();
globalThis.gc?.();
const { rss, heapUsed } = process.memoryUsage();
await rm(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ resources, rssMB: Math.round((rss / 1024 / 1024) * 10) / 10, heapUsedMB: Math.round((heapUsed / 1024 / 1024) * 10) / 10 }));
