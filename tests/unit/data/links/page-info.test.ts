import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { infoFromContentType, isoSeconds, readPageInfo } from '../../../../data/links/page-info';

/** Saved real pages (tests/fixtures/real/SOURCES.md says where each one comes from). */
const page = (name: string) => readFileSync(join(import.meta.dirname, '../../../fixtures/real/pages', name), 'utf8');

describe('what a saved real page says about itself', () => {
  it('a YouTube video: its title, channel site, kind video and its stated duration (PT2M22S → 2 minutes)', () => {
    const info = readPageInfo(page('youtube-video.html'), 'https://www.youtube.com/watch?v=hwMkbaS_M_c');
    expect(info).toEqual({
      title: 'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD',
      description: 'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD© 2017 - Disney',
      siteName: 'YouTube',
      kind: 'video',
      estimateMinutes: 2,
    });
  });

  it('a GitHub repository: owner/name as the title, its description decoded once, kind repository', () => {
    const info = readPageInfo(page('github-repository.html'), 'https://github.com/microlinkhq/mql');
    expect(info.title).toBe('microlinkhq/mql');
    // GitHub's og:description is encoded twice ("&amp;amp;"): read as the & it means.
    expect(info.description).toMatch(/^Microlink Query Language\. The official HTTP client to interact with Microlink API for Node\.js, browsers & Deno\. - microlinkhq\/mql/);
    expect(info.siteName).toBe('GitHub');
    expect(info.kind).toBe('repository');
    // The README (the page's <article>) is what is read.
    expect(info.estimateMinutes).toBeGreaterThanOrEqual(1);
    expect(info.estimateMinutes).toBeLessThan(15);
  });

  it('a PEP: the title without "| peps.python.org", the authors from its header without their addresses, a reading time', () => {
    const info = readPageInfo(page('pep-0008.html'), 'https://peps.python.org/pep-0008/');
    expect(info.title).toBe('PEP 8 – Style Guide for Python Code');
    expect(info.author).toBe('Guido van Rossum, Barry Warsaw, Alyssa Coghlan');
    expect(info.siteName).toBe('Python Enhancement Proposals (PEPs)');
    expect(info.kind).toBe('pep');
    expect(info.description).toMatch(/^This document gives coding conventions for the Python code/);
    // PEP 8 is about 7,000 words: half an hour at 230 words a minute.
    expect(info.estimateMinutes).toBeGreaterThanOrEqual(25);
    expect(info.estimateMinutes).toBeLessThanOrEqual(40);
  });

  it('a Medium post: title, author, site, kind article, and the reading time Medium states (3 min read)', () => {
    const info = readPageInfo(page('medium-post.html'), 'https://medium.com/webpack/webpack-3-official-release-15fd2dd8f07b');
    expect(info).toMatchObject({
      title: '🍾🚀 webpack 3: Official Release!! 🚀🍾',
      description: 'Now with Scope Hoisting, “magic comments”, and more!',
      author: 'Sean T. Larkin',
      siteName: 'Medium',
      kind: 'article',
      estimateMinutes: 3,
    });
  });

  it('a Substack post: the article title (not the <title> inside its SVG icons), the author, the publication from JSON-LD', () => {
    const info = readPageInfo(page('substack-post.html'), 'https://map.simonsarris.com/p/the-most-precious-resource-is-agency');
    expect(info.title).toBe('The Most Precious Resource is Agency');
    expect(info.author).toBe('Simon Sarris');
    expect(info.siteName).toBe('The Map is Mostly Water');
    expect(info.kind).toBe('article');
    expect(info.estimateMinutes).toBeGreaterThanOrEqual(3);
    expect(info.estimateMinutes).toBeLessThanOrEqual(20);
  });

  it('a page with no metadata (a university home page): its <title> only, no made-up kind or reading time', () => {
    const info = readPageInfo(page('title-only.html'), 'https://liu.edu/brooklyn');
    expect(info).toEqual({ title: 'Brooklyn | Long Island University' });
  });

  it('a PDF link is known by its content type: kind pdf, titled by its file name', () => {
    expect(infoFromContentType('application/pdf', 'https://arxiv.org/pdf/1706.03762v7.pdf')).toEqual({ kind: 'pdf', title: '1706.03762v7.pdf' });
    expect(infoFromContentType('Application/PDF; charset=binary', 'https://example.org/papers/Attention%20is%20all.pdf')).toEqual({
      kind: 'pdf',
      title: 'Attention is all.pdf',
    });
    expect(infoFromContentType('text/html; charset=utf-8', 'https://example.org/')).toBeNull();
  });
});

describe('hostile or odd markup', () => {
  it('bounds every field and refuses an absurd duration', () => {
    const long = 'x'.repeat(50_000);
    const info = readPageInfo(
      `<html><head><title>${long}</title><meta name="description" content="${long}"><meta name="author" content="${long}"><meta property="og:site_name" content="${long}">` +
        `<meta property="og:type" content="video.other"><meta itemprop="duration" content="PT9999H"></head><body></body></html>`,
      'https://example.org/v',
    );
    expect(info.title!.length).toBeLessThanOrEqual(1000);
    expect(info.description!.length).toBeLessThanOrEqual(2000);
    expect(info.author!.length).toBeLessThanOrEqual(500);
    expect(info.siteName!.length).toBeLessThanOrEqual(200);
    expect(info.estimateMinutes).toBeUndefined();
  });

  it('broken JSON-LD and an author that is only a profile address are ignored', () => {
    const info = readPageInfo(
      '<head><script type="application/ld+json">{not json</script><meta property="article:author" content="https://medium.com/@x"><meta property="og:title" content="T"></head>',
      'https://example.org/a',
    );
    expect(info).toEqual({ title: 'T' });
  });

  it('reads ISO 8601 durations as pages state them', () => {
    expect(isoSeconds('PT2M22S')).toBe(142);
    expect(isoSeconds('PT1H3M')).toBe(3780);
    expect(isoSeconds('P0DT0H12M5S')).toBe(725);
    expect(isoSeconds('PT')).toBeUndefined();
    expect(isoSeconds('2 minutes')).toBeUndefined();
  });
});
