import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lists from '../../../data/model/list-ops';
import { applyStatus } from '../../../data/model/progress-ops';
import { answerReview, dueNow, intervalDays, MAX_INTERVAL_DAYS, reviewQueue, REVIEW_INTERVALS_DAYS } from '../../../data/model/review';
import { REVIEW_ANSWERS, type ReviewAnswer, type ReviewEntry, type StudyDocument } from '../../../data/model/schema';
import { mergeDocuments } from '../../../data/sync/merge';
import { documentProblem } from '../../../data/storage/document-check';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

function docWith(titles: string[]): { doc: StudyDocument; refs: string[] } {
  const doc: StudyDocument = { schemaVersion: 2, lists: [], progress: {}, notes: {}, activity: [] };
  const list = lists.createList(doc, 'Reading', '');
  const refs = titles.map((title) => `${list.id}/${lists.addResource(doc, list.id, { title, url: null, author: null, description: '' }).id}`);
  return { doc, refs };
}

describe('the review schedule', () => {
  it('a resource marked done is due a day later, then at 3, 7, 21 and 60 days as it is remembered', () => {
    const { doc, refs } = docWith(['One']);
    applyStatus(doc, refs[0]!, 'done', at(0));
    expect(dueNow(doc, at(0.99))).toEqual([]);
    expect(dueNow(doc, at(1)).map((r) => r.ref)).toEqual(refs);
    let entry: ReviewEntry | undefined;
    let now = at(1);
    const gaps: number[] = [];
    for (let i = 0; i < REVIEW_INTERVALS_DAYS.length; i++) {
      entry = answerReview(entry, 'remembered', now);
      gaps.push(days(now, entry.dueAt));
      now = entry.dueAt;
    }
    expect(gaps).toEqual([3, 7, 21, 60, 120]);
  });

  it('“fuzzy” repeats the interval; “forgot” brings it back tomorrow', () => {
    const third = answerReview(answerReview(answerReview(undefined, 'remembered', at(1)), 'remembered', at(4)), 'fuzzy', at(11));
    expect(days(at(11), third.dueAt)).toBe(7);
    expect(days(at(11), answerReview(third, 'forgot', at(11)).dueAt)).toBe(1);
  });

  it('keeps what the user wrote under “what do you remember?”', () => {
    expect(answerReview(undefined, 'fuzzy', at(1), 'the GIL is one lock').recalled).toBe('the GIL is one lock');
    expect(answerReview(undefined, 'fuzzy', at(1), '  ').recalled).toBeUndefined();
  });

  it('property: intervals only grow on “remembered”, and “forgot” is always back within a day', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<ReviewAnswer>(...REVIEW_ANSWERS), { maxLength: 60 }), (answers) => {
        let entry: ReviewEntry | undefined;
        let now = at(1);
        let lastInterval = 0;
        for (const answer of answers) {
          const next = answerReview(entry, answer, now);
          const interval = days(now, next.dueAt);
          if (answer === 'remembered') {
            expect(interval).toBeGreaterThanOrEqual(Math.max(lastInterval, intervalDays(entry?.step ?? 0)));
            // Strictly further out than the interval it was at, until the cap.
            if (intervalDays(entry?.step ?? 0) < MAX_INTERVAL_DAYS) expect(interval).toBeGreaterThan(intervalDays(entry?.step ?? 0));
          }
          if (answer === 'forgot') expect(interval).toBeLessThanOrEqual(1);
          if (answer === 'fuzzy') expect(interval).toBe(intervalDays(entry?.step ?? 0));
          lastInterval = interval;
          entry = next;
          now = next.dueAt;
        }
      }),
    );
    // Growing means growing until the cap: 1, 3, 7, 21, 60, 120, 240, … 3650 days.
    for (let step = 1; step <= 10; step++) expect(intervalDays(step)).toBeGreaterThan(intervalDays(step - 1));
    expect(intervalDays(40)).toBe(3650);
  });

  it('off per list: a list with reviews off has nothing in the queue', () => {
    const { doc, refs } = docWith(['One']);
    applyStatus(doc, refs[0]!, 'done', at(0));
    doc.study = { settings: { reviewOff: [doc.lists[0]!.id], updatedAt: at(0) } };
    expect(reviewQueue(doc)).toEqual([]);
  });

  it('done again after the last answer starts over at one day', () => {
    const { doc, refs } = docWith(['One']);
    applyStatus(doc, refs[0]!, 'done', at(0));
    doc.study = { reviews: { [refs[0]!]: answerReview(undefined, 'remembered', at(1)) } };
    applyStatus(doc, refs[0]!, 'todo', at(2));
    applyStatus(doc, refs[0]!, 'done', at(2));
    expect(reviewQueue(doc)[0]!.dueAt).toBe(at(3));
  });

  it('property: a sync merge loses nothing from the queue, and each item follows the latest answer', () => {
    const LAPTOP = { id: 'dev-a', name: 'Laptop' };
    const DESKTOP = { id: 'dev-b', name: 'Desktop' };
    const titles = ['One', 'Two', 'Three', 'Four'];
    const action = fc.record({ item: fc.integer({ min: 0, max: 3 }), side: fc.boolean(), answer: fc.option(fc.constantFrom<ReviewAnswer>(...REVIEW_ANSWERS)), day: fc.integer({ min: 0, max: 30 }) });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const { doc: base, refs } = docWith(titles);
        const sides = [structuredClone(base), structuredClone(base)];
        let tick = 0;
        let elapsed = 0;
        const latest = new Map<string, string>();
        for (const { item, side, answer, day } of actions) {
          const doc = sides[side ? 1 : 0]!;
          elapsed += day; // each computer's clock moves forward
          const when = new Date(T0 + elapsed * DAY + ++tick * 1000).toISOString();
          const ref = refs[item]!;
          if (answer === null) applyStatus(doc, ref, 'done', when);
          else if (doc.progress[ref]?.status === 'done') {
            const reviews = doc.study?.reviews ?? {};
            doc.study = { ...doc.study, reviews: { ...reviews, [ref]: answerReview(reviews[ref], answer, when) } };
            if (!latest.has(ref) || latest.get(ref)! < when) latest.set(ref, when);
          }
        }
        const merged = mergeDocuments(base, { device: LAPTOP, doc: sides[0]! }, { device: DESKTOP, doc: sides[1]! }).doc;
        expect(documentProblem(merged)).toBeNull();
        const queued = new Set(reviewQueue(merged).map((r) => r.ref));
        for (const side of sides) for (const r of reviewQueue(side)) expect(queued.has(r.ref)).toBe(true);
        for (const [ref, when] of latest) expect(merged.study?.reviews?.[ref]?.answeredAt).toBe(when);
      }),
    );
  });
});
