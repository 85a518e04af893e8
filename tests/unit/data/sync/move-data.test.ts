import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openStore, type Store } from '../../../../data/storage/store';
import { copyData, removeMovedData } from '../../../../data/sync/move-data';
import { createHandlers } from '../../../../electron/api/handlers';
import { dataLocation } from '../../../../electron/api/data-dir';
import { savedState, tempDir } from '../../helpers';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function app(options: { dialog?: string | null; appDir?: string } = {}) {
  const appDir = options.appDir ?? (await tempDir());
  const location = await dataLocation(appDir, {});
  const store = await openStore({ dir: location.dataDir });
  stores.push(store);
  const relaunches: number[] = [];
  const handlers = createHandlers({
    store,
    openExternal: async () => undefined,
    openPath: async () => undefined,
    sync: { device: location.device, appDir, dataFolder: location.dataFolder, folderSync: null, relaunch: () => void relaunches.push(1) },
    ...(options.dialog !== undefined
      ? { dialogs: { chooseDataFolder: async () => options.dialog!, chooseImportFile: async () => null, chooseExportPath: async () => null } }
      : {}),
  });
  return { appDir, store, handlers, relaunches, device: location.device };
}

describe('moving the data to a folder', () => {
  it('copies, verifies, switches, then removes the old files; the next start opens the moved data', async () => {
    const { appDir, store, handlers, relaunches, device } = await app();
    await store.setDone('python-behind-the-scenes-resources/peps', true);
    await store.saveNote('python-behind-the-scenes-resources/peps', 'kept across the move');
    const folder = join(await tempDir(), 'Sync');
    const to = await handlers.moveDataFolder(folder);
    expect(to).toBe(join(folder, 'devices', device.id));
    expect(relaunches).toHaveLength(1);
    expect((await readdir(appDir)).filter((f) => f.startsWith('studyshelf'))).toEqual([]);
    const moved = await savedState(to);
    expect(moved.notes['python-behind-the-scenes-resources/peps']?.body).toBe('kept across the move');
    const next = await dataLocation(appDir, {});
    expect(next).toMatchObject({ dataDir: to, dataFolder: folder, device });
  });

  it('moving back out of a shared folder takes this computer’s folder out of it', async () => {
    const { appDir, handlers, device } = await app();
    const folder = join(await tempDir(), 'Sync');
    await handlers.moveDataFolder(folder);
    const second = await app({ appDir });
    await mkdir(join(folder, 'devices', device.id, 'seen'), { recursive: true });
    await writeFile(join(folder, 'devices', device.id, 'device.json'), JSON.stringify(device));
    await second.handlers.moveDataFolder(null);
    expect(await readdir(join(folder, 'devices'))).toEqual([]);
    expect((await readdir(appDir)).filter((f) => f.startsWith('studyshelf'))).toEqual(['studyshelf.json']);
    expect(JSON.parse(await readFile(join(appDir, 'settings.json'), 'utf8'))).toEqual({ dataFolder: null });
  });

  it('a folder that already holds this computer’s data is refused, and nothing changes', async () => {
    const { appDir, store, handlers, relaunches, device } = await app();
    await store.saveNote('python-behind-the-scenes-resources/peps', 'mine');
    const folder = await tempDir();
    await mkdir(join(folder, 'devices', device.id), { recursive: true });
    await writeFile(join(folder, 'devices', device.id, 'studyshelf.json'), '{"other":"data"}');
    await expect(handlers.moveDataFolder(folder)).rejects.toThrow(/already holds Studyshelf data/);
    // The app restarts on the data where it was.
    expect(relaunches).toHaveLength(1);
    expect((await savedState(appDir)).notes['python-behind-the-scenes-resources/peps']?.body).toBe('mine');
    expect(await readFile(join(folder, 'devices', device.id, 'studyshelf.json'), 'utf8')).toBe('{"other":"data"}');
    expect(await stat(join(appDir, 'settings.json')).catch(() => null)).toBeNull();
  });

  it('a last write that fails before the copy stops the move: the app restarts on the data where it was', async () => {
    const { appDir, store, handlers, relaunches, device } = await app();
    await store.saveNote('python-behind-the-scenes-resources/peps', 'kept where it was');
    // The data file's place is taken by a folder: the write that folds the journal in cannot replace it.
    await rm(join(appDir, DATA_FILE_NAME));
    await mkdir(join(appDir, DATA_FILE_NAME, 'in-the-way'), { recursive: true });
    const folder = join(await tempDir(), 'Sync');
    await expect(handlers.moveDataFolder(folder)).rejects.toThrow(/studyshelf\.recovery\.json/);
    expect(relaunches).toHaveLength(1);
    expect(existsSync(join(folder, 'devices', device.id, DATA_FILE_NAME))).toBe(false);
    expect(await stat(join(appDir, 'settings.json')).catch(() => null)).toBeNull();
    expect(JSON.parse(await readFile(join(appDir, 'studyshelf.recovery.json'), 'utf8')).notes['python-behind-the-scenes-resources/peps'].body).toBe('kept where it was');
  });

  it('in the desktop app, only a folder the system dialog returned is accepted', async () => {
    const chosen = await tempDir();
    const { handlers } = await app({ dialog: chosen });
    await expect(handlers.moveDataFolder('/tmp/somewhere-the-page-made-up')).rejects.toThrow(/Choose the folder/);
    expect(await handlers.chooseDataFolder()).toBe(chosen);
    await expect(handlers.moveDataFolder(chosen)).resolves.toContain(chosen);
  });

  it('a data folder that is missing at start is an error that says what to do, not a fresh start', async () => {
    const appDir = await tempDir();
    await writeFile(join(appDir, 'settings.json'), JSON.stringify({ dataFolder: '/media/usb-stick/Studyshelf' }));
    await expect(dataLocation(appDir, {})).rejects.toThrow(/data folder \/media\/usb-stick\/Studyshelf is not there\. Connect its drive/);
  });

  it('the very first start, with no app folder yet, makes it and the device id', async () => {
    const appDir = join(await tempDir(), 'not', 'there', 'yet');
    const location = await dataLocation(appDir, {});
    expect(location.dataDir).toBe(appDir);
    expect(JSON.parse(await readFile(join(appDir, 'device.json'), 'utf8'))).toEqual(location.device);
  });

  it('each installation gets its own device id, kept in the app folder', async () => {
    const [one, two] = [await tempDir(), await tempDir()];
    const a = await dataLocation(one, {});
    const b = await dataLocation(two, {});
    expect(a.device.id).not.toBe(b.device.id);
    expect((await dataLocation(one, {})).device).toEqual(a.device);
  });

  it('the copies and their folders reach the disk (fsync) before the old files are removed', async () => {
    const from = await tempDir();
    const store = await openStore({ dir: from, now: () => new Date('2026-11-26T12:00:00.000Z') });
    await store.saveNote('python-behind-the-scenes-resources/peps', 'moved, and on the disk');
    await store.close();
    await (await openStore({ dir: from })).close(); // a start: a snapshot in backups/
    const to = join(await tempDir(), 'moved');
    const synced: string[] = [];
    const whileSourceThere = (path: string) => {
      expect(existsSync(join(from, DATA_FILE_NAME))).toBe(true);
      synced.push(path);
    };
    await copyData(from, to, { syncFile: async (p) => whileSourceThere(p), syncDir: async (d) => whileSourceThere(d) });
    await removeMovedData(from);
    const backups = await readdir(join(to, 'backups'));
    expect(backups.length).toBeGreaterThan(0);
    expect(synced).toEqual(expect.arrayContaining([join(to, DATA_FILE_NAME), to, join(to, 'backups'), ...backups.map((b) => join(to, 'backups', b))]));
    // The folder entry of each file is synced after the file itself.
    expect(synced.lastIndexOf(to)).toBeGreaterThan(synced.indexOf(join(to, DATA_FILE_NAME)));
    expect(existsSync(join(from, DATA_FILE_NAME))).toBe(false);
  });
});
