import { describe, expect, it } from 'vitest';
import * as lists from '../../../../data/model/list-ops';
import { DocumentSchema, type StudyDocument } from '../../../../data/model/schema';
import { mergeDocuments, sameDocument, type Side } from '../../../../data/sync/merge';

// Issue #23: a followed list's source (address, the reviewed page's validators, when it was checked)
// travels with the list between computers.
const LAPTOP = { id: 'dev-a', name: 'Laptop' };
const DESKTOP = { id: 'dev-b', name: 'Desktop' };
const URL_A = 'https://example.com/awesome.md';

function startDoc(): StudyDocument {
  const doc: StudyDocument = { schemaVersion: 2, lists: [], progress: {}, notes: {}, activity: [] };
  lists.createList(doc, 'Followed', '');
  return doc;
}
const side = (base: StudyDocument, device: Side['device'], edit: (doc: StudyDocument) => void): Side => {
  const doc = structuredClone(base);
  edit(doc);
  return { device, doc };
};

describe('merging a followed list', () => {
  it('following on one computer reaches the other; the document stays valid', () => {
    const base = startDoc();
    const a = side(base, LAPTOP, (d) => void (d.lists[0]!.follow = { url: URL_A }));
    const b = side(base, DESKTOP, () => undefined);
    const merged = mergeDocuments(base, a, b);
    expect(merged.doc.lists[0]!.follow).toEqual({ url: URL_A });
    expect(() => DocumentSchema.parse(merged.doc)).not.toThrow();
    expect(sameDocument(merged.doc, mergeDocuments(base, b, a).doc)).toBe(true);
  });

  it('both computers reviewed a new version: the later check wins, with no conflict notice, from either side', () => {
    const base = startDoc();
    base.lists[0]!.follow = { url: URL_A, etag: '"v1"', lastChecked: '2026-11-01T00:00:00.000Z' };
    const a = side(base, LAPTOP, (d) => void (d.lists[0]!.follow = { url: URL_A, etag: '"v2"', lastChecked: '2026-11-03T00:00:00.000Z' }));
    const b = side(base, DESKTOP, (d) => void (d.lists[0]!.follow = { url: URL_A, etag: '"v3"', lastChecked: '2026-11-05T00:00:00.000Z' }));
    for (const [one, other] of [[a, b], [b, a]] as const) {
      const merged = mergeDocuments(base, one, other);
      expect(merged.doc.lists[0]!.follow!.etag).toBe('"v3"');
      expect(merged.notices).toEqual([]);
    }
  });

  it('stopping to follow on one computer while the other did nothing stops it on both', () => {
    const base = startDoc();
    base.lists[0]!.follow = { url: URL_A };
    const a = side(base, LAPTOP, (d) => void delete d.lists[0]!.follow);
    const b = side(base, DESKTOP, () => undefined);
    expect(mergeDocuments(base, a, b).doc.lists[0]!.follow).toBeUndefined();
  });

  it('a version-2 document without the field is still valid, and a hostile one is refused', () => {
    expect(() => DocumentSchema.parse(startDoc())).not.toThrow();
    const hostile = startDoc();
    (hostile.lists[0] as { follow?: unknown }).follow = { url: 'javascript:alert(1)' };
    expect(() => DocumentSchema.parse(hostile)).toThrow();
    (hostile.lists[0] as { follow?: unknown }).follow = { url: URL_A, etag: 'x'.repeat(5000) };
    expect(() => DocumentSchema.parse(hostile)).toThrow();
  });
});
