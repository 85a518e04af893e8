import { describe, expect, it } from 'vitest';
import { resolveRef } from '../../../data/model/refs';
import type { Resource, StudyDocument } from '../../../data/model/schema';
import { newDocument } from '../../../data/document';

const resource = (id: string, title = id): Resource => ({ id, title, url: null, author: null, kind: 'article', description: '', links: [], parts: [] }) as unknown as Resource;

/** A document with one list of `n` resources, whose array counts the elements read from it. */
function countingDocument(n: number) {
  const doc = newDocument([]) as StudyDocument;
  let reads = 0;
  const resources = new Proxy(
    Array.from({ length: n }, (_, i) => resource(`r${i}`)),
    {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    },
  );
  doc.lists.push({ id: 'big', title: 'Big', author: null, description: '', source: null, bundledVersion: null, customized: false, resources } as unknown as StudyDocument['lists'][number]);
  return { doc, resources, reads: () => reads, reset: () => (reads = 0) };
}

describe('resolveRef at 10,000 resources', () => {
  it('finds a resource without reading the whole list each time (a tick costs the same at 10 as at 10,000)', () => {
    const { doc, reads, reset } = countingDocument(10_000);
    expect(resolveRef(doc, 'big/r9999')?.resource.id).toBe('r9999');
    reset();
    for (let i = 0; i < 100; i++) expect(resolveRef(doc, `big/r${9000 + i}`)?.resource.id).toBe(`r${9000 + i}`);
    // Before: every call walked the list to its resource, 900,000+ reads for these hundred.
    expect(reads()).toBeLessThan(1_000);
  });

  it('still finds what the list holds after it changed: moved, removed, added, replaced', () => {
    const { doc, resources } = countingDocument(1_000);
    expect(resolveRef(doc, 'big/r10')?.resource.id).toBe('r10');
    // Moved to the front.
    const [moved] = resources.splice(500, 1);
    resources.unshift(moved!);
    expect(resolveRef(doc, 'big/r500')?.resource).toBe(moved);
    expect(resolveRef(doc, 'big/r10')?.resource).toBe(resources[11]);
    // Removed, and the same length again with another resource in its place.
    resources.splice(11, 1, resource('fresh'));
    expect(resolveRef(doc, 'big/r10')).toBeNull();
    expect(resolveRef(doc, 'big/fresh')?.resource).toBe(resources[11]);
    // Replaced in place by a new object with the same id (an undo puts back a copy).
    const copy = resource('r20', 'Copy');
    resources[resources.findIndex((r) => r.id === 'r20')] = copy;
    expect(resolveRef(doc, 'big/r20')?.resource).toBe(copy);
    // Added at the end.
    resources.push(resource('last'));
    expect(resolveRef(doc, 'big/last')?.resource.id).toBe('last');
    expect(resolveRef(doc, 'big/nothing')).toBeNull();
  });

  it('gives the first of two resources with the same id, as before (a hand-edited file)', () => {
    const { doc, resources } = countingDocument(10);
    const first = resource('twin', 'First');
    resources.splice(3, 0, first, resource('twin', 'Second'));
    expect(resolveRef(doc, 'big/twin')?.resource).toBe(first);
    expect(resolveRef(doc, 'big/twin')?.resource).toBe(first);
  });
});
