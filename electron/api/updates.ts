import { join } from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from '../../data/storage/durable-json-file';
import type { UpdateState } from '../../data/model/reports';

/**
 * Updates the way desktop apps do them: a check at start (unless the user turned it off in the
 * window), the new version downloaded in the background, then "A new version is ready — restart to
 * update" in the window. Electron-free: main hands in electron-updater's `autoUpdater`; tests hand in a
 * real updater pointed at a feed on loopback, or a stand-in. A failed check never blocks anything: the
 * window says so quietly and the app goes on.
 */

/** The part of electron-updater's AppUpdater this service uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** null: updates are not active in this build (not packaged). */
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string }; downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall(): void;
}

export interface UpdatePlatform {
  /** The updater, loaded when first needed (main imports electron-updater lazily). */
  updater: () => Promise<Updater>;
  /** The system's view of the network: false means no connection, so nothing is tried. */
  isOnline?: () => boolean;
}

export type { UpdateState, UpdateStatus } from '../../data/model/reports';

export const UPDATE_SETTINGS_FILE_NAME = 'update-settings.json';
const SettingsSchema = z.object({ checkAtStart: z.boolean() });

export class UpdateService {
  readonly #platform: UpdatePlatform | undefined;
  readonly #settings: DurableJsonFile<unknown>;
  readonly #onChange: (state: UpdateState) => void;
  #state: UpdateState = { checkAtStart: true, status: 'idle', version: null, message: null };
  #updater: Promise<Updater> | null = null;
  #checking: Promise<UpdateState> | null = null;

  constructor(options: { appDir: string; platform?: UpdatePlatform; onChange: (state: UpdateState) => void }) {
    this.#platform = options.platform;
    this.#settings = new DurableJsonFile<unknown>(join(options.appDir, UPDATE_SETTINGS_FILE_NAME));
    this.#onChange = options.onChange;
    if (!options.platform) this.#state = { ...this.#state, status: 'unavailable' };
  }

  get state(): UpdateState {
    return this.#state;
  }

  /** Reads the setting; checks at once when it is on. Never throws, never waits for the network. */
  async start(): Promise<void> {
    try {
      const parsed = SettingsSchema.safeParse(await this.#settings.read());
      if (parsed.success) this.#state = { ...this.#state, checkAtStart: parsed.data.checkAtStart };
    } catch {
      // An unreadable settings file: the default (check at start) stands.
    }
    if (this.#state.checkAtStart) void this.check();
  }

  async setCheckAtStart(enabled: boolean): Promise<UpdateState> {
    await this.#settings.write({ checkAtStart: enabled });
    this.#set({ checkAtStart: enabled });
    return this.#state;
  }

  /** Looks for a new version and downloads it; the state says how it went. One check at a time. */
  check(): Promise<UpdateState> {
    this.#checking ??= this.#check().finally(() => (this.#checking = null));
    return this.#checking;
  }

  /** Quits and installs the downloaded version; refused unless one is ready. */
  async restart(): Promise<boolean> {
    if (this.#state.status !== 'ready' || !this.#updater) return false;
    (await this.#updater).quitAndInstall();
    return true;
  }

  async #check(): Promise<UpdateState> {
    const platform = this.#platform;
    if (!platform || this.#ready()) return this.#state;
    if (platform.isOnline && !platform.isOnline()) return this.#set({ status: 'offline', message: 'No network connection, so Studyshelf did not look for a new version.' });
    this.#set({ status: 'checking', message: null });
    try {
      const updater = await this.#load(platform);
      const result = await updater.checkForUpdates();
      if (!result) return this.#set({ status: 'unavailable' });
      if (!result.isUpdateAvailable) return this.#set({ status: 'latest', version: null });
      // A small download may already be in (update-downloaded fired during the check): ready stays ready.
      if (!this.#ready()) this.#set({ status: 'downloading', version: result.updateInfo.version });
      await result.downloadPromise;
      // update-downloaded has said "ready" by now; if it did not fire, the download is still not ready.
      return this.#state;
    } catch (error) {
      return this.#failed(error);
    }
  }

  #load(platform: UpdatePlatform): Promise<Updater> {
    this.#updater ??= platform.updater().then((updater) => {
      // Downloaded in the background, installed when the user restarts (or quits) — never mid-study.
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.on('update-downloaded', (info) => this.#set({ status: 'ready', version: info.version, message: null }));
      // Errors also reach the promise of the check; this keeps a late one (in the download) quiet too.
      updater.on('error', (error) => void this.#failed(error));
      return updater;
    });
    this.#updater.catch(() => (this.#updater = null));
    return this.#updater;
  }

  #failed(error: unknown): UpdateState {
    if (this.#ready()) return this.#state;
    return this.#set({ status: 'failed', message: `Could not look for a new version: ${shortReason(error)}` });
  }

  #ready(): boolean {
    return this.#state.status === 'ready';
  }

  #set(change: Partial<UpdateState>): UpdateState {
    this.#state = { ...this.#state, ...change };
    this.#onChange(this.#state);
    return this.#state;
  }
}

/** The first line of an updater's error, without its stack or the feed's whole answer. */
function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line || 'unknown error';
}
