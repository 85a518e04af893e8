import type { Status } from '../data/model/schema';
import { count } from './format';
import { STATUS_LABELS } from './progress';

// The app's words are English, so English plural rules pick the noun; the digits follow the user's
// own convention (count()).
const rules = new Intl.PluralRules('en');

/** The noun for n things: "part" for 1, "parts" otherwise ("1 part", "0 parts", "1.5 parts"). */
export function plural(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === 'one' ? one : other;
}

/** A count with its noun: "1 part", "10,000 resources". */
export function counted(n: number, one: string, other?: string): string {
  return `${count(n)} ${plural(n, one, other)}`;
}

/**
 * What a status change says, whichever way it was made (checkbox, status menu, key): one sentence for
 * one change. null is "back to following the parts".
 */
export function statusChanged(title: string, status: Status | null): string {
  return status === null ? `“${title}” follows its parts again.` : `“${title}” marked ${STATUS_LABELS[status].toLowerCase()}.`;
}
