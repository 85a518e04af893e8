import { describe, expect, it } from 'vitest';
import { recoveredBody } from '../../../renderer/draft-journal';

const draft = (body: string, base: string | null) => ({ body, base, at: '2026-11-20T10:00:00.000Z' });

describe('recoveredBody', () => {
  it('restores a draft typed over the note as it still is', () => {
    expect(recoveredBody({ body: 'old', whereStopped: '', updatedAt: 't1' }, draft('old and new', 't1'))).toBe('old and new');
    expect(recoveredBody(undefined, draft('first words', null))).toBe('first words');
  });

  it('does nothing when the draft is already what is saved', () => {
    expect(recoveredBody({ body: 'same', whereStopped: '', updatedAt: 't2' }, draft('same', 't1'))).toBeNull();
    expect(recoveredBody(undefined, draft('', null))).toBeNull();
  });

  it('keeps both texts when the note changed after the draft was begun', () => {
    const body = recoveredBody({ body: 'changed elsewhere', whereStopped: '', updatedAt: 't2' }, draft('my draft', 't1'))!;
    expect(body.startsWith('changed elsewhere')).toBe(true);
    expect(body).toContain('Recovered unsaved text');
    expect(body.endsWith('my draft')).toBe(true);
  });
});
