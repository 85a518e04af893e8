import { readFile } from 'node:fs/promises';
import { app, protocol, shell, type Session, type WebContents } from 'electron';
import { mimeTypeOf, rendererFileFor } from './api/app-files';
import { CONTENT_SECURITY_POLICY } from './api/csp';
import { isSafeExternalUrl } from './api/external-url';
import { isAppUrl } from './api/origins';

export const APP_SCHEME = 'app';

/** Must run before `app.ready`: app:// behaves like a secure, standard origin (so 'self' in the CSP works). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://studyshelf/, never a file outside it, always with the CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** No permission (camera, microphone, notifications, geolocation, …) is ever granted to the page. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Opens a link in the system browser only when it is http(s); anything else is dropped. */
export function openExternally(url: unknown): Promise<void> {
  return isSafeExternalUrl(url) ? shell.openExternal(url) : Promise.resolve();
}

/**
 * Every web contents the app creates: no navigation away from the app, no new windows (a link that asks
 * for one goes to the system browser when it is http(s)), no <webview>.
 */
export function hardenAllContents(devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      void openExternally(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
