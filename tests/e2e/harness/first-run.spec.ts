import { expect, test } from '../fixtures';

const ARTICLE_ORDER = [
  'Python Documentation',
  'PEPs',
  'Inside The Python Virtual Machine',
  'Your Guide to the CPython Source Code',
  'CPython internals: A ten-hour codewalk through the Python interpreter source code',
  'Python’s Innards series',
  'Python internals',
  'Stupid Python Ideas',
  'A Python Interpreter Written in Python',
  'To GIL or not to GIL',
];

test('first run shows the article’s list: 10 resources in order, with authors, kinds and descriptions', async ({ listPage, app }) => {
  await expect(app.page).toHaveTitle('Python behind the scenes: a list of resources — Studyshelf');
  await expect(listPage.heading).toHaveText('Python behind the scenes: a list of resources');
  await expect(listPage.resources).toHaveCount(10);
  await expect(listPage.page.locator('ol.resources > li h2 a')).toHaveText(ARTICLE_ORDER.map((t) => new RegExp(`^${t.replace(/[()?]/g, '\\$&')}`)));
  const book = listPage.resource('Inside The Python Virtual Machine');
  await expect(book).toContainText('by Obi Ike-Nwosu');
  await expect(book).toContainText('Book');
  await expect(book).toContainText('broad, detailed tour');
  await expect(listPage.listProgressText()).toHaveText('0 of 10 resources done · 0%');
});

test('nested links and the parts of multi-part resources are shown under their resource, each with a checkbox', async ({ listPage }) => {
  const docs = listPage.resource('Python Documentation');
  await expect(docs.getByRole('checkbox', { name: 'Read: Python/C API reference' })).toBeVisible();
  await expect(docs.getByRole('checkbox', { name: 'Read: Extending and Embedding the Python Interpreter' })).toBeVisible();
  const peps = listPage.resource('PEPs');
  await expect(peps.getByRole('checkbox', { name: 'Read: PEP 432' })).toBeVisible();
  await expect(peps.getByRole('checkbox', { name: 'Read: PEP 587' })).toBeVisible();

  const codewalk = listPage.resource('CPython internals: A ten-hour codewalk through the Python interpreter source code');
  await expect(codewalk.getByRole('region', { name: /^Parts of/ }).getByRole('checkbox')).toHaveCount(9);
  await expect(codewalk).toContainText('0 / 9');
  await expect(listPage.resource('Python’s Innards series').getByRole('region', { name: /^Parts of/ }).getByRole('checkbox')).toHaveCount(10);
  await expect(listPage.resource('Python internals').getByRole('checkbox', { name: 'Read: Python internals: Symbol tables, part 2' })).toBeVisible();
});

test('the 13-part series is one click away', async ({ listPage }) => {
  await listPage.openList('Python behind the scenes: the blog series');
  await expect(listPage.heading).toHaveText('Python behind the scenes: the blog series');
  await expect(listPage.resources).toHaveCount(13);
  await expect(listPage.resources.first()).toContainText('Python behind the scenes #1: how the CPython VM works');
  await expect(listPage.resources.last()).toContainText('#13: the GIL and its effects on Python multithreading');
});
