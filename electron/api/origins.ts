import { APP_ORIGIN } from './contract';

/**
 * Whether a frame URL belongs to our own renderer: the app:// origin, or in development the dev
 * server electron-vite started (passed in, never trusted from the page).
 */
export function isAppUrl(value: unknown, devServerUrl?: string): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (`${url.protocol}//${url.host}` === APP_ORIGIN) return true;
  if (!devServerUrl) return false;
  try {
    return url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
