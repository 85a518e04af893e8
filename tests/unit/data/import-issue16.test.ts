import { describe, expect, it } from 'vitest';
import { importFile } from '../../../data/import/detect';

/** Issue #16, one defect at a time, each as the real files showed it (tests/fixtures/real). */
const entries = (preview: ReturnType<typeof importFile>) => preview.skipped.filter((s) => !s.note);

describe('Markdown', () => {
  it('a table of contents of in-page anchors is navigation: skipped with why, not resources', () => {
    const md = ['## Contents', '', '- [Web Frameworks](#web-frameworks)', '  - [Async](#async)', '', '## Web Frameworks', '', '- [Django](https://www.djangoproject.com/) - batteries.'].join('\n');
    const preview = importFile('awesome.md', md);
    expect(preview.resources.map((r) => r.title)).toEqual(['Django']);
    expect(entries(preview).map((s) => [s.line, s.reason])).toEqual([
      [3, expect.stringContaining('a place on the same page')],
      [4, expect.stringContaining('a place on the same page')],
    ]);
  });

  it('a label bullet without a link holds its items: they are resources of the section, not lost', () => {
    const md = ['## AI', '', '- Agent Skills', '  - [skills](https://github.com/a/skills) - x.', '  - [more](https://github.com/a/more) - y.'].join('\n');
    expect(importFile('awesome.md', md).resources.map((r) => [r.group, r.title])).toEqual([
      ['AI', 'skills'],
      ['AI', 'more'],
    ]);
  });

  it('numbered links indented 4 spaces after a blank line (code to Markdown) are found', () => {
    const md = ['## Books', '', '    1. [Deep Learning](https://www.deeplearningbook.org/) by Ian Goodfellow', '    2. [Neural Networks](http://neuralnetworksanddeeplearning.com/)'].join('\n');
    const preview = importFile('list.md', md);
    expect(preview.resources.map((r) => [r.group, r.title, r.line])).toEqual([
      ['Books', 'Deep Learning', 3],
      ['Books', 'Neural Networks', 4],
    ]);
  });

  it('an author only from a clear byline at the start, not from “Inspired by Flask”', () => {
    const md = ['- [Sanic](https://github.com/sanic-org/sanic) - Async web framework. Inspired by Flask.', '- [Deep Learning](https://www.deeplearningbook.org/) by Yoshua Bengio, Ian Goodfellow and Aaron Courville (05/07/2015)', '- [Talk](https://vimeo.com/1) by **Bret Victor** (CUSEC 2012) [54:20]'].join('\n');
    expect(importFile('x.md', md).resources.map((r) => r.author)).toEqual([null, 'Yoshua Bengio, Ian Goodfellow and Aaron Courville', 'Bret Victor']);
  });

  it('extra links after the title link are the resource’s links, not description text', () => {
    const md = '* [Topics of Interest](https://youtu.be/ZzfHjytDceU) | [screencast](https://youtu.be/lYe8W04ERnY) | [slides](https://speakerdeck.com/dabeaz/t) - PyCon Brasil 2015 keynote.';
    const [r] = importFile('x.md', md).resources;
    expect(r!.description).toBe('PyCon Brasil 2015 keynote.');
    expect(r!.links).toEqual([
      { title: 'screencast', url: 'https://youtu.be/lYe8W04ERnY' },
      { title: 'slides', url: 'https://speakerdeck.com/dabeaz/t' },
    ]);
  });

  it('a talk “_Title_ by [Speaker](…)” with <sup>[[video](…) | [slides](…)]</sup> is the talk, by the speaker', () => {
    const md = ['- _Bayes is BAE_ by [Richard Schneeman](https://twitter.com/schneems)', '  <sup>[[video](https://www.youtube.com/watch?v=bQSzZrDDV80) | [slides](https://speakerdeck.com/schneems/bayes)]</sup>'].join('\n');
    const [r] = importFile('x.md', md).resources;
    expect([r!.title, r!.url, r!.author, r!.links.map((l) => l.title)]).toEqual(['Bayes is BAE', 'https://www.youtube.com/watch?v=bQSzZrDDV80', 'Richard Schneeman', ['Richard Schneeman', 'slides']]);
  });

  it('a relative link is skipped with why', () => {
    const preview = importFile('x.md', '- [Bahasa Indonesia](translations/README-id.md)\n- [Ok](https://example.com/)');
    expect(preview.resources.map((r) => r.title)).toEqual(['Ok']);
    expect(entries(preview)).toEqual([{ line: 1, text: 'Bahasa Indonesia (translations/README-id.md)', reason: expect.stringContaining('relative link') }]);
  });
});

const bookmarks = (body: string) => `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks Menu</H1>\n<DL><p>\n${body}\n</DL>`;

describe('bookmarks', () => {
  it('Firefox’s place: queries, javascript: and about: are skipped with why, and the counts add up', () => {
    const preview = importFile('b.html', bookmarks(['<DT><A HREF="place:sort=8&maxResults=10">Most visited</A>', '<DT><A HREF="javascript:alert(1)">Bookmarklet</A>', '<DT><A HREF="about:config">Config</A>', '<DT><A HREF="https://example.com/">Example</A>'].join('\n')));
    expect(preview.resources.map((r) => r.title)).toEqual(['Example']);
    expect(entries(preview).map((s) => s.reason)).toEqual(['a browser query, not a page', 'a bookmarklet (javascript:), not a page', expect.stringContaining('not a web address')]);
  });

  it('a folder with a description (<DD>) is still the group of what it holds', () => {
    const preview = importFile('b.html', bookmarks('<DT><H3>Comics</H3>\n<DD>Comics, webcomics, fun stuff!\n<DL><p>\n<DT><A HREF="http://xkcd.com/1332/" TAGS="comic,xkcd">xkcd</A>\n</DL><p>'));
    expect(preview.resources.map((r) => [r.group, r.title, r.tags])).toEqual([['Comics', 'xkcd', ['comic', 'xkcd']]]);
  });
});

describe('HTML pages', () => {
  it('relative links are read against <base href>; without one they are skipped with why, never vanish', () => {
    const page = (head: string) => `<html><head><title>Notes</title>${head}</head><body><a href="classification/">Image Classification</a> <a href="https://cs231n.stanford.edu/">CS231n</a><!-- <a href="https://old.example/">old</a> --></body></html>`;
    expect(importFile('p.html', page('<base href="https://cs231n.github.io/">')).resources.map((r) => r.url)).toEqual(['https://cs231n.github.io/classification/', 'https://cs231n.stanford.edu/']);
    const bare = importFile('p.html', page(''));
    expect(bare.resources.map((r) => r.url)).toEqual(['https://cs231n.stanford.edu/']);
    expect(entries(bare)).toEqual([{ line: null, text: 'Image Classification (classification/)', reason: expect.stringContaining('relative link') }]);
  });
});

describe('Pocket and Instapaper', () => {
  it('Pocket’s ril_export.html: title Pocket, time_added as the date, Read Archive done, tags kept', () => {
    const html = '<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul><li><a href="https://a.example/" time_added="1688628695" tags="ifttt,new">A</a></li></ul><h1>Read Archive</h1><ul><li><a href="https://b.example/" time_added="1688627412">B</a></li></ul></body></html>';
    const preview = importFile('ril_export.html', html);
    expect([preview.title, preview.format]).toEqual(['Pocket', 'pocket']);
    expect(preview.resources.map((r) => [r.title, r.done, r.addedAt, r.group, r.tags])).toEqual([
      ['A', false, new Date(1688628695 * 1000).toISOString(), null, ['ifttt', 'new']],
      ['B', true, new Date(1688627412 * 1000).toISOString(), null, []],
    ]);
  });

  it('Instapaper’s CSV: a folder is a group, Archive is done, Unread and Starred are states', () => {
    const csv = 'URL,Title,Selection,Folder\nhttps://a.example/,A,,Unread\nhttps://b.example/,B,,Archive\nhttps://c.example/,C,,Starred\nhttps://d.example/,D,,test_tag\n';
    expect(importFile('instapaper-export.csv', csv).resources.map((r) => [r.title, r.group, r.done])).toEqual([
      ['A', null, false],
      ['B', null, true],
      ['C', null, false],
      ['D', 'test_tag', false],
    ]);
  });
});

describe('OPML', () => {
  it('the same feed in two folders is one resource (the first folder), the second listed as skipped; htmlUrl="" uses xmlUrl', () => {
    const opml = '<?xml version="1.0"?><opml version="1.1"><head><title>Subs</title></head><body><outline text="Dev"><outline text="Blog" htmlUrl="" xmlUrl="https://blog.example/feed"/></outline><outline text="Friends"><outline text="Blog again" xmlUrl="https://blog.example/feed"/></outline></body></opml>';
    const preview = importFile('subs.opml', opml);
    expect(preview.resources.map((r) => [r.group, r.title, r.url])).toEqual([['Dev', 'Blog', 'https://blog.example/feed']]);
    expect(entries(preview)).toEqual([{ line: null, text: 'Blog again (https://blog.example/feed)', reason: expect.stringContaining('the same feed') }]);
  });
});
