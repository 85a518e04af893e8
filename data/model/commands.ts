import { undoStatus } from './doc-ops';
import * as lists from './list-ops';
import type { StudyDocument } from './schema';

/**
 * Changes to the shape of lists (resources added, moved, deleted; lists created, renamed, moved,
 * deleted), and the undos that take back more than one entry (a status change and the activity it
 * logged; an import into a list), as named, pure commands: the journal records the command and its arguments, and a start
 * replays it by running the same function on the same state. Each is deterministic (no clock, no
 * randomness: ids come from titles and what is already there).
 */
export const COMMANDS = {
  createList: lists.createList,
  updateList: lists.updateList,
  moveList: lists.moveList,
  deleteList: lists.deleteList,
  restoreList: lists.restoreList,
  /** Recorded with the published list itself, so a replay after an app update gives the same result. */
  resetList: lists.resetList,
  addResource: lists.addResource,
  moveResource: lists.moveResource,
  deleteResource: lists.deleteResource,
  restoreResource: lists.restoreResource,
  /** The undo of an import into a list: the list, and its progress, as they were before it. */
  putBackList: lists.putBackList,
  /** The undo of a status change: its entry as it was, and the activity it logged taken out. */
  undoStatus,
} as const;

export type CommandName = keyof typeof COMMANDS;
type Rest<F> = F extends (doc: StudyDocument, ...args: infer A) => unknown ? A : never;
export type CommandArgs<N extends CommandName> = Rest<(typeof COMMANDS)[N]>;
export type CommandResult<N extends CommandName> = ReturnType<(typeof COMMANDS)[N]>;

export function runCommand(doc: StudyDocument, name: CommandName, args: readonly unknown[]): unknown {
  const command = COMMANDS[name] as (doc: StudyDocument, ...args: unknown[]) => unknown;
  if (typeof command !== 'function') throw new Error(`Unknown command ${String(name)}`);
  return command(doc, ...args);
}
