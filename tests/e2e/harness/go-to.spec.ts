import type { Locator, Page } from '@playwright/test';
import { launchBigList } from '../big-list';
import { expect, test } from '../fixtures';
import { holdFrames } from '../frames';

// A card the app brings into view (Ctrl+K's "go to", k / ↑ to the card above) lands where it can be
// read: below the search toolbar that stays at the top of the list while it scrolls, not under it
// (where both used to put it).

/** Waits until the list has not moved for three frames: a smooth scroll, or the long list's, has landed. */
async function scrollSettled(page: Page) {
  await page.locator('.content').evaluate(
    (scroller) =>
      new Promise<void>((done) => {
        let last = -1;
        let still = 0;
        const look = () => {
          if (scroller.scrollTop === last) still++;
          else [last, still] = [scroller.scrollTop, 0];
          if (still >= 3) done();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

/** Where a card (or a part of one) is on screen, beside the bottom of the sticky toolbar and of the scrolling area. */
function placeOf(card: Locator) {
  return card.evaluate((element) => {
    const scroller = element.closest('.content')!;
    return {
      top: element.getBoundingClientRect().top,
      under: scroller.querySelector('.toolbar')!.getBoundingClientRect().bottom,
      end: scroller.getBoundingClientRect().bottom,
    };
  });
}

async function expectReadable(card: Locator) {
  const { top, under, end } = await placeOf(card);
  expect(top, 'the card’s top is not under the toolbar').toBeGreaterThanOrEqual(under - 0.5);
  expect(top, 'the card’s top is on screen').toBeLessThan(end - 40);
}

async function goTo(page: Page, title: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to or run…' });
  await palette.getByRole('combobox', { name: 'Command, list or resource' }).fill(title);
  await expect(palette.getByRole('option', { selected: true })).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

test('Ctrl+K to a resource down the list shows its card below the toolbar; k to the card above it too', async ({ app, listPage }) => {
  const page = app.page;
  const cards = listPage.resources;
  // Every card on screen first (the toolbar says how many the list has).
  const count = Number((await page.getByText(/^\d+ resources$/).textContent())!.split(' ')[0]);
  await expect(cards).toHaveCount(count);
  // The card's name: its heading's text, less what is hidden from assistive technology (its number).
  const titleOf = (card: Locator) =>
    card.evaluate((element) => {
      const heading = document.getElementById(element.getAttribute('aria-labelledby')!)!.cloneNode(true) as HTMLElement;
      heading.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return heading.textContent!.trim();
    });
  // Far enough from the end that the list can scroll it to the top.
  const far = Math.floor(count * 0.6);
  const target = await titleOf(cards.nth(far));
  await goTo(page, target);
  await expect(listPage.resource(target)).toBeFocused();
  await scrollSettled(page);
  await expectReadable(listPage.resource(target));

  // The card above, scrolled until it is nearly all under the toolbar: k brings all of it into view.
  const above = listPage.resource(await titleOf(cards.nth(far - 1)));
  await above.evaluate((element) => {
    const scroller = element.closest('.content')!;
    const under = scroller.querySelector('.toolbar')!.getBoundingClientRect().bottom;
    scroller.scrollTop += element.getBoundingClientRect().bottom - under - 20;
  });
  await scrollSettled(page);
  await page.keyboard.press('k');
  // k goes to the card above, or to its last part when it has parts.
  await expect.poll(() => above.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await scrollSettled(page);
  await expectReadable(page.locator(':focus'));
});

test('Ctrl+K to a resource deep in a 10,000-resource list shows its card below the toolbar', async ({ launch, userDataDir }) => {
  test.slow();
  const { page, list, doc } = await launchBigList(launch, userDataDir, 10_000, 200_000);
  for (const n of [8_765, 120, 9_990]) {
    const title = doc.lists[0]!.resources[n]!.title;
    await goTo(page, title);
    await expect(list.resource(title)).toBeFocused();
    await scrollSettled(page);
    await expectReadable(list.resource(title));
  }
});

// A "go to" is done once. The list's view is made afresh each time the list is shown again, and it
// went to the same card again on every return to the list, taking the focus from the sidebar.
test('after Ctrl+K went to a card, showing the list again later starts at its top, with the focus left where it was', async ({ app, listPage }) => {
  const page = app.page;
  const lists = page.getByRole('navigation', { name: 'Lists' });
  const first = lists.getByRole('button', { name: /^Python behind the scenes: a list of resources/ });
  const second = lists.getByRole('button', { name: /^Python behind the scenes: the blog series/ });
  const target = 'CPython internals: A ten-hour codewalk through the Python interpreter source code';
  await goTo(page, target);
  await expect(listPage.resource(target)).toBeFocused();

  await second.click();
  await expect(listPage.heading).toHaveText('Python behind the scenes: the blog series');
  await first.click();
  await expect(listPage.heading).toHaveText('Python behind the scenes: a list of resources');
  // Past the moment a "go to" waits for: it runs right after the render that asked, or at a frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(first).toBeFocused();
  expect(await page.locator('.content').evaluate((scroller) => scroller.scrollTop)).toBe(0);
});

// In a long list the card gone to is put in the page frames after the palette closed, and until then
// the focus was back on the card the user left: an x pressed right after Enter ticked that one.
test('x right after Ctrl+K to a card far down a long list does not tick the card left behind', async ({ launch, userDataDir }) => {
  const { page, list, doc } = await launchBigList(launch, userDataDir, 400);
  // Neither is done yet (the list has every third resource done, from the first).
  const first = doc.lists[0]!.resources[1]!.title;
  const far = doc.lists[0]!.resources[350]!.title;
  await list.resource(first).focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to or run…' });
  await palette.getByRole('combobox', { name: 'Command, list or resource' }).fill(far);
  await expect(palette.getByRole('option', { selected: true })).toContainText(far);
  // The x comes before the next frames, as on a busy machine.
  const releaseFrames = await holdFrames(page);
  await page.keyboard.press('Enter');
  await page.keyboard.press('x');
  await releaseFrames();
  await expect(list.resource(far)).toBeFocused();
  // Back at the top, the first card is as it was.
  await page.keyboard.press('Control+Home');
  await expect(list.checkbox(first)).toBeVisible();
  await expect(list.checkbox(first)).not.toBeChecked();
});

// The add form's warning of a link already in the list offers to open the card that has it. In a
// long list that card is far from the form (not in the page): the button looked for it on screen for
// a second, and did nothing.
test('“Open” on the warning of a link already far up a long list goes to its card', async ({ launch, userDataDir }) => {
  const { page, list, doc } = await launchBigList(launch, userDataDir, 400);
  const existing = doc.lists[0]!.resources[20]!;
  await expect(list.resources.first()).toBeVisible();
  await page.keyboard.press('a');
  const add = page.getByRole('form', { name: 'Add a resource' });
  await expect(add.getByLabel('Title')).toBeFocused();
  await add.getByRole('textbox', { name: 'Link' }).fill(existing.url!);
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await add.getByRole('button', { name: `Open “${existing.title}”` }).click();
  await expect(list.resource(existing.title)).toBeFocused();
  await scrollSettled(page);
  await expectReadable(list.resource(existing.title));
});
