import type { StudyDocument } from '../data/model/schema';
import { effectiveStatus } from './progress';
import { kindLabel } from './format';

/** A day in the user's own time zone, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function dailyCounts(activity: StudyDocument['activity']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of activity) {
    const day = localDay(new Date(entry.at));
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

/** Consecutive study days up to today; a streak survives until the end of the day after its last day. */
export function currentStreak(counts: ReadonlyMap<string, number>, today: Date): number {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  if (!counts.get(localDay(day))) day.setDate(day.getDate() - 1);
  let streak = 0;
  while (counts.get(localDay(day))) {
    streak++;
    day.setDate(day.getDate() - 1);
  }
  return streak;
}

/** 53 columns of 7 days (Sunday first), the last column holding today: the last 52 weeks and this one. */
export function heatmapWeeks(today: Date): Array<Array<string | null>> {
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const start = new Date(end);
  start.setDate(start.getDate() - end.getDay() - 52 * 7);
  const weeks: Array<Array<string | null>> = [];
  const day = new Date(start);
  while (day <= end) {
    const week: Array<string | null> = [];
    for (let i = 0; i < 7; i++) {
      week.push(day <= end ? localDay(day) : null);
      day.setDate(day.getDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}

export function progressByKind(doc: StudyDocument): Array<{ kind: string; done: number; total: number }> {
  const byKind = new Map<string, { done: number; total: number }>();
  for (const list of doc.lists) {
    for (const resource of list.resources) {
      const status = effectiveStatus(doc.progress, list.id, resource);
      if (status === 'skipped') continue;
      const label = kindLabel(resource.kind);
      const entry = byKind.get(label) ?? { done: 0, total: 0 };
      entry.total++;
      if (status === 'done') entry.done++;
      byKind.set(label, entry);
    }
  }
  return [...byKind].map(([kind, v]) => ({ kind, ...v })).sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind));
}
