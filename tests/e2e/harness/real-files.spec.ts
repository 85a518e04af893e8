import { fileURLToPath } from 'node:url';
import { readSaved } from '../../harness/saved';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

// Real exports people have (tests/fixtures/real, with their sources in SOURCES.md), imported through
// the window, ticked and noted, then imported again as an update: nothing the user did is lost.
const real = (path: string) => fileURLToPath(new URL(`../../fixtures/real/${path}`, import.meta.url));

const cases = [
  // One link under three names (django, django.db.models, geodjango) and "uv" listed twice: updating
  // from the unchanged file used to show resources added and removed, and drop their ticks and notes.
  { file: 'markdown/awesome-python.md', summary: '491 resources will be added as a new list, with 10 parts. 74 skipped.', tick: 'django.db.models', note: 'geodjango' },
  { file: 'bookmarks/firefox-nested.html', summary: '21 resources will be added as a new list. 3 skipped.', tick: 'xkcd: Slippery Slope', note: 'Programming in Lua' },
  { file: 'pocket/ril_export.html', summary: '2 resources will be added as a new list. Nothing skipped.', tick: 'Tarn : Des lapins ravagent le terrain, le match de rugby doit être annulé', note: 'JO Paris 2024 : Où courir dans la capitale maintenant que les quais sont fermés ?' },
];

for (const { file, summary, tick, note } of cases) {
  test(`${file}: imported, ticked and noted, then updated from the same file — the ticks and notes stay`, async ({ app }) => {
    // Two imports of a real file, each with its preview and diff, and saves checked on disk.
    test.slow();
    const page = app.page;
    const list = new ListPage(page);
    await page.getByLabel('Choose a file to import').setInputFiles(real(file));
    const first = page.getByRole('dialog', { name: /^Import “/ });
    // What a person counted in the file (tests/fixtures/real/expected.json): added + skipped add up.
    await expect(first.getByRole('status')).toContainText(summary);
    await first.getByRole('button', { name: /^Import/ }).last().click();
    await expect(first).toBeHidden();
    // Long lists show only the cards near the viewport: search brings each one into view.
    const find = async (title: string) => {
      await page.getByRole('searchbox', { name: 'Search this list' }).fill(title);
      await expect(list.resource(title)).toBeVisible();
    };
    await find(tick);
    await list.checkbox(tick).check();
    await find(note);
    const box = await list.openNotes(note);
    await box.fill('read it on the train');
    await expect(list.saveStatus(note)).toHaveText('✓ Saved');
    const listId = (await readSaved(app.dataFile)).lists.at(-1)!.id;

    // The same file again: nothing to change, and updating keeps everything.
    await page.getByLabel('Choose a file to import').setInputFiles(real(file));
    const again = page.getByRole('dialog', { name: /^Import “/ });
    await expect(again.getByRole('region', { name: /is already here/ })).toContainText(/0 added, 0 removed, 0 changed/);
    await again.getByRole('button', { name: 'Update the existing list' }).click();
    await expect(again).toBeHidden();
    await find(tick);
    await expect(list.checkbox(tick)).toBeChecked();
    await find(note);
    await expect(list.resource(note)).toContainText('read it on the train');
    const saved = await readSaved(app.dataFile);
    const ref = (title: string) => {
      const resource = saved.lists.find((l) => l.id === listId)!.resources.find((r) => r.title === title)!;
      return `${listId}/${resource.id}`;
    };
    expect(saved.progress[ref(tick)]?.status).toBe('done');
    expect(saved.notes[ref(note)]?.body).toBe('read it on the train');
  });
}
