import { StudyError } from '../../data/model/errors';
import * as lists from '../../data/model/list-ops';
import { resourceRefOf } from '../../data/model/refs';
import { DEFAULT_MAX_PAGE_BYTES } from '../../data/links/fetch-page';
import { fillFromPage } from '../../data/links/fill-from-page';
import type { StudyHandlers } from './contract';
import { isSafeExternalUrl } from './external-url';
import type { HandlerContext } from './handler-context';
import type { HandlerDeps } from './handlers';

type LinkMethod =
  | 'getLinkChecks' | 'getLinkHistory' | 'fillFromPage' | 'checkLinks' | 'setAutoCheckLinks' | 'useNewAddress' | 'openArchivedCopy'
  | 'getFollowStates' | 'followList' | 'checkFollowedList' | 'reviewLeftChanges' | 'getFollowSchedule' | 'setAutoCheckFollowed'
  | 'fetchWebList' | 'finishListReview';

type LinkDeps = Pick<HandlerDeps, 'links' | 'follower' | 'followSchedule' | 'openExternal'>;

/** What contacts the web: link checks, a pasted link's page, followed lists (each absent where a test does not need it). */
export function linkHandlers({ store, jobs, appState, openDocument }: HandlerContext, { links, follower, followSchedule, openExternal }: LinkDeps): Pick<StudyHandlers, LinkMethod> {
  const linkChecker = () => {
    if (!links) throw new StudyError('invalid-argument', 'Link checks are not available in this window.');
    return links;
  };
  const listFollower = () => {
    if (!follower) throw new StudyError('invalid-argument', 'Following lists is not available in this window.');
    return follower;
  };
  const weeklyFollow = () => {
    if (!followSchedule) throw new StudyError('invalid-argument', 'Checking followed lists weekly is not available in this window.');
    return followSchedule;
  };
  return {
    getLinkChecks: async () => linkChecker().state(),
    getLinkHistory: async (url) => linkChecker().history(url),
    // A pasted link's page is read over the link checker's network code and settings (its private-address
    // guard, its timeouts, its view of whether the computer is online).
    fillFromPage: (ref) => {
      const run = linkChecker().runOptions();
      return fillFromPage(store, ref, { ...run, timeoutMs: Math.min(run.timeoutMs, 10_000), maxBytes: DEFAULT_MAX_PAGE_BYTES });
    },
    checkLinks: (listId, jobId) => jobs.run(jobId, (job) => linkChecker().check(listId, job), { keepsPartial: true }),
    setAutoCheckLinks: (enabled) => linkChecker().setAutoCheck(enabled),
    async useNewAddress(ref) {
      const { url, movedTo } = linkChecker().movedAddress(openDocument(), ref);
      const at = new Date().toISOString();
      return store.changeResource(resourceRefOf(ref), (doc) => lists.useNewAddress(doc, ref, url, movedTo, at));
    },
    async openArchivedCopy(ref) {
      const url = linkChecker().archivedCopy(openDocument(), ref);
      if (!isSafeExternalUrl(url)) throw new StudyError('unsafe-url', 'This link cannot be looked up in the archive.');
      await openExternal(url);
      return url;
    },
    getFollowStates: async () => listFollower().states(),
    async followList(listId, url) {
      if (store.readOnly()) throw new StudyError('read-only', store.readOnly()!);
      await listFollower().follow(listId, url);
      return appState();
    },
    checkFollowedList: (listId) => listFollower().check(listId),
    reviewLeftChanges: (listId) => listFollower().reviewLeft(listId),
    getFollowSchedule: async () => weeklyFollow().settings(),
    setAutoCheckFollowed: (enabled) => weeklyFollow().setAutoCheck(enabled),
    fetchWebList: (url) => listFollower().fetchPage(url),
    finishListReview: async (listId, take) => ({ ...(await listFollower().finishReview(listId, take)), ...appState() }),
  };
}
