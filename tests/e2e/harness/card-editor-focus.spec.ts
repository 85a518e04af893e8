import { expect, test } from '../fixtures';

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
