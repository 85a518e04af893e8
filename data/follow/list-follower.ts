import { StudyError } from '../model/errors';
import { importFile } from '../import/detect';
import type { ImportPreview } from '../import/imported';
import { DEFAULT_RUN_OPTIONS } from '../links/link-checks';
import type { Follow, StudyDocument, StudyList } from '../model/schema';
import { isSafeExternalUrl } from '../model/web-url';
import { fetchSource, rawSourceOf, type FetchOptions } from './fetch-source';
import { leftAfter, stillLeft, withoutLeft } from './left-changes';
import { applyReview, reviewChanges, type ListReview, type ReviewOutcome } from './review';
import type { FollowCheck, FollowState } from '../model/reports';

export type { FollowCheck, FollowState } from '../model/reports';

export interface ListFollowerOptions {
  document: () => StudyDocument | null;
  /** The store's change: a write of the document, in order with every other. */
  change: <T>(apply: (doc: StudyDocument) => T) => Promise<T>;
  readOnly: () => string | null;
  /** The link checks' settings (timeouts, user agent, private network, isOnline): one set of network rules. */
  run?: Partial<FetchOptions>;
  onChange?: (states: Record<string, FollowState>) => void;
  now?: () => Date;
}

interface Pending {
  preview: ImportPreview;
  etag: string | null;
  lastModified: string | null;
  /** The changes shown (those the user did not leave before). */
  review: ListReview;
  /** Every change of the page's version, the left ones too: what is left after the review is worked out from it. */
  full: ListReview;
}

/**
 * Followed lists: the page a list came from, checked when the user asks (nothing is contacted before),
 * with a conditional request, and the author's changes held for review until the user takes or leaves
 * them. The page's validators are saved with the list only once its version was reviewed, so a check
 * after a restart finds the same changes again rather than losing them.
 */
export class ListFollower {
  readonly #options: ListFollowerOptions;
  readonly #pending = new Map<string, Pending>();
  readonly #checked = new Map<string, string>();
  readonly #messages = new Map<string, string>();
  readonly #checking = new Set<string>();

  constructor(options: ListFollowerOptions) {
    this.#options = options;
  }

  #now(): string {
    return (this.#options.now?.() ?? new Date()).toISOString();
  }

  #list(listId: string): StudyList {
    const doc = this.#options.document();
    if (!doc) throw new StudyError('read-only', 'Your data is not open.');
    const list = doc.lists.find((l) => l.id === listId);
    if (!list) throw new StudyError('unknown-ref', 'That list no longer exists.');
    return list;
  }

  states(): Record<string, FollowState> {
    const states: Record<string, FollowState> = {};
    for (const list of this.#options.document()?.lists ?? []) {
      if (!list.follow) continue;
      const session = this.#checked.get(list.id) ?? null;
      const saved = list.follow.lastChecked ?? null;
      states[list.id] = {
        checking: this.#checking.has(list.id),
        lastChecked: session && (!saved || session > saved) ? session : saved,
        review: this.#pending.get(list.id)?.review ?? null,
        message: this.#messages.get(list.id) ?? null,
        left: list.follow.left?.length ?? 0,
      };
    }
    return states;
  }

  /** Follows the list at `url` (a GitHub README's raw file for its page), or stops following it (null). */
  async follow(listId: string, url: string | null): Promise<StudyList> {
    this.#list(listId);
    if (url !== null && !isSafeExternalUrl(url)) throw new StudyError('unsafe-url', 'A list can follow only a web page (an http or https address).');
    this.#pending.delete(listId);
    this.#messages.delete(listId);
    const list = await this.#options.change((doc) => {
      const found = doc.lists.find((l) => l.id === listId);
      if (!found) throw new StudyError('unknown-ref', 'That list no longer exists.');
      const { follow: _old, ...rest } = found;
      const next: StudyList = url === null ? rest : { ...rest, follow: { url: rawSourceOf(url) } };
      doc.lists = doc.lists.map((l) => (l === found ? next : l));
      return next;
    });
    this.#changed();
    return list;
  }

  /**
   * Reads a web page a new list is to come from ("Add a list from a web page"), as the importers read a
   * file: the window previews it with the import preview, and imports it only when the user confirms.
   * A GitHub repository or README is read as its raw Markdown.
   */
  async fetchPage(url: string): Promise<{ url: string; fileName: string; content: string }> {
    if (!isSafeExternalUrl(url)) throw new StudyError('unsafe-url', 'A list can come only from a web page (an http or https address).');
    const address = rawSourceOf(url);
    const fetched = await fetchSource(address, {}, { ...DEFAULT_RUN_OPTIONS, ...this.#options.run });
    if (fetched.kind === 'offline') throw new StudyError('io', fetched.reason);
    if (fetched.kind === 'failed') throw new StudyError('invalid-argument', `The page could not be read: ${fetched.reason}`);
    if (fetched.kind === 'unchanged') throw new StudyError('invalid-argument', 'The page answered without its content (304).');
    return { url: address, fileName: fetched.fileName, content: fetched.content };
  }

  /**
   * Checks every followed list, one after another (the weekly background check): what changed shows in
   * each list's header; a list already being checked, or one that fails, does not stop the others. A
   * list whose changes wait for review is left alone: the review the user may have open stays as it is.
   */
  async checkAll(): Promise<void> {
    for (const list of this.#options.document()?.lists ?? []) {
      if (!list.follow || this.#checking.has(list.id) || this.#pending.has(list.id)) continue;
      await this.check(list.id).catch(() => undefined);
    }
  }

  /** Checks a followed list's page again in full (no conditional request), showing the changes the user left too. */
  reviewLeft(listId: string): Promise<FollowCheck> {
    return this.check(listId, true);
  }

  /** Checks a followed list's page now. An unchanged page (304) writes nothing. */
  async check(listId: string, includeLeft = false): Promise<FollowCheck> {
    const list = this.#list(listId);
    if (!list.follow) throw new StudyError('invalid-argument', 'This list is not followed.');
    if (this.#checking.has(listId)) throw new StudyError('invalid-argument', 'This list is being checked already.');
    const follow = list.follow;
    this.#checking.add(listId);
    this.#changed();
    try {
      const result = await this.#check(listId, follow, includeLeft);
      this.#messages.set(listId, result.message);
      return result;
    } finally {
      this.#checking.delete(listId);
      this.#changed();
    }
  }

  async #check(listId: string, follow: NonNullable<StudyList['follow']>, includeLeft: boolean): Promise<FollowCheck> {
    const options = { ...DEFAULT_RUN_OPTIONS, ...this.#options.run };
    const fetched = await fetchSource(follow.url, includeLeft ? {} : { etag: follow.etag, lastModified: follow.lastModified }, options);
    if (fetched.kind === 'offline') {
      const last = this.states()[listId]?.lastChecked;
      return { outcome: 'offline', message: `${fetched.reason} ${last ? `Last checked ${when(last)}.` : 'It has not been checked yet.'}`, review: this.#pending.get(listId)?.review ?? null };
    }
    if (fetched.kind === 'failed') return { outcome: 'failed', message: `The list's page could not be checked: ${fetched.reason}`, review: this.#pending.get(listId)?.review ?? null };
    const at = this.#now();
    this.#checked.set(listId, at);
    if (fetched.kind === 'unchanged') {
      this.#pending.delete(listId);
      return { outcome: 'unchanged', message: 'No changes: the page is as it was when you last reviewed it.', review: null };
    }
    let preview: ImportPreview;
    try {
      preview = importFile(fetched.fileName, fetched.content);
    } catch (error) {
      if (error instanceof StudyError) return { outcome: 'failed', message: `The list's page was refused: ${error.message}`, review: null };
      throw error;
    }
    const doc = this.#options.document();
    const list = this.#list(listId);
    const full = reviewChanges(doc!, list, preview);
    const review = { ...full, changes: includeLeft ? full.changes : withoutLeft(full.changes, follow.left) };
    if (review.changes.length === 0) {
      this.#pending.delete(listId);
      const left = stillLeft(full.changes, follow.left);
      // The same list (or only changes the user left) under new validators: saved, so that the next check
      // is a small conditional one; left changes the author undid are forgotten.
      const validatorsChanged = (fetched.etag ?? null) !== (follow.etag ?? null) || (fetched.lastModified ?? null) !== (follow.lastModified ?? null);
      if (validatorsChanged || left.length !== (follow.left?.length ?? 0)) await this.#saveVersion(listId, fetched.etag, fetched.lastModified, at, left);
      const k = full.changes.length;
      if (k > 0) return { outcome: 'unchanged', message: `No new changes: the ${k} ${k === 1 ? 'change' : 'changes'} you left ${k === 1 ? 'is' : 'are'} not shown again.`, review: null };
      return { outcome: 'unchanged', message: 'No changes: the page lists the same resources as your list.', review: null };
    }
    this.#pending.set(listId, { preview, etag: fetched.etag, lastModified: fetched.lastModified, review, full });
    const n = review.changes.length;
    return { outcome: 'changed', message: `The author changed this list: ${n} ${n === 1 ? 'change' : 'changes'} to review.`, review };
  }

  async #saveVersion(listId: string, etag: string | null, lastModified: string | null, at: string, left: string[]): Promise<void> {
    if (this.#options.readOnly()) return;
    await this.#options.change((doc) => {
      doc.lists = doc.lists.map((l) => (l.id === listId && l.follow ? { ...l, follow: followed(l.follow, { etag, lastModified, lastChecked: at }, left) } : l));
    });
  }

  /**
   * Ends the review: the changes named in `take` are taken, every other one is left. The page's version
   * is saved with the list in the same write, so the next check asks only whether it changed since.
   */
  async finishReview(listId: string, take: readonly string[]): Promise<ReviewOutcome> {
    const pending = this.#pending.get(listId);
    if (!pending) throw new StudyError('invalid-argument', 'There are no changes to review: check the list first.');
    const ro = this.#options.readOnly();
    if (ro) throw new StudyError('read-only', ro);
    const at = this.#now();
    const outcome = await this.#options.change((doc) => {
      const list = doc.lists.find((l) => l.id === listId);
      if (!list?.follow) throw new StudyError('unknown-ref', 'That list is no longer followed.');
      const result = applyReview(doc, list, pending.preview, new Set(take));
      const left = leftAfter(pending.full.changes, take);
      doc.lists = doc.lists.map((l) => (l.id === listId && l.follow ? { ...l, follow: followed(l.follow, { etag: pending.etag, lastModified: pending.lastModified, lastChecked: at }, left) } : l));
      return result;
    });
    this.#pending.delete(listId);
    const took = pending.review.changes.filter((c) => take.includes(c.id)).length;
    const left = pending.review.changes.length - took;
    this.#messages.set(listId, `Reviewed: ${took} ${took === 1 ? 'change' : 'changes'} taken, ${left} left.`);
    this.#changed();
    return outcome;
  }

  #changed(): void {
    this.#options.onChange?.(this.states());
  }
}

/** The list's follow with a reviewed version and what the user left of it (no field when nothing is left). */
function followed(follow: Follow, version: Pick<Follow, 'etag' | 'lastModified' | 'lastChecked'>, left: string[]): Follow {
  const { left: _old, ...rest } = follow;
  return left.length > 0 ? { ...rest, ...version, left } : { ...rest, ...version };
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}
