import { SCHEMA_VERSION } from '../model/schema';

/** The file was written by a newer Studyshelf: this version must not write over it. */
export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(
      `This data file was written by a newer version of Studyshelf (data format ${version}; this version knows up to ${SCHEMA_VERSION}). ` +
        'It is shown read-only so nothing in it is lost; update Studyshelf to edit it.',
    );
    this.name = 'NewerVersionError';
  }
}

type Json = Record<string, unknown>;
type Step = (doc: Json) => Json;

/** Each step takes a document of version N to N + 1. Pure: the input is never changed. */
const STEPS: Record<number, Step> = {
  // v2: progress says which of to do / in progress / done / skipped, and when the work started.
  1: (doc) => {
    const progress: Record<string, unknown> = {};
    for (const [ref, value] of Object.entries((doc.progress ?? {}) as Record<string, Json>)) {
      const done = value.done === true;
      progress[ref] = {
        status: done ? 'done' : 'todo',
        startedAt: done ? (value.doneAt ?? value.updatedAt ?? null) : null,
        doneAt: done ? (value.doneAt ?? null) : null,
        updatedAt: value.updatedAt,
      };
    }
    return { ...doc, schemaVersion: 2, progress };
  },
};

export function versionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || !('schemaVersion' in raw)) return null;
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null;
}

/**
 * Brings a parsed document up to the current version. Throws NewerVersionError for a newer file and
 * leaves validation of the result to the schema. Returns the version it started from.
 */
export function migrate(raw: unknown): { doc: unknown; from: number } {
  const from = versionOf(raw);
  if (from === null) return { doc: raw, from: 0 };
  if (from > SCHEMA_VERSION) throw new NewerVersionError(from);
  // Nothing to migrate: no copy (it cost 40–70 ms at every start with 10,000 resources, and a backup
  // read as one step); the schema's parse makes the document the app keeps.
  if (from === SCHEMA_VERSION) return { doc: raw, from };
  let doc = structuredClone(raw) as Json;
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = STEPS[version];
    if (!step) throw new Error(`No migration from data format ${version}.`);
    doc = step(doc);
  }
  return { doc, from };
}
