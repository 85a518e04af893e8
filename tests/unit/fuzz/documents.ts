import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import type { StudyDocument } from '../../../data/model/schema';
import { hostileText, hostileUrl, oddDate, PROTO_KEYS } from './arbitraries';
import { SOAKING } from './runs';

/**
 * Studyshelf documents (a JSON backup, another computer's data file) and journal lines, valid in shape
 * so they reach the code behind the schema, then made hostile as text: prototype keys as ids, note keys
 * and refs, odd dates, deep nesting, huge counts, other schema versions, lone surrogates, invalid UTF-8.
 */

/** Ids the schema accepts, prototype names among them, and a few it does not. */
export const id = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('python-behind-the-scenes-resources', 'peps', 'l1', 'r.1', 'a_b-c', 'x'.repeat(128)) },
  { weight: 3, arbitrary: fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', '', 'a/b', 'x'.repeat(129), 'é', '.hidden') },
);

/** Timestamps the schema accepts (odd but valid), the far past and future among them. */
export const isoDate = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.123456Z', '2024-06-01T12:00:00+14:00', '2024-06-01T12:00:00-12:00', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z'),
);

const text = (max: number) => hostileText.map((t) => t.slice(0, max));
const nonEmpty = (max: number) => text(max).map((t) => (t === '' ? 'x' : t));
const url = fc.option(hostileUrl.map((u) => u.slice(0, 4096)), { freq: 4 });
const part = fc.record({ id, title: nonEmpty(1000), url });
const link = fc.record({ id, title: nonEmpty(1000), url, kind: fc.constantFrom('docs', ''), description: text(10_000) });
const resource = fc.record({
  id,
  title: nonEmpty(1000),
  url,
  author: fc.option(text(500)),
  kind: fc.constantFrom('article', 'video', 'book', ''),
  description: text(10_000),
  group: fc.option(text(200)),
  addedAt: fc.option(isoDate),
  links: fc.array(link, { maxLength: 2 }),
  parts: fc.array(part, { maxLength: 3 }),
});
const list = fc.record({
  id,
  title: nonEmpty(1000),
  author: fc.option(text(500)),
  description: text(10_000),
  source: url,
  bundledVersion: fc.option(fc.integer({ min: 1, max: 2 ** 31 })),
  customized: fc.boolean(),
  resources: fc.array(resource, { maxLength: 4 }),
});
const progressEntry = fc.record({ status: fc.constantFrom('todo', 'in-progress', 'done', 'skipped'), startedAt: fc.option(isoDate), doneAt: fc.option(isoDate), updatedAt: isoDate });
const note = fc.record({ body: hostileText, whereStopped: text(500), updatedAt: isoDate });

/** Keys of progress and notes: refs to what the lists hold, refs made of prototype names, bare prototype names. */
const refKey = fc.oneof(
  fc.tuple(id, id).map(([l, r]) => `${l}/${r}`),
  fc.tuple(id, id, id).map(([l, r, i]) => `${l}/${r}/${i}`),
  fc.constantFrom(...PROTO_KEYS, 'python-behind-the-scenes-resources/peps'),
);

/** Own properties only, `__proto__` included: Object.fromEntries never touches a prototype. */
const record = <T>(value: fc.Arbitrary<T>) => fc.array(fc.tuple(refKey, value), { maxLength: 5 }).map((pairs) => Object.fromEntries(pairs) as Record<string, T>);

export const documentArb: fc.Arbitrary<StudyDocument> = fc
  .record({
    lists: fc.array(list, { maxLength: 3 }),
    progress: record(progressEntry),
    notes: record(note),
    activity: fc.array(fc.record({ at: isoDate, ref: refKey, action: fc.constantFrom('done', 'undone', 'started', 'skipped', 'note') }), { maxLength: 4 }),
    huge: fc.option(fc.constantFrom(...(SOAKING ? [2000, 10_000] : [2000])), { freq: 12 }),
  })
  .map(({ huge, ...doc }) => {
    const out = { schemaVersion: 2, ...doc } as StudyDocument;
    if (huge) {
      // Thousands of resources, notes and progress entries: sizes real users reach, made at once.
      const resources = Array.from({ length: huge }, (_, i) => ({ id: `r${i}`, title: `Resource ${i}`, url: `https://example.com/${i}`, author: null, kind: 'article', description: '', group: null, addedAt: null, links: [], parts: [] }));
      out.lists.push({ id: 'huge', title: 'Huge', author: null, description: '', source: null, bundledVersion: null, customized: true, resources });
      for (let i = 0; i < huge; i++) out.notes[`huge/r${i}`] = { body: `note ${i}\r\nline two`, whereStopped: '', updatedAt: '2024-01-01T00:00:00.000Z' };
    }
    return out;
  });

/** A change made to a document's JSON text. */
export const jsonMutation = fc.oneof(
  fc.record({ kind: fc.constant('date' as const), value: oddDate.map((d) => JSON.stringify(d)), also: fc.constantFrom('1e20', 'NaN', '-1', 'null', '1700000000000') }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.constantFrom(10, 999, 1001, 20_000), where: fc.constantFrom('extra', 'lists', 'notes', 'description') }),
  fc.record({ kind: fc.constant('version' as const), value: fc.constantFrom('1', '3', '99', '"2"', '-1', '0', '1e308', '2.5', 'null') }),
  fc.record({ kind: fc.constant('proto' as const), where: fc.constantFrom('top', 'notes', 'progress', 'list'), key: fc.constantFrom('__proto__', 'constructor', 'toString') }),
  fc.record({ kind: fc.constant('surrogate' as const) }),
  fc.record({ kind: fc.constant('pretty-crlf' as const) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('drop-key' as const), key: fc.constantFrom('"lists":', '"progress":', '"updatedAt":', '"id":', '"title":', '"resources":') }),
);

export type JsonMutation = typeof jsonMutation extends fc.Arbitrary<infer M> ? M : never;

const NOTE = '{"body":"polluting","whereStopped":"","updatedAt":"2024-01-01T00:00:00.000Z"}';

export function mutateJson(json: string, m: JsonMutation): string {
  switch (m.kind) {
    case 'date': {
      let first = true;
      return json.replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, (d) => (first ? ((first = false), m.value) : d.endsWith('Z"') && d.length % 3 === 0 ? m.also : d));
    }
    case 'deep': {
      const deep = `${'['.repeat(m.depth)}${']'.repeat(m.depth)}`;
      if (m.where === 'extra') return json.replace(/^\{/, `{"extra":${deep},`);
      if (m.where === 'description') return json.replace(/"description":"[^"]*"/, `"description":${deep}`);
      return json.replace(`"${m.where}":`, `"${m.where}":${'['.repeat(m.depth)}${']'.repeat(m.depth - 1)},"was-${m.where}":`);
    }
    case 'version':
      return json.replace(/"schemaVersion":\s*\d+/, `"schemaVersion":${m.value}`);
    case 'proto': {
      const value = m.where === 'notes' ? NOTE : m.where === 'progress' ? '{"status":"done","startedAt":null,"doneAt":null,"updatedAt":"2024-01-01T00:00:00.000Z"}' : '{"schemaVersion":2,"polluted":true,"lists":[]}';
      const at = m.where === 'top' ? /^\{/ : m.where === 'list' ? /"lists":\[\{/ : new RegExp(`"${m.where}":\\{`);
      return json.replace(at, (found: string, offset: number) => `${found}"${m.key}":${value}${json[offset + found.length] === '}' ? '' : ','}`);
    }
    case 'surrogate':
      return json.replace(/"body":"/, '"body":"\\ud800\\udfff\\udc00 \\u0000 ').replace(/"title":"/, '"title":"\\udbff');
    case 'pretty-crlf':
      return JSON.stringify(JSON.parse(json), null, 2).replace(/\n/g, '\r\n');
    case 'truncate':
      return json.slice(0, Math.floor(json.length * m.at));
    case 'drop-key':
      return json.replace(new RegExp(`${m.key}("[^"]*"|null|\\d+|\\[\\]|\\{\\}),?`), '');
  }
}

/** A document's JSON text, mutated zero to three times. */
export const documentJson = fc.tuple(documentArb, fc.array(jsonMutation, { maxLength: 3 })).map(([doc, mutations]) => {
  let json = JSON.stringify(doc);
  for (const m of mutations) {
    try {
      json = mutateJson(json, m);
    } catch {
      // pretty-crlf of a text an earlier mutation already broke: left as it is.
    }
  }
  return json;
});

/** Bytes with invalid UTF-8 spliced into them (a peer's file is read as bytes, not as text). */
export const withInvalidUtf8 = (json: string, at: number) => {
  const bytes = Buffer.from(json, 'utf8');
  const spot = Math.floor(bytes.length * at);
  return Buffer.concat([bytes.subarray(0, spot), Buffer.from([0xff, 0xc3, 0xed, 0xa0, 0x80, 0xc0, 0xaf]), bytes.subarray(spot)]);
};

const command = fc.oneof(
  fc.record({ name: fc.constantFrom('createList'), args: fc.tuple(text(1000), text(10_000)) }),
  fc.record({ name: fc.constantFrom('deleteList', 'moveList', 'resetList'), args: fc.tuple(id, fc.integer({ min: -5, max: 2 ** 31 })) }),
  fc.record({ name: fc.constantFrom('deleteResource', 'moveResource'), args: fc.tuple(refKey, id, fc.integer({ min: -5, max: 100 })) }),
  fc.record({ name: fc.constantFrom('addResource'), args: fc.tuple(id, fc.record({ title: nonEmpty(1000), url, author: fc.constant(null), description: text(100), id })) }),
  fc.record({ name: fc.constantFrom('restoreList'), args: fc.tuple(fc.record({ item: list, index: fc.integer({ min: -1, max: 1e6 }), progress: record(progressEntry), notes: record(note) })) }),
  fc.record({ name: fc.constantFrom('restoreResource'), args: fc.tuple(fc.record({ item: resource, listId: id, index: fc.integer({ min: -1, max: 1e6 }), progress: record(progressEntry), notes: record(note) })) }),
  fc.record({ name: fc.constantFrom(...PROTO_KEYS, 'dropTables'), args: fc.array(fc.anything(), { maxLength: 2 }) }),
);

export const journalEntry = fc.record(
  {
    v: fc.constantFrom(1, 2, 3, 99, -1),
    progress: record(fc.option(progressEntry)),
    notes: record(fc.option(note)),
    activity: fc.array(fc.record({ at: isoDate, ref: refKey, action: fc.constantFrom('done', 'note', 'exploded') }), { maxLength: 2 }),
    resources: record(resource),
    customized: fc.array(id, { maxLength: 2 }),
    command,
  },
  { requiredKeys: ['progress', 'notes', 'activity'] },
);

const line = (json: string) => `${crc32(json).toString(16).padStart(8, '0')} ${json}`;

/** A journal file's text: lines with a good checksum (so they are parsed), and damaged ones. */
export const journalText = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: journalEntry.map((e) => line(JSON.stringify(e))) }, { weight: 1, arbitrary: fc.constantFrom('deadbeef {"progress":{}}', line('{"progress":'), line('[1,2]'), line('null'), line(`${'['.repeat(5000)}${']'.repeat(5000)}`), '\0\0\0\0', '') }), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.option(fc.constantFrom(...(SOAKING ? [2000, 20_000] : [2000])), { freq: 10 }),
    fc.boolean(),
  )
  .map(([lines, eol, huge, cutShort]) => {
    const all = huge && lines.length ? Array.from({ length: huge }, (_, i) => lines[i % lines.length]!) : lines;
    const joined = all.join(eol) + eol;
    return cutShort ? joined.slice(0, -Math.ceil(joined.length / 7)) : joined;
  });

const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The same documents with every id the schema refuses replaced: documents the reader accepts (dates permitting). */
export const validDocumentArb = documentArb.map((doc) => {
  let n = 0;
  const fix = <T extends { id: string }>(item: T) => (VALID_ID.test(item.id) ? item : { ...item, id: `fixed-${n++}` });
  doc.lists = doc.lists.map((l) => ({ ...fix(l), resources: l.resources.map((r) => ({ ...fix(r), links: r.links.map(fix), parts: r.parts.map(fix) })) }));
  return doc;
});
