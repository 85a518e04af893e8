import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/api/csp';
import { startMain } from './start-main';

/**
 * The protections as main.ts wires them when it runs (against the fake electron): each test fires what
 * Electron would fire at the running app and looks at the outcome, so removing a protection from main
 * or from security.ts fails here, not only in a test of a helper. Electron itself is not run.
 */

const HOSTILE_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://other/index.html',
  'about:blank',
];

describe('the running app: every page main serves', () => {
  it('carries the strict Content-Security-Policy header', async () => {
    const { protocols } = await startMain();
    const serve = protocols.get('app');
    expect(serve, 'main serves the renderer over app://').toBeDefined();
    for (const url of ['app://studyshelf/', 'app://studyshelf/index.html']) {
      const response = await serve!(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    // And what it says: only the app's own files, no inline script, no eval, no framing.
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )default-src 'none'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('serves nothing outside the built renderer', async () => {
    const { protocols } = await startMain();
    // Both decode to ../package.json, which exists: a 404 means the protocol refused to leave the folder.
    for (const url of ['app://studyshelf/..%2fpackage.json', 'app://studyshelf/%2e%2e%2fpackage.json']) {
      expect((await protocols.get('app')!(new Request(url))).status, url).toBe(404);
    }
  });
});

describe('the running app: its window', () => {
  it('may not navigate away from the app', async () => {
    const { window } = await startMain();
    const contents = window!.webContents;
    for (const url of HOSTILE_URLS) expect(contents.prevented('will-navigate', url), url).toBe(true);
    expect(contents.prevented('will-navigate', 'app://studyshelf/index.html')).toBe(false);
  });

  it('may not be redirected away from the app', async () => {
    const { window } = await startMain();
    const contents = window!.webContents;
    for (const url of HOSTILE_URLS) expect(contents.prevented('will-redirect', url), url).toBe(true);
    expect(contents.prevented('will-redirect', 'app://studyshelf/index.html')).toBe(false);
  });

  it('opens no new window; a web link asking for one goes to the system browser, anything else nowhere', async () => {
    const { window, module } = await startMain();
    const open = window!.webContents.windowOpenHandler;
    expect(open, 'main sets a window-open handler').toBeDefined();
    for (const url of ['https://docs.python.org/3/', ...HOSTILE_URLS, '\\\\host\\share', 'https://user:pw@example.com/']) {
      expect(open!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(module.shell.openExternal.mock.calls).toEqual([['https://docs.python.org/3/'], ['https://evil.example/'], ['http://127.0.0.1:8080/']]);
  });

  it('may not attach a <webview>', async () => {
    const { window } = await startMain();
    expect(window!.webContents.prevented('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('any other web contents created later gets the same limits', async () => {
    const { newWebContents, module } = await startMain();
    const contents = newWebContents();
    expect(contents.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(module.shell.openExternal).not.toHaveBeenCalled();
  });

  it('is granted no permission: camera, microphone, notifications, geolocation…', async () => {
    const { module, window } = await startMain();
    const { permissionRequestHandler: request, permissionCheckHandler: check } = module.session.defaultSession;
    expect(request, 'main sets a permission request handler').toBeDefined();
    expect(check, 'main sets a permission check handler').toBeDefined();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'midi', 'hid', 'serial', 'usb']) {
      const answers: boolean[] = [];
      request!(window!.webContents, permission, (granted) => answers.push(granted), { requestingUrl: 'app://studyshelf/index.html' });
      expect(answers, permission).toEqual([false]);
      expect(check!(window!.webContents, permission, 'app://studyshelf', {}), permission).toBe(false);
    }
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL: it loads app:// and trusts no other origin', async () => {
    const devServer = 'http://localhost:5173';
    const { window, handlers } = await startMain([], { env: { ELECTRON_RENDERER_URL: devServer } });
    expect(window!.loadURL).toHaveBeenCalledWith('app://studyshelf/index.html');
    expect(window!.webContents.prevented('will-navigate', `${devServer}/`)).toBe(true);
    const fromDevServer = { senderFrame: { url: `${devServer}/` } };
    expect(await handlers.get('studyshelf:getState')!(fromDevServer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
