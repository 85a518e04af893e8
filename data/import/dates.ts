import type { Skipped } from './imported';

/** The earliest date an import keeps: before this, a number in a file is not a date anyone saved. */
const EARLIEST = Date.UTC(1990, 0, 1);
const DAY = 86_400_000;

/**
 * A date a file gives as a number since 1970 (a bookmark's ADD_DATE, Pocket's time_added), told apart by
 * size: seconds (10 digits today), milliseconds (13, as some browsers write ADD_DATE) or microseconds
 * (16, Chrome's and Firefox's places). A date-only or ISO text is read too. Anything outside 1990-01-01
 * … tomorrow is not kept: the resource is imported without a date and `skipped` says so. Empty or 0
 * (how some exports write “unknown”) is simply no date.
 */
export function dateFromFile(raw: string | null | undefined, what: string, line: number | null, skipped: Skipped[], now = Date.now()): string | null {
  const text = (raw ?? '').trim();
  if (text === '' || text === '0') return null;
  const time = timeOf(text);
  if (time !== null && time >= EARLIEST && time <= now + DAY) return new Date(time).toISOString();
  skipped.push({ line, text: `${what} ${text.slice(0, 40)}`, reason: 'not a date between 1990 and today: imported without it', note: true });
  return null;
}

function timeOf(text: string): number | null {
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const time = Date.parse(text);
    return Number.isFinite(time) ? time : null;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) return null;
  // 1e11 s, 1e14 ms and 1e17 µs are all the year 5138: each unit is read below its own bound.
  if (value < 1e11) return value * 1000;
  if (value < 1e14) return value;
  if (value < 1e17) return value / 1000;
  return null;
}
