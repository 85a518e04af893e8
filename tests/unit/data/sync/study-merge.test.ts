import { describe, expect, it } from 'vitest';
import { documentProblem } from '../../../../data/storage/document-check';
import * as lists from '../../../../data/model/list-ops';
import type { StudyDocument, StudySession } from '../../../../data/model/schema';
import { mergeDocuments } from '../../../../data/sync/merge';
import { startTimer } from '../../../../data/model/study-time';

const LAPTOP = { id: 'dev-a', name: 'Laptop' };
const DESKTOP = { id: 'dev-b', name: 'Desktop' };
const at = (m: number) => new Date(Date.UTC(2026, 10, 2, 9) + m * 60_000).toISOString();
const session = (id: string, minutes: number, updated = 0, extra: Partial<StudySession> = {}): StudySession => ({ id, ref: 'shared/one', startedAt: at(0), minutes, updatedAt: at(updated), ...extra });

function base(): StudyDocument {
  const doc: StudyDocument = { schemaVersion: 2, lists: [], progress: {}, notes: {}, activity: [] };
  lists.createList(doc, 'Shared', '');
  lists.addResource(doc, 'shared', { title: 'One', url: null, author: null, description: '' });
  doc.study = { sessions: [session('s-old', 30)] };
  return doc;
}
const merge = (b: StudyDocument, one: StudyDocument, two: StudyDocument) => {
  const x = mergeDocuments(b, { device: LAPTOP, doc: one }, { device: DESKTOP, doc: two }).doc;
  const y = mergeDocuments(b, { device: DESKTOP, doc: two }, { device: LAPTOP, doc: one }).doc;
  expect(x).toEqual(y); // both computers compute the same document
  expect(documentProblem(x)).toBeNull();
  return x;
};

describe('merging study data', () => {
  it('sessions are additive: each computer’s new sessions are all kept', () => {
    const b = base();
    const one = structuredClone(b);
    const two = structuredClone(b);
    one.study!.sessions!.push(session('s-laptop', 25));
    two.study!.sessions!.push(session('s-desktop', 50));
    expect(merge(b, one, two).study!.sessions!.map((s) => s.id).sort()).toEqual(['s-desktop', 's-laptop', 's-old']);
  });

  it('an edit or a removal wins by its later time; a removed session does not come back', () => {
    const b = base();
    const one = structuredClone(b);
    const two = structuredClone(b);
    one.study!.sessions = [session('s-old', 45, 5)];
    two.study!.sessions = [session('s-old', 0, 9, { deleted: true })];
    expect(merge(b, one, two).study!.sessions).toEqual([session('s-old', 0, 9, { deleted: true })]);
  });

  it('a timer another computer already stopped is over; a timer started on one side only is kept', () => {
    const b = base();
    b.study!.timer = startTimer('shared/one', 'stopwatch', at(0), 's-run');
    const one = structuredClone(b);
    const two = structuredClone(b);
    one.study = { ...one.study, timer: null, sessions: [...one.study!.sessions!, session('s-run', 20, 20)] };
    two.study = { ...two.study, timer: { ...two.study!.timer!, runningSince: null, elapsedMs: 60_000 } };
    const merged = merge(b, one, two);
    expect(merged.study!.timer).toBeUndefined();
    expect(merged.study!.sessions!.map((s) => s.id)).toContain('s-run');

    const fresh = base();
    const started = structuredClone(fresh);
    started.study!.timer = startTimer('shared/one', 'pomodoro', at(3), 's-new');
    expect(merge(fresh, started, structuredClone(fresh)).study!.timer).toMatchObject({ sessionId: 's-new' });
  });

  it('a document without study data merges as before (no study field appears)', () => {
    const b = base();
    delete b.study;
    expect('study' in merge(b, structuredClone(b), structuredClone(b))).toBe(false);
  });
});
