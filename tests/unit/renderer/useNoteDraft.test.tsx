import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingDrafts } from '../../../renderer/draft-journal';
import { flushAll } from '../../../renderer/flush-registry';
import { NOTE_DEBOUNCE_MS, useNoteDraft, type SaveNote } from '../../../renderer/hooks/useNoteDraft';

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

function recordingSave(delayMs = 0) {
  const saved: string[] = [];
  const save: SaveNote = vi.fn(async (_ref: string, body: string) => {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    saved.push(body);
    return { ok: true as const, note: { body, whereStopped: '', updatedAt: new Date().toISOString() } };
  });
  return { saved, save };
}

describe('useNoteDraft', () => {
  it('writes once after the typing pauses, then reports Saved', async () => {
    const { saved, save } = recordingSave();
    const { result } = renderHook(() => useNoteDraft('l/r', undefined, save));
    act(() => result.current.edit('h'));
    act(() => result.current.edit('he'));
    act(() => result.current.edit('hello'));
    expect(result.current.status.kind).toBe('saving');
    expect(saved).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS));
    expect(saved).toEqual(['hello']);
    expect(result.current.status.kind).toBe('saved');
  });

  it('writes what is pending at once when the window asks (flush registry)', async () => {
    const { saved, save } = recordingSave();
    const { result } = renderHook(() => useNoteDraft('l/r', undefined, save));
    act(() => result.current.edit('typed just before closing'));
    await act(() => flushAll());
    expect(saved).toEqual(['typed just before closing']);
  });

  it('writes what is pending when the editor goes away', async () => {
    const { saved, save } = recordingSave();
    const { result, unmount } = renderHook(() => useNoteDraft('l/r', undefined, save));
    act(() => result.current.edit('closing the panel'));
    unmount();
    await act(() => vi.runAllTimersAsync());
    expect(saved).toEqual(['closing the panel']);
  });

  it('never lets an older text land after a newer one, even when a save is slow', async () => {
    const { saved, save } = recordingSave(NOTE_DEBOUNCE_MS * 4);
    const { result } = renderHook(() => useNoteDraft('l/r', undefined, save));
    act(() => result.current.edit('first'));
    await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS + 10));
    expect(save).toHaveBeenCalledTimes(1); // 'first' is now in flight, slowly
    act(() => result.current.edit('second'));
    await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS));
    expect(save).toHaveBeenCalledTimes(1); // 'second' waits for 'first' to finish
    await act(() => vi.runAllTimersAsync());
    expect(saved).toEqual(['first', 'second']);
    expect(result.current.status.kind).toBe('saved');
  });

  it('shows why a save failed and keeps the text', async () => {
    const save: SaveNote = async () => ({ ok: false, message: 'Your change could not be saved to disk: ENOSPC' });
    const { result } = renderHook(() => useNoteDraft('l/r', undefined, save));
    act(() => result.current.edit('precious'));
    await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS));
    expect(result.current.status).toEqual({ kind: 'failed', message: 'Your change could not be saved to disk: ENOSPC' });
    expect(result.current.draft).toBe('precious');
  });

  it('journals every keystroke at once, and forgets the draft when it is on disk', async () => {
    const { save } = recordingSave();
    const { result } = renderHook(() => useNoteDraft('l/r', undefined, save));
    act(() => result.current.edit('typed'));
    expect(pendingDrafts()).toEqual([{ ref: 'l/r', draft: expect.objectContaining({ body: 'typed', base: null }) }]);
    await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS));
    expect(pendingDrafts()).toEqual([]);
  });

  it('keeps the draft in the journal when saving fails', async () => {
    const save: SaveNote = async () => ({ ok: false, message: 'disk full' });
    const { result } = renderHook(() => useNoteDraft('l/r', undefined, save));
    act(() => result.current.edit('keep me'));
    await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS));
    expect(pendingDrafts().map((d) => d.draft.body)).toEqual(['keep me']);
  });

  describe('a note merged from another computer while it is open', () => {
    const note = (body: string, minute: number) => ({ body, whereStopped: '', updatedAt: `2026-11-26T10:${String(minute).padStart(2, '0')}:00.000Z` });

    it('with nothing typed: shows the new text and saves nothing', async () => {
      const { saved, save } = recordingSave();
      const { result, rerender } = renderHook(({ n }) => useNoteDraft('l/r', n, save), { initialProps: { n: note('one\ntwo', 1) } });
      rerender({ n: note('one\ntwo\nthree from the desktop', 2) });
      expect(result.current.draft).toBe('one\ntwo\nthree from the desktop');
      await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS * 2));
      expect(saved).toEqual([]);
    });

    it('with typing not yet saved: both land, and the merged text is saved', async () => {
      const { saved, save } = recordingSave();
      const { result, rerender } = renderHook(({ n }) => useNoteDraft('l/r', n, save), { initialProps: { n: note('one\ntwo', 1) } });
      act(() => result.current.edit('one, typed here\ntwo'));
      rerender({ n: note('one\ntwo\nthree from the desktop', 2) });
      expect(result.current.draft).toBe('one, typed here\ntwo\nthree from the desktop');
      await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS));
      expect(saved).toEqual(['one, typed here\ntwo\nthree from the desktop']);
    });

    it('with typing on the same line: both versions kept, marked', async () => {
      const { saved, save } = recordingSave();
      const { result, rerender } = renderHook(({ n }) => useNoteDraft('l/r', n, save), { initialProps: { n: note('one', 1) } });
      act(() => result.current.edit('one (here)'));
      rerender({ n: note('one (desktop)', 2) });
      await act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS));
      expect(saved).toEqual(['<<<<<<< typed here\none (here)\n=======\none (desktop)\n>>>>>>> from the other computer']);
    });
  });
});
