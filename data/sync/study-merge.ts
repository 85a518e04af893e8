import type { ReviewEntry, Study, StudySession, StudyTimer } from '../model/schema';
import { own, same } from './equality';

/**
 * Two computers' study data merged (see merge.ts for the rest of the document). Sessions are additive:
 * the union by id, an edit or a removal on either side winning by its later `updatedAt`. A review follows
 * the latest answer. The settings follow the later change. A running timer whose session either side
 * already finished is over; of two timers started on different computers, the later one runs.
 * Like the rest of the merge, the result does not depend on which side is "first".
 */
export function mergeStudy(base: Study | undefined, first: Study | undefined, second: Study | undefined): Study | undefined {
  if (!first && !second) return undefined;
  const f = first ?? {};
  const s = second ?? {};
  const sessions = mergeSessions(f.sessions ?? [], s.sessions ?? []);
  const out: Study = {};
  if (sessions.length > 0) out.sessions = sessions;
  const reviews = mergeReviews(f.reviews ?? {}, s.reviews ?? {});
  if (Object.keys(reviews).length > 0) out.reviews = reviews;
  const settings = !f.settings ? s.settings : !s.settings ? f.settings : later(f.settings, s.settings, (x) => x.updatedAt);
  if (settings) out.settings = settings;
  const finished = new Set(sessions.map((x) => x.id));
  const timer = mergeTimer(base?.timer ?? null, f.timer ?? null, s.timer ?? null);
  if (timer && !finished.has(timer.sessionId)) out.timer = timer;
  return out;
}

function later<T extends object>(a: T, b: T, time: (x: T) => string): T {
  if (same(a, b)) return a;
  const ta = time(a);
  const tb = time(b);
  if (ta !== tb) return tb > ta ? b : a;
  // Same moment, different content: the removal wins, then the larger record, so both sides agree.
  return JSON.stringify(b) > JSON.stringify(a) ? b : a;
}

function mergeSessions(first: readonly StudySession[], second: readonly StudySession[]): StudySession[] {
  const byId = new Map<string, StudySession>();
  for (const session of [...first, ...second]) {
    const known = byId.get(session.id);
    byId.set(session.id, known ? later(known, session, (x) => x.updatedAt) : session);
  }
  return [...byId.values()].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function mergeReviews(first: Record<string, ReviewEntry>, second: Record<string, ReviewEntry>): Record<string, ReviewEntry> {
  const out: [string, ReviewEntry][] = [];
  for (const key of [...new Set([...Object.keys(first), ...Object.keys(second)])].sort()) {
    const a = own(first, key);
    const b = own(second, key);
    if (a && b) out.push([key, later(a, b, (x) => x.answeredAt)]);
    else out.push([key, (a ?? b)!]);
  }
  return Object.fromEntries(out);
}

function mergeTimer(base: StudyTimer | null, first: StudyTimer | null, second: StudyTimer | null): StudyTimer | null {
  if (same(first, second)) return first;
  if (same(first, base)) return second;
  if (same(second, base)) return first;
  if (!first || !second) return first ?? second;
  return later(first, second, (x) => x.startedAt);
}
