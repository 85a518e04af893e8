import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, Notification, screen, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { OPEN_DIALOG_FILTERS } from '../data/model/import-formats';
import { startApp, type RunningApp } from './api/app-core';
import type { Updater } from './api/updates';
import { appMenuTemplate, ISSUES_URL } from './api/app-menu';
import { DEEP_LINK_SCHEME, deepLinkInArgv } from './api/deep-link';
import { APP_ORIGIN, channelOf, FLUSH_HOOK } from './api/channels';
import { userDataDirFromArgs } from './api/data-dir';
import { isAppUrl } from './api/origins';
import { restoredWindowState, type WindowState } from './api/window-bounds';
import { registerIpc } from './ipc';
import { hardenAllContents, hardenSession, registerAppScheme, serveRenderer } from './security';
import { mainWindowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
/** How long a closing window may take to write a pending note before it closes anyway. */
const FLUSH_TIMEOUT_MS = 3000;

const userDataArg = userDataDirFromArgs(process.argv);
if (userDataArg) app.setPath('userData', resolve(userDataArg));
registerAppScheme();

let running: RunningApp | undefined;
let mainWindow: BrowserWindow | undefined;
/** How often main looks whether the weekly link check (if the user turned it on) is due. */
const LINK_SCHEDULE_MS = 60 * 60 * 1000;

/** How often main looks whether the daily reminder (if the user turned it on) is due. */
const REMINDER_CHECK_MS = 60 * 1000;
/** The reminder on screen: kept referenced, or its click handler may be collected with it. */
let shownReminder: Notification | undefined;

/** The daily reminder as a desktop notification; a click brings the window forward (App shows Review). */
function showReminder(text: string, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  shownReminder = new Notification({ title: 'Studyshelf', body: text });
  shownReminder.on('click', () => {
    mainWindow ??= createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    onClick();
  });
  shownReminder.show();
}

/** studyshelf:// links that came before the app core ran (at start, or macOS's open-url before ready). */
const waitingLinks: string[] = [];
const startLink = deepLinkInArgv(process.argv);
if (startLink) waitingLinks.push(startLink);

/** A studyshelf:// link: only ever adds one resource; the window asks first when it is not focused. */
function openDeepLink(raw: string, ask: boolean): void {
  if (running) running.openDeepLink(raw, ask);
  else waitingLinks.push(raw);
}

if (!app.requestSingleInstanceLock()) {
  // Another Studyshelf owns the data file; it focuses its window (second-instance below).
  app.quit();
} else {
  // The app opens studyshelf:// links (the installers register it too: electron-builder.yml's protocols).
  if (process.defaultApp) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1] ?? '.')]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  // macOS hands a link over with open-url; Windows and Linux start a second instance with it in argv.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(url, !mainWindow?.isFocused());
  });
  app.on('second-instance', (_event, argv: unknown) => {
    const link = deepLinkInArgv(argv);
    if (link) openDeepLink(link, !mainWindow?.isFocused());
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenAllContents(devServerUrl);
  app.whenReady().then(start, (error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(join(here, '../renderer'));
  const appDir = app.getPath('userData');
  const chooseWith = (options: Electron.OpenDialogOptions) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
  try {
    // Everything but the window is the app core's, wired the same way for the test harness.
    running = await startApp({
      appDir,
      env: process.env,
      nativeDialogs: true,
      send: (channel, payload) => mainWindow?.webContents.send(channel, payload),
      openExternal: (url) => shell.openExternal(url),
      openPath: async (path) => {
        const failure = await shell.openPath(path);
        if (failure) throw new Error(failure);
      },
      relaunch: () => {
        app.relaunch();
        storeClosed = true;
        app.exit(0);
      },
      // Chromium's view of the network: false means no connection at all, so nothing is even tried.
      linkRun: { isOnline: () => net.isOnline() },
      linkSchedule: { everyMs: LINK_SCHEDULE_MS, firstAfterMs: 2 * 60 * 1000 },
      reminders: { everyMs: REMINDER_CHECK_MS, show: showReminder },
      // electron-updater, loaded only when the check runs; its feed is electron-builder.yml's `publish`.
      updates: { updater: loadUpdater, isOnline: () => net.isOnline() },
      dialogs: {
        async chooseDataFolder() {
          const result = await chooseWith({ title: 'Choose the data folder (e.g. inside your Syncthing or Dropbox folder)', properties: ['openDirectory', 'createDirectory'] });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        async chooseImportFile() {
          const result = await chooseWith({ title: 'Import a list', properties: ['openFile'], filters: OPEN_DIALOG_FILTERS });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        async chooseExportPath(defaultName) {
          const options = { title: 'Export', defaultPath: join(app.getPath('documents'), defaultName) };
          const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
          return result.canceled ? null : (result.filePath ?? null);
        },
      },
    });
  } catch (error) {
    fatal(error);
    return;
  }
  // A shared data folder's first merge runs in the background: the window opens meanwhile and shows it when it lands.
  void running.started.catch(() => undefined);
  registerIpc(ipcMain, running.handlers, (event) => event.senderFrame !== null && isAppUrl(event.senderFrame.url, devServerUrl));
  setApplicationMenu(running);
  mainWindow = createWindow();
  // Links that came with the start: the window was not even there, so it asks.
  for (const link of waitingLinks.splice(0)) running.openDeepLink(link, true);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

/** electron-updater's updater for this platform (AppImage, deb, NSIS, dmg), reading the packaged app-update.yml. */
async function loadUpdater(): Promise<Updater> {
  const module = await import('electron-updater');
  return (module.default ?? module).autoUpdater;
}

/** The menu of the command table; a window command is sent to the window as the menuCommand event. */
function setApplicationMenu(runningApp: RunningApp): void {
  const template = appMenuTemplate({
    platform: process.platform,
    appName: app.name,
    send: (id) => mainWindow?.webContents.send(channelOf('menuCommand'), { id }),
    run: {
      about: () => {
        const options = { type: 'info' as const, title: 'About Studyshelf', message: `Studyshelf ${app.getVersion()}`, detail: `Your data is in ${runningApp.location.dataDir}` };
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      },
      reportProblem: () => void shell.openExternal(ISSUES_URL),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
}

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/** The size and place the window had when it was last closed, if its screen is still there. */
function savedWindowState(options: { minWidth?: number; minHeight?: number }): WindowState | null {
  try {
    const saved: unknown = JSON.parse(readFileSync(windowStateFile(), 'utf8'));
    const areas = screen.getAllDisplays().map((d) => d.workArea);
    return restoredWindowState(saved, areas, { width: options.minWidth ?? 800, height: options.minHeight ?? 560 });
  } catch {
    return null;
  }
}

function saveWindowState(win: BrowserWindow): void {
  const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    writeFileSync(windowStateFile(), JSON.stringify(state));
  } catch {
    // Losing the window's place is harmless; never block closing on it.
  }
}

function createWindow(): BrowserWindow {
  const options = mainWindowOptions(join(here, '../preload/index.cjs'));
  const saved = savedWindowState(options);
  const win = new BrowserWindow(saved ? { ...options, ...saved.bounds } : options);
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  let flushed = false;
  win.on('close', (event) => {
    if (flushed) return;
    saveWindowState(win);
    event.preventDefault();
    void flushRenderer(win.webContents).finally(() => {
      flushed = true;
      win.close();
    });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

/** Asks the page to write any note still waiting in its debounce; gives up after a timeout. */
async function flushRenderer(contents: WebContents): Promise<void> {
  if (contents.isDestroyed() || contents.isCrashed()) return;
  const timeout = new Promise<void>((done) => setTimeout(done, FLUSH_TIMEOUT_MS));
  const flush = contents
    .executeJavaScript(`typeof window.${FLUSH_HOOK} === 'function' ? window.${FLUSH_HOOK}() : undefined`)
    .catch(() => undefined);
  await Promise.race([flush, timeout]);
}

let storeClosed = false;
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', (event) => {
  if (storeClosed || !running) return;
  // Hold the quit until every acknowledged write is on disk.
  event.preventDefault();
  void running
    .close()
    // The last write failed: what it held is in the recovery file, put back at the next start. Say so
    // before quitting instead of quitting as if all was saved.
    .catch((error: unknown) => dialog.showErrorBox('Not everything was saved to disk', error instanceof Error ? error.message : String(error)))
    .finally(() => {
      storeClosed = true;
      app.quit();
    });
});
// An OS shutdown or `kill` sends SIGTERM: quit through the same path so windows flush and writes finish.
process.on('SIGTERM', () => app.quit());

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Studyshelf cannot open your data', `${message}\n\nNothing was changed or deleted.`);
  app.exit(1);
}
