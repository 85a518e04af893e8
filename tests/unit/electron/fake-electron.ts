import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string, origin?: string, details?: unknown) => boolean;
export type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export interface MenuTemplateItem {
  label?: string;
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}

/** An event main may prevent, as Electron passes it to will-navigate and friends. */
export function preventable() {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  return event;
}

/**
 * Just enough of Electron's main-process API for main.ts to start, recorded for assertions. What main
 * installs (protocol handlers, permission handlers, the window-open handler, web-contents listeners) is
 * kept, so a test can fire it the way Electron would and see what the running wiring does.
 */
export function fakeElectron(userData: string) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const protocols = new Map<string, ProtocolHandler>();
  const windows: FakeWindow[] = [];
  const openDialogAnswer: { path: string | null } = { path: null };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    paths: { userData } as Record<string, string>,
    setPath: vi.fn((name: string, value: string) => void (app.paths[name] = value)),
    getPath: vi.fn((name: string) => app.paths[name]!),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    name: 'Studyshelf',
    setAsDefaultProtocolClient: vi.fn(() => true),
    getVersion: () => '0.1.0',
  });
  /** What main gave Menu.buildFromTemplate, as the application menu. */
  const menu: { template: MenuTemplateItem[] | null } = { template: null };
  class FakeWebContents extends EventEmitter {
    executeJavaScript = vi.fn(async () => undefined);
    isDestroyed = () => false;
    isCrashed = () => false;
    windowOpenHandler: WindowOpenHandler | undefined;
    setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => void (this.windowOpenHandler = handler));
    send = vi.fn();
    /** Fires a preventable event as Electron does; says whether a listener prevented it. */
    prevented(name: string, ...args: unknown[]): boolean {
      const event = preventable();
      this.emit(name, event, ...args);
      return event.defaultPrevented;
    }
  }
  class FakeWindow extends EventEmitter {
    static getAllWindows = () => windows;
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focused = true;
    isFocused = () => this.focused;
    focus = vi.fn(() => void (this.focused = true));
    isMinimized = () => false;
    restore = vi.fn();
    maximize = vi.fn();
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1000, height: 700 });
    close = vi.fn(() => {
      const event = preventable();
      this.emit('close', event);
      if (!event.defaultPrevented) this.emit('closed');
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      // Like Electron: every web contents created, the window's own included, is announced on app.
      app.emit('web-contents-created', preventable(), this.webContents);
    }
  }
  /** Every Notification main made (the daily reminder), in order. */
  const notifications: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    static isSupported = vi.fn(() => true);
    show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
  }
  const defaultSession = {
    permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
    permissionCheckHandler: undefined as PermissionCheckHandler | undefined,
    setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler) => void (defaultSession.permissionRequestHandler = handler)),
    setPermissionCheckHandler: vi.fn((handler: PermissionCheckHandler) => void (defaultSession.permissionCheckHandler = handler)),
  };
  const network = { online: false };
  /**
   * electron-updater's autoUpdater as main sees it: the feed (set by the test) names a version; a newer
   * one is "downloaded" and announced the way electron-updater does. quitAndInstall is only recorded.
   */
  const updater = Object.assign(new EventEmitter(), {
    feedVersion: '0.1.0',
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => {
      const updateInfo = { version: updater.feedVersion };
      if (updater.feedVersion === app.getVersion()) return { isUpdateAvailable: false, updateInfo };
      const downloadPromise = Promise.resolve().then(() => void updater.emit('update-downloaded', updateInfo));
      return { isUpdateAvailable: true, updateInfo, downloadPromise };
    }),
    quitAndInstall: vi.fn(),
  });
  return {
    app,
    menu,
    network,
    updater,
    handlers,
    openDialogAnswer,
    protocols,
    windows,
    notifications,
    /** A web contents Electron would create apart from the main window (a devtools or a stray frame host). */
    newWebContents: () => {
      const contents = new FakeWebContents();
      app.emit('web-contents-created', preventable(), contents);
      return contents;
    },
    module: {
      app,
      BrowserWindow: FakeWindow,
      ipcMain: { handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn((scheme: string, handler: ProtocolHandler) => void protocols.set(scheme, handler)) },
      session: { defaultSession },
      shell: { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') },
      dialog: {
        showErrorBox: vi.fn(),
        /** Answers as if the user picked `openDialogAnswer.path` (set by the test), else cancelled. */
        showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: openDialogAnswer.path === null, filePaths: openDialogAnswer.path ? [openDialogAnswer.path] : [] })),
        showMessageBox: vi.fn(async () => ({ response: 0 })),
      },
      Menu: {
        buildFromTemplate: vi.fn((template: MenuTemplateItem[]) => ({ template })),
        setApplicationMenu: vi.fn((built: { template: MenuTemplateItem[] } | null) => void (menu.template = built?.template ?? null)),
      },
      net: { isOnline: () => network.online },
      Notification: FakeNotification,
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    },
  };
}
