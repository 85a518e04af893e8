import { spawn } from 'node:child_process';
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SNAPSHOT_INTERVAL_MS } from '../../data/storage/backups';
import { DATA_FILE_NAME, openStore } from '../../data/storage/store';
import { startClock } from './crash-clock';
import { AckModel, backupState, check, TimerModel } from './crash-check';
import { emptyBallast } from './crash-disk';
import { NOTE_REF } from './crash-refs';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** normal: the writer as it always was; full-disk: the disk fills and comes back; clock: the clock jumps. */
export const TRIAL_KINDS = ['normal', 'full-disk', 'clock'] as const;
export type TrialKind = (typeof TRIAL_KINDS)[number];

export interface KindStats {
  trials: number;
  killsWhileWriting: number;
  killsDuringStart: number;
  /** Changes (a note edit or a tick) the store acknowledged in these trials. */
  acknowledged: number;
  /** Focus timers started (acknowledged) in these trials, and how many of them a kill found still running. */
  timersStarted: number;
  timersRunningAtKill: number;
  /** Changes the store refused with an io error (a full disk): not acknowledged, may or may not be on disk. */
  refused: number;
  /** Changes acknowledged after one was refused in the same trial: the disk came back and saving went on. */
  acknowledgedAfterRefusal: number;
  /** Full-disk windows opened, and clock jumps made (at start and while writing). */
  diskFullWindows: number;
  clockJumps: number;
  /** Backups written during start-up, and while writing. */
  backupsAtStart: number;
  backupsWhileWriting: number;
  lostAcknowledgedWrites: number;
  unparsableFiles: number;
  failures: number;
}

export interface CrashStats {
  trials: number;
  /** Kills that landed while the child was writing (after it said ready). */
  killsWhileWriting: number;
  /** Kills during start-up (reading, migrating, sweeping, snapshotting). */
  killsDuringStart: number;
  /** The highest change number acknowledged (each change is a note edit and a tick). */
  acknowledged: number;
  lostAcknowledgedWrites: number;
  unparsableFiles: number;
  leftoverTempFiles: number;
  /** Backups written across the run (by their sequence numbers). */
  backupsCreated: number;
  byKind: Record<TrialKind, KindStats>;
  failures: string[];
}

export interface CrashOptions {
  /** The kinds to mix, in equal shares in random order; all three by default. */
  kinds?: readonly TrialKind[];
  /** `dir` is on a small file system of its own (a tmpfs): fill it for real instead of injecting ENOSPC. */
  realFullDisk?: boolean;
}

const emptyKind = (): KindStats => ({
  trials: 0, killsWhileWriting: 0, killsDuringStart: 0, acknowledged: 0, timersStarted: 0, timersRunningAtKill: 0, refused: 0, acknowledgedAfterRefusal: 0,
  diskFullWindows: 0, clockJumps: 0, backupsAtStart: 0, backupsWhileWriting: 0, lostAcknowledgedWrites: 0, unparsableFiles: 0, failures: 0,
});

/**
 * Kills a writer with SIGKILL at random moments, `trials` times over one data folder, and after each
 * kill checks that what the next start loads parses, passes the schema and holds every change acknowledged
 * before the kill; and that each start took a backup exactly when one was due by the writer's clock.
 */
export async function runCrashTrials(
  dir: string,
  trials: number,
  onTrial?: (i: number, stats: CrashStats) => void,
  options: CrashOptions = {},
): Promise<CrashStats> {
  const kinds = options.kinds ?? TRIAL_KINDS;
  const stats: CrashStats = {
    trials: 0, killsWhileWriting: 0, killsDuringStart: 0, acknowledged: 0, lostAcknowledgedWrites: 0, unparsableFiles: 0,
    leftoverTempFiles: 0, backupsCreated: 0, byKind: { normal: emptyKind(), 'full-disk': emptyKind(), clock: emptyKind() }, failures: [],
  };
  const model = new AckModel();
  const timers = new TimerModel();
  const deck: TrialKind[] = [];
  let lastWriteMs: number | null = null;
  const firstSeq = (await backupState(dir)).seq;
  for (let i = 0; i < trials; i++) {
    if (deck.length === 0) deck.push(...[...kinds].sort(() => Math.random() - 0.5));
    const kind = deck.pop()!;
    const phase = i % 5 === 0 ? 'start' : 'writing';
    const before = await backupState(dir);
    const existed = await access(join(dir, DATA_FILE_NAME)).then(() => true, () => false);
    if (options.realFullDisk) await emptyBallast(dir);
    const startMs = kind === 'clock' ? startClock(before.newestAutoMs, lastWriteMs) : Date.now();
    const arg = kind === 'clock' ? String(startMs) : kind === 'full-disk' ? (options.realFullDisk ? 'real' : 'injected') : '';
    const startedBefore = timers.started.size;
    const trial = await oneTrial(dir, phase, kind, arg, model, timers);
    const { problems, doc } = await check(dir, model);
    if (doc || problems.length === 0) problems.push(...timers.problems(doc));
    const after = await backupState(dir);
    const updatedAt = doc?.notes[NOTE_REF]?.updatedAt;
    lastWriteMs = updatedAt ? Date.parse(updatedAt) : lastWriteMs;

    const k = stats.byKind[kind];
    stats.trials++;
    k.trials++;
    const killedAt = trial.ready ? 'killsWhileWriting' : 'killsDuringStart';
    stats[killedAt]++;
    k[killedAt]++;
    stats.acknowledged = model.maxAck;
    k.acknowledged += trial.acknowledged;
    k.refused += trial.refused;
    k.timersStarted += timers.started.size - startedBefore;
    if (doc?.study?.timer) k.timersRunningAtKill++;
    k.acknowledgedAfterRefusal += trial.acknowledgedAfterRefusal;
    k.diskFullWindows += trial.diskFullWindows;
    k.clockJumps += trial.clockJumps + (kind === 'clock' ? 1 : 0);
    const readySeq = trial.readySeq ?? after.seq;
    k.backupsAtStart += readySeq - before.seq;
    k.backupsWhileWriting += after.seq - readySeq;
    if (trial.ready && existed) {
      const due = snapshotDue(startMs, before.newestAutoMs);
      const expected = before.seq + (due ? 1 : 0);
      if (due !== null && readySeq !== expected) {
        problems.push({ kind: 'lost', count: 0, detail: `backup at start: ${due ? 'due' : 'not due'} (clock ${new Date(startMs).toISOString()}, newest automatic backup ${before.newestAutoMs === null ? 'none' : new Date(before.newestAutoMs).toISOString()}), but ${readySeq - before.seq} written` });
      }
    }
    trial.errors.forEach((error) => problems.push({ kind: 'lost', count: 0, detail: `the store failed a change: ${error}` }));
    for (const problem of problems) {
      const counter = problem.kind === 'unparsable' ? 'unparsableFiles' : 'lostAcknowledgedWrites';
      stats[counter] += problem.kind === 'unparsable' ? 1 : problem.count;
      k[counter] += problem.kind === 'unparsable' ? 1 : problem.count;
      k.failures++;
      stats.failures.push(`trial ${i} (${kind}, killed ${trial.ready ? 'while writing' : 'during start'}): ${problem.detail}; the writer's last lines: ${trial.tail.join(' | ')}`);
    }
    onTrial?.(i, stats);
  }
  // A clean start sweeps whatever the kills left; nothing may pile up.
  if (options.realFullDisk) await emptyBallast(dir);
  await (await openStore({ dir })).close();
  stats.backupsCreated = (await backupState(dir)).seq - firstSeq;
  const names = [...(await readdir(dir)), ...(await readdir(join(dir, 'backups')).catch(() => []))];
  stats.leftoverTempFiles = names.filter((n) => n.endsWith('.tmp')).length;
  return stats;
}

/**
 * Whether a start at `startMs` must write a snapshot (store.ts: none only when the newest automatic one
 * is less than the interval old, and not in the future). Null too close to the edge to say, as the
 * writer's clock runs on for a second or so before it looks.
 */
function snapshotDue(startMs: number, newestAutoMs: number | null): boolean | null {
  if (newestAutoMs === null) return true;
  const age = startMs - newestAutoMs;
  if (Math.abs(age) < 5000 || Math.abs(age - SNAPSHOT_INTERVAL_MS) < 5000) return null;
  return !(age >= 0 && age < SNAPSHOT_INTERVAL_MS);
}

interface Trial {
  ready: boolean;
  /** The sequence number of the newest backup when the writer was ready. */
  readySeq: number | null;
  acknowledged: number;
  refused: number;
  acknowledgedAfterRefusal: number;
  diskFullWindows: number;
  clockJumps: number;
  errors: string[];
  /** The writer's last lines, to tell what happened before a failure. */
  tail: string[];
}

function oneTrial(dir: string, phase: 'start' | 'writing', kind: TrialKind, arg: string, model: AckModel, timers: TimerModel): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, kind, arg], { stdio: ['ignore', 'pipe', 'pipe'] });
    const trial: Trial = { ready: false, readySeq: null, acknowledged: 0, refused: 0, acknowledgedAfterRefusal: 0, diskFullWindows: 0, clockJumps: 0, errors: [], tail: [] };
    let buffered = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    // Half the start-phase kills land before the store is open, the rest while it opens.
    const startTimer = phase === 'start' ? setTimeout(kill, 150 + Math.random() * 350) : undefined;
    const onLine = (line: string) => {
      const [word, a, b] = line.split(' ');
      const number = Number(a);
      trial.tail = [...trial.tail.slice(-11), line];
      if (word === 'ready') {
        trial.ready = true;
        trial.readySeq = Number(b);
        // A full-disk writer gets longer, for the disk to fill and come back before the kill.
        if (phase === 'writing') setTimeout(kill, Math.random() * (kind === 'full-disk' ? 240 : 120));
      } else if (word === 'issue') model.issue(number);
      else if (word === 'note' || word === 'tick') {
        if (word === 'note') model.ackNote(number);
        else model.ackTick(number);
        trial.acknowledged++;
        if (trial.refused > 0) trial.acknowledgedAfterRefusal++;
      } else if (word === 'refused') trial.refused++;
      else if (word === 'error') trial.errors.push(line);
      else if (word === 'timer') timers.ack(a!, b!);
      else if (word === 'disk' && a === 'full') trial.diskFullWindows++;
      else if (word === 'clock') trial.clockJumps++;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    // 'close', not 'exit': every line the writer printed before the kill has been read by then.
    child.on('close', (_code, signal) => {
      clearTimeout(startTimer);
      if (signal !== 'SIGKILL') return reject(new Error(`The writer (${kind}) stopped by itself: ${stderr.slice(0, 2000)}`));
      resolve(trial);
    });
  });
}
