import { runCommand, type CommandName } from '../model/commands';
import * as ops from '../model/doc-ops';
import { resourceRefOf } from '../model/refs';
import type { StudyDocument } from '../model/schema';
import type { Store } from './store-api';

/** The store's way of making one change durable through the journal (see openStore's `journaled`). */
export type Journaled = <T>(change: (doc: StudyDocument) => T, resourceRef?: string, command?: { name: CommandName; args: unknown[] }) => Promise<T>;

type Edits = Pick<
  Store,
  'setDone' | 'setStatus' | 'clearStatus' | 'saveNote' | 'saveWhereStopped' | 'addPart' | 'renamePart' | 'movePart' | 'removePart' | 'insertPart' | 'changeResource' | 'command'
>;

/** The edits a user makes most (ticks, notes, parts, list commands), each one journaled change. */
export function journaledEdits(journaled: Journaled, now: () => string): Edits {
  return {
    setDone: (ref, done) => journaled((doc) => ops.setStatus(doc, ref, done ? 'done' : 'todo', now())),
    setStatus: (ref, status) => journaled((doc) => ops.setStatus(doc, ref, status, now())),
    clearStatus: (ref) => journaled((doc) => ops.clearStatus(doc, ref)),
    saveNote: (ref, body) => journaled((doc) => ops.editNote(doc, ref, { body }, now())),
    saveWhereStopped: (ref, text) => journaled((doc) => ops.editNote(doc, ref, { whereStopped: text.trim() }, now())),
    // Part edits change one resource in place: journaled with that resource, like a tick.
    addPart: (resourceRef, title, url) => journaled((doc) => ops.addPart(doc, resourceRef, title, url), resourceRef),
    renamePart: (partRef, title) => journaled((doc) => ops.renamePart(doc, partRef, title), resourceRefOf(partRef)),
    movePart: (partRef, toIndex) => journaled((doc) => ops.movePart(doc, partRef, toIndex), resourceRefOf(partRef)),
    removePart: (partRef) => journaled((doc) => ops.removePart(doc, partRef), resourceRefOf(partRef)),
    insertPart: (resourceRef, part, index, progress) => journaled((doc) => ops.insertPart(doc, resourceRef, part, index, progress), resourceRef),
    changeResource: (resourceRef, apply) => journaled(apply, resourceRef),
    command: (name, ...args) => journaled((doc) => runCommand(doc, name, args), undefined, { name, args }) as never,
  };
}
