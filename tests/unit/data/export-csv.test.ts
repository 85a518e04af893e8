import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../data/document';
import { exportCsv } from '../../../data/export/csv';
import { importCsv } from '../../../data/import/csv';
import { addImportedList } from '../../../data/import/to-list';
import type { ImportPreview } from '../../../data/import/imported';

/** Titles a spreadsheet would run as formulas if a cell began with them. */
const RISKY = ['=SUM(A1:A9)', '=HYPERLINK("https://evil.example","Click")', '+1 more', '-5 tips', '@home reading', '\tTabbed', '\rReturned', "'=already quoted"];

function listOf(titles: readonly string[]) {
  const doc = newDocument([]);
  const preview: ImportPreview = {
    title: '=Risky list',
    format: 'csv',
    skipped: [],
    resources: titles.map((title, i) => ({ title, url: `https://example.com/${i}`, author: '-Anon', description: '@mention', group: '+group', done: i % 2 === 0, parts: [], links: [], line: i + 2 })),
  };
  const list = addImportedList(doc, preview, '2024-05-01T10:00:00.000Z');
  return { doc, list };
}

describe('CSV export and formulas (CSV injection)', () => {
  it('no cell begins with =, +, -, @, a tab or a carriage return: such cells get a leading apostrophe', () => {
    const { doc, list } = listOf([...RISKY, 'Plain title']);
    const rows = Papa.parse<string[]>(exportCsv(doc, [list]).trimEnd()).data;
    const cells = rows.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(rows[1]!.slice(0, 2)).toEqual(["'=Risky list", "'=SUM(A1:A9)"]);
    expect(rows.map((r) => r[1])).toContain("'-5 tips");
    expect(rows.map((r) => r[1])).toContain('Plain title');
  });

  it('importing the export gives back the titles exactly, “-5 tips” and “=SUM(A1:A9)” included', () => {
    // (A title never begins with a tab or a return: the importer trims them, as any spreadsheet's spaces.)
    const titles = [...RISKY.filter((t) => !/^[\t\r]/.test(t)), "'plain quote", "''=two quotes", 'Plain title'];
    const { doc, list } = listOf(titles);
    const preview = importCsv('list.csv', exportCsv(doc, [list]));
    expect(preview.resources.map((r) => r.title)).toEqual(titles);
    expect(preview.resources.map((r) => [r.author, r.description, r.group])[0]).toEqual(['-Anon', '@mention', '+group']);
    expect(preview.resources.map((r) => r.done)).toEqual(list.resources.map((_, i) => i % 2 === 0));
  });
});
