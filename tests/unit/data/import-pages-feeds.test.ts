import { describe, expect, it } from 'vitest';
import { importFile, importFileInSlices } from '../../../data/import/detect';
import type { ImportPreview } from '../../../data/import/imported';

/** Issue #16, HTML pages and OPML as real files write them (tests/fixtures/real shows each case). */
const entries = (preview: ImportPreview) => preview.skipped.filter((s) => !s.note);
const page = (body: string, head = '<title>Links</title>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('HTML pages: icons are not titles', () => {
  it('an icon the page marks apart (class icon, <i>, aria-hidden, an emoji element or text beside the label) is left out of the title', () => {
    const html = page(
      [
        '<ul>',
        '<li><a href="https://youtube.com/"><span class="icon">▶</span> YouTube</a></li>',
        '<li><a href="https://alpha.example/">📈 <b>Alpha</b></a></li>',
        '<li><a href="https://gh.example/"><i class="fa fa-github"></i> GitHub</a></li>',
        '<li><a href="https://docs.example/"><svg aria-hidden="true"><title>book</title></svg><span aria-hidden="true">📖</span>Docs</a></li>',
        '<li><a href="https://star.example/"><span>★</span> Stars <em>2024</em></a> – starred repos</li>',
        '</ul>',
      ].join(''),
    );
    const preview = importFile('start.html', html);
    expect(preview.resources.map((r) => r.title)).toEqual(['YouTube', 'Alpha', 'GitHub', 'Docs', 'Stars 2024']);
    expect(preview.resources[4]!.description).toBe('starred repos');
  });

  it('words a person wrote stay: an italic title, “C++”, and an emoji inside one text (“📈 Alpha”, not marked apart)', () => {
    const html = page('<p><a href="https://sicp.example/"><i>Structure and Interpretation</i> of Computer Programs</a></p><p><a href="https://cpp.example/"><b>C</b>++</a></p><p><a href="https://a.example/">📈 Alpha</a></p>');
    expect(importFile('p.html', html).resources.map((r) => r.title)).toEqual(['Structure and Interpretation of Computer Programs', 'C++', '📈 Alpha']);
  });

  it('an image link is named by its alt text; with nothing to name it, it is listed as skipped, never dropped silently', () => {
    const preview = importFile('p.html', page('<main><a href="https://logo.example/"><img src="x.png" alt="Logo site"></a><a href="https://blank.example/"><img src="y.png"></a><a href="https://ok.example/">OK</a></main>'));
    expect(preview.resources.map((r) => r.title)).toEqual(['Logo site', 'OK']);
    expect(entries(preview)).toEqual([{ line: null, text: 'https://blank.example/', reason: expect.stringContaining('no text') }]);
  });
});

describe('HTML pages: what is content, what is a section, where a link points', () => {
  it('links outside the main content (#content) are listed as skipped with why; a heading that is a link is an entry, not a section', () => {
    const html = page('<div id="banner"><a href="https://site.example/"><img alt="site"></a></div><div id="content"><div class="post"><h3><a href="https://site.example/2016/post">Post</a></h3><p>See <a href="https://other.example/">this</a>.</p></div></div><div id="sidebar"><a href="https://site.example/rss">RSS</a></div>');
    const preview = importFile('blog.html', html);
    expect(preview.resources.map((r) => [r.group, r.title])).toEqual([
      [null, 'Post'],
      [null, 'this'],
    ]);
    expect(entries(preview).map((s) => [s.text, s.reason])).toEqual([
      ['site (https://site.example/)', expect.stringContaining('outside the main content')],
      ['RSS (https://site.example/rss)', expect.stringContaining('outside the main content')],
    ]);
  });

  it('a section title marked by class or role (<div class="module-header">) groups what follows', () => {
    const html = page('<div class="module-header">Module 0: Preparation</div><div class="materials-item"><a href="https://x.example/setup">Setup</a></div><div role="heading" aria-level="2">Module 1</div><a href="https://x.example/nn">Neural nets</a>');
    expect(importFile('p.html', html).resources.map((r) => [r.group, r.title])).toEqual([
      ['Module 0: Preparation', 'Setup'],
      ['Module 1', 'Neural nets'],
    ]);
  });

  it('a Jekyll page with front matter and no <title>: the list is titled by its front matter or the file name, never by its text', () => {
    const body = '<div>These notes accompany <a href="https://cs231n.stanford.edu/">CS231n</a>.</div>';
    expect(importFile('cs231n-index.html', `---\nlayout: default\n---\n\n${body}`).title).toBe('cs231n-index');
    expect(importFile('index.html', `---\nlayout: default\ntitle: "CS231n notes"\n---\n${body}`).title).toBe('CS231n notes');
  });

  it('relative links are read against the page’s canonical address; protocol-relative ones as https; without an address they are skipped with why', () => {
    const body = '<a href="classification/">Classification</a> <a href="//cdn.example/lib.js">Lib</a> <a href="#top">Top</a>';
    const canonical = importFile('p.html', page(body, '<title>N</title><link rel="canonical" href="https://cs231n.github.io/">'));
    expect(canonical.resources.map((r) => r.url)).toEqual(['https://cs231n.github.io/classification/', 'https://cdn.example/lib.js']);
    const bare = importFile('p.html', page(body));
    expect(bare.resources.map((r) => r.url)).toEqual(['https://cdn.example/lib.js']);
    expect(entries(bare).map((s) => [s.text, s.reason])).toEqual([
      ['Classification (classification/)', expect.stringContaining('relative link')],
      ['Top (#top)', expect.stringContaining('same page')],
    ]);
  });
});

describe('OPML', () => {
  const opml = (outlines: string) => `<?xml version='1.0' encoding='UTF-8' ?>\r\n<opml version="1.0"><head><title>Export</title></head><body><outline text="Programming" title="Programming">\r\n${outlines}\r\n</outline></body></opml>`;

  it('raw HTML inside an attribute (Plenary’s export) loses neither that feed nor the ones after it, and the description is its text', async () => {
    const file = opml(
      [
        '<outline text="Signal v. Noise" description="By the makers of <a href="https://www.basecamp.com" target="_blank" rel="noopener">Basecamp</a>. Since 1999." xmlUrl="https://m.signalvnoise.com/feed/" type="rss" />',
        '<outline text="Slack Engineering" description="Posts on &> /dev/null & more" xmlUrl="https://slack.engineering/feed" type="rss" />',
      ].join('\r\n'),
    );
    for (const preview of [importFile('p.opml', file), await importFileInSlices('p.opml', file, () => Promise.resolve())]) {
      expect(preview.resources.map((r) => [r.group, r.title, r.url, r.description])).toEqual([
        ['Programming', 'Signal v. Noise', 'https://m.signalvnoise.com/feed/', 'By the makers of Basecamp. Since 1999.'],
        ['Programming', 'Slack Engineering', 'https://slack.engineering/feed', 'Posts on &> /dev/null & more'],
      ]);
    }
  });

  it('the category attribute (comma or slash separated) becomes the feed’s tags, each once', () => {
    const file = opml('<outline text="A" xmlUrl="https://a.example/feed" category="tech,news" /><outline text="B" xmlUrl="https://b.example/feed" category="/Boston/Weather,/Boston/News" /><outline text="C" xmlUrl="https://c.example/feed" />');
    expect(importFile('c.opml', file).resources.map((r) => [r.title, r.tags])).toEqual([
      ['A', ['tech', 'news']],
      ['B', ['Boston', 'Weather', 'News']],
      ['C', []],
    ]);
  });
});
