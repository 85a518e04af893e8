import { writeFile } from 'node:fs/promises';
import { expect, test } from '../fixtures';
import { holdFrames } from '../frames';

// The keyboard stays where the user works: a card's editor opened from the card's menu takes the focus
// in its first field, and Esc, Cancel or Save give it back to the card, so the next j goes on from
// there. The focus used to fall to the page each time (the editor gone from under it), and the next j
// went back to the first card.
test('a card’s editor takes the focus when opened from its menu, and gives it back to the card when it closes', async ({ app, listPage }) => {
  const page = app.page;
  const card = listPage.resource('PEPs');
  const menu = page.getByRole('menu', { name: 'Actions for PEPs' });
  const editor = page.getByRole('form', { name: 'Edit PEPs' });
  const title = editor.getByRole('textbox', { name: 'Title' });
  await card.getByRole('heading', { level: 2 }).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Edit resource' }).click();
  await expect(title).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(card).toBeFocused();
  // The next card is the one after PEPs, not the list's first.
  const next = listPage.resources.nth((await listPage.resources.evaluateAll((all) => all.findIndex((li) => li.textContent?.includes('PEPs')))) + 1);
  await page.keyboard.press('j');
  await expect(next).toBeFocused();

  // Save, with the mouse: the card has the focus once the editor is gone.
  await card.getByRole('button', { name: 'Edit PEPs' }).click();
  await title.fill('PEPs, all of them');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(listPage.resource('PEPs, all of them')).toBeFocused();
});

// Going through the "To do" cards with x: each card marked done leaves the results, and the focus
// used to fall to the page with it (the next x did nothing, the next j went back to the first card).
// It goes to the card that takes its place.
test('x on a card that then leaves the filtered results puts the focus on the card that takes its place', async ({ app, listPage }) => {
  const page = app.page;
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('todo');
  const cards = listPage.resources;
  await expect(cards.first()).toBeVisible();
  const before = await cards.count();
  await cards.nth(1).focus();
  const second = await cards.nth(1).getAttribute('data-resource');
  const third = await cards.nth(2).getAttribute('data-resource');

  await page.keyboard.press('x');
  await expect(cards).toHaveCount(before - 1);
  await expect(page.locator(`[data-resource="${third}"]`)).toBeFocused();
  // And on: x again marks that one done.
  await page.keyboard.press('x');
  await expect(cards).toHaveCount(before - 2);
  await expect(page.locator(`[data-resource="${second}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-resource="${third}"]`)).toHaveCount(0);
});

// Keys pressed right after a key that moves the focus go where it moved, not where it was: `n` then
// typing, and Ctrl+K's "go to" then x. The focus used to move a moment later (after 80 ms), and what
// was typed in between ran as the keys of the card left behind: x ticked it, j moved away from it.
test('what is typed right after n goes into the note, and x right after a go-to ticks the card gone to', async ({ app, listPage }) => {
  const page = app.page;
  const first = await listPage.focusFirstCard();
  await page.keyboard.press('n');
  await page.keyboard.type('xj read on');
  await expect(listPage.noteBox('Python Documentation')).toBeFocused();
  await expect(listPage.noteBox('Python Documentation')).toHaveValue('xj read on');
  await expect(listPage.checkbox('Python Documentation')).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(first).toBeFocused();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('peps');
  await expect(page.getByRole('dialog', { name: 'Go to or run…' }).getByRole('option', { selected: true })).toContainText('PEPs');
  await page.keyboard.press('Enter');
  await page.keyboard.press('x');
  await expect(listPage.checkbox('PEPs')).toBeChecked();
  await expect(listPage.resource('PEPs')).toBeFocused();
  await expect(listPage.checkbox('Python Documentation')).not.toBeChecked();
});

// Editing parts with the keyboard: Enter in a part's title keeps the cursor there, and the focus stays
// with the part moved by ↑ / ↓ (on the other arrow once at an end) and goes to the next part's ✕ when
// one is removed. Each used to drop the focus to the page (Tab started again from the top).
test('the parts editor keeps the focus on the part being moved, renamed or after the one removed', async ({ app, listPage }) => {
  const page = app.page;
  const eli = listPage.resource('Python internals');
  await eli.getByRole('button', { name: 'Edit parts' }).click();
  const second = eli.getByRole('textbox', { name: 'Title of part 2' });
  await second.fill('Symbol tables, two');
  await second.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Part renamed' })).toBeVisible();
  await expect(second).toBeFocused();

  const up = eli.getByRole('button', { name: 'Move “Symbol tables, two” up' });
  const down = eli.getByRole('button', { name: 'Move “Symbol tables, two” down' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(eli.getByRole('textbox', { name: 'Title of part 1' })).toHaveValue('Symbol tables, two');
  // At the top its ↑ is disabled: the focus is on its ↓, and Enter there moves it back down, to the
  // end, where the focus is on its ↑.
  await expect(down).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(second).toHaveValue('Symbol tables, two');
  await expect(up).toBeFocused();

  // Removing the first part: the focus goes to the ✕ of the part now first.
  const firstTitle = await eli.getByRole('textbox', { name: 'Title of part 1' }).inputValue();
  const nextTitle = await eli.getByRole('textbox', { name: 'Title of part 2' }).inputValue();
  await eli.getByRole('button', { name: `Remove “${firstTitle}”` }).focus();
  await page.keyboard.press('Enter');
  await expect(eli.getByRole('textbox', { name: 'Title of part 1' })).toHaveValue(nextTitle);
  await expect(eli.getByRole('button', { name: `Remove “${nextTitle}”` })).toBeFocused();
});

// The same in a card's editor: "Move down" moved the card's node, and the focus fell to the page with
// it; at the top or the bottom the button pressed was disabled under the focus.
test('a card’s editor keeps the focus on Move up / Move down as the card moves, on the other one at an end', async ({ app, listPage }) => {
  const page = app.page;
  // Where PEPs is among the cards (its editor open, its title is in a field).
  const place = () => listPage.resources.evaluateAll((all) => all.findIndex((li) => li.getAttribute('data-resource')?.endsWith('/peps')));
  await expect(listPage.resource('PEPs')).toBeVisible();
  const at = await place();
  const editor = page.getByRole('form', { name: 'Edit PEPs' });
  await listPage.resource('PEPs').getByRole('button', { name: 'Edit PEPs' }).click();
  const up = editor.getByRole('button', { name: 'Move up' });
  const down = editor.getByRole('button', { name: 'Move down' });

  await down.focus();
  await page.keyboard.press('Enter');
  await expect.poll(place).toBe(at + 1);
  await expect(down).toBeFocused();
  for (let i = at + 1; i > 0; i--) {
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(place).toBe(i - 1);
  }
  // At the top, Move up is disabled: the focus is on Move down, and Enter moves the card down again.
  await expect(up).toBeDisabled();
  await expect(down).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(place).toBe(1);
});

// A message at the top of the list dismissed from the keyboard: the focus goes to the view's title (or
// to the next message's ×, when there is one), where it used to fall to the page.
test('dismissing the message at the top of the list puts the focus on the list’s title', async ({ app, listPage }) => {
  const page = app.page;
  await expect(listPage.heading).toBeVisible();
  // Another program leaves the data file unreadable; the next tick finds it and says so at the top.
  await writeFile(app.dataFile, '{ "half a file');
  await listPage.checkbox('PEPs').click();
  const banner = page.locator('.banners').getByRole('status').filter({ hasText: 'Another program left the data file unreadable' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(banner).toBeHidden();
  await expect(listPage.heading).toBeFocused();
});

// `a` (and "Add link…" in the palette) puts the cursor in the add form at once: it waited for the next
// frame, and what was typed before it ran as the focused card's keys (the x of "Intro to x" ticked it).
test('what is typed right after a goes into the add form, from a card and from the palette', async ({ app, listPage }) => {
  const page = app.page;
  const title = page.getByRole('form', { name: 'Add a resource' }).getByLabel('Title');
  await listPage.resource('PEPs').focus();
  let releaseFrames = await holdFrames(page);
  await page.keyboard.press('a');
  await page.keyboard.type('Intro to x');
  await releaseFrames();
  await expect(title).toHaveValue('Intro to x');
  await expect(listPage.checkbox('PEPs')).not.toBeChecked();

  await title.fill('');
  await listPage.resource('PEPs').focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('add link');
  await expect(page.getByRole('dialog', { name: 'Go to or run…' }).getByRole('option', { selected: true })).toContainText('Add');
  releaseFrames = await holdFrames(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Intro to x');
  await releaseFrames();
  await expect(title).toHaveValue('Intro to x');
  await expect(listPage.checkbox('PEPs')).not.toBeChecked();
});
