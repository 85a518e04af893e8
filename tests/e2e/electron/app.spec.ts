import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { openStore } from '../../../data/storage/store';
import { METHOD_NAMES } from '../../../electron/api/channels';
import { findElectronBinary, ROOT } from '../../../scripts/electron-binary';
import { ListPage } from '../pages/list-page';

const binary = findElectronBinary();
const SKIP_REASON = binary.found
  ? ''
  : `Electron e2e skipped: ${binary.reason}. These tests launch the real app with _electron.launch and run wherever the Electron binary can be downloaded; here the same scenarios ran in Chromium on the harness.`;
if (!binary.found) console.log(SKIP_REASON);

test.describe('the real Electron app', () => {
  test.skip(!binary.found, SKIP_REASON);

  let xvfb: ChildProcess | undefined;
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  test.beforeAll(async () => {
    // Linux CI has no display: give Electron a virtual one.
    if (process.platform === 'linux' && !env.DISPLAY) {
      xvfb = spawn('Xvfb', [':97', '-screen', '0', '1280x900x24'], { stdio: 'ignore' });
      env.DISPLAY = ':97';
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  test.afterAll(() => void xvfb?.kill());

  async function launch(userDataDir: string) {
    if (!binary.found) throw new Error('unreachable');
    const args = [join(ROOT, 'out/main/index.js'), `--user-data-dir=${userDataDir}`];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const app = await electron.launch({ executablePath: binary.path, args, env });
    const page = await app.firstWindow();
    return { app, page, list: new ListPage(page) };
  }

  test('ticks, a lecture and a note survive closing and relaunching', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studyshelf-electron-'));
    try {
      const first = await launch(dir);
      await expect(first.page).toHaveTitle(/Studyshelf/);
      await expect(first.list.resources).toHaveCount(10);
      await first.list.checkbox('PEPs').check();
      await first.list.checkbox('Lecture 3 - Frames, function calls, and scope').check();
      const box = await first.list.openNotes('PEPs');
      await box.pressSequentially('## Ünïcödé 🐍 `code`', { delay: 5 });
      await first.app.close(); // inside the debounce: the window's close must flush the note

      const onDisk = JSON.parse(await readFile(join(dir, 'studyshelf.json'), 'utf8'));
      expect(onDisk.notes['python-behind-the-scenes-resources/peps'].body).toBe('## Ünïcödé 🐍 `code`');

      const second = await launch(dir);
      await expect(second.list.checkbox('PEPs')).toBeChecked();
      await expect(second.list.checkbox('Lecture 3 - Frames, function calls, and scope')).toBeChecked();
      await expect(second.list.resource('PEPs')).toContainText('## Ünïcödé 🐍 `code`');
      await second.app.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a data folder shared with another computer: its changes are merged at start, and the Sync view names both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studyshelf-electron-'));
    try {
      const folder = join(dir, 'Sync', 'Studyshelf');
      const other = join(folder, 'devices', 'dev-other-desk');
      const store = await openStore({ dir: other });
      await store.setDone('python-behind-the-scenes-resources/peps', true);
      await store.saveNote('python-behind-the-scenes-resources/peps', 'written on the other desk');
      await store.close();
      await writeFile(join(other, 'device.json'), JSON.stringify({ id: 'dev-other-desk', name: 'Other desk' }));
      await writeFile(join(dir, 'device.json'), JSON.stringify({ id: 'dev-this-laptop', name: 'This laptop' }));
      await writeFile(join(dir, 'settings.json'), JSON.stringify({ dataFolder: folder }));

      const { app, page, list } = await launch(dir);
      await expect(list.checkbox('PEPs')).toBeChecked();
      await expect(list.resource('PEPs')).toContainText('written on the other desk');
      await page.getByRole('button', { name: 'Sync and data folder…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sync and data folder' });
      await expect(dialog.getByText('This computer is')).toContainText('This laptop');
      await expect(dialog.getByRole('listitem').filter({ hasText: 'Other desk' }).first()).toBeVisible();
      await app.close();
      const own = JSON.parse(await readFile(join(folder, 'devices', 'dev-this-laptop', 'studyshelf.json'), 'utf8'));
      expect(own.notes['python-behind-the-scenes-resources/peps'].body).toBe('written on the other desk');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the window is sandboxed: no Node in the page, only window.api', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studyshelf-electron-'));
    try {
      const { app, page } = await launch(dir);
      const globals = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        api: Object.keys(window.api).sort(),
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: [...METHOD_NAMES, 'on'].sort() });
      await app.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
