import { dirname } from 'node:path';
import type { DeepLink } from './deep-link';
import type { FolderSync } from '../../data/sync/folder-sync';
import type { DeviceInfo } from '../../data/sync/merge';
import { StudyError } from '../../data/model/errors';
import * as lists from '../../data/model/list-ops';
import { Jobs, type JobHold } from '../../data/jobs';
import type { LinkChecker } from '../../data/links/link-checks';
import type { FollowSchedule } from '../../data/follow/follow-schedule';
import type { ListFollower } from '../../data/follow/list-follower';
import { itemRef, resolveRef, resourceRef, resourceRefOf } from '../../data/model/refs';
import * as studyOps from '../../data/model/study-ops';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../data/storage/store';
import type { StudyDocument } from '../../data/model/schema';
import type { EventName } from './channels';
import type { AppState, PayloadOf, StudyHandlers } from './contract';
import { isSafeExternalUrl } from './external-url';
import { updateHandlers } from './update-handlers';
import type { HandlerContext } from './handler-context';
import { linkHandlers } from './link-handlers';
import { syncHandlers } from './sync-handlers';
import { transferHandlers } from './transfer-handlers';
import type { UpdateService } from './updates';

export interface HandlerDeps {
  store: Store;
  /** shell.openExternal in Electron; a recorder in the harness. */
  openExternal: (url: string) => Promise<void>;
  /** shell.openPath in Electron (the system file manager); a recorder in the harness. */
  openPath: (path: string) => Promise<void>;
  /** Sends an event to the window (webContents.send in Electron). */
  notify?: <E extends EventName>(event: E, payload: PayloadOf<E>) => void;
  /** The system's open and save dialogs (Electron's `dialog`); the harness has none and uses the page's. */
  /** Link checks (the device's log, the network); absent where a test does not need them. */
  links?: LinkChecker;
  /** Followed lists (their pages, the author's changes); absent where a test does not need them. */
  follower?: ListFollower;
  /** The weekly check of followed lists (this computer's setting); absent where a test does not need it. */
  followSchedule?: FollowSchedule;
  /** This computer and its data folder; absent where a test does not need them. */
  sync?: {
    device: DeviceInfo;
    /** The app's own folder (settings, device id); the data lives here unless a data folder was chosen. */
    appDir: string;
    dataFolder: string | null;
    folderSync: FolderSync | null;
    /** Starts the app again (app.relaunch in Electron); the harness records it. */
    relaunch: () => void;
  };
  /** The studyshelf:// links waiting for the window; absent where a test does not need them. */
  deepLinks?: { take(): DeepLink[] };
  /** Test seam: awaited at each cancellable stage of a job (see `Jobs`); the app never sets it. */
  holdJob?: JobHold;
  /** New versions (update-handlers.ts); absent where a test does not need them. */
  updates?: UpdateService;
  dialogs?: {
    chooseDataFolder?(): Promise<string | null>;
    chooseImportFile(): Promise<string | null>;
    chooseExportPath(defaultName: string): Promise<string | null>;
  };
}

export function stateOf(store: Store, nativeDialogs: boolean): AppState {
  return {
    document: store.document(),
    dataFile: store.file,
    notices: store.notices(),
    readOnly: store.readOnly(),
    health: store.health(),
    nativeDialogs,
  };
}

/** The API's behaviour, free of Electron: the same functions serve IPC and the test harness. */
export function createHandlers({ store, openExternal, openPath, dialogs, notify, links, follower, followSchedule, sync, holdJob, deepLinks, updates }: HandlerDeps): StudyHandlers {
  const jobs = new Jobs((progress) => notify?.('jobProgress', progress), holdJob);
  const appState = (s: Store) => stateOf(s, !!dialogs);
  const openDocument = () => {
    const doc = store.document();
    if (!doc) throw new StudyError('read-only', 'Your data is not open.');
    return doc;
  };
  const context: HandlerContext = { store, jobs, appState: () => appState(store), openDocument };
  const studyChange = async (apply: (doc: StudyDocument, at: string) => unknown) => {
    await store.change((doc) => apply(doc, store.now()));
    return appState(store);
  };
  return {
    getState: async () => appState(store),
    setDone: (ref, done) => store.setDone(ref, done),
    setStatus: (ref, status) => store.setStatus(ref, status),
    clearStatus: async (ref) => {
      await store.clearStatus(ref);
      return null;
    },
    saveNote: (ref, body) => store.saveNote(ref, body),
    saveWhereStopped: (ref, text) => store.saveWhereStopped(ref, text),
    addPart: (ref, title, url) => store.addPart(ref, title, url),
    renamePart: (ref, title) => store.renamePart(ref, title),
    movePart: async (ref, index) => {
      await store.movePart(ref, index);
      return null;
    },
    removePart: (ref) => store.removePart(ref),
    insertPart: (ref, part, index, progress) => store.insertPart(ref, part, index, progress),
    async openLink(ref) {
      const url = store.linkOf(ref);
      if (!isSafeExternalUrl(url)) {
        throw new StudyError('unsafe-url', 'This link is not a web address (http or https), so it was not opened.');
      }
      await openExternal(url);
      return url;
    },
    async openUrl(url) {
      if (!isSafeExternalUrl(url)) {
        throw new StudyError('unsafe-url', 'Only web addresses (http or https) are opened.');
      }
      await openExternal(url);
      return url;
    },
    // List-shape edits are journaled as commands (commands.ts): a small append, not a rewrite.
    async createList(fields) {
      const list = await store.command('createList', fields.title, fields.description);
      return { list, listId: list.id };
    },
    updateList: (id, fields) => store.command('updateList', id, fields),
    moveList: async (id, index) => {
      await store.command('moveList', id, index);
      return null;
    },
    deleteList: (id) => store.command('deleteList', id),
    restoreList: (removed) => store.command('restoreList', removed),
    resetList: (id) => store.command('resetList', id, store.shipped.filter((l) => l.id === id)),
    addResource: (listId, fields) => store.command('addResource', listId, fields),
    updateResource: (ref, fields) => store.changeResource(ref, (doc) => lists.updateResource(doc, ref, fields)),
    moveResource: (ref, toListId, index) => store.command('moveResource', ref, toListId, index),
    deleteResource: (ref) => store.command('deleteResource', ref),
    restoreResource: (removed) => store.command('restoreResource', removed),
    putBackList: (snapshot) => store.command('putBackList', snapshot),
    undoStatus: (ref, previous, at) => store.command('undoStatus', ref, previous, at),
    async getResource(ref) {
      const doc = openDocument();
      const found = resolveRef(doc, resourceRefOf(ref));
      if (!found) throw new StudyError('unknown-ref', `There is no resource “${ref}”.`);
      const { list, resource } = found;
      const key = resourceRef(list.id, resource.id);
      const refs = [key, ...[...resource.parts, ...resource.links].map((item) => itemRef(list.id, resource.id, item.id))];
      const progress = Object.fromEntries(refs.flatMap((r) => (doc.progress[r] ? [[r, doc.progress[r]]] : [])));
      return { listId: list.id, resource, progress, note: doc.notes[key] ?? null, customized: list.customized };
    },
    ...transferHandlers(context, dialogs),
    ...linkHandlers(context, { links, follower, followSchedule, openExternal }),
    ...syncHandlers(context, sync, dialogs),
    // Study time and reviews: rare changes, each saved with a whole write before the window hears back.
    startTimer: (ref, mode) => studyChange((doc, at) => studyOps.startTimer(doc, ref, mode, at, `s-${randomUUID()}`)),
    pauseTimer: () => studyChange((doc, at) => studyOps.pauseTimer(doc, at)),
    resumeTimer: () => studyChange((doc, at) => studyOps.resumeTimer(doc, at)),
    stopTimer: (minutes) => studyChange((doc, at) => studyOps.stopTimer(doc, at, minutes)),
    editSession: (id, minutes) => studyChange((doc, at) => studyOps.editSession(doc, id, minutes, at)),
    answerReview: (ref, answer, recalled) => studyChange((doc, at) => studyOps.answerReview(doc, ref, answer, recalled, at)),
    setStudySettings: (change) => studyChange((doc, at) => studyOps.setStudySettings(doc, change, at)),
    async takeDeepLinks() {
      return deepLinks?.take() ?? [];
    },
    async openDataFolder() {
      const folder = dirname(store.file);
      await openPath(folder);
      return folder;
    },
    ...updateHandlers(updates),
  };
}
