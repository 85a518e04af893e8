import { z } from 'zod';
import type { FollowCheck, FollowScheduleSettings, FollowState } from '../../data/model/reports';
import type { ReviewOutcome } from '../../data/follow/review';
import { IdSchema } from '../../data/model/schema';
import type { AppState } from './contract';

/** Followed lists (issue #23): their arguments, spread into contract.ts `methods`. */
export const followMethods = {
  /** The followed lists: when each was last checked and the author's changes waiting for review. */
  getFollowStates: z.tuple([]),
  /** Follows a list's web page (an http or https address), or stops following it (null). */
  followList: z.tuple([IdSchema, z.string().max(4096).nullable()]),
  /** Checks a followed list's page now (the user asked: nothing is contacted before). */
  checkFollowedList: z.tuple([IdSchema]),
  /** Reads a followed list's page again in full and shows the changes the user left too. */
  reviewLeftChanges: z.tuple([IdSchema]),
  /** This computer's weekly check of followed lists: whether it is on, when it last ran. */
  getFollowSchedule: z.tuple([]),
  /** Turns the weekly background check of followed lists on or off (nothing is contacted before it is on). */
  setAutoCheckFollowed: z.tuple([z.boolean()]),
  /** Ends the review of the author's changes: the named ones are taken, every other one is left. */
  finishListReview: z.tuple([IdSchema, z.array(z.string().max(300)).max(100_000)]),
  /** "Add a list from a web page": the page's text, for the import preview (nothing is imported yet). */
  fetchWebList: z.tuple([z.string().max(4096)]),
} as const;

/** What each follow method answers, extended by contract.ts `Returns`. */
export interface FollowReturns {
  getFollowStates: Record<string, FollowState>;
  followList: AppState;
  checkFollowedList: FollowCheck;
  reviewLeftChanges: FollowCheck;
  getFollowSchedule: FollowScheduleSettings;
  setAutoCheckFollowed: FollowScheduleSettings;
  /** `removed`: the resources whose removal was taken, for an undo (restoreResource each). */
  finishListReview: AppState & ReviewOutcome;
  /** `url`: the address the list is read from (a GitHub README's raw file), to follow once imported. */
  fetchWebList: { url: string; fileName: string; content: string };
}
