import type { JobHold } from '../../data/jobs';
import { DeepLinkQueue, parseDeepLink } from './deep-link';
import type { RunOptions } from '../../data/links/check-links';
import type { LinkChecker } from '../../data/links/link-checks';
import { openStore, type Store, type StoreOptions } from '../../data/storage/store';
import type { FolderSync, FolderSyncOptions } from '../../data/sync/folder-sync';
import { watchDataFile } from '../../data/storage/watch';
import { markInterrupted } from '../../data/model/study-ops';
import { channelOf } from './channels';
import { dataLocation, type DataLocation } from './data-dir';
import { createHandlers, stateOf, type HandlerDeps } from './handlers';
import { startReminders, type ReminderPlatform } from './reminders';
import { startServices } from './services';
import type { StudyHandlers } from './contract';
import { UpdateService, type UpdatePlatform } from './updates';

/**
 * What the app needs from the platform it runs on: Electron in `main.ts`; Chromium and recorders in the
 * test harness; nothing at all in the memory bench. Everything else is the same wiring, built here once.
 */
export interface Platform {
  /** The app's own folder (settings, device id, link log); the data lives here unless a data folder was chosen. */
  appDir: string;
  /** The environment (STUDYSHELF_DATA_DIR and friends). */
  env: Readonly<Record<string, string | undefined>>;
  /** The system's open and save dialogs exist (Electron); the harness uses the page's file input instead. */
  nativeDialogs: boolean;
  /** A message to the window on a channel (webContents.send in Electron). */
  send: (channel: string, payload: unknown) => void;
  openExternal: HandlerDeps['openExternal'];
  openPath: HandlerDeps['openPath'];
  /** Starts the app again (after its data moved). */
  relaunch: () => void;
  dialogs?: HandlerDeps['dialogs'];
  /** Link-check settings: the system's view of the network in Electron; loopback servers in tests. */
  linkRun?: Partial<RunOptions>;
  /** The weekly link check and the weekly check of followed lists (each when the user turned it on) are looked for this often; none: not scheduled. */
  linkSchedule?: { everyMs: number; firstAfterMs: number };
  syncTiming?: Pick<FolderSyncOptions, 'settleMs' | 'pollMs'>;
  /** Test seams handed to the real store (a failing disk, short retry delays, a clock). */
  store?: Pick<StoreOptions, 'fs' | 'retryDelaysMs' | 'now'>;
  /** The daily reminder's notification (Electron's Notification in main); none: no reminders (harness, bench). */
  reminders?: ReminderPlatform;
  /** Test seam: holds a job at each stage (see `Jobs`); the app never sets it. */
  holdJob?: JobHold;
  /** New versions: electron-updater in Electron, a feed on loopback in tests; none: no updates (bench). */
  updates?: UpdatePlatform;
}

export interface RunningApp {
  location: DataLocation;
  store: Store;
  handlers: StudyHandlers;
  links: LinkChecker;
  /** The merging of the other computers' changes, when the data is in a shared folder. */
  folderSync: FolderSync | null;
  /** New versions: checked at start unless the user turned it off. */
  updates: UpdateService;
  /** Settles after the first merge of a shared folder (the window may open before). */
  started: Promise<void>;
  /** Stops what watches and schedules, then closes the store once every acknowledged write is on disk. */
  close(): Promise<void>;
  /**
   * A studyshelf:// link the system opened the app with: parsed, kept until the window takes it, and
   * the window told. `ask`: the window was not focused, so it asks before adding.
   */
  openDeepLink(raw: string, ask: boolean): void;
}

/**
 * Starts Studyshelf's main side: where the data is, the store, link checks and folder sync, the IPC
 * handlers, the state sent to the window on every change, the data file watched for other programs.
 * The one place this is wired, for the app, the harness, the preview and the bench alike.
 */
export async function startApp(platform: Platform): Promise<RunningApp> {
  const location = await dataLocation(platform.appDir, platform.env);
  const store = await openStore({ dir: location.dataDir, ...platform.store });
  // A focus timer still running from the last run: the app closed or crashed meanwhile, so the window
  // asks how long the session really was instead of counting the hours the app was not open.
  if (store.document()?.study?.timer && !store.readOnly()) await store.changeIfAny(markInterrupted).catch(() => undefined);
  const notify: NonNullable<HandlerDeps['notify']> = (event, payload) => platform.send(channelOf(event), payload);
  let services: Awaited<ReturnType<typeof startServices>>;
  try {
    services = await startServices({
      appDir: platform.appDir,
      location,
      store,
      nativeDialogs: platform.nativeDialogs,
      send: notify,
      linkRun: platform.linkRun,
      syncTiming: platform.syncTiming,
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  const { links, follower, followSchedule, folderSync, started } = services;
  const deepLinks = new DeepLinkQueue();
  const updates = new UpdateService({ appDir: platform.appDir, platform: platform.updates, onChange: (state) => notify('updatesChanged', state) });
  const handlers = createHandlers({
    deepLinks,
    store,
    links,
    follower,
    followSchedule,
    sync: { device: location.device, appDir: platform.appDir, dataFolder: location.dataFolder, folderSync, relaunch: platform.relaunch },
    openExternal: platform.openExternal,
    openPath: platform.openPath,
    notify,
    dialogs: platform.dialogs,
    holdJob: platform.holdJob,
    updates,
  });
  // Whatever changes the data under the window (another program, a restore, the disk filling up), the
  // window hears it and shows the new state.
  const unsubscribe = store.subscribe(() => platform.send(channelOf('stateChanged'), stateOf(store, platform.nativeDialogs)));
  const stopWatching = watchDataFile(store);
  const stopSchedule = platform.linkSchedule ? links.startSchedule(platform.linkSchedule.everyMs, platform.linkSchedule.firstAfterMs) : () => undefined;
  const stopFollowSchedule = platform.linkSchedule ? followSchedule.start(platform.linkSchedule.everyMs, platform.linkSchedule.firstAfterMs) : () => undefined;
  const now = platform.store?.now ?? (() => new Date());
  // A click on a reminder shows the Review view, as the Go menu's command does.
  const reminders = platform.reminders
    ? startReminders({ ...platform.reminders, appDir: platform.appDir, document: () => store.document(), now, onClick: () => platform.send(channelOf('menuCommand'), { id: 'showReview' }) })
    : null;
  // Never waited for: a slow or failing feed does not hold the window back.
  void updates.start();
  let closing: Promise<void> | undefined;
  return {
    location,
    store,
    handlers,
    links,
    folderSync,
    updates,
    started,
    openDeepLink(raw, ask) {
      deepLinks.push(parseDeepLink(raw, ask));
      platform.send(channelOf('deepLinkArrived'), null);
    },
    close() {
      closing ??= (async () => {
        stopWatching();
        stopSchedule();
        stopFollowSchedule();
        reminders?.stop();
        folderSync?.stop();
        unsubscribe();
        await store.close();
      })();
      return closing;
    },
  };
}
