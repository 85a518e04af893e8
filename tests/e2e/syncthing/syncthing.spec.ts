import { readSaved } from '../../harness/saved';
import type { StudyDocument } from '../../../data/model/schema';
import { expect, test, type Side } from './two-computers';

// Two computers through a real Syncthing: two Syncthing 1.19 daemons on loopback inside a private network
// namespace (scripts/private-network.ts), two Studyshelf windows (harness), each on its own copy of the
// synced folder. Nothing here waits for time: Syncthing's REST API says when the folders are in sync, and
// the windows are then looked at.

const PBTS = 'python-behind-the-scenes-resources';
const SLOW = 'two real Syncthing daemons, their connection and two app windows: three times a one-window test';

const disk = (side: Side): Promise<StudyDocument> => readSaved(side.app.dataFile);

test('a tick and a note on one computer arrive on the other, on screen and in its data file', async ({ computers }) => {
  test.slow(true, SLOW);
  const { laptop, desktop, syncthing } = computers;
  await laptop.list.checkbox('PEPs').check();
  const box = await laptop.list.openNotes('PEPs');
  await box.fill('PEP 3155: qualified names.');
  await expect(laptop.list.saveStatus('PEPs')).toHaveText('✓ Saved');

  await syncthing.waitInSync();
  await expect(desktop.list.checkbox('PEPs')).toBeChecked();
  await expect(desktop.list.resource('PEPs')).toContainText('PEP 3155: qualified names.');
  await expect.poll(async () => (await disk(desktop)).notes[`${PBTS}/peps`]?.body).toBe('PEP 3155: qualified names.');
  expect((await disk(desktop)).progress[`${PBTS}/peps`]?.status).toBe('done');
});

test('the same note line edited on both while they are disconnected is kept twice, to resolve, once they reconnect', async ({ computers }) => {
  test.slow(true, SLOW);
  const { laptop, desktop, syncthing } = computers;
  const box = await laptop.list.openNotes('PEPs');
  await box.fill('PEP 3155: qualified names.');
  await expect(laptop.list.saveStatus('PEPs')).toHaveText('✓ Saved');
  await syncthing.waitInSync();
  const desktopBox = await desktop.list.openNotes('PEPs');
  await expect(desktopBox).toHaveValue('PEP 3155: qualified names.');

  // The laptop pauses the desktop (Syncthing's REST API): the two are offline to each other.
  await syncthing.pausePeer(syncthing.a);
  await box.fill('PEP 3155: qualified names, read on the laptop.');
  await expect(laptop.list.saveStatus('PEPs')).toHaveText('✓ Saved');
  await desktopBox.fill('PEP 3155: qualified names, read on the desktop.');
  await expect(desktop.list.saveStatus('PEPs')).toHaveText('✓ Saved');
  await syncthing.resumePeer(syncthing.a);
  await syncthing.waitInSync();

  for (const side of [laptop, desktop]) {
    await expect(side.app.page.getByRole('status').filter({ hasText: 'Synced · 1 note to resolve' })).toBeVisible();
    const note = side.list.noteBox('PEPs');
    await expect(note).toHaveValue(/read on the laptop/);
    await expect(note).toHaveValue(/read on the desktop/);
    await expect(note).toHaveValue(/^<<<<<<< (Laptop|Desktop)$/m);
    await side.app.page.getByRole('button', { name: 'Sync and data folder…' }).click();
    const dialog = side.app.page.getByRole('dialog', { name: 'Sync and data folder' });
    await expect(dialog.getByRole('region', { name: 'Notes to resolve' }).getByRole('button', { name: 'PEPs' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  }
  // Both computers hold the same merged note on disk, both versions in it.
  await expect.poll(async () => (await disk(laptop)).notes[`${PBTS}/peps`]?.body).toContain('read on the desktop');
  await expect.poll(async () => (await disk(desktop)).notes[`${PBTS}/peps`]?.body).toBe((await disk(laptop)).notes[`${PBTS}/peps`]?.body);
});

test('a list created on one computer and a resource deleted on the other both hold on both', async ({ computers }) => {
  test.slow(true, SLOW);
  const { laptop, desktop, syncthing } = computers;
  await syncthing.pausePeer(syncthing.b);

  const page = laptop.app.page;
  await page.getByRole('button', { name: '+ New list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New list' });
  await dialog.getByLabel('Title').fill('Compilers');
  await dialog.getByRole('button', { name: 'Create list' }).click();
  await expect(laptop.list.heading).toHaveText('Compilers');

  await desktop.list.resource('Stupid Python Ideas').getByRole('button', { name: 'Edit Stupid Python Ideas' }).click();
  await desktop.app.page.getByRole('form', { name: 'Edit Stupid Python Ideas' }).getByRole('button', { name: 'Delete' }).click();
  await expect(desktop.list.resources).toHaveCount(9);

  await syncthing.resumePeer(syncthing.b);
  await syncthing.waitInSync();
  for (const side of [laptop, desktop]) {
    const lists = side.app.page.getByRole('navigation', { name: 'Lists' });
    await expect(lists.getByText('Compilers', { exact: true })).toBeVisible();
    await side.list.openList('Python behind the scenes: a list of resources');
    await expect(side.list.resources).toHaveCount(9);
    await expect(side.list.resource('Stupid Python Ideas')).toHaveCount(0);
  }
  for (const side of [laptop, desktop]) {
    await expect.poll(async () => (await disk(side)).lists.map((l) => l.title)).toContain('Compilers');
    const saved = await disk(side);
    expect(saved.lists.find((l) => l.id === PBTS)?.resources.map((r) => r.title)).not.toContain('Stupid Python Ideas');
  }
});

test('200 quick ticks in a row on one computer all arrive on the other, and nothing is lost on either after both quit', async ({ computers }) => {
  test.slow(true, `${SLOW}, and 200 ticks synced one by one`);
  const { laptop, desktop, syncthing } = computers;
  const links = Array.from({ length: 200 }, (_, i) => `- [Tick ${String(i + 1).padStart(3, '0')}](https://example.org/tick/${i + 1})`);
  await laptop.app.page.getByLabel('Choose a file to import').setInputFiles({ name: 'ticks.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Ticks\n\n${links.join('\n')}\n`) });
  const dialog = laptop.app.page.getByRole('dialog', { name: 'Import “Ticks”' });
  await dialog.getByRole('button', { name: 'Import list' }).click();
  await expect(laptop.list.listProgressText()).toContainText('0 of 200');
  const listTitle = (await laptop.list.heading.innerText()).trim();
  await syncthing.waitInSync();
  await desktop.list.openList(listTitle);
  await expect(desktop.list.listProgressText()).toContainText('0 of 200');

  // 200 ticks back to back, each through the call a checkbox makes (window.api.setStatus: the preload
  // API, IPC dispatch, handler, store, journal), without waiting for the window between two: quicker
  // than a person can click, while Syncthing is picking up the journal as it grows.
  const imported = (await disk(laptop)).lists.find((l) => l.title === listTitle)!;
  const refs = imported.resources.map((r) => `${imported.id}/${r.id}`);
  const refused = await laptop.app.page.evaluate(async (all) => {
    const api = (window as unknown as { api: { setStatus(ref: string, status: string): Promise<{ ok: boolean }> } }).api;
    let failed = 0;
    for (const ref of all) if (!(await api.setStatus(ref, 'done')).ok) failed++;
    return failed;
  }, refs);
  expect(refused).toBe(0);
  // Each was acknowledged, so each is on the laptop's disk (journaled); the window learns of calls
  // made behind its back only at its next read, so the laptop is checked on disk and the desktop on screen.
  const doneOn = async (side: Side) => {
    const saved = await disk(side);
    return refs.filter((ref) => saved.progress[ref]?.status === 'done').length;
  };
  expect(await doneOn(laptop)).toBe(200);
  await syncthing.waitInSync();
  await expect(desktop.list.listProgressText()).toContainText('200 of 200');

  await computers.closeApps();
  // Closed, the apps write their data files whole; Syncthing carries those too.
  await syncthing.waitInSync();
  for (const side of [laptop, desktop]) {
    const saved = await disk(side);
    expect(saved.lists.find((l) => l.title === listTitle)?.resources, side.computer.device.name).toHaveLength(200);
    expect(await doneOn(side), `${side.computer.device.name}: resources done on disk`).toBe(200);
  }
});
