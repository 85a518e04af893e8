import { z } from 'zod';
import type { CommandName } from '../model/commands';
import {
  ActivitySchema,
  IdSchema,
  ID_PATTERN,
  NoteSchema,
  ProgressEntrySchema,
  ResourceSchema,
  SCHEMA_VERSION,
  StudyListSchema,
  TimestampSchema,
} from '../model/schema';

/**
 * The check a journal entry passes before it is appended or replayed: the same zod schemas as the
 * document's, on the few hundred bytes the entry holds — never the whole document on a tick. A line
 * from another computer's journal is as untrusted as any file: it is applied only if it passes.
 */

/** The data format an entry is written in: a line from a newer Studyshelf is not applied. */
export const JOURNAL_VERSION = SCHEMA_VERSION;

// An id two or three times: one expression, checked on every tick.
const ID = ID_PATTERN.source;
const RefSchema = z.string().regex(new RegExp(`^${ID}/${ID}(?:/${ID})?$`), 'a ref is listId/resourceId or listId/resourceId/itemId');
const IndexSchema = z.number().int();
const RemovedEntries = { index: IndexSchema, progress: z.record(RefSchema, ProgressEntrySchema), notes: z.record(RefSchema, NoteSchema) };

/** The arguments of each command (commands.ts), as the window may send them. */
const COMMAND_ARGS: Record<CommandName, z.ZodType> = {
  createList: z.tuple([z.string().max(1000), z.string().max(10_000)]),
  updateList: z.tuple([IdSchema, z.object({ title: z.string().max(1000), description: z.string().max(10_000) })]),
  moveList: z.tuple([IdSchema, IndexSchema]),
  deleteList: z.tuple([IdSchema]),
  restoreList: z.tuple([z.object({ item: StudyListSchema, ...RemovedEntries })]),
  resetList: z.tuple([IdSchema, z.array(StudyListSchema)]),
  addResource: z.tuple([
    IdSchema,
    z.object({
      title: z.string().max(1000),
      url: z.string().max(4096).nullable(),
      author: z.string().max(500).nullable(),
      description: z.string().max(10_000),
      kind: z.string().max(100).optional(),
      // As the window sent them: the command cleans them (tags.ts) when it runs, or refuses them.
      tags: z.array(z.string().max(1000)).max(1000).optional(),
      estimateMinutes: z.number().int().min(1).max(100_000).nullable().optional(),
      id: IdSchema.optional(),
    }),
  ]),
  moveResource: z.tuple([RefSchema, IdSchema, IndexSchema]),
  deleteResource: z.tuple([RefSchema]),
  restoreResource: z.tuple([z.object({ item: ResourceSchema, listId: IdSchema, ...RemovedEntries })]),
  putBackList: z.tuple([z.object({ item: StudyListSchema, ...RemovedEntries, after: z.object({ item: StudyListSchema, progress: z.record(RefSchema, ProgressEntrySchema), notes: z.record(RefSchema, NoteSchema) }).optional() })]),
  undoStatus: z.tuple([RefSchema, ProgressEntrySchema.nullable(), TimestampSchema]),
};

const CommandSchema = z
  .object({ name: z.string(), args: z.array(z.unknown()) })
  .superRefine((command, ctx) => {
    const args = Object.hasOwn(COMMAND_ARGS, command.name) ? COMMAND_ARGS[command.name as CommandName] : null;
    if (!args) return void ctx.addIssue({ code: 'custom', message: `there is no command “${command.name}”`, path: ['name'] });
    const parsed = args.safeParse(command.args);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['args', ...issue.path] });
  });

// Compiled (zod's own ahead-of-time fast path, the same rules): a tick pays for this check, and the
// generic parser cost ~15 µs of it where the compiled one costs ~5 µs (and ~40 µs while still cold).
const JournalEntrySchema = z.compile(z.object({
  v: z.number().int().optional(),
  progress: z.record(RefSchema, ProgressEntrySchema.nullable()),
  notes: z.record(RefSchema, NoteSchema.nullable()),
  activity: z.array(ActivitySchema),
  resources: z.record(RefSchema, ResourceSchema).optional(),
  customized: z.array(IdSchema).optional(),
  command: CommandSchema.optional(),
}), { strict: true });

/** Why an entry must not be applied, in words; null when it may. */
export function entryProblem(entry: unknown): string | null {
  const version = typeof entry === 'object' && entry !== null && 'v' in entry ? entry.v : undefined;
  // Lines without a version were written before versions were recorded, in this data format.
  if (typeof version === 'number' && version > JOURNAL_VERSION) return `written by a newer version of Studyshelf (data format ${version})`;
  if (z.validate(JournalEntrySchema, entry)) return null;
  // Refused: the parser says why.
  const parsed = JournalEntrySchema.safeParse(entry);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'entry'}: ${issue.message}`;
}
