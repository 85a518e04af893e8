import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp } from '../tests/harness/launch-app';
import { ListPage } from '../tests/e2e/pages/list-page';
import { ROOT } from './electron-binary';

// Regenerates the README's screenshots from the real renderer on the harness, with a few weeks of
// study in it, entered through the UI as a person would.
const dir = await mkdtemp(join(tmpdir(), 'studyshelf-shots-'));
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const app = await launchApp({ userDataDir: join(dir, colorScheme), viewport: { width: 1280, height: 860 }, colorScheme });
    const list = new ListPage(app.page);
    for (const title of ['Python Documentation', 'Python/C API reference', 'PEPs', 'PEP 587', 'Your Guide to the CPython Source Code']) {
      await list.checkbox(title).check();
    }
    for (const n of [1, 2, 3]) {
      await app.page.getByRole('checkbox', { name: new RegExp(`^Read: Lecture ${n} - `) }).check();
    }
    const box = await list.openNotes('PEPs');
    await box.fill('PEP 587 is the part of PEP 432 that shipped (3.8).\nRead next: PyConfig and PyPreConfig in the C-API docs.');
    await list.page.getByText('Saved', { exact: false }).first().waitFor();
    await list.page.getByRole('button', { name: 'Notes' }).first().click();
    const codewalk = await list.openNotes('CPython internals: A ten-hour codewalk through the Python interpreter source code');
    await codewalk.fill('Stopped at lecture 4, 12:30 — PyObject_HEAD and ob_refcnt.');
    await list.page.getByText('✓ Saved').waitFor();
    await app.page.mouse.move(1, 1);
    await app.page.evaluate(() => document.querySelector('.content')?.scrollTo({ top: 0 }));
    await app.page.screenshot({ path: join(ROOT, `docs/studyshelf-${colorScheme}.png`) });
    if (colorScheme === 'light') {
      await app.page.evaluate(() =>
        document.querySelector('[aria-labelledby="title-cpython-internals-ten-hour-codewalk"]')?.scrollIntoView({ block: 'start' }),
      );
      await app.page.screenshot({ path: join(ROOT, 'docs/studyshelf-parts-and-notes.png') });
    }
    await app.close();
  }
  console.log('Wrote docs/studyshelf-light.png, docs/studyshelf-dark.png, docs/studyshelf-parts-and-notes.png');
} finally {
  await rm(dir, { recursive: true, force: true });
}
