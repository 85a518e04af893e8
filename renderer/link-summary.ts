import type { LinkCheck } from '../data/model/reports';
import { addressesOf, resourceAddresses } from '../data/model/addresses';
import type { Resource, StudyList } from '../data/model/schema';

/** A link worth the user's attention: gone, moved for good, or not answering. */
export function isProblem(check: LinkCheck | undefined): boolean {
  return !!check && (check.state === 'broken' || check.state === 'unreachable' || (check.state === 'redirected' && check.movedTo !== null));
}

export function hasLinkProblem(resource: Resource, latest: Record<string, LinkCheck>): boolean {
  return resourceAddresses(resource).some((url) => isProblem(latest[url]));
}

export interface ListLinkSummary {
  /** The list's web addresses, each once. */
  addresses: number;
  checked: number;
  ok: number;
  moved: number;
  broken: number;
  unreachable: number;
  /** The latest check of any of the list's links. */
  lastAt: string | null;
}

/** What the latest checks say about one list's links (each address counted once). */
export function listLinkSummary(list: StudyList, latest: Record<string, LinkCheck>): ListLinkSummary {
  const addresses = addressesOf([list]);
  const summary: ListLinkSummary = { addresses: addresses.length, checked: 0, ok: 0, moved: 0, broken: 0, unreachable: 0, lastAt: null };
  for (const url of addresses) {
    const check = latest[url];
    if (!check) continue;
    summary.checked += 1;
    if (check.state === 'broken') summary.broken += 1;
    else if (check.state === 'unreachable') summary.unreachable += 1;
    else if (check.state === 'redirected' && check.movedTo) summary.moved += 1;
    else summary.ok += 1;
    if (!summary.lastAt || check.at > summary.lastAt) summary.lastAt = check.at;
  }
  return summary;
}
