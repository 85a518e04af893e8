import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { bundledLists } from './bundled-lists';
import { newDocument, refreshBundledLists } from './document';
import { DurableJsonFile, type DurableOptions } from './durable-json-file';
import { DataFileCorruptError, StudyError } from './errors';
import { resolveRef, urlOf, type Ref } from './refs';
import { DocumentSchema, type Note, type ProgressEntry, type StudyDocument, type StudyList } from './schema';

export const DATA_FILE_NAME = 'studyshelf.json';

export interface StoreOptions {
  /** The folder holding the data file; created if missing. */
  dir: string;
  /** The lists the app ships; defaults to the bundled catalog. */
  bundled?: StudyList[];
  now?: () => Date;
  durable?: DurableOptions;
}

export interface Store {
  readonly file: string;
  document(): StudyDocument;
  setDone(ref: Ref, done: boolean): Promise<ProgressEntry>;
  saveNote(ref: Ref, body: string): Promise<Note | null>;
  /** The http(s) address a ref opens, as stored; the caller still checks it is safe to open. */
  linkOf(ref: Ref): string | null;
  /** Waits for every acknowledged and pending write. */
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  await mkdir(options.dir, { recursive: true });
  const file = join(options.dir, DATA_FILE_NAME);
  const adapter = new DurableJsonFile<StudyDocument>(file, options.durable);
  const shipped = options.bundled ?? bundledLists();
  const now = () => (options.now ?? (() => new Date()))().toISOString();

  const raw = await adapter.read();
  let doc: StudyDocument;
  let mustWrite = false;
  if (raw === null) {
    doc = newDocument(shipped);
    mustWrite = true;
  } else {
    const parsed = DocumentSchema.safeParse(raw);
    if (!parsed.success) throw new DataFileCorruptError(file, 'schema', parsed.error.issues[0]?.message);
    doc = parsed.data;
    mustWrite = refreshBundledLists(doc, shipped);
  }
  const db = new Low<StudyDocument>(adapter, doc);
  if (mustWrite) await db.write();

  function resolveOrThrow(ref: Ref) {
    const resolved = resolveRef(db.data, ref);
    if (!resolved) throw new StudyError('unknown-ref', `Nothing in your lists is called “${ref}”.`);
    return resolved;
  }

  async function persist(): Promise<void> {
    try {
      await db.write();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StudyError('io', `Your change could not be saved to disk: ${reason}`, { cause: error });
    }
  }

  return {
    file,
    document: () => db.data,

    async setDone(ref, done) {
      resolveOrThrow(ref);
      const previous = db.data.progress[ref];
      const at = now();
      const entry: ProgressEntry = {
        done,
        doneAt: done ? (previous?.done ? previous.doneAt : at) : null,
        updatedAt: at,
      };
      db.data.progress[ref] = entry;
      if (previous?.done !== done && (done || previous)) {
        db.data.activity.push({ at, ref, action: done ? 'done' : 'undone' });
      }
      await persist();
      return entry;
    },

    async saveNote(ref, body) {
      const resolved = resolveOrThrow(ref);
      if (resolved.kind !== 'resource') {
        throw new StudyError('invalid-argument', 'Notes belong to a resource, not to one of its parts.');
      }
      if (body === '') {
        delete db.data.notes[ref];
        await persist();
        return null;
      }
      const note: Note = { body, updatedAt: now() };
      db.data.notes[ref] = note;
      await persist();
      return note;
    },

    linkOf(ref) {
      return urlOf(resolveOrThrow(ref));
    },

    close: () => adapter.settled(),
  };
}
