import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** Waits two frames: by then a dialog's "close" event, sent at the next frame, has been sent. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// A dialog opened again right after it closed stays open. The browser tells that a <dialog> closed with
// a "close" event sent later (at its next frame), and that late event must not close the dialog that
// has opened again since: a second import chosen right after the first one closed its preview lost
// that preview without a word on a busy machine.
test('a dialog closed and opened again before the browser says it closed stays open', async ({ app }) => {
  const page = app.page;
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.getByRole('button', { name: /^Keyboard shortcuts/ }).click();
  await expect(sheet).toBeVisible();

  // Its × and the sidebar's button, one click right after the other, before the next frame.
  // (React renders each click in a microtask of its own: one await between them lets the first close
  // the dialog before the second opens it.)
  await page.evaluate(async () => {
    const dialog = [...document.querySelectorAll('dialog')].find((d) => d.open && d.textContent?.includes('Keyboard shortcuts'))!;
    dialog.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    await Promise.resolve();
    if (dialog.open) throw new Error('the × did not close the dialog at once');
    [...document.querySelectorAll<HTMLButtonElement>('aside button')].find((b) => b.textContent?.startsWith('Keyboard shortcuts'))!.click();
  });
  // Two frames later the close event of the first has been sent.
  await twoFrames(page);
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
});

// Escape and then Ctrl+K at once, before the browser has sent the palette's "close" (a busy machine
// sends it late: input goes first): the palette opens again and takes what is typed. It used to stay
// shut, and the letters typed into it ran as the card's keys (x ticked the card).
test('Ctrl+K right after Escape opens the palette again, and what is typed goes into it', async ({ app, listPage }) => {
  const page = app.page;
  await listPage.focusFirstCard();
  const palette = page.getByRole('dialog', { name: 'Go to or run…' });
  const input = palette.getByRole('combobox', { name: 'Command, list or resource' });
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();
  // The browser's "close" events are held back until the test lets them go: the next keys come first.
  await page.evaluate(() => {
    const held: EventTarget[] = [];
    (window as unknown as { releaseCloses: () => void }).releaseCloses = () => held.splice(0).forEach((target) => target.dispatchEvent(new Event('close')));
    window.addEventListener('close', (event) => {
      if (!event.isTrusted) return;
      event.stopImmediatePropagation();
      held.push(event.target!);
    }, true);
  });
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('x');
  await page.evaluate(() => (window as unknown as { releaseCloses: () => void }).releaseCloses());
  // Two frames later a late close has been sent and seen.
  await twoFrames(page);
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('x');
  await expect(listPage.checkbox('Python Documentation')).not.toBeChecked();
});

// Past the point where it can be cancelled (saving), a job's progress dialog cannot be closed: Escape
// used to close it while the import went on saving, and the user lost sight of work still running.
test('an import’s progress stays on screen through Escape once it is saving, and goes when the import is done', async ({ launch }) => {
  let release = () => {};
  const saving = new Promise<void>((resolve) => (release = resolve));
  // The job is held at its saving stage until the test lets it go (every other stage goes on at once).
  const app = await launch({ holdJob: (progress) => (progress.cancellable ? Promise.resolve() : saving) });
  const page = app.page;
  await page.getByLabel('Choose a file to import').setInputFiles({ name: 'reading.md', mimeType: 'text/markdown', buffer: Buffer.from('# Evening reading\n\n- [Alpha](https://alpha.example/)\n') });
  await page.getByRole('dialog', { name: 'Import “Evening reading”' }).getByRole('button', { name: 'Import list' }).click();
  const progress = page.getByRole('dialog', { name: 'Importing' });
  await expect(progress.getByRole('status')).toHaveText('Saving…');
  await expect(progress.getByRole('button', { name: 'Close' })).toBeDisabled();

  // From wherever the focus is: a Cancel disabled under it when saving began leaves it on the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  // Two frames later a close would have been sent.
  await twoFrames(page);
  await expect(progress).toBeVisible();

  release();
  await expect(progress).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported “Evening reading”.' })).toBeVisible();
});

// In the moment between "Import list" and its progress dialog (shown only after 300 ms), the preview is
// still on screen with its Cancel. That Cancel used to close the preview while the import went on and
// added the list anyway: now it cancels the import, and the preview closes once main has stopped it.
test('Cancel in the preview right after “Import list” stops the import, and nothing is added', async ({ launch }) => {
  let armed = false;
  let signal: AbortSignal | undefined;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  // The import's job (not the preview's) is held at its first stage until a cancel reaches main.
  const app = await launch({
    holdJob: (_progress, cancelled) => {
      if (!armed) return Promise.resolve();
      signal = cancelled;
      // The cancel may have come before the job reached its first stage.
      if (cancelled.aborted) return Promise.resolve();
      return Promise.race([released, new Promise<void>((resolve) => cancelled.addEventListener('abort', () => resolve(), { once: true }))]);
    },
  });
  const page = app.page;
  const before = await readFile(app.dataFile, 'utf8');
  await page.getByLabel('Choose a file to import').setInputFiles({ name: 'reading.md', mimeType: 'text/markdown', buffer: Buffer.from('# Evening reading\n\n- [Alpha](https://alpha.example/)\n') });
  const preview = page.getByRole('dialog', { name: 'Import “Evening reading”' });
  await expect(preview).toBeVisible();
  armed = true;
  try {
    // Both clicks in one task: well inside the moment before the progress dialog shows.
    await page.evaluate(() => {
      const dialog = [...document.querySelectorAll('dialog')].find((d) => d.open)!;
      const button = (name: string) => [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name)!;
      button('Import list').click();
      button('Cancel').click();
    });
    await expect(preview).toBeHidden();
    // The preview went only once main had been told to stop.
    expect(signal?.aborted).toBe(true);
  } finally {
    release();
  }
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Lists' }).getByText('Evening reading')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
  expect(await readFile(app.dataFile, 'utf8')).toBe(before);
});

// The Export… menu (a <details>) closes on Escape and on a click elsewhere at once after it opened:
// the browser says it opened with a "toggle" event sent later, and the menu used to listen for Escape
// and clicks only from then on, so on a busy machine (input first) it stayed open.
test('the Export menu closes on Escape and on a click elsewhere right after it opened', async ({ app, listPage }) => {
  const page = app.page;
  // The browser's "toggle" events are held back: the next keys and clicks come first.
  await page.evaluate(() => window.addEventListener('toggle', (event) => event.isTrusted && event.stopImmediatePropagation(), true));
  await listPage.expectExportMenuCloses();
});
