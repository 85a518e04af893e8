import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFileInSlices } from '../../../data/import/detect';
import { previewImport } from '../../../data/transfer';
import { readImportFile } from '../../../data/user-files';
import { tempDir } from '../helpers';

/** A list saved in Windows-1252 (é as the single byte 0xE9), with two more bytes UTF-8 never has. */
const notUtf8 = Buffer.concat([
  Buffer.from('# Reading\n\n- [Intro](https://a.example/)\n- [Caf', 'utf8'),
  Buffer.from([0xe9]),
  Buffer.from('](https://b.example/)\n- [', 'utf8'),
  Buffer.from([0x66, 0xff, 0xfe]),
  Buffer.from('](https://c.example/)\n', 'utf8'),
]);

describe('a file that is not UTF-8', () => {
  it('is imported, and the preview says how many characters could not be read and where the first is', async () => {
    const file = join(await tempDir(), 'reading.md');
    await writeFile(file, notUtf8);
    const { fileName, content } = await readImportFile(file);
    const preview = previewImport(null, fileName, content);
    expect(preview.resources.map((r) => r.title)).toEqual(['Intro', 'Caf\uFFFD', 'f\uFFFD\uFFFD']);
    expect(preview.skipped).toContainEqual({ line: 4, text: '- [Caf\uFFFD](https://b.example/)', reason: expect.stringMatching(/^3 characters are not UTF-8/), note: true });
  });

  it('read a slice at a time (as the app does), the same warning', async () => {
    const preview = await importFileInSlices('reading.md', notUtf8.toString('utf8'), async () => undefined);
    expect(preview.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/^3 characters are not UTF-8/)]);
  });

  it.each([
    ['bookmarks.html', `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF="https://a.example/">A \uFFFD</A>\n</DL>`, 3],
    ['links.csv', 'title,url\nA \uFFFD,https://a.example/\n', 2],
  ])('%s with a replaced character: the same warning, with its line', (fileName, content, line) => {
    expect(previewImport(null, fileName, content).skipped).toEqual([{ line, text: expect.stringContaining('\uFFFD'), reason: expect.stringMatching(/^1 character is not UTF-8/), note: true }]);
  });

  it('a file in UTF-8 has no such warning', () => {
    expect(previewImport(null, 'ok.md', '- [Café](https://a.example/)').skipped).toEqual([]);
  });
});
