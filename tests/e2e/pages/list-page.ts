import { expect, type Locator, type Page } from '@playwright/test';

/** The list screen as a person sees it: lists in the sidebar, resource cards with checkboxes and notes. */
export class ListPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get resources(): Locator {
    return this.page.locator('ol.resources > li');
  }

  resourceTitles(): Promise<string[]> {
    return this.page.locator('ol.resources > li h2 a, ol.resources > li h2 > span:not([aria-hidden])').allInnerTexts();
  }

  resource(title: string): Locator {
    return this.page.getByRole('listitem', { name: title, exact: true });
  }

  /** `j` from the page, as a user starts with the keyboard: the focus on the first card, which is returned. */
  async focusFirstCard(): Promise<Locator> {
    const first = this.resources.first();
    await expect(first).toBeVisible();
    await this.page.keyboard.press('j');
    await expect(first).toBeFocused();
    return first;
  }

  /** The Export… menu opens with a click, and closes on Escape (the focus back on it) and on a click elsewhere. */
  async expectExportMenuCloses(): Promise<void> {
    const exportButton = this.page.getByText('Export…', { exact: true });
    const option = this.page.getByRole('button', { name: 'Markdown task list' });
    await exportButton.click();
    await expect(option).toBeVisible();
    await this.page.keyboard.press('Escape');
    await expect(option).toBeHidden();
    await expect(exportButton).toBeFocused();
    await exportButton.click();
    await expect(option).toBeVisible();
    await this.heading.click();
    await expect(option).toBeHidden();
  }

  checkbox(title: string): Locator {
    return this.page.getByRole('checkbox', { name: `Read: ${title}`, exact: true });
  }

  openList(title: string): Promise<void> {
    return this.page
      .getByRole('navigation', { name: 'Lists' })
      .getByRole('listitem')
      .filter({ has: this.page.getByText(title, { exact: true }) })
      .getByRole('button')
      .click();
  }

  /** "+ New list" with this title, then one resource added to it through the add form. */
  async newListWith(title: string, resource: { title: string; url: string }): Promise<void> {
    await this.page.getByRole('button', { name: '+ New list' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New list' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await expect(this.heading).toHaveText(title);
    const add = this.page.getByRole('form', { name: 'Add a resource' });
    await add.getByLabel('Title').fill(resource.title);
    await add.getByRole('textbox', { name: 'Link' }).fill(resource.url);
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(this.checkbox(resource.title)).toBeVisible();
  }

  listProgressText(): Locator {
    return this.page.locator('.list-progress-text');
  }

  noteBox(title: string): Locator {
    return this.page.getByRole('textbox', { name: `Notes for ${title}` });
  }

  async openNotes(title: string): Promise<Locator> {
    await this.resource(title).getByRole('button', { name: /note/i }).click();
    const box = this.noteBox(title);
    await expect(box).toBeVisible();
    return box;
  }

  saveStatus(title: string): Locator {
    return this.resource(title).getByRole('status');
  }
}
