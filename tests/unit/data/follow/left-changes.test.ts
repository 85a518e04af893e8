import { afterEach, describe, expect, it } from 'vitest';
import { changeWords } from '../../../../data/follow/review';
import { DocumentSchema } from '../../../../data/model/schema';
import type { TestServer } from '../../../support/link-servers';
import { followerOver, servePage } from './pages';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const V1 = `# Things

- [Alpha guide](https://example.com/alpha)
- [Beta book](https://example.com/beta)
- [Gamma talk](https://example.com/gamma)
- [Delta notes](https://example.com/delta)
`;

// Retitled Beta, changed Gamma's link, removed Delta, added Zeta at the end.
const V2 = `# Things

- [Alpha guide](https://example.com/alpha)
- [Beta book, second edition](https://example.com/beta)
- [Gamma talk](https://example.org/gamma-2026)
- [Zeta video](https://example.com/zeta)
`;

// V2 and one more change of the author's: a new resource, Eta.
const V3 = V2 + '- [Eta course](https://example.com/eta)\n';

// V3 with Gamma's link changed once more: the author changed an entry whose change the user left.
const V4 = V3.replace('https://example.org/gamma-2026', 'https://example.net/gamma-final');

async function reviewedOnce(validators: boolean) {
  const { server, set } = await servePage(servers, 'text/markdown', V1, validators);
  const app = followerOver('things.md', V1);
  await app.follower.follow(app.listId, `${server.origin}/things.md`);
  set(V2);
  const { review } = await app.follower.check(app.listId);
  expect(review!.changes.map(changeWords).sort()).toEqual(
    ['Added “Zeta video” after “Gamma talk”.', 'Changed the link of “Gamma talk” to https://example.org/gamma-2026.', 'Removed “Delta notes”.', 'Retitled “Beta book” to “Beta book, second edition”.'].sort(),
  );
  // Takes the retitle only: the link, the removal and the addition are left.
  await app.follower.finishReview(app.listId, review!.changes.filter((c) => c.kind === 'retitled').map((c) => c.id));
  return { app, server, set };
}

describe('a change the user left is not shown again', () => {
  it('the author changes something else: the review shows only that, not the three changes left', async () => {
    const { app, set } = await reviewedOnce(true);
    set(V3);
    const result = await app.follower.check(app.listId);
    expect(result.outcome).toBe('changed');
    expect(result.message).toBe('The author changed this list: 1 change to review.');
    expect(result.review!.changes.map(changeWords)).toEqual(['Added “Eta course” after “Zeta video”.']);
    expect(app.follower.states()[app.listId]!.left).toBe(3);
  });

  it('a page without validators, unchanged since the review: “no new changes”, and nothing to review', async () => {
    const { app } = await reviewedOnce(false);
    const writes = app.writes();
    const result = await app.follower.check(app.listId);
    expect(result).toEqual({ outcome: 'unchanged', message: 'No new changes: the 3 changes you left are not shown again.', review: null });
    expect(app.follower.states()[app.listId]!.review).toBeNull();
    expect(app.writes()).toBe(writes);
  });

  it('the author changes a left entry again: that change is shown again, the other left ones are not', async () => {
    const { app, set } = await reviewedOnce(true);
    set(V4);
    const result = await app.follower.check(app.listId);
    expect(result.review!.changes.map(changeWords).sort()).toEqual(['Added “Eta course” after “Zeta video”.', 'Changed the link of “Gamma talk” to https://example.net/gamma-final.'].sort());
  });

  it('the left changes can be seen again on request, and taken then; what was taken is no longer counted as left', async () => {
    const { app, server } = await reviewedOnce(true);
    server.requests.length = 0;
    const again = await app.follower.reviewLeft(app.listId);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(again.outcome).toBe('changed');
    expect(again.review!.changes.map(changeWords).sort()).toEqual(
      ['Added “Zeta video” after “Gamma talk”.', 'Changed the link of “Gamma talk” to https://example.org/gamma-2026.', 'Removed “Delta notes”.'].sort(),
    );
    await app.follower.finishReview(app.listId, again.review!.changes.filter((c) => c.kind === 'added').map((c) => c.id));
    expect(app.list().resources.map((r) => r.title)).toEqual(['Alpha guide', 'Beta book, second edition', 'Gamma talk', 'Zeta video', 'Delta notes']);
    expect(app.follower.states()[app.listId]!.left).toBe(2);
    expect(() => DocumentSchema.parse(app.doc)).not.toThrow();
  });

  it('the author undoes a change the user left and later makes it again: it is shown again', async () => {
    const { app, set } = await reviewedOnce(true);
    // The page now matches the list as the user kept it in every left entry (Gamma's old link, Delta back, no Zeta).
    set(V1.replace('Beta book', 'Beta book, second edition'));
    expect((await app.follower.check(app.listId)).outcome).toBe('unchanged');
    expect(app.follower.states()[app.listId]!.left).toBe(0);
    set(V2);
    const result = await app.follower.check(app.listId);
    expect(result.review!.changes).toHaveLength(3);
  });
});
