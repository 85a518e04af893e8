import { dirname, isAbsolute } from 'node:path';
import { deviceDir, renameDevice, saveSettings } from '../../data/sync/device';
import type { DeepLink } from './deep-link';
import type { FolderSync } from '../../data/sync/folder-sync';
import type { DeviceInfo } from '../../data/sync/merge';
import { copyData, removeMovedData } from '../../data/sync/move-data';
import { StudyError } from '../../data/model/errors';
import { mergeDocuments, previewBackupFile, readBackupFile } from '../../data/storage/backup-file';
import * as lists from '../../data/model/list-ops';
import { Jobs, type JobHandle, type JobHold } from '../../data/jobs';
import type { LinkChecker } from '../../data/links/link-checks';
import { DEFAULT_MAX_PAGE_BYTES } from '../../data/links/fetch-page';
import { fillFromPage } from '../../data/links/fill-from-page';
import type { FollowSchedule } from '../../data/follow/follow-schedule';
import type { ListFollower } from '../../data/follow/list-follower';
import { itemRef, resolveRef, resourceRef, resourceRefOf } from '../../data/model/refs';
import { exportFileName, exportFrom, importOutcomeJob, previewImportJob, type ExportFormat, type ImportOutcome } from '../../data/transfer';
import { readImportFile, writeExportFile } from '../../data/user-files';
import * as studyOps from '../../data/model/study-ops';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../data/storage/store';
import type { StudyDocument, StudyList } from '../../data/model/schema';
import type { Removed } from '../../data/model/list-ops';
import type { EventName } from './channels';
import type { AppState, PayloadOf, StudyHandlers } from './contract';
import { isSafeExternalUrl } from './external-url';
import { updateHandlers } from './update-handlers';
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
  /** Writing an export is a job: shown with progress when it takes a while, cancellable until it is saved. */
  const exportOf = async (listId: string | null, format: ExportFormat, job: JobHandle) => {
    const doc = openDocument();
    const lists = listId === null ? doc.lists : doc.lists.filter((l) => l.id === listId);
    const resources = lists.reduce((n, l) => n + l.resources.length, 0);
    await job.stage(`Writing ${resources.toLocaleString('en')} resources`, 0);
    const file = exportFrom(doc, listId, format);
    await job.commit('Saving', 0.8);
    return file;
  };
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
  const syncDeps = () => {
    if (!sync) throw new StudyError('invalid-argument', 'Sync is not available in this window.');
    return sync;
  };
  const syncInfo = () => {
    const deps = syncDeps();
    return { device: deps.device, dataFolder: deps.dataFolder, status: deps.folderSync?.status() ?? null };
  };
  const studyChange = async (apply: (doc: StudyDocument, at: string) => unknown) => {
    await store.change((doc) => apply(doc, store.now()));
    return appState(store);
  };
  /** The folder the system dialog returned last: in Electron, the only one the window may move the data to. */
  let chosenFolder: string | null = null;
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
    previewImport: (fileName, content, jobId, into) => jobs.run(jobId, (job) => previewImportJob(() => store.document(), fileName, content, job, into)),
    importList: (fileName, content, mode, jobId, options) =>
      jobs.run(jobId, async (job) => {
        if (store.readOnly()) throw new StudyError('read-only', store.readOnly()!);
        const apply = await importOutcomeJob(fileName, content, mode, new Date().toISOString(), job, options);
        if (mode === 'new') return { ...appState(store), ...(await store.change(apply)) };
        // An update from the file the list already is changes nothing, and writes nothing.
        let outcome: ImportOutcome | undefined;
        let before: Removed<StudyList> | undefined;
        await store.changeIfAny((doc) => {
          // An import into a list is taken back whole: what it added and what it changed.
          if (options?.intoListId) before = lists.listSnapshot(doc, options.intoListId);
          return (outcome = apply(doc)).changed;
        });
        return { ...appState(store), ...outcome!, ...(before && outcome!.changed ? { before } : {}) };
      }),
    cancelJob: async (jobId) => jobs.cancel(jobId),
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
    exportList: (listId, format, jobId) => jobs.run(jobId, (job) => exportOf(listId, format, job)),
    async openImportFile() {
      if (!dialogs) throw new StudyError('invalid-argument', 'This window has no file dialog; choose the file in the page.');
      const path = await dialogs.chooseImportFile();
      return path ? readImportFile(path) : null;
    },
    async saveExport(listId, format, jobId) {
      if (!dialogs) throw new StudyError('invalid-argument', 'This window has no file dialog; the file is downloaded instead.');
      const path = await dialogs.chooseExportPath(exportFileName(listId, format));
      if (!path) return null;
      return jobs.run(jobId, async (job) => {
        const { content } = await exportOf(listId, format, job);
        await writeExportFile(path, content);
        return path;
      });
    },
    previewBackupFile: async (fileName, content) => previewBackupFile(readBackupFile(fileName, content)),
    async restoreFromFile(fileName, content, mode) {
      const incoming = readBackupFile(fileName, content);
      if (mode === 'replace') await store.replaceWith(incoming);
      // The merge builds new top-level fields and replaces them (it changes neither input), so the
      // store keeps only those to put back if the result is refused, not a deep copy of everything.
      else await store.changeIfAny((current) => (Object.assign(current, mergeDocuments(current, incoming)), true));
      return appState(store);
    },
    listBackups: () => store.listBackups(),
    async restoreBackup(name) {
      await store.restoreBackup(name);
      return appState(store);
    },
    async startFresh() {
      await store.startFresh();
      return appState(store);
    },
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
    getSyncStatus: async () => syncInfo(),
    async syncNow() {
      await syncDeps().folderSync?.syncNow();
      return syncInfo();
    },
    async chooseDataFolder() {
      if (!dialogs?.chooseDataFolder) throw new StudyError('invalid-argument', 'This window has no folder dialog; type the folder instead.');
      chosenFolder = await dialogs.chooseDataFolder();
      return chosenFolder;
    },
    async moveDataFolder(folder) {
      const deps = syncDeps();
      if (dialogs && folder !== null && folder !== chosenFolder) {
        throw new StudyError('forbidden', 'Choose the folder with “Choose folder…”.');
      }
      if (folder !== null && !isAbsolute(folder)) throw new StudyError('invalid-argument', 'Choose a folder by its full path.');
      if (store.readOnly()) throw new StudyError('read-only', store.readOnly()!);
      const from = dirname(store.file);
      const to = folder === null ? deps.appDir : deviceDir(folder, deps.device.id);
      // Folds the journal in and stops writing: what is copied is everything, and nothing comes after.
      deps.folderSync?.stop();
      try {
        // A close whose last write failed stops the move (what it held is in the recovery file, next to
        // the data that stays where it is).
        await store.close();
        await copyData(from, to);
        await saveSettings(deps.appDir, { dataFolder: folder });
      } catch (error) {
        // Nothing was switched: the app starts again on the data where it was.
        deps.relaunch();
        throw error;
      }
      await removeMovedData(from, { sharedDeviceDir: deps.dataFolder !== null });
      deps.relaunch();
      return to;
    },
    async renameDevice(name) {
      const deps = syncDeps();
      deps.device = await renameDevice(deps.appDir, deps.device, name);
      await deps.folderSync?.rename(deps.device);
      return syncInfo();
    },
    // Study time and reviews: rare changes, each saved with a whole write before the window hears back.
    startTimer: (ref, mode) => studyChange((doc, at) => studyOps.startTimer(doc, ref, mode, at, `s-${randomUUID()}`)),
    pauseTimer: () => studyChange((doc, at) => studyOps.pauseTimer(doc, at)),
    resumeTimer: () => studyChange((doc, at) => studyOps.resumeTimer(doc, at)),
    stopTimer: (minutes) => studyChange((doc, at) => studyOps.stopTimer(doc, at, minutes)),
    editSession: (id, minutes) => studyChange((doc, at) => studyOps.editSession(doc, id, minutes, at)),
    answerReview: (ref, answer, recalled) => studyChange((doc, at) => studyOps.answerReview(doc, ref, answer, recalled, at)),
    setStudySettings: (change) => studyChange((doc, at) => studyOps.setStudySettings(doc, change, at)),
    getFollowStates: async () => listFollower().states(),
    async followList(listId, url) {
      if (store.readOnly()) throw new StudyError('read-only', store.readOnly()!);
      await listFollower().follow(listId, url);
      return appState(store);
    },
    checkFollowedList: (listId) => listFollower().check(listId),
    reviewLeftChanges: (listId) => listFollower().reviewLeft(listId),
    getFollowSchedule: async () => weeklyFollow().settings(),
    setAutoCheckFollowed: (enabled) => weeklyFollow().setAutoCheck(enabled),
    fetchWebList: (url) => listFollower().fetchPage(url),
    finishListReview: async (listId, take) => ({ ...(await listFollower().finishReview(listId, take)), ...appState(store) }),
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
