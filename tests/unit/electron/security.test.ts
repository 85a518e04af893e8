import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

/** security.ts with a fake electron: what each handler does with hostile input. */
async function loadSecurity() {
  vi.resetModules();
  const app = new EventEmitter();
  const shell = { openExternal: vi.fn(async () => undefined) };
  vi.doMock('electron', () => ({ app, shell, protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));
  const security = await import('../../../electron/security');
  vi.doUnmock('electron');
  return { security, app, shell };
}

function fakeContents() {
  const contents = Object.assign(new EventEmitter(), { windowOpenHandler: undefined as undefined | ((d: { url: string }) => { action: string }) });
  return Object.assign(contents, { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (contents.windowOpenHandler = h) });
}

function emitPrevented(contents: EventEmitter, name: string, ...args: unknown[]): boolean {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  contents.emit(name, event, ...args);
  return event.prevented;
}

describe('every window the app creates', () => {
  it('may not navigate away from the app, nor be redirected', async () => {
    const { security, app } = await loadSecurity();
    security.hardenAllContents();
    const contents = fakeContents();
    app.emit('web-contents-created', {}, contents);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/index.html']) {
      expect(emitPrevented(contents, 'will-navigate', url)).toBe(true);
      expect(emitPrevented(contents, 'will-redirect', url)).toBe(true);
    }
    expect(emitPrevented(contents, 'will-navigate', 'app://studyshelf/index.html')).toBe(false);
  });

  it('opens no new window; a web link asking for one goes to the system browser, anything else nowhere', async () => {
    const { security, app, shell } = await loadSecurity();
    security.hardenAllContents();
    const contents = fakeContents();
    app.emit('web-contents-created', {}, contents);
    for (const url of ['https://docs.python.org/3.9/', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '\\\\host\\share']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://docs.python.org/3.9/']]);
  });

  it('may not attach a <webview>', async () => {
    const { security, app } = await loadSecurity();
    security.hardenAllContents();
    const contents = fakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(emitPrevented(contents, 'will-attach-webview', {}, {})).toBe(true);
  });

  it('is granted no permission: camera, microphone, notifications, geolocation…', async () => {
    const { security } = await loadSecurity();
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    security.hardenSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      request!({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });
});
