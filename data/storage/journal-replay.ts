import { crc32 } from 'node:zlib';
import { runCommand } from '../model/commands';
import { realFs, type FsSeam } from './fs-seam';
import { Journal, type JournalEntry, type SkippedLine } from './journal';
import { entryProblem } from './journal-entry';
import { resolveRef } from '../model/refs';
import type { Activity, StudyDocument } from '../model/schema';

// Reading journals back: at start (ours), and when another computer's data is merged (theirs). The
// writing side, and the record of what a change wrote, are in journal.ts.

/**
 * The entries of journal files, in order. A line whose CRC does not match is skipped, and the lines
 * after it are still read: one damaged line costs that line only. A damaged line in the middle is
 * reported in `skipped`; a last line cut short by a crash is expected and ignored quietly. The room
 * after the last line (NUL bytes, see JOURNAL_ROOM_BYTES) is not a line.
 */
export async function readJournals(files: readonly string[], fs: FsSeam = realFs, skipped: SkippedLine[] = [], unread?: Set<string>): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for (const file of files) {
    const text = (
      await fs.readFile(file).catch(() => {
        unread?.add(file);
        return Buffer.alloc(0);
      })
    ).toString('utf8');
    // NUL bytes are room a journal was made with, never content: JSON escapes a NUL.
    const lines = text.replaceAll('\0', '').split('\n');
    const pause = slicer();
    for (const [index, line] of lines.entries()) {
      if (!line) continue;
      const entry = parseLine(line);
      if (entry) {
        entries.push(entry);
        locations.set(entry, { file, line: index + 1 });
      } else if (index < lines.length - 1) skipped.push({ file, line: index + 1, reason: 'the line is damaged (its checksum does not match)' });
      // Many thousands of lines (another computer's journal may be large): let other work run.
      await pause();
    }
  }
  return entries;
}

/** Where each entry read from a file came from, to say which line was skipped. */
const locations = new WeakMap<JournalEntry, { file: string; line: number }>();

function parseLine(line: string): JournalEntry | null {
  const json = line.slice(9);
  if (line[8] !== ' ' || crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return null;
  try {
    return JSON.parse(json) as JournalEntry;
  } catch {
    return null;
  }
}

/**
 * What a start loads: the document, with the journal entries newer than it replayed on top. Returns the
 * journal files found (all of them, to delete once a document holding them is written) and how many
 * entries were applied.
 */
export async function replayJournals(
  dataFile: string,
  doc: StudyDocument,
  fs: FsSeam = realFs,
): Promise<{ files: string[]; applied: number; skipped: SkippedLine[]; newest: number }> {
  const journals = await Journal.files(dataFile);
  const included = doc.journalGeneration ?? 0;
  const newer = journals.filter((j) => j.generation > included);
  const skipped: SkippedLine[] = [];
  const unread = new Set<string>();
  const applied = await replayInSlices(doc, await readJournals(newer.map((j) => j.file), fs, skipped, unread), skipped);
  // The newest generation actually read (a file gone between the listing and the read does not count).
  const newest = Math.max(0, ...newer.filter((j) => !unread.has(j.file)).map((j) => j.generation));
  return { files: journals.map((j) => j.file), applied, skipped, newest };
}

/**
 * Applies journal entries to a document; entries it already holds change nothing. Each is checked
 * first (journal-entry.ts): one that would make the document unreadable, or from a newer version, is
 * not applied and is added to `skipped`.
 */
export function replay(doc: StudyDocument, entries: readonly JournalEntry[], skipped: SkippedLine[] = []): number {
  let applied = 0;
  for (const [index, entry] of entries.entries()) if (applyEntry(doc, entry, index, skipped)) applied++;
  return applied;
}

/**
 * The same, a slice at a time: a journal read from disk (ours at start, another computer's when it is
 * merged) may hold many thousands of lines, and checking and applying them in one go held main for
 * seconds (2.6 s for 20,000). Lets other work run every ~10 ms.
 */
export async function replayInSlices(doc: StudyDocument, entries: readonly JournalEntry[], skipped: SkippedLine[] = []): Promise<number> {
  let applied = 0;
  const pause = slicer();
  for (const [index, entry] of entries.entries()) {
    if (applyEntry(doc, entry, index, skipped)) applied++;
    await pause();
  }
  return applied;
}

/** A pause to await in a long loop: lets other work run once the current slice has taken ~10 ms. */
function slicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart <= 10) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}

/** Applies one entry; false when it was not applied (and why is in `skipped`). */
function applyEntry(doc: StudyDocument, entry: JournalEntry, index: number, skipped: SkippedLine[]): boolean {
  const problem = entryProblem(entry);
  if (problem) {
    skipped.push({ ...(locations.get(entry) ?? { file: '(in memory)', line: index + 1 }), reason: problem });
    return false;
  }
  if (entry.command) {
    // The same function on the same state gives the same result. One that fails (its list was removed
    // by another program meanwhile) is skipped: it could not have been made on that state either.
    try {
      runCommand(doc, entry.command.name, structuredClone(entry.command.args));
    } catch {
      /* skipped */
    }
    return true;
  }
  for (const [ref, value] of Object.entries(entry.progress)) {
    if (value) doc.progress[ref] = value;
    else delete doc.progress[ref];
  }
  for (const [ref, value] of Object.entries(entry.notes)) {
    if (value) doc.notes[ref] = value;
    else delete doc.notes[ref];
  }
  for (const activity of entry.activity) {
    if (!hasActivity(doc, activity)) doc.activity.push(activity);
  }
  for (const [ref, resource] of Object.entries(entry.resources ?? {})) {
    const found = resolveRef(doc, ref);
    if (found) found.list.resources[found.list.resources.indexOf(found.resource)] = resource;
  }
  for (const listId of entry.customized ?? []) {
    const list = doc.lists.find((l) => l.id === listId);
    if (list) list.customized = true;
  }
  return true;
}

function hasActivity(doc: StudyDocument, entry: Activity): boolean {
  for (let i = doc.activity.length - 1; i >= 0; i--) {
    const other = doc.activity[i]!;
    if (other.at < entry.at) return false;
    if (other.at === entry.at && other.ref === entry.ref && other.action === entry.action) return true;
  }
  return false;
}
