import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import type { StudyDocument } from '../model/schema';

/** A record's own value for a key that comes from data (never an inherited `constructor` or `toString`). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Records in key order and no device-local field: two computers with the same data write the same bytes. */
export function canonical(doc: StudyDocument): StudyDocument {
  const sorted = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    schemaVersion: doc.schemaVersion,
    lists: doc.lists,
    progress: sorted(doc.progress),
    notes: sorted(doc.notes),
    activity: doc.activity,
    // Study data (focus timer, sessions, reviews) only where there is some: older files stay as they were.
    ...(doc.study ? { study: doc.study } : {}),
  };
}

/**
 * A digest of a document's data (`canonical`), whatever the order of its keys: two documents with the
 * same digest are the same data (sameDocument).
 */
export function documentDigest(doc: StudyDocument): string {
  return createHash('sha256').update(stableStringify(canonical(doc))).digest('hex');
}

export function sameDocument(a: StudyDocument, b: StudyDocument): boolean {
  return same(canonical(a), canonical(b));
}

/**
 * Deep equality of JSON values, whatever the order of keys (a version read from disk and one built in
 * memory may differ in it); `undefined` fields count as absent, as in JSON. Stops at the first difference.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Own keys only: a key from data such as "constructor" must not meet Object.prototype's.
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key) || x[key] === undefined) continue;
    count += 1;
    if (!same(x[key], own(y, key))) return false;
  }
  for (const key in y) if (Object.hasOwn(y, key) && y[key] !== undefined) count -= 1;
  return count === 0;
}
