import { readdir } from 'node:fs/promises';
import { backupDirOf, parseBackupName } from '../../data/storage/backups';
import { isErrno } from '../../data/storage/fs-seam';
import { openStore } from '../../data/storage/store';
import { JumpingClock } from './crash-clock';
import { injectedDisk, realDisk } from './crash-disk';
import { NOTE_REF, PART_REFS, TIMER_REF } from './crash-refs';
import { startTimer, stopTimer } from '../../data/model/study-ops';

/**
 * The writer in the crash test: applies numbered changes through the real store, in bursts, and reports
 * each on stdout (a pipe, written synchronously, so the parent has every line printed before the kill):
 * `issue N` before change N is asked for, `note N` / `tick N` once the store acknowledged that half of
 * it (its promise resolved: durable in the journal or the data file), `refused N note|tick CODE` when
 * the store refused it. Change N appends line N to one note and sets lecture N % 9 to done (N even) or
 * to do (N odd), so after the kill the parent can tell exactly which changes are on disk.
 *
 * Usage: crash-child <dir> normal | full-disk injected|real | clock <start ms>. A full-disk writer
 * fills and frees the disk between bursts (`disk full` / `disk ok`); a clock writer jumps its clock
 * (`clock ISO`). The parent kills it with SIGKILL at a random moment.
 *
 * Now and then it also starts or stops a focus timer (`timer start|stop ID` once acknowledged): a
 * timer whose start was acknowledged must be on disk after the kill, running or as a finished session.
 */

const [dir, kind = 'normal', arg = ''] = process.argv.slice(2);
if (!dir) throw new Error('usage: crash-child <data dir> [normal | full-disk injected|real | clock <start ms>]');
const say = (line: string) => void process.stdout.write(`${line}\n`);
const clock = kind === 'clock' ? new JumpingClock(Number(arg)) : undefined;
const disk = kind === 'full-disk' ? (arg === 'real' ? realDisk(dir) : await injectedDisk(dir)) : undefined;

// Half the runs rewrite the whole document after every change (compaction racing the journal), half
// only when the journal grows, as when someone ticks without pausing.
const store = await openStore({ dir, retryDelaysMs: [50], compactAfterMs: Math.random() < 0.5 ? 0 : 1500, fs: disk?.fs, now: clock?.now });
let body = store.document()?.notes[NOTE_REF]?.body ?? '';
let n = body === '' ? 0 : Number(body.split('\n').at(-1));
say(`ready ${n} ${(await newestBackup()).seq}`);

let full = false;
let timers = 0;
for (;;) {
  if (disk && Math.random() < 0.5) {
    full = !full;
    await disk.setFull(full);
    say(full ? 'disk full' : 'disk ok');
  }
  if (clock && Math.random() < 0.3) {
    // Back before the last write (made just now) or before the newest backup, or forward.
    const backBefore = Math.random() < 0.5 ? clock.now().getTime() : (await newestBackup()).at;
    say(`clock ${clock.jump(backBefore).toISOString()}`);
  }
  const burst = 1 + Math.floor(Math.random() * 4);
  const changes: Promise<void>[] = [];
  for (let i = 0; i < burst; i++) {
    const number = ++n;
    body = body === '' ? String(number) : `${body}\n${number}`;
    say(`issue ${number}`);
    changes.push(report(number, 'note', store.saveNote(NOTE_REF, body)));
    changes.push(report(number, 'tick', store.setDone(PART_REFS[number % PART_REFS.length]!, number % 2 === 0)));
  }
  if (Math.random() < 0.3) changes.push(timerChange());
  await Promise.all(changes);
}

/** Starts a timer when none runs, else stops the running one: whole writes racing the journal's ticks. */
function timerChange(): Promise<void> {
  const running = store.document()?.study?.timer;
  const at = () => (clock?.now() ?? new Date()).toISOString();
  if (running) {
    return store.change((doc) => stopTimer(doc, at())).then(
      () => say(`timer stop ${running.sessionId}`),
      (error: unknown) => say(`timer refused ${running.sessionId} ${String((error as { code?: unknown }).code ?? 'none')}`),
    );
  }
  const id = `s-${process.pid}-${++timers}`;
  return store.change((doc) => startTimer(doc, TIMER_REF, 'stopwatch', at(), id)).then(
    () => say(`timer start ${id}`),
    (error: unknown) => say(`timer refused ${id} ${String((error as { code?: unknown }).code ?? 'none')}`),
  );
}

function report(number: number, what: 'note' | 'tick', change: Promise<unknown>): Promise<void> {
  return change.then(
    () => say(`${what} ${number}`),
    (error: unknown) => {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'none';
      // Only a failed write may refuse a change here; anything else is a defect the parent reports.
      say(code === 'io' ? `refused ${number} ${what} io` : `error ${number} ${what} ${code}: ${String(error).replace(/\n/g, ' ')}`);
    },
  );
}

async function newestBackup(): Promise<{ seq: number; at: number }> {
  const names = await readdir(backupDirOf(store.file)).catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  });
  let newest = { seq: 0, at: 0 };
  for (const parsed of names.map(parseBackupName)) {
    if (parsed && parsed.seq > newest.seq) newest = { seq: parsed.seq, at: parsed.createdAt.getTime() };
  }
  return newest;
}
