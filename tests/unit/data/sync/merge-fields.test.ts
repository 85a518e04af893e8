import { describe, expect, it } from 'vitest';
import { MERGED_AS_VALUES, mergeDocuments } from '../../../../data/sync/merge';
import { LinkItemSchema, PartSchema, ResourceSchema, StudyListSchema, type StudyDocument } from '../../../../data/model/schema';

// Every field of a list, resource, link and part that one computer changes reaches the merged data,
// whichever computer it is — checked for each field the schema has, so a field added to the schema and
// forgotten by the merge fails here (before, the merge kept a hand-made list of fields, and a field
// missing from it silently kept the first computer's value).

const AT = '2026-01-02T03:04:05.000Z';

/** A list in which every field the schema knows is set (the test checks it covers the schema). */
function fullDocument(): StudyDocument {
  return {
    schemaVersion: 2,
    lists: [
      {
        id: 'l',
        title: 'List',
        author: 'An author',
        description: 'About it',
        source: 'https://example.org/list',
        bundledVersion: 1,
        customized: false,
        follow: { url: 'https://example.org/list', etag: '"v1"', lastModified: null, lastChecked: AT },
        resources: [
          {
            id: 'r',
            title: 'Resource',
            url: 'https://example.org/r',
            author: 'Someone',
            kind: 'article',
            description: 'What it is',
            group: 'Section',
            addedAt: AT,
            links: [{ id: 'k', title: 'Link', url: 'https://example.org/k', kind: 'doc', description: 'Nested', formerUrls: [{ url: 'https://old.example.org/k', until: AT }] }],
            parts: [{ id: 'p', title: 'Part', url: 'https://example.org/p', formerUrls: [{ url: 'https://old.example.org/p', until: AT }] }],
            formerUrls: [{ url: 'https://old.example.org/r', until: AT }],
            tags: ['cpython'],
            siteName: 'Example',
            estimateMinutes: 30,
          },
        ],
      },
    ],
    progress: {},
    notes: {},
    activity: [],
  };
}

/** Another valid value of the same type. */
function changed(value: unknown): unknown {
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? '2026-05-06T07:08:09.000Z' : `${value} (changed)`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return [...value, { url: 'https://old.example.org/another', until: AT }];
  if (value && typeof value === 'object' && 'url' in value) return { ...value, url: 'https://example.org/moved', lastChecked: '2026-05-06T07:08:09.000Z' };
  throw new Error(`no changed value for ${JSON.stringify(value)}`);
}

type Item = Record<string, unknown>;
const KINDS = [
  { kind: 'list', schema: StudyListSchema, fields: MERGED_AS_VALUES.list, at: (doc: StudyDocument): Item => doc.lists[0]! },
  { kind: 'resource', schema: ResourceSchema, fields: MERGED_AS_VALUES.resource, at: (doc: StudyDocument): Item => doc.lists[0]!.resources[0]! },
  { kind: 'link', schema: LinkItemSchema, fields: MERGED_AS_VALUES.link, at: (doc: StudyDocument): Item => doc.lists[0]!.resources[0]!.links[0]! },
  { kind: 'part', schema: PartSchema, fields: MERGED_AS_VALUES.part, at: (doc: StudyDocument): Item => doc.lists[0]!.resources[0]!.parts[0]! },
] as const;

/** Merged on their own (by id, or as a set): their tests are in merge.test.ts. */
const NESTED = ['id', 'resources', 'links', 'parts', 'tags'];

describe('every field the schema has is merged', () => {
  for (const { kind, schema, fields, at } of KINDS) {
    const valueFieldsOfSchema = Object.keys(schema.shape).filter((field) => !NESTED.includes(field));
    it(`a ${kind}: the sample sets every field, and every field but its id and nested items merges as a value`, () => {
      expect(Object.keys(at(fullDocument())).sort()).toEqual(Object.keys(schema.shape).sort());
      expect([...fields].sort()).toEqual([...valueFieldsOfSchema].sort());
    });

    for (const field of valueFieldsOfSchema) {
      for (const who of ['first', 'second'] as const) {
        it(`a ${kind}'s ${field} changed on the ${who} computer by id reaches the merged data`, () => {
          const base = fullDocument();
          const mine = fullDocument();
          const theirs = fullDocument();
          const changedDoc = who === 'first' ? mine : theirs;
          const value = changed(at(changedDoc)[field]);
          at(changedDoc)[field] = value;
          const { doc, notices } = mergeDocuments(base, { device: { id: 'a', name: 'A' }, doc: mine }, { device: { id: 'b', name: 'B' }, doc: theirs });
          expect(at(doc)[field]).toEqual(value);
          expect(notices).toEqual([]);
        });
      }
    }
  }
});
