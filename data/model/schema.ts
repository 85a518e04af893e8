import { z } from 'zod';
import { MAX_TAG_LENGTH, MAX_TAGS, tagKey } from './tags';

/** The version of the document this build writes. Older ones migrate forward (see migrate.ts). */
export const SCHEMA_VERSION = 2;

/** An id, without anchors (refs join two or three of them). */
export const ID_PATTERN = /[A-Za-z0-9][A-Za-z0-9._-]{0,127}/;
/** Ids are stable across app versions: progress and notes are keyed by them, never by position. */
export const IdSchema = z
  .string()
  .regex(new RegExp(`^${ID_PATTERN.source}$`), 'an id is 1–128 letters, digits, dots, dashes or underscores');

const TextSchema = z.string().max(10_000);
export const TimestampSchema = z.iso.datetime({ offset: true });
const UrlFieldSchema = z.string().max(4096).nullable();
/**
 * Addresses an item had before "use the new address" after a link check found it moved. Optional, so
 * documents without it (every one written before link checks) are still version 2 as they are.
 */
const FormerUrlsSchema = z.array(z.object({ url: z.string().max(4096), until: TimestampSchema })).max(50).optional();
/**
 * A resource's tags (see tags.ts for the rule every path applies). Optional, like `formerUrls`: a
 * document written before tags is still version 2 as it is, and a resource without tags leaves it out.
 */
export const TagsSchema = z
  .array(
    z
      .string()
      .min(1)
      .max(MAX_TAG_LENGTH)
      .refine((tag) => tag === tag.trim(), 'a tag has no spaces at either end')
      .refine((tag) => !/[,\r\n]/.test(tag), 'a tag is on one line and has no commas'),
  )
  .max(MAX_TAGS)
  .refine((tags) => new Set(tags.map(tagKey)).size === tags.length, 'a tag appears twice (whatever the case)')
  .optional();

/** A nested link the article mentions inside a resource (e.g. the C-API reference under the docs). */
export const LinkItemSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(1000),
  url: UrlFieldSchema,
  kind: z.string().max(100),
  description: TextSchema,
  formerUrls: FormerUrlsSchema,
});

/** One part of a multi-part resource (a lecture, a post of a series). `url: null` opens the parent's link. */
export const PartSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(1000),
  url: UrlFieldSchema,
  formerUrls: FormerUrlsSchema,
});

export const ResourceSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(1000),
  url: UrlFieldSchema,
  author: z.string().max(500).nullable(),
  kind: z.string().max(100),
  description: TextSchema,
  /** The section of the list it belongs to (an imported `## Heading`), if any. */
  group: z.string().max(200).nullable().default(null),
  /** When the user first saved it (a bookmark's ADD_DATE, Pocket's time_added), if known. */
  addedAt: TimestampSchema.nullable().default(null),
  links: z.array(LinkItemSchema),
  parts: z.array(PartSchema),
  formerUrls: FormerUrlsSchema,
  tags: TagsSchema,
  /**
   * The site's own name (Open Graph og:site_name), filled in from the page when a link is pasted or
   * dropped. Optional: documents written before it are still version 2 as they are.
   */
  siteName: z.string().min(1).max(200).optional(),
  /** How long it takes, in minutes: typed by the user, or a video's stated duration or a reading time from its page. Optional. */
  estimateMinutes: z.number().int().min(1).max(100_000).optional(),
});

/**
 * A list the user follows: the web page it came from, checked for the author's changes (data/follow/).
 * `etag`/`lastModified` are the page's validators as of the version the user last reviewed, so an
 * unchanged page costs one conditional request. Optional: documents without it are still version 2.
 */
export const FollowSchema = z
  .object({
    url: z.string().max(4096).regex(/^https?:\/\//i, 'a followed list is a web address (http or https)'),
    etag: z.string().max(1000).nullable().optional(),
    lastModified: z.string().max(200).nullable().optional(),
    lastChecked: TimestampSchema.nullable().optional(),
    /** The author's changes the user left (left-changes.ts keys): not shown again until the author changes that entry again. */
    left: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(100_000).optional(),
  })
  .optional();

export const StudyListSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(1000),
  author: z.string().max(500).nullable(),
  description: TextSchema,
  source: UrlFieldSchema,
  /** Set for lists the app ships: which catalog version the content came from. */
  bundledVersion: z.number().int().positive().nullable(),
  /** The user changed the content (e.g. added parts): a newer shipped version no longer replaces it. */
  customized: z.boolean().default(false),
  resources: z.array(ResourceSchema),
  follow: FollowSchema,
});


export const STATUSES = ['todo', 'in-progress', 'done', 'skipped'] as const;
export const StatusSchema = z.enum(STATUSES);

export const ProgressEntrySchema = z.object({
  status: StatusSchema,
  startedAt: TimestampSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema,
});

export const NoteSchema = z.object({
  body: z.string(),
  /** A short "where I stopped" marker, e.g. "lecture 4, 12:30". */
  whereStopped: z.string().max(500).default(''),
  updatedAt: TimestampSchema,
});

export const ActivitySchema = z.object({
  at: TimestampSchema,
  ref: z.string(),
  /** done/undone/started/skipped: status changes; note: wrote in a note (logged once a day per resource); studied: a timed study session ended; reviewed: answered a review. */
  action: z.enum(['done', 'undone', 'started', 'skipped', 'note', 'studied', 'reviewed']),
});

const StudyRefSchema = z.string().min(3).max(400);
const MinutesSchema = z.number().int().min(0).max(24 * 60);

/** A stretch of study on a resource (or one of its parts), from the focus timer or typed in. */
export const StudySessionSchema = z.object({
  id: IdSchema,
  ref: StudyRefSchema,
  startedAt: TimestampSchema,
  minutes: MinutesSchema,
  updatedAt: TimestampSchema,
  /** Removed by the user: kept as a marker so a sync merge does not bring it back. */
  deleted: z.literal(true).optional(),
});

/** The running (or paused) focus timer: in the document from the moment it starts. */
export const StudyTimerSchema = z.object({
  ref: StudyRefSchema,
  sessionId: IdSchema,
  mode: z.enum(['stopwatch', 'pomodoro']),
  startedAt: TimestampSchema,
  /** Null while paused. */
  runningSince: TimestampSchema.nullable(),
  /** Time run before `runningSince` (pauses left out). */
  elapsedMs: z.number().int().min(0).max(7 * 86_400_000),
  workMinutes: z.number().int().min(1).max(180),
  breakMinutes: z.number().int().min(1).max(60),
  /** Found running when the app started (it closed or crashed meanwhile): the user says how long it was. */
  interrupted: z.boolean().optional(),
});

export const REVIEW_ANSWERS = ['remembered', 'fuzzy', 'forgot'] as const;
export const ReviewEntrySchema = z.object({
  step: z.number().int().min(0).max(40),
  dueAt: TimestampSchema,
  answeredAt: TimestampSchema,
  answer: z.enum(REVIEW_ANSWERS),
  /** What the user wrote under "what do you remember?". */
  recalled: z.string().max(10_000).optional(),
});

/** Focus timer, study sessions, review answers and their settings. Optional: older files have none. */
export const StudySchema = z.object({
  timer: StudyTimerSchema.nullable().optional(),
  sessions: z.array(StudySessionSchema).max(200_000).optional(),
  /** Keyed by resource ref; a done resource without an entry is due a day after it was done. */
  reviews: z.record(StudyRefSchema, ReviewEntrySchema).optional(),
  settings: z
    .object({
      /** What "Start timer" starts. */
      timerMode: z.enum(['stopwatch', 'pomodoro']).optional(),
      workMinutes: z.number().int().min(1).max(180).optional(),
      breakMinutes: z.number().int().min(1).max(60).optional(),
      /** Lists whose done resources are not reviewed. */
      reviewOff: z.array(IdSchema).max(10_000).optional(),
      weeklyGoalMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
      /** The daily reminder's local time ("19:30"); absent or null: no reminder (the default). */
      reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable().optional(),
      updatedAt: TimestampSchema,
    })
    .optional(),
});

export const DocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  lists: z.array(StudyListSchema),
  /** Keyed by ref: `listId/resourceId` or `listId/resourceId/itemId`. */
  progress: z.record(z.string(), ProgressEntrySchema),
  /** Keyed by `listId/resourceId`. */
  notes: z.record(z.string(), NoteSchema),
  activity: z.array(ActivitySchema),
  /** The last journal generation this document holds (see journal.ts); later ones are replayed at start. */
  journalGeneration: z.number().int().nonnegative().optional(),
  /**
   * In a synced folder: for each other computer, the digest of its data as this document last merged it
   * (data/sync/equality.ts documentDigest). Written in the same write as the merge, so another computer
   * can tell whether the merge base `seen/<id>.json` beside this file goes with it or arrived first.
   */
  merged: z.record(z.string().max(200), z.string().max(128)).optional(),
  study: StudySchema.optional(),
});

export type LinkItem = z.infer<typeof LinkItemSchema>;
export type Part = z.infer<typeof PartSchema>;
export type Resource = z.infer<typeof ResourceSchema>;
export type StudyList = z.infer<typeof StudyListSchema>;
export type Follow = NonNullable<z.infer<typeof FollowSchema>>;
export type Status = z.infer<typeof StatusSchema>;
export type ProgressEntry = z.infer<typeof ProgressEntrySchema>;
export type Note = z.infer<typeof NoteSchema>;
export type Activity = z.infer<typeof ActivitySchema>;
export type StudyDocument = z.infer<typeof DocumentSchema>;
export type StudySession = z.infer<typeof StudySessionSchema>;
export type StudyTimer = z.infer<typeof StudyTimerSchema>;
export type ReviewEntry = z.infer<typeof ReviewEntrySchema>;
export type ReviewAnswer = ReviewEntry['answer'];
export type Study = z.infer<typeof StudySchema>;
