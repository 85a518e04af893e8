import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backupDirOf, parseBackupName } from '../../data/storage/backups';
import { isErrno } from '../../data/storage/fs-seam';
import { replayJournals } from '../../data/storage/journal-replay';
import { readDocument } from '../../data/storage/read-document';
import type { StudyDocument } from '../../data/model/schema';
import { recoveryFileOf } from '../../data/storage/startup';
import { DATA_FILE_NAME } from '../../data/storage/store';
import { NOTE_REF, PART_REFS } from './crash-refs';

/**
 * What the writer's changes must look like on disk. Changes are judged by the order the store
 * acknowledged them in, never by their timestamps (the clock may have gone back): the note must hold
 * lines 1..L with L at least the last acknowledged note, and each lecture the value of its last
 * acknowledged tick, or of a tick asked for after it (which may have landed too: not acknowledged does
 * not mean not written).
 */
export class AckModel {
  /** The highest note change acknowledged, and the highest asked for. */
  maxAck = 0;
  maxIssued = 0;
  /** Per lecture: the value on disk as of the last check or acknowledgement, and ticks asked for since. */
  readonly #settled: string[] = PART_REFS.map(() => 'none');
  readonly #settledBy: number[] = PART_REFS.map(() => 0);
  readonly #pending: Array<Array<{ n: number; value: string }>> = PART_REFS.map(() => []);

  static valueOf(n: number): string {
    return n % 2 === 0 ? 'done' : 'todo';
  }

  issue(n: number): void {
    this.maxIssued = Math.max(this.maxIssued, n);
    this.#pending[n % PART_REFS.length]!.push({ n, value: AckModel.valueOf(n) });
  }

  ackNote(n: number): void {
    this.maxAck = Math.max(this.maxAck, n);
  }

  ackTick(n: number): void {
    const part = n % PART_REFS.length;
    if (n <= this.#settledBy[part]!) return;
    this.#settled[part] = AckModel.valueOf(n);
    this.#settledBy[part] = n;
    this.#pending[part] = this.#pending[part]!.filter((tick) => tick.n > n);
  }

  /** What a lecture may hold on disk now. */
  allowed(part: number): Set<string> {
    return new Set([this.#settled[part]!, ...this.#pending[part]!.map((tick) => tick.value)]);
  }

  /** After a kill: the writer is gone, so what is on disk is what the next one starts from. */
  restartFrom(statuses: string[], lastNote: number): void {
    statuses.forEach((status, part) => {
      this.#settled[part] = status;
      this.#pending[part] = [];
    });
    this.maxIssued = Math.max(this.maxIssued, lastNote);
  }
}

export interface Problem {
  kind: 'unparsable' | 'lost';
  count: number;
  detail: string;
}

/**
 * What the next start loads, as startup.ts does it: a readable recovery file first (it holds everything
 * the last run had in memory, so no journal is replayed onto it), else the data file with the journals
 * newer than it replayed. Null when there is no data file yet.
 */
export async function whatNextStartLoads(dir: string): Promise<{ doc: StudyDocument; from: string } | null> {
  const file = join(dir, DATA_FILE_NAME);
  const recovery = await readFile(recoveryFileOf(file)).catch(() => null);
  if (recovery) return { doc: readDocument(recoveryFileOf(file), recovery).doc, from: 'the recovery file' };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  const { doc } = readDocument(file, bytes);
  await replayJournals(file, doc);
  return { doc, from: 'the data file and its journal' };
}

/** Checks the data folder after a kill and moves the model on to what is on disk. */
export async function check(dir: string, model: AckModel): Promise<{ problems: Problem[]; doc: StudyDocument | null }> {
  let loaded: Awaited<ReturnType<typeof whatNextStartLoads>>;
  try {
    loaded = await whatNextStartLoads(dir);
  } catch (error) {
    return { problems: [{ kind: 'unparsable', count: 1, detail: error instanceof Error ? error.message : String(error) }], doc: null };
  }
  if (!loaded) {
    const problems: Problem[] = model.maxAck > 0 ? [{ kind: 'lost', count: model.maxAck, detail: 'the data file is gone' }] : [];
    return { problems, doc: null };
  }
  const { doc, from } = loaded;
  const problems: Problem[] = [];
  const body = doc.notes[NOTE_REF]?.body ?? '';
  const lines = body === '' ? [] : body.split('\n').map(Number);
  const last = lines.length;
  if (!lines.every((value, index) => value === index + 1)) {
    problems.push({ kind: 'lost', count: 1, detail: `the note in ${from} is not the contiguous sequence 1..N` });
  } else if (last < model.maxAck) {
    problems.push({ kind: 'lost', count: model.maxAck - last, detail: `note: acknowledged up to ${model.maxAck}, ${from} holds up to ${last}` });
  } else if (last > model.maxIssued) {
    problems.push({ kind: 'lost', count: 1, detail: `note: ${from} holds ${last}, never asked for (last asked ${model.maxIssued})` });
  }
  const statuses = PART_REFS.map((ref) => doc.progress[ref]?.status ?? 'none');
  statuses.forEach((status, part) => {
    const allowed = model.allowed(part);
    if (!allowed.has(status)) {
      problems.push({ kind: 'lost', count: 1, detail: `lecture ${part + 1}: ${from} says ${status}, acknowledged ${[...allowed].join(' or ')}` });
    }
  });
  model.restartFrom(statuses, last);
  return { problems, doc };
}

/** The backup written last (its sequence number) and the newest automatic one's time, by their names. */
export async function backupState(dir: string): Promise<{ seq: number; newestAutoMs: number | null }> {
  const names = await readdir(backupDirOf(join(dir, DATA_FILE_NAME))).catch(() => [] as string[]);
  let seq = 0;
  let auto = { seq: -1, at: null as number | null };
  for (const parsed of names.map(parseBackupName)) {
    if (!parsed) continue;
    seq = Math.max(seq, parsed.seq);
    if (parsed.reason === 'auto' && parsed.seq > auto.seq) auto = { seq: parsed.seq, at: parsed.createdAt.getTime() };
  }
  return { seq, newestAutoMs: auto.at };
}

/**
 * Focus timers whose start the store acknowledged: after any kill, each must be on disk, still running
 * or as a finished session (stopping turns the timer into its session in one write, never neither).
 */
export class TimerModel {
  readonly started = new Set<string>();
  readonly stopped = new Set<string>();

  ack(what: string, id: string): void {
    if (what === 'start') this.started.add(id);
    else if (what === 'stop') this.stopped.add(id);
  }

  problems(doc: StudyDocument | null): Problem[] {
    const sessions = new Set((doc?.study?.sessions ?? []).map((s) => s.id));
    const running = doc?.study?.timer?.sessionId;
    const lost = [...this.started].filter((id) => id !== running && !sessions.has(id));
    const lostStops = [...this.stopped].filter((id) => !sessions.has(id));
    const out: Problem[] = [];
    if (lost.length > 0) out.push({ kind: 'lost', count: lost.length, detail: `started study session(s) ${lost.join(', ')} neither running nor saved` });
    if (lostStops.length > 0) out.push({ kind: 'lost', count: lostStops.length, detail: `stopped study session(s) ${lostStops.join(', ')} not saved` });
    return out;
  }
}
