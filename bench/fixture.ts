import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledLists } from '../data/bundled-lists';
import { SCHEMA_VERSION, type StudyDocument } from '../data/model/schema';
import { DATA_FILE_NAME } from '../data/storage/store';

export const BIG_LIST = 'everything-i-bookmarked';
const WORDS = 'interpreter bytecode frame object reference count garbage collector dictionary tuple generator coroutine evaluation loop compiler parser tokenizer grammar opcode specialization cache'.split(' ');

/** Notes of realistic words, `bytes` long in total, one on every tenth resource. */
function noteOf(i: number, length: number): string {
  let text = `Notes on resource ${i}: `;
  for (let w = i; text.length < length; w += 7) text += `${WORDS[w % WORDS.length]}${w % 13 === 0 ? '.\n' : ' '}`;
  return text.slice(0, length);
}

/**
 * A document with one list of `resources` resources (the size a whole
 * bookmarks file brings) before the bundled lists, `notesBytes` of notes in total, a third of it done.
 * Valid by the schema.
 */
export function bigDocument(resources: number, notesBytes = 1024 * 1024): StudyDocument {
  const at = '2026-11-01T10:00:00.000Z';
  const withNotes = Math.max(1, Math.floor(resources / 10));
  const doc: StudyDocument = {
    schemaVersion: SCHEMA_VERSION,
    // First in the sidebar, so the window opens on it.
    lists: [
      {
        id: BIG_LIST,
        title: 'Everything I bookmarked',
        author: null,
        description: `${resources.toLocaleString('en')} links from a browser's bookmarks.`,
        source: null,
        bundledVersion: null,
        customized: false,
        resources: Array.from({ length: resources }, (_, i) => ({
          id: `r${i}`,
          title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} — part ${i}`,
          url: `https://example.com/${WORDS[i % WORDS.length]}/${i}`,
          author: i % 3 === 0 ? 'Ada Lovelace' : null,
          kind: ['article', 'video', 'docs', 'book'][i % 4]!,
          description: `About the ${WORDS[(i * 3) % WORDS.length]} and the ${WORDS[(i * 5) % WORDS.length]}.`,
          group: `Folder ${Math.floor(i / 100)}`,
          addedAt: at,
          links: [],
          parts: [],
        })),
      },
      ...bundledLists(),
    ],
    progress: {},
    notes: {},
    activity: [],
  };
  for (let i = 0; i < resources; i += 3) doc.progress[`${BIG_LIST}/r${i}`] = { status: 'done', startedAt: at, doneAt: at, updatedAt: at };
  for (let i = 0; i < withNotes; i++) {
    const r = i * 10;
    doc.notes[`${BIG_LIST}/r${r}`] = { body: noteOf(r, Math.floor(notesBytes / withNotes)), whereStopped: '', updatedAt: at };
  }
  return doc;
}

/** Writes the document as a profile's data file; returns the folder to open the store on. */
export async function writeProfile(dir: string, doc: StudyDocument): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, DATA_FILE_NAME), JSON.stringify(doc, null, 2));
  return dir;
}
