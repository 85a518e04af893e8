import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateField, parseEstimate } from '../../../data/model/estimate';

const minutes = (typed: string) => {
  const parsed = parseEstimate(typed);
  return parsed.ok ? parsed.minutes : parsed.message;
};

describe('an estimate as the user types it', () => {
  it('reads minutes, hours, and hours with minutes, in the ways people write them', () => {
    expect(minutes('90')).toBe(90);
    expect(minutes(' 45 min ')).toBe(45);
    expect(minutes('45m')).toBe(45);
    expect(minutes('2 minutes')).toBe(2);
    expect(minutes('1h')).toBe(60);
    expect(minutes('2 hours')).toBe(120);
    expect(minutes('1.5h')).toBe(90);
    expect(minutes('1,5 h')).toBe(90);
    expect(minutes('1h 30m')).toBe(90);
    expect(minutes('1h30')).toBe(90);
    expect(minutes('1 H 30 MIN')).toBe(90);
    expect(minutes('2 hours, 5 minutes')).toBe(125);
  });

  it('an empty field is no estimate', () => {
    expect(parseEstimate('')).toEqual({ ok: true, minutes: null });
    expect(parseEstimate('   ')).toEqual({ ok: true, minutes: null });
  });

  it('anything else is refused with a message saying what to type', () => {
    for (const bad of ['soon', '1h 30x', '-5', '1:30', 'h', '30 30', '1e3']) {
      expect(parseEstimate(bad)).toEqual({ ok: false, message: 'Type the estimate as minutes (90) or hours and minutes (1h 30m).' });
    }
    expect(parseEstimate('0')).toEqual({ ok: false, message: 'An estimate is at least 1 minute.' });
    expect(parseEstimate('0.2 min')).toEqual({ ok: false, message: 'An estimate is at least 1 minute.' });
    expect(parseEstimate('100001')).toEqual({ ok: false, message: 'An estimate is at most 100,000 minutes.' });
    expect(parseEstimate('2000 h')).toEqual({ ok: false, message: 'An estimate is at most 100,000 minutes.' });
  });

  it('what the editor shows reads back as the same minutes', () => {
    expect(estimateField(undefined)).toBe('');
    expect(estimateField(90)).toBe('1h 30m');
    expect(estimateField(120)).toBe('2h');
    expect(estimateField(5)).toBe('5m');
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), (m) => minutes(estimateField(m)) === m));
  });
});
