import { z } from 'zod';
import type { ErrorCode } from '../../data/errors';
import type { Note, ProgressEntry, StudyDocument } from '../../data/schema';
import type { MethodName } from './channels';

export { APP_ORIGIN, CHANNELS, FLUSH_HOOK, METHOD_NAMES, channelOf, type MethodName } from './channels';

/**
 * The whole surface main offers the renderer. Each method's arguments are a zod tuple: main parses
 * every call with it, because arguments that crossed IPC are untrusted until then. The names come from
 * channels.ts; `satisfies` makes this object hold exactly those methods, no more and no fewer.
 */
const RefArg = z.string().min(3).max(400);
/** Generous (16 M characters) so a very long note is accepted, bounded so one call cannot exhaust main. */
export const MAX_NOTE_LENGTH = 16 * 1024 * 1024;

export const methods = {
  getState: z.tuple([]),
  setDone: z.tuple([RefArg, z.boolean()]),
  saveNote: z.tuple([RefArg, z.string().max(MAX_NOTE_LENGTH)]),
  openLink: z.tuple([RefArg]),
} as const satisfies Record<MethodName, z.ZodTuple>;
export type ArgsOf<M extends MethodName> = z.infer<(typeof methods)[M]>;

export interface AppState {
  document: StudyDocument;
  dataFile: string;
}

interface Returns {
  getState: AppState;
  setDone: ProgressEntry;
  saveNote: Note | null;
  /** The address handed to the system browser. */
  openLink: string;
}
export type ReturnOf<M extends MethodName> = Returns[M];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** What main implements: plain async functions over a store. */
export type StudyHandlers = { [M in MethodName]: (...args: ArgsOf<M>) => Promise<ReturnOf<M>> };

