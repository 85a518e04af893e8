import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toasts, TOAST_MS } from '../../../renderer/components/Toasts';
import { initialFocus } from '../../../renderer/components/Modal';
import { useBusy } from '../../../renderer/hooks/useBusy';
import type { Notice } from '../../../renderer/hooks/useStudyData';
import { counted, plural, statusChanged } from '../../../renderer/wording';

describe('wording', () => {
  it('follows English plural rules, with the digits in the user’s convention', () => {
    expect(counted(1, 'part')).toBe('1 part');
    expect(counted(0, 'part')).toBe('0 parts');
    expect(counted(2, 'part')).toBe('2 parts');
    expect(plural(1.5, 'part')).toBe('parts');
    expect(counted(3, 'activity', 'activities')).toBe('3 activities');
    expect(counted(1, 'activity', 'activities')).toBe('1 activity');
  });

  it('says a status change one way', () => {
    expect(statusChanged('PEPs', 'in-progress')).toBe('“PEPs” marked in progress.');
    expect(statusChanged('PEPs', 'todo')).toBe('“PEPs” marked to do.');
    expect(statusChanged('PEPs', 'done')).toBe('“PEPs” marked done.');
    expect(statusChanged('PEPs', null)).toBe('“PEPs” follows its parts again.');
  });
});

describe('useBusy', () => {
  it('runs an action once while it is running: a second call is ignored, a later one runs', async () => {
    const { result } = renderHook(() => useBusy());
    let finish!: () => void;
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    let first!: Promise<unknown>;
    act(() => {
      first = result.current[1](action);
      void result.current[1](action);
    });
    expect(action).toHaveBeenCalledTimes(1);
    expect(result.current[0]).toBe(true);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current[0]).toBe(false);
    act(() => void result.current[1](action));
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('is free again after an action that failed', async () => {
    const { result } = renderHook(() => useBusy());
    await act(async () => {
      await expect(result.current[1](() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    });
    expect(result.current[0]).toBe(false);
  });
});

describe('where a dialog puts the focus', () => {
  it('on a marked element, else the first text field, else the main button', () => {
    const dialog = document.createElement('div');
    dialog.innerHTML = '<button>×</button><input type="checkbox"><button class="button-primary">Done</button>';
    expect(initialFocus(dialog)?.textContent).toBe('Done');
    dialog.insertAdjacentHTML('beforeend', '<textarea aria-label="Description"></textarea>');
    expect(initialFocus(dialog)?.getAttribute('aria-label')).toBe('Description');
    dialog.insertAdjacentHTML('beforeend', '<select data-autofocus aria-label="Kind"></select>');
    expect(initialFocus(dialog)?.getAttribute('aria-label')).toBe('Kind');
  });
});

describe('toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const notice = (id: number, text: string): Notice => ({ id, tone: 'info', text });

  it('shows the newest only, drops the older ones, and leaves after its time unless hovered', () => {
    const dismiss = vi.fn();
    render(<Toasts notices={[notice(1, 'first'), notice(2, 'second')]} dismiss={dismiss} />);
    expect(screen.queryByText('first')).toBeNull();
    expect(screen.getByText('second')).toBeTruthy();
    expect(dismiss).toHaveBeenCalledWith(1);
    expect(dismiss).not.toHaveBeenCalledWith(2);

    fireEvent.mouseEnter(screen.getByRole('status'));
    act(() => void vi.advanceTimersByTime(TOAST_MS * 3));
    expect(dismiss).not.toHaveBeenCalledWith(2);
    fireEvent.mouseLeave(screen.getByRole('status'));
    act(() => void vi.advanceTimersByTime(TOAST_MS));
    expect(dismiss).toHaveBeenCalledWith(2);
  });
});
