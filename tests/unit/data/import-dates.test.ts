import { describe, expect, it } from 'vitest';
import { importFile } from '../../../data/import/detect';

const bookmark = (addDate: string) => `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF="https://a.example/" ADD_DATE="${addDate}">A</A>\n</DL>`;
const pocket = (timeAdded: string) => `title,url,time_added,tags,status\nA,https://a.example/,${timeAdded},,unread\n`;

const NOV_2023 = new Date(1_700_000_000_000).toISOString();

describe('dates read from files: seconds, milliseconds or microseconds, told apart by size', () => {
  it.each([
    ['seconds', '1700000000'],
    ['milliseconds (as some browsers write ADD_DATE)', '1700000000000'],
    ['microseconds (Chrome and Firefox places)', '1700000000000000'],
  ])('a bookmark’s ADD_DATE in %s is the same day, not the year 55840', (_unit, value) => {
    const preview = importFile('bookmarks.html', bookmark(value));
    expect(preview.resources[0]!.addedAt).toBe(NOV_2023);
    expect(preview.skipped).toEqual([]);
  });

  it.each([
    ['seconds', '1700000000'],
    ['milliseconds', '1700000000000'],
  ])('Pocket’s time_added in %s is the same day', (_unit, value) => {
    expect(importFile('ril_export.csv', pocket(value)).resources[0]!.addedAt).toBe(NOV_2023);
  });

  it.each([
    ['too far in the future', '99999999999999'],
    ['absurdly large', '1e20'],
    ['before 1990', '-5'],
    ['not a number', 'NaN'],
    ['a week from now', String(Math.round(Date.now() / 1000) + 7 * 86_400)],
  ])('a date that is %s: the bookmark is imported without a date, and the preview says so', (_what, value) => {
    const preview = importFile('bookmarks.html', bookmark(value));
    expect(preview.resources.map((r) => [r.title, r.addedAt])).toEqual([['A', null]]);
    expect(preview.skipped).toEqual([{ line: null, text: expect.stringContaining(value), reason: expect.stringMatching(/date.*imported without it/), note: true }]);
  });

  it('an absurd time_added in Pocket’s CSV: the row is imported without a date, the note names the line', () => {
    const preview = importFile('ril_export.csv', pocket('1e20'));
    expect(preview.resources.map((r) => [r.title, r.addedAt])).toEqual([['A', null]]);
    expect(preview.skipped).toEqual([{ line: 2, text: expect.stringContaining('1e20'), reason: expect.stringMatching(/date.*imported without it/), note: true }]);
  });

  it('no date, or 0 (how some exports write “unknown”), is simply no date', () => {
    for (const content of [bookmark(''), bookmark('0'), pocket('')]) {
      const preview = importFile(content.startsWith('<') ? 'b.html' : 'p.csv', content);
      expect(preview.resources[0]!.addedAt).toBeNull();
      expect(preview.skipped).toEqual([]);
    }
  });
});
