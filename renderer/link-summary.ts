import type { LinkCheck } from '../data/links/check-link';
import type { Resource, StudyList } from '../data/schema';

/** A link worth the user's attention: gone, moved for good, or not answering. */
export function isProblem(check: LinkCheck | undefined): boolean {
  return !!check && (check.state === 'broken' || check.state === 'unreachable' || (check.state === 'redirected' && check.movedTo !== null));
}

function urlsOf(resource: Resource): string[] {
  const urls: string[] = [];
  for (const item of [resource, ...resource.parts, ...resource.links]) if (item.url) urls.push(item.url);
  return urls;
}

export function hasLinkProblem(resource: Resource, latest: Record<string, LinkCheck>): boolean {
  return urlsOf(resource).some((url) => isProblem(latest[url]));
}

export interface ListLinkSummary {
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
  const summary: ListLinkSummary = { checked: 0, ok: 0, moved: 0, broken: 0, unreachable: 0, lastAt: null };
  const seen = new Set<string>();
  for (const resource of list.resources) {
    for (const url of urlsOf(resource)) {
      const check = latest[url];
      if (!check || seen.has(url)) continue;
      seen.add(url);
      summary.checked += 1;
      if (check.state === 'broken') summary.broken += 1;
      else if (check.state === 'unreachable') summary.unreachable += 1;
      else if (check.state === 'redirected' && check.movedTo) summary.moved += 1;
      else summary.ok += 1;
      if (!summary.lastAt || check.at > summary.lastAt) summary.lastAt = check.at;
    }
  }
  return summary;
}
