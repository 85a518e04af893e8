import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, rendererFileFor } from '../../../../electron/api/app-files';

const root = resolve('/opt/studyshelf/renderer');

describe('rendererFileFor', () => {
  it('serves index.html for the root and files inside the folder', () => {
    expect(rendererFileFor(root, 'app://studyshelf/')).toBe(join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://studyshelf/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each([
    'app://studyshelf/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://studyshelf/..%2fmain%2findex.js',
    'app://studyshelf/%00index.html',
    'not a url',
  ])('refuses %s', (url) => expect(rendererFileFor(root, url)).toBeNull());

  it.each(['app://studyshelf/../main/index.js', 'app://studyshelf/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (the URL parser drops the dot segments)',
    (url) => expect(rendererFileFor(root, url)?.startsWith(`${root}/`)).toBe(true),
  );

  it('knows the types it serves', () => {
    expect(mimeTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeOf('a/x.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeOf('a/x.bin')).toBe('application/octet-stream');
  });
});
