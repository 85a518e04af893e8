import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeepLinkQueue, MAX_DEEP_LINK_LENGTH, deepLinkInArgv, parseDeepLink } from '../../../../electron/api/deep-link';

const link = (params: string) => `studyshelf://add?${params}`;
const enc = encodeURIComponent;

describe('a studyshelf:// link', () => {
  it('adds one http(s) page with its title', () => {
    expect(parseDeepLink(link(`url=${enc('https://example.com/a?b=1#c')}&title=${enc('A  page\tname')}`), false)).toEqual({ ok: true, url: 'https://example.com/a?b=1#c', title: 'A page name', ask: false });
    expect(parseDeepLink(`studyshelf:add?url=${enc('http://example.org/')}`, true)).toEqual({ ok: true, url: 'http://example.org/', title: 'example.org', ask: true });
    expect(parseDeepLink(`STUDYSHELF://add/?url=${enc('https://example.org/')}&title=x`, false)).toMatchObject({ ok: true, title: 'x' });
  });

  it.each([
    ['another scheme', `https://add?url=${enc('https://example.com/')}`],
    ['javascript: as the link', 'javascript:alert(1)'],
    ['a javascript: address', link(`url=${enc('javascript:alert(document.cookie)')}`)],
    ['a data: address', link(`url=${enc('data:text/html,<script>alert(1)</script>')}`)],
    ['a file: address', link(`url=${enc('file:///etc/passwd')}`)],
    ['a studyshelf: address', link(`url=${enc('studyshelf://add?url=https://x.y/')}`)],
    ['credentials in the address', link(`url=${enc('https://user:pass@example.com/')}`)],
    ['no url', link('title=Nothing')],
    ['an empty url', link('url=&title=x')],
    ['several urls', link(`url=${enc('https://a.example/')}&url=${enc('https://b.example/')}`)],
    ['several titles', link(`url=${enc('https://a.example/')}&title=a&title=b`)],
    ['another command', `studyshelf://delete?url=${enc('https://a.example/')}`],
    ['a command in the path', `studyshelf://add/../delete?url=${enc('https://a.example/')}`],
    ['open', `studyshelf://open?url=${enc('https://a.example/')}`],
    ['a huge url', link(`url=${enc(`https://example.com/${'a'.repeat(5000)}`)}`)],
    ['a huge title', link(`url=${enc('https://example.com/')}&title=${'t'.repeat(600)}`)],
    ['a huge link', link(`url=${enc('https://example.com/')}&x=${'y'.repeat(MAX_DEEP_LINK_LENGTH)}`)],
    ['malformed', 'studyshelf://[::1'],
  ])('refuses %s with a sentence, adding nothing', (_, raw) => {
    const result = parseDeepLink(raw, false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^[A-Z].*[.]$/);
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['studyshelf://add?url=https://a.example/']]) expect(parseDeepLink(value, false).ok).toBe(false);
  });

  it('whatever the text, at most one http(s) address with a short title comes out', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.webUrl().map((u) => link(`url=${enc(u)}`)), fc.string().map((s) => `studyshelf://add?${s}`)), (raw) => {
        const result = parseDeepLink(raw, false);
        if (!result.ok) return;
        expect(result.url).toMatch(/^https?:\/\/[^/]/);
        expect(result.title.length).toBeGreaterThan(0);
        expect(result.title.length).toBeLessThanOrEqual(500);
        expect(Object.keys(result).sort()).toEqual(['ask', 'ok', 'title', 'url']);
      }),
    );
  });

  it('is found in a command line, and a queue hands each link over once, the newest 20 at most', () => {
    expect(deepLinkInArgv(['app', '--flag', 'studyshelf://add?url=x'])).toBe('studyshelf://add?url=x');
    expect(deepLinkInArgv(['app', 'https://example.com'])).toBeNull();
    const queue = new DeepLinkQueue();
    for (let i = 0; i < 25; i++) queue.push(parseDeepLink(link(`url=${enc(`https://e.example/${i}`)}`), false));
    const taken = queue.take();
    expect(taken).toHaveLength(20);
    expect(taken.at(-1)).toMatchObject({ url: 'https://e.example/24' });
    expect(queue.take()).toEqual([]);
  });
});
