/**
 * A clock that jumps, for the crash writer: forward by days or years, back before the last write or the
 * last backup. Kept between the years 2000 and 9000 (a timestamp must stay a four-digit ISO year).
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const EARLIEST = Date.UTC(2000, 0, 1);
export const LATEST = Date.UTC(9000, 0, 1);

const clamp = (ms: number) => Math.min(LATEST, Math.max(EARLIEST, Math.round(ms)));
const between = (low: number, high: number) => low + Math.random() * (high - low);

export class JumpingClock {
  #offset: number;

  constructor(startMs: number) {
    this.#offset = startMs - Date.now();
  }

  now = (): Date => new Date(clamp(Date.now() + this.#offset));

  set(ms: number): void {
    this.#offset = clamp(ms) - Date.now();
  }

  /** A random jump from now: forward (days, years, centuries) or back (before `backBefore`). */
  jump(backBefore: number): Date {
    const now = this.now().getTime();
    const choices = [
      () => now + between(1, 400) * DAY,
      () => now + between(1, 60) * 365 * DAY,
      () => between(Date.UTC(2100, 0, 1), LATEST),
      () => backBefore - between(1, 90) * MINUTE,
      () => backBefore - between(1, 3 * 365) * DAY,
    ];
    this.set(choices[Math.floor(Math.random() * choices.length)]!());
    return this.now();
  }
}

/**
 * Where a clock trial's writer starts its clock: the real time, far ahead, before the newest backup,
 * before the last write, or a few minutes after the newest backup (a snapshot is then not due yet).
 */
export function startClock(newestBackupMs: number | null, lastWriteMs: number | null): number {
  const now = Date.now();
  const choices = [
    () => now,
    () => now + between(1, 400) * DAY,
    () => between(Date.UTC(2100, 0, 1), LATEST),
    () => (newestBackupMs ?? now) - between(1, 400 * 24 * 60) * MINUTE,
    () => (lastWriteMs ?? now) - between(1, 30 * 24 * 60) * MINUTE,
    () => (newestBackupMs ?? now) + between(2, 8) * MINUTE,
  ];
  return clamp(choices[Math.floor(Math.random() * choices.length)]!());
}
