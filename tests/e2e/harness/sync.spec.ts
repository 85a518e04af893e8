import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListPage } from '../pages/list-page';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { launchApp } from '../../harness/launch-app';
import { prepareComputer, syncEngine } from '../../support/sync-engine';

// Two computers on the harness: two profiles with their own device ids, each with its own copy of the
// synced folder, and a sync engine simulated by copying what each wrote to the other's copy.

test('moving the data to a synced folder: copied, checked, switched, old files removed, restarted on it', async ({ launch, userDataDir }) => {
  // Two starts of the app, with the data copied, read back and checked in between.
  test.slow();
  const app = await launch();
  const list = new ListPage(app.page);
  await list.checkbox('PEPs').check();
  await expect(list.checkbox('PEPs')).toBeChecked();
  const folder = join(userDataDir, 'Sync', 'Studyshelf');
  await mkdir(folder, { recursive: true });

  await app.page.getByRole('button', { name: 'Sync and data folder…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Sync and data folder' });
  await expect(dialog.getByText('Your data is in the app’s own folder, on this computer only.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Folder (full path)' }).fill(folder);
  await dialog.getByRole('button', { name: 'Move my data there' }).click();
  await expect(app.page.getByRole('heading', { name: `Your data is now in ${join(folder, 'devices')}`, exact: false })).toBeVisible();
  expect(app.relaunches).toHaveLength(1);
  await app.close();

  const device = JSON.parse(await readFile(join(userDataDir, 'device.json'), 'utf8')) as { id: string };
  expect(await stat(join(folder, 'devices', device.id, 'studyshelf.json')).then(() => true)).toBe(true);
  expect(await stat(join(userDataDir, 'studyshelf.json')).catch(() => null)).toBeNull();
  expect(JSON.parse(await readFile(join(userDataDir, 'settings.json'), 'utf8'))).toEqual({ dataFolder: folder });

  const again = await launch();
  const relaunched = new ListPage(again.page);
  await expect(relaunched.checkbox('PEPs')).toBeChecked();
  expect(again.dataFile).toBe(join(folder, 'devices', device.id, 'studyshelf.json'));
  await again.page.getByRole('button', { name: 'Sync and data folder…' }).click();
  await expect(again.page.getByRole('dialog', { name: 'Sync and data folder' }).getByText(folder, { exact: true })).toBeVisible();
});

test('two computers: a tick and a note arrive on the other; the same note line edited on both is kept twice, to resolve', async ({ browser }) => {
  // Two app windows and their stores in one worker, a simulated engine copying between them, and axe on
  // the Sync view: three times a one-window test's work. (How fast a change arrives is measured by the
  // unit tests of folder-sync and by `npm run bench:merge`, not here.)
  test.slow();
  const root = await mkdtemp(join(tmpdir(), 'studyshelf-sync-e2e-'));
  const computers = [
    { profile: join(root, 'laptop'), folder: join(root, 'laptop-Sync'), device: { id: 'dev-laptop', name: 'Laptop' } },
    { profile: join(root, 'desktop'), folder: join(root, 'desktop-Sync'), device: { id: 'dev-desktop', name: 'Desktop' } },
  ];
  for (const c of computers) await prepareComputer(c);
  const stopEngine = syncEngine(computers);
  const [laptop, desktop] = await Promise.all(computers.map((c) => launchApp({ userDataDir: c.profile, browser })));
  try {
    const onLaptop = new ListPage(laptop!.page);
    const onDesktop = new ListPage(desktop!.page);
    await onLaptop.checkbox('PEPs').check();
    const box = await onLaptop.openNotes('PEPs');
    await box.fill('PEP 3155: qualified names.');
    await expect(onLaptop.saveStatus('PEPs')).toHaveText('✓ Saved');
    await expect(onDesktop.checkbox('PEPs')).toBeChecked();
    const desktopBox = await onDesktop.openNotes('PEPs');
    await expect(desktopBox).toHaveValue('PEP 3155: qualified names.');

    // Both change the same line while the engine is paused (both offline).
    await stopEngine();
    await box.fill('PEP 3155: qualified names, read on the laptop.');
    await expect(onLaptop.saveStatus('PEPs')).toHaveText('✓ Saved');
    await desktopBox.fill('PEP 3155: qualified names, read on the desktop.');
    await expect(onDesktop.saveStatus('PEPs')).toHaveText('✓ Saved');
    // Both add a resource of the same title (different links): two resources, not one merged away.
    for (const [page, url] of [
      [laptop!.page, 'https://example.org/from-the-laptop'],
      [desktop!.page, 'https://example.org/from-the-desktop'],
    ] as const) {
      const add = page.getByRole('form', { name: 'Add a resource' });
      await add.getByLabel('Title').fill('Reading notes');
      await add.getByLabel('Link').fill(url);
      await add.getByRole('button', { name: 'Add' }).click();
      await expect(page.getByRole('listitem', { name: 'Reading notes', exact: true })).toHaveCount(1);
    }
    const restart = syncEngine(computers);
    try {
      for (const page of [laptop!.page, desktop!.page]) {
        await expect(page.getByRole('status').filter({ hasText: 'Synced · 1 note to resolve' })).toBeVisible();
        const added = page.getByRole('listitem', { name: 'Reading notes', exact: true });
        await expect(added).toHaveCount(2);
        const hrefs = await added.getByRole('link', { name: /Reading notes/ }).evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort());
        expect(hrefs).toEqual(['https://example.org/from-the-desktop', 'https://example.org/from-the-laptop']);
      }
      // The open editor shows the merged note (nothing typed there was waiting to be saved).
      await expect(box).toHaveValue(/read on the desktop/);
      const merged = await box.inputValue();
      expect(merged).toContain('read on the laptop');
      expect(merged).toContain('read on the desktop');
      expect(merged).toMatch(/^<<<<<<< Desktop$/m);
      // From another list: the note's card is made afresh when its list is shown again, and opens there too.
      await laptop!.page.getByRole('navigation', { name: 'Lists' }).getByRole('button', { name: /^Python behind the scenes: the blog series/ }).click();
      await expect(onLaptop.heading).toHaveText('Python behind the scenes: the blog series');
      await laptop!.page.getByRole('button', { name: 'Sync and data folder…' }).click();
      const dialog = laptop!.page.getByRole('dialog', { name: 'Sync and data folder' });
      await expect(dialog.getByText('This computer is')).toContainText('Laptop');
      await expect(dialog.getByRole('listitem').filter({ hasText: 'Desktop' }).first()).toBeVisible();
      await expect(dialog.getByRole('region', { name: 'Notes to resolve' }).getByRole('button', { name: 'PEPs' })).toBeVisible();
      expect(await axeViolations(laptop!.page)).toEqual([]);
      // One click opens the note to resolve.
      await dialog.getByRole('region', { name: 'Notes to resolve' }).getByRole('button', { name: 'PEPs' }).click();
      await expect(dialog).toBeHidden();
      await expect(onLaptop.noteBox('PEPs')).toBeFocused();

      // A computer's name is its own to choose; the other computer shows the new one.
      await laptop!.page.getByRole('button', { name: 'Sync and data folder…' }).click();
      await dialog.getByRole('button', { name: 'Rename this computer' }).click();
      await dialog.getByRole('textbox', { name: 'Name of this computer' }).fill('Study laptop');
      await dialog.getByRole('button', { name: 'Save name' }).click();
      await expect(dialog.getByText('This computer is')).toContainText('Study laptop');
      await desktop!.page.getByRole('button', { name: 'Sync and data folder…' }).click();
      const desktopDialog = desktop!.page.getByRole('dialog', { name: 'Sync and data folder' });
      await expect(desktopDialog.getByRole('listitem').filter({ hasText: 'Study laptop' }).first()).toBeVisible();
    } finally {
      await restart();
    }
  } finally {
    await laptop?.close();
    await desktop?.close();
    await rm(root, { recursive: true, force: true });
  }
});
