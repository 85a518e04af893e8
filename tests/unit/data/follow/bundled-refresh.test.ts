import { describe, expect, it } from 'vitest';
import { bundledLists, catalogToLists } from '../../../../data/bundled-lists';
import catalogJson from '../../../../data/catalogs/catalog.json' with { type: 'json' };
import { newDocument, refreshBundledLists } from '../../../../data/document';

describe('a followed bundled list and a new version of the app', () => {
  it('the new shipped version comes in and the list still follows its article; the old version’s validators and left changes go with the old content', () => {
    const doc = newDocument(catalogToLists(catalogJson, 1));
    const url = 'https://tenthousandmeters.com/materials/python-behind-the-scenes-a-list-of-resources/';
    const at = '2026-11-01T10:00:00.000Z';
    doc.lists = doc.lists.map((l) => (l.source === url ? { ...l, follow: { url, etag: '"v1"', lastModified: null, lastChecked: at, left: ['0'.repeat(32)] } } : l));
    expect(refreshBundledLists(doc, bundledLists())).toBe(true);
    const list = doc.lists.find((l) => l.source === url)!;
    expect(list.bundledVersion).toBe(bundledLists()[0]!.bundledVersion);
    // The next check compares the page with the new content in full (no 304 against the old version).
    expect(list.follow).toEqual({ url, lastChecked: at });
  });
});
