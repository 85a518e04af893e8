import { describe, expect, it } from 'vitest';
import { bundledLists } from '../../../data/bundled-lists';
import type { ProgressEntry, StudyDocument } from '../../../data/model/schema';
import { effectiveStatus, listProgress, whatNext } from '../../../renderer/progress';
import { applyFilters, buildIndex, highlight, NO_FILTERS, snippet } from '../../../renderer/search';
import { currentStreak, dailyCounts, heatmapWeeks, localDay } from '../../../renderer/stats';

const list = bundledLists()[0]!;
const L = list.id;
const entry = (status: ProgressEntry['status'], updatedAt = '2026-11-20T10:00:00.000Z'): ProgressEntry => ({ status, startedAt: null, doneAt: null, updatedAt });
const codewalk = list.resources.find((r) => r.id === 'cpython-internals-ten-hour-codewalk')!;
const lecture = (n: number) => `${L}/${codewalk.id}/cpython-internals-lecture-${n}`;

describe('status of a resource with parts', () => {
  it('follows its parts unless set by hand', () => {
    expect(effectiveStatus({}, L, codewalk)).toBe('todo');
    expect(effectiveStatus({ [lecture(1)]: entry('done') }, L, codewalk)).toBe('in-progress');
    const all = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [lecture(i + 1), entry(i === 8 ? 'skipped' : 'done')]));
    expect(effectiveStatus(all, L, codewalk)).toBe('done');
    expect(effectiveStatus({ ...all, [`${L}/${codewalk.id}`]: entry('todo') }, L, codewalk)).toBe('todo');
  });

  it('skipped resources do not count against the list’s progress', () => {
    const progress = { [`${L}/peps`]: entry('done'), [`${L}/stupid-python-ideas`]: entry('skipped') };
    expect(listProgress(progress, list)).toEqual({ done: 1, total: 9, share: 1 });
  });

  it('a resource part-way through counts for the share of its parts done (3 of 9 lectures: a third)', () => {
    const progress = { [`${L}/peps`]: entry('done'), [lecture(1)]: entry('done'), [lecture(2)]: entry('done'), [lecture(3)]: entry('done') };
    const { done, total, share } = listProgress(progress, list);
    expect({ done, total }).toEqual({ done: 1, total: 10 });
    expect(share).toBeCloseTo(1 + 3 / 9);
  });
});

describe('what next', () => {
  it('continues what is in progress and was touched last, and starts the first to do', () => {
    const progress = {
      [`${L}/python-documentation`]: entry('done'),
      [`${L}/peps`]: entry('in-progress', '2026-11-01T10:00:00.000Z'),
      [lecture(2)]: entry('done', '2026-11-21T10:00:00.000Z'),
    };
    const { resume, next } = whatNext(progress, {}, list);
    expect(resume?.id).toBe('cpython-internals-ten-hour-codewalk');
    expect(next?.id).toBe('inside-the-python-virtual-machine');
  });
});

describe('search', () => {
  it('finds words in titles, authors, descriptions and notes, by prefix, every word required', () => {
    const notes = { [`${L}/peps`]: { body: 'The PyConfig struct replaced Py_SetPath', whereStopped: '', updatedAt: '2026-11-20T10:00:00.000Z' } };
    const index = buildIndex(list, notes);
    const find = (query: string) => applyFilters(list, {}, notes, { ...NO_FILTERS, query }, index).map((m) => m.resource.id);
    expect(find('kaptur')).toEqual(['a-python-interpreter-written-in-python']);
    expect(find('pyconf')).toEqual(['peps']);
    expect(find('symbol tables')).toEqual(['eli-bendersky-python-internals']);
    expect(find('gil snow')).toEqual(['to-gil-or-not-to-gil']);
    expect(find('zzzz')).toEqual([]);
    const [peps] = applyFilters(list, {}, notes, { ...NO_FILTERS, query: 'pyconfig' }, index);
    expect(snippet(notes[`${list.id}/${peps!.resource.id}`]!.body, peps!.terms)).toContain('PyConfig struct');
  });

  it('filters by status, kind and notes, and sorts by title', () => {
    const progress = { [`${L}/peps`]: entry('done') };
    const ids = (f: Partial<typeof NO_FILTERS>) => applyFilters(list, progress, {}, { ...NO_FILTERS, ...f }, null).map((m) => m.resource.id);
    expect(ids({ status: 'done' })).toEqual(['peps']);
    expect(ids({ kind: 'talk' })).toEqual(['to-gil-or-not-to-gil']);
    expect(ids({ hasNotes: true })).toEqual([]);
    expect(ids({ sort: 'title' })[0]).toBe('a-python-interpreter-written-in-python');
  });

  it('marks matched words, whatever their case', () => {
    expect(highlight('To GIL or not to GIL', ['gil'])).toEqual([
      { text: 'To ', match: false },
      { text: 'GIL', match: true },
      { text: ' or not to ', match: false },
      { text: 'GIL', match: true },
    ]);
    expect(highlight('a (b)', ['(b)'])).toEqual([{ text: 'a ', match: false }, { text: '(b)', match: true }]);
  });
});

describe('the activity picture', () => {
  const at = (day: string) => ({ at: new Date(`${day}T12:00:00`).toISOString(), ref: 'x', action: 'done' as const });
  const activity: StudyDocument['activity'] = [at('2026-11-20'), at('2026-11-24'), at('2026-11-25'), at('2026-11-25'), at('2026-11-26')];

  it('counts activity per local day', () => {
    expect(dailyCounts(activity).get('2026-11-25')).toBe(2);
  });

  it('counts the current streak of study days, kept alive until the day after', () => {
    const counts = dailyCounts(activity);
    expect(currentStreak(counts, new Date('2026-11-26T20:00:00'))).toBe(3);
    expect(currentStreak(counts, new Date('2026-11-27T09:00:00'))).toBe(3);
    expect(currentStreak(counts, new Date('2026-11-28T09:00:00'))).toBe(0);
  });

  it('lays out 53 weeks ending with today', () => {
    const weeks = heatmapWeeks(new Date('2026-11-26T10:00:00'));
    expect(weeks).toHaveLength(53);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.at(-1)!.filter(Boolean).at(-1)).toBe('2026-11-26');
    expect(weeks[0]![0]).toBe(localDay(new Date('2025-11-23T10:00:00'))); // a Sunday, 52 weeks before this week's
  });
});
