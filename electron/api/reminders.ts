import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { reminderStep, reminderTextOf, type ReminderState } from '../../data/reminder';
import type { StudyDocument } from '../../data/model/schema';

/** Kept in the app's own folder, not the data: each computer reminds by its own clock. */
export const REMINDER_STATE_FILE = 'reminder-state.json';

const StateSchema = z.object({ time: z.string().nullable(), lastAt: z.string().datetime({ offset: true }).nullable() });

/** What the platform does with a reminder: Electron's Notification in main.ts; a recorder in tests. */
export interface ReminderPlatform {
  /** How often to look whether it is time (every minute in the app). */
  everyMs: number;
  /** Shows the notification; `onClick` when the user clicks it (after the window is focused). */
  show(text: string, onClick: () => void): void;
  /** The app's own running time (a monotonic clock), for the gap between two reminders. */
  monotonicMs?: () => number;
}

export interface ReminderOptions extends ReminderPlatform {
  appDir: string;
  document(): StudyDocument | null;
  now(): Date;
  /** A click on the notification: the window shows the Review view. */
  onClick(): void;
}

async function readState(file: string): Promise<ReminderState> {
  try {
    const parsed = StateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // None yet, or unreadable: as if the reminder had just been set.
  }
  return { time: null, lastAt: null };
}

/**
 * Looks every `everyMs` (and once at start) whether the daily reminder is due; shows it when there is
 * something to say. The decision is data/reminder.ts's; here only the timer, the state file and the
 * platform's notification. Returns the stop function; `check` runs one look now (for tests).
 */
export function startReminders(options: ReminderOptions): { stop(): void; check(): Promise<void> } {
  const file = join(options.appDir, REMINDER_STATE_FILE);
  const monotonic = options.monotonicMs ?? (() => performance.now());
  let state: Promise<ReminderState> = readState(file);
  let shownAt: number | null = null;
  let stopped = false;
  const check = (): Promise<void> => {
    state = state.then(async (current) => {
      if (stopped) return current;
      const doc = options.document();
      const now = options.now();
      const step = reminderStep(current, { time: doc?.study?.settings?.reminderTime ?? null, now, sinceShownMs: shownAt === null ? null : monotonic() - shownAt });
      if (step.show) {
        shownAt = monotonic();
        // Nothing due and the goal met: nothing is shown, and the day counts as reminded.
        const text = doc ? reminderTextOf(doc, now) : null;
        if (text) options.show(text, options.onClick);
      }
      if (step.state.time !== current.time || step.state.lastAt !== current.lastAt) await writeFile(file, JSON.stringify(step.state)).catch(() => undefined);
      return step.state;
    });
    return state.then(() => undefined);
  };
  void check();
  const timer = setInterval(() => void check(), options.everyMs);
  timer.unref?.();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    check,
  };
}
