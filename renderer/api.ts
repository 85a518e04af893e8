import type { buildApi } from '../electron/api/invoker';

/** `window.api` is whatever the preload's factory builds; its type is derived, never written by hand. */
export type ExposedApi = ReturnType<typeof buildApi>;

declare global {
  interface Window {
    api: ExposedApi;
  }
}

export function api(): ExposedApi {
  return window.api;
}
