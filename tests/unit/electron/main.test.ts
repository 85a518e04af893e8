import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importFile } from '../../../data/import/detect';
import { IMPORT_FORMATS } from '../../../data/model/import-formats';
import { CHANNELS, FLUSH_HOOK } from '../../../electron/api/channels';
import { PBTS, savedState, tempDir } from '../helpers';
import { startMain } from './start-main';

describe('main', () => {
  it('opens one secure window on app://studyshelf with the CommonJS preload', async () => {
    const { window: win, module } = await startMain();
    const window = win!;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://studyshelf/index.html');
    expect(module.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('registers a handler for every channel of the contract, and nothing else', async () => {
    const { handlers } = await startMain();
    expect([...handlers.keys()].sort()).toEqual(CHANNELS.map(([, c]) => c).sort());
  });

  it('serves only our own frame, and writes to the folder given by --user-data-dir', async () => {
    const dir = await tempDir();
    const { handlers } = await startMain([`--user-data-dir=${dir}`]);
    const setDone = handlers.get('studyshelf:setDone')!;
    const foreign = { senderFrame: { url: 'https://evil.example/' } };
    expect(await setDone(foreign, `${PBTS}/peps`, true)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ours = { senderFrame: { url: 'app://studyshelf/index.html' } };
    expect(await setDone(ours, `${PBTS}/peps`, true)).toMatchObject({ ok: true });
    // On disk in that folder: what the next start there loads (data file and journal).
    expect((await savedState(dir)).progress[`${PBTS}/peps`]?.status).toBe('done');
  });

  it('the import dialog offers every format the importer reads, and a .tsv chosen there is read as a table', async () => {
    const dir = await tempDir();
    const file = join(dir, 'reading.tsv');
    await writeFile(file, 'title\turl\nDesign of CPython’s Garbage Collector\thttps://devguide.python.org/internals/garbage-collector/\n');
    const { handlers, module: electron, openDialogAnswer } = await startMain();
    openDialogAnswer.path = file;
    const ours = { senderFrame: { url: 'app://studyshelf/index.html' } };
    const result = (await handlers.get('studyshelf:openImportFile')!(ours)) as { ok: boolean; value: { fileName: string; content: string } | null };
    const options = electron.dialog.showOpenDialog.mock.calls.at(-1)!.at(-1) as { filters: { name: string; extensions: string[] }[] };
    const offered = options.filters[0]!.extensions;
    for (const format of IMPORT_FORMATS) for (const ext of format.extensions) expect(offered, format.label).toContain(ext);
    expect(options.filters.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
    expect(result).toMatchObject({ ok: true, value: { fileName: 'reading.tsv' } });
    const preview = importFile(result.value!.fileName, result.value!.content);
    expect(preview.resources.map((r) => r.url)).toEqual(['https://devguide.python.org/internals/garbage-collector/']);
  });

  it('asks the page to flush pending notes before the window closes', async () => {
    const window = (await startMain()).window!;
    window.close();
    expect(window.webContents.executeJavaScript).toHaveBeenCalledWith(expect.stringContaining(FLUSH_HOOK));
    await vi.waitFor(() => expect(window.close).toHaveBeenCalledTimes(2));
  });

  it('remembers the window’s size and place, and uses them next time', async () => {
    const dir = await tempDir();
    const first = (await startMain([`--user-data-dir=${dir}`])).window!;
    first.close();
    const saved = JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: false });
    const second = (await startMain([`--user-data-dir=${dir}`])).window!;
    expect(second.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 });
  });

  it('a second instance opens no window and quits; the first one comes to the front', async () => {
    const second = await startMain([], { firstInstance: false });
    expect(second.windows).toHaveLength(0);
    expect(second.app.quit).toHaveBeenCalled();

    const first = await startMain();
    first.app.emit('second-instance');
    expect(first.window!.focus).toHaveBeenCalled();
  });

  it('holds the quit until every write is on disk, then quits', async () => {
    const dir = await tempDir();
    const { app, handlers } = await startMain([`--user-data-dir=${dir}`]);
    const ours = { senderFrame: { url: 'app://studyshelf/index.html' } };
    const pending = handlers.get('studyshelf:saveNote')!(ours, `${PBTS}/peps`, 'written while quitting');
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    app.emit('will-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await pending;
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    // Quitting wrote the whole document: the data file itself holds it.
    const onDisk = JSON.parse(await readFile(join(dir, 'studyshelf.json'), 'utf8'));
    expect(onDisk.notes[`${PBTS}/peps`].body).toBe('written while quitting');
  });
  it('a last write that fails at quit is not quiet: the user is told, and the recovery file holds the change', async () => {
    const dir = await tempDir();
    const { app, handlers, module } = await startMain([`--user-data-dir=${dir}`]);
    const ours = { senderFrame: { url: 'app://studyshelf/index.html' } };
    await handlers.get('studyshelf:saveNote')!(ours, `${PBTS}/peps`, 'written before a failing quit');
    // The data file's place is taken by a folder: the whole write at quit cannot replace it.
    const file = join(dir, 'studyshelf.json');
    await rm(file);
    await mkdir(join(file, 'in-the-way'), { recursive: true });
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    app.emit('will-quit', event);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(module.dialog.showErrorBox).toHaveBeenCalledWith('Not everything was saved to disk', expect.stringContaining('studyshelf.recovery.json'));
    const recovery = JSON.parse(await readFile(join(dir, 'studyshelf.recovery.json'), 'utf8'));
    expect(recovery.notes[`${PBTS}/peps`].body).toBe('written before a failing quit');
  });
});

describe('main: updates through electron-updater', () => {
  const ours = { senderFrame: { url: 'app://studyshelf/index.html' } };

  it('checks at start; a downloaded version is told to the window, and Restart installs it', async () => {
    const { updater, handlers, window } = await startMain([], { online: true, feedVersion: '0.2.0' });
    await vi.waitFor(() => expect(window!.webContents.send).toHaveBeenCalledWith('studyshelf:updatesChanged', expect.objectContaining({ status: 'ready', version: '0.2.0' })));
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(await handlers.get('studyshelf:restartToUpdate')!(ours)).toMatchObject({ ok: true });
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('offline, nothing is asked of the feed; with the setting off, the next start does not check', async () => {
    const dir = await tempDir();
    const offline = await startMain([`--user-data-dir=${dir}`], { online: false, feedVersion: '0.2.0' });
    await vi.waitFor(async () => expect(await offline.handlers.get('studyshelf:getUpdates')!(ours)).toMatchObject({ value: { status: 'offline' } }));
    expect(offline.updater.checkForUpdates).not.toHaveBeenCalled();
    expect(await offline.handlers.get('studyshelf:restartToUpdate')!(ours)).toMatchObject({ ok: false, error: { message: 'No new version is ready to install yet.' } });
    expect(await offline.handlers.get('studyshelf:setCheckUpdatesAtStart')!(ours, false)).toMatchObject({ ok: true, value: { checkAtStart: false } });

    const next = await startMain([`--user-data-dir=${dir}`], { online: true, feedVersion: '0.2.0' });
    expect(await next.handlers.get('studyshelf:getUpdates')!(ours)).toMatchObject({ ok: true, value: { checkAtStart: false, status: 'idle' } });
    expect(next.updater.checkForUpdates).not.toHaveBeenCalled();
  });
});
