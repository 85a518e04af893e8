import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Just enough of Electron's main-process API for main.ts to start, recorded for assertions. */
export function fakeElectron(userData: string) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const windows: FakeWindow[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    paths: { userData } as Record<string, string>,
    setPath: vi.fn((name: string, value: string) => void (app.paths[name] = value)),
    getPath: vi.fn((name: string) => app.paths[name]!),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  class FakeWebContents extends EventEmitter {
    executeJavaScript = vi.fn(async () => undefined);
    isDestroyed = () => false;
    isCrashed = () => false;
    setWindowOpenHandler = vi.fn();
  }
  class FakeWindow extends EventEmitter {
    static getAllWindows = () => windows;
    webContents = Object.assign(new FakeWebContents(), { send: vi.fn() });
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    maximize = vi.fn();
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1000, height: 700 });
    close = vi.fn(() => {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      this.emit('close', event);
      if (!event.defaultPrevented) this.emit('closed');
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
  }
  const session = {
    defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
  };
  return {
    app,
    handlers,
    windows,
    module: {
      app,
      BrowserWindow: FakeWindow,
      ipcMain: { handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session,
      shell: { openExternal: vi.fn(async () => undefined) },
      dialog: { showErrorBox: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    },
  };
}
