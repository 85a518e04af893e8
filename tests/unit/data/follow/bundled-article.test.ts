import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledLists } from '../../../../data/bundled-lists';
import { newDocument } from '../../../../data/document';
import { ListFollower } from '../../../../data/follow/list-follower';
import { changeWords } from '../../../../data/follow/review';
import { DocumentSchema } from '../../../../data/model/schema';
import type { TestServer } from '../../../support/link-servers';
import { servePage } from './pages';

/**
 * The bundled list follows its article: tests/fixtures/article/python-behind-the-scenes.html is the
 * article as published, made from its source (see the README there), served on loopback in place of
 * https://tenthousandmeters.com/materials/python-behind-the-scenes-a-list-of-resources/.
 */
const ARTICLE = readFileSync(new URL('../../../fixtures/article/python-behind-the-scenes.html', import.meta.url), 'utf8');
const ARTICLE_URL = 'https://tenthousandmeters.com/materials/python-behind-the-scenes-a-list-of-resources/';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function bundledFollowing(page: string) {
  const served = await servePage(servers, 'text/html; charset=utf-8', page);
  const doc = newDocument(bundledLists());
  const list = doc.lists.find((l) => l.source === ARTICLE_URL)!;
  const follower = new ListFollower({
    document: () => doc,
    change: async (apply) => {
      const result = apply(doc);
      DocumentSchema.parse(doc);
      return result;
    },
    readOnly: () => null,
    run: { timeoutMs: 3000, allowPrivateNetwork: true },
  });
  await follower.follow(list.id, `${served.server.origin}/materials/python-behind-the-scenes-a-list-of-resources/`);
  return { ...served, doc, listId: list.id, follower };
}

describe('the bundled list follows its article', () => {
  it('the article as published: the links inside a resource’s text (its own links in the list) are not new resources; only the intro’s link to the series is', async () => {
    const t = await bundledFollowing(ARTICLE);
    const result = await t.follower.check(t.listId);
    expect(result.review!.changes.map(changeWords)).toEqual(['Added “CPython behind the scenes” at the top.']);
  });

  it('the author revises the article: the review shows exactly how it differs, and leaving the intro’s link once keeps it out of later reviews', async () => {
    const t = await bundledFollowing(ARTICLE);
    const first = await t.follower.check(t.listId);
    await t.follower.finishReview(t.listId, []);
    expect(first.review!.changes).toHaveLength(1);
    const revised = ARTICLE.replace(/<li>\s*<p><a href="http:\/\/stupidpythonideas[\s\S]*?<\/li>\s*/, '')
      .replace('>Python internals</a>', '>Python internals (the whole series)</a>')
      .replace('</ul>', '<li><a href="https://devguide.python.org/internals/">CPython’s internals guide</a> in the devguide.</li>\n</ul>');
    t.set(revised);
    const result = await t.follower.check(t.listId);
    expect(result.review!.changes.map(changeWords).sort()).toEqual(
      [
        'Retitled “Python internals” to “Python internals (the whole series)”.',
        'Removed “Stupid Python Ideas”.',
        'Added “CPython’s internals guide” after “To GIL or not to GIL”.',
      ].sort(),
    );
  });
});
