/**
 * An estimate as the user types it in the resource editor: "90", "90 min", "1h 30m", "1 h 30 min",
 * "1.5 h", "2 hours". Pure, so the window checks it before saving and main checks it again.
 */

export const MAX_ESTIMATE_MINUTES = 100_000;

export type EstimateParse = { ok: true; minutes: number | null } | { ok: false; message: string };

const HOURS = '(?:h|hr|hrs|hour|hours)';
const MINUTES = '(?:m|min|mins|minute|minutes)';
const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const FORMS = [
  // "90", "90 min", "90m"
  new RegExp(`^${NUMBER}\\s*(?:${MINUTES})?$`, 'i'),
  // "1h", "1.5 hours"
  new RegExp(`^${NUMBER}\\s*${HOURS}$`, 'i'),
  // "1h 30m", "1 h 30", "2 hours 5 minutes", "1h30"
  new RegExp(`^${NUMBER}\\s*${HOURS}\\s*,?\\s*(\\d+)\\s*(?:${MINUTES})?$`, 'i'),
] as const;

const number = (text: string) => Number(text.replace(',', '.'));

function minutesOf(text: string): number | undefined {
  const [bare, hours, both] = FORMS.map((form) => form.exec(text));
  if (bare) return number(bare[1]!);
  if (hours) return number(hours[1]!) * 60;
  if (both) return number(both[1]!) * 60 + Number(both[2]!);
  return undefined;
}

/** Minutes from what was typed; null for an empty field (no estimate); a message for anything else. */
export function parseEstimate(typed: string): EstimateParse {
  const text = typed.trim();
  if (text === '') return { ok: true, minutes: null };
  const minutes = minutesOf(text);
  if (minutes === undefined) return { ok: false, message: 'Type the estimate as minutes (90) or hours and minutes (1h 30m).' };
  const rounded = Math.round(minutes);
  if (rounded < 1) return { ok: false, message: 'An estimate is at least 1 minute.' };
  if (rounded > MAX_ESTIMATE_MINUTES) return { ok: false, message: `An estimate is at most ${MAX_ESTIMATE_MINUTES.toLocaleString('en')} minutes.` };
  return { ok: true, minutes: rounded };
}

/** "1h 30m", "45m": an estimate in the form the editor shows it, which parseEstimate reads back. */
export function estimateField(minutes: number | undefined): string {
  if (minutes === undefined) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}
