import { mkdir, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StudyError } from '../model/errors';
import { realFs, type FsSeam } from './fs-seam';
import { readDocument, summarize } from './read-document';
import type { StudyDocument } from '../model/schema';
import type { BackupInfo } from '../model/reports';

export type { BackupInfo } from '../model/reports';

/**
 * Rotating snapshots of the data file in `backups/` beside it.
 *
 * Retention: the 10 newest snapshots (taken at most every 10 minutes while the user works, and at each
 * start), plus the newest of each of the last 14 days, plus every safety snapshot (taken before a
 * restore or a migration) for 30 days. Ten recent ones let a user step back within today's sessions;
 * the dailies cover noticing a loss a week later; a snapshot is a full copy (tens of KB for the
 * bundled lists, about 1 MB at 10,000 resources), so the worst case stays a few dozen MB.
 */
export const BACKUP_DIR = 'backups';
export const SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
const KEEP_NEWEST = 10;
const KEEP_DAILY_DAYS = 14;
const KEEP_SAFETY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'auto' | 'before-restore' | 'before-overwrite' | `before-migration-v${number}`;

const NAME = /^studyshelf-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(?:s(\d{1,15})-)?([a-z0-9-]+)\.json$/;

/**
 * `seq` counts the backups written in this folder, in the order they were written: the clock can be
 * wrong (a backup from a run with the clock in 2031 looks newer than every later one), the count cannot.
 * Names written before it had none: they sort before every numbered one.
 */
export function backupName(at: Date, reason: BackupReason, seq?: number): string {
  return `studyshelf-${at.toISOString().replace(/:/g, '-').replace('.', '-')}-${seq ? `s${seq}-` : ''}${reason}.json`;
}

export interface ParsedBackupName {
  createdAt: Date;
  reason: string;
  seq: number;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdAt = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, reason: m[7]!, seq: m[6] ? Number(m[6]) : 0 };
}

/** Newest first by the order they were written; the date only among unnumbered (older) ones. */
function newestFirst(a: ParsedBackupName, b: ParsedBackupName): number {
  return b.seq - a.seq || b.createdAt.getTime() - a.createdAt.getTime();
}

/** Which backups the retention policy lets go. Pure, so the policy is tested on its own. */
export function backupsToDelete(names: string[], now: Date): string[] {
  const backups = names
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((b): b is { name: string; parsed: ParsedBackupName } => b.parsed !== null)
    .sort((a, b) => newestFirst(a.parsed, b.parsed));
  const keep = new Set(backups.slice(0, KEEP_NEWEST).map((b) => b.name));
  const days = new Set<string>();
  for (const b of backups) {
    const age = now.getTime() - b.parsed.createdAt.getTime();
    const day = b.parsed.createdAt.toISOString().slice(0, 10);
    if (age < KEEP_DAILY_DAYS * DAY_MS && !days.has(day)) {
      days.add(day);
      keep.add(b.name);
    }
    if (b.parsed.reason !== 'auto' && age < KEEP_SAFETY_DAYS * DAY_MS) keep.add(b.name);
  }
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

export function backupDirOf(dataFile: string): string {
  return join(dirname(dataFile), BACKUP_DIR);
}

/** Writes a snapshot durably (same temp + fsync + rename as the data file) and applies retention. */
export async function writeBackup(
  dataFile: string,
  bytes: Buffer | string,
  reason: BackupReason,
  now: Date,
  fs: FsSeam = realFs,
): Promise<string> {
  const dir = backupDirOf(dataFile);
  await mkdir(dir, { recursive: true });
  const seq = Math.max(0, ...(await backupNames(dataFile)).map((n) => parseBackupName(n)!.seq)) + 1;
  const name = backupName(now, reason, seq);
  const temp = join(dir, `.${name}.${process.pid}.tmp`);
  await fs.writeFileSynced(temp, typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  await fs.rename(temp, join(dir, name));
  await fs.syncDir(dir);
  await pruneBackups(dataFile, now, fs);
  return name;
}

/** Snapshot temp files a killed run left behind (same single-writer argument as the data file's). */
export async function removeStaleBackupTemps(dataFile: string, fs: FsSeam = realFs): Promise<void> {
  const dir = backupDirOf(dataFile);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => fs.unlink(join(dir, n)).catch(() => undefined)));
}

async function backupNames(dataFile: string): Promise<string[]> {
  try {
    return (await readdir(backupDirOf(dataFile))).filter((n) => parseBackupName(n) !== null);
  } catch {
    return [];
  }
}

/**
 * When the backup (of one reason) written last was taken, by its name; 0 when there is none. It may lie
 * in the future (a clock that was wrong): the caller must not take that for "recent".
 */
export async function newestBackupTime(dataFile: string, reason: string): Promise<number> {
  const newest = (await backupNames(dataFile))
    .map((name) => parseBackupName(name)!)
    .filter((b) => b.reason === reason)
    .sort(newestFirst)[0];
  return newest?.createdAt.getTime() ?? 0;
}

export async function pruneBackups(dataFile: string, now: Date, fs: FsSeam = realFs): Promise<void> {
  for (const name of backupsToDelete(await backupNames(dataFile), now)) {
    await fs.unlink(join(backupDirOf(dataFile), name)).catch(() => undefined);
  }
}

/** Newest first, each with what it holds (time, size, resources done, notes). */
export async function listBackups(dataFile: string, fs: FsSeam = realFs): Promise<BackupInfo[]> {
  const infos: BackupInfo[] = [];
  for (const name of await backupNames(dataFile)) {
    const parsed = parseBackupName(name)!;
    const bytes = await fs.readFile(join(backupDirOf(dataFile), name)).catch(() => null);
    let stats: { resourcesDone: number | null; notesCount: number | null } = { resourcesDone: null, notesCount: null };
    try {
      if (bytes) stats = summarize(readDocument(name, bytes).doc);
    } catch {
      // Listed as unreadable: the user sees it exists, and cannot restore it.
    }
    infos.push({ name, createdAt: parsed.createdAt.toISOString(), reason: parsed.reason, size: bytes?.length ?? 0, ...stats });
  }
  return infos.sort((a, b) => newestFirst(parseBackupName(a.name)!, parseBackupName(b.name)!));
}

/** Reads one backup as a current document, or throws why it cannot be used. */
export async function readBackup(dataFile: string, name: string, fs: FsSeam = realFs): Promise<StudyDocument> {
  if (basename(name) !== name || !parseBackupName(name)) throw new Error(`“${name}” is not a Studyshelf backup.`);
  const file = join(backupDirOf(dataFile), name);
  return readDocument(file, await fs.readFile(file)).doc;
}

/** A backup the user chose to restore, or why it cannot be (an 'invalid-argument' error, in words). */
export async function backupToRestore(dataFile: string, name: string, fs: FsSeam = realFs): Promise<StudyDocument> {
  try {
    return await readBackup(dataFile, name, fs);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new StudyError('invalid-argument', `That backup cannot be restored: ${why}`);
  }
}

/** The backup written last that reads as a valid document, skipping damaged ones. */
export async function newestGoodBackup(dataFile: string, fs: FsSeam = realFs): Promise<{ name: string; doc: StudyDocument } | null> {
  const names = (await backupNames(dataFile)).sort((a, b) => newestFirst(parseBackupName(a)!, parseBackupName(b)!));
  for (const name of names) {
    try {
      return { name, doc: await readBackup(dataFile, name, fs) };
    } catch {
      // Try the next older one.
    }
  }
  return null;
}
