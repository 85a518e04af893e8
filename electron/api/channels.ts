/**
 * The names of the API's methods, the one place they are written. Kept free of zod and of any runtime
 * dependency, because the sandboxed preload bundles this file and nothing else of the API.
 */
export const METHOD_NAMES = ['getState', 'setDone', 'saveNote', 'openLink'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function channelOf(method: MethodName): string {
  return `studyshelf:${method}`;
}

/** [method, channel] pairs, the only input the preload's invoker factory needs. */
export const CHANNELS = METHOD_NAMES.map((m) => [m, channelOf(m)] as const);

/**
 * Main (and the harness) call this function in the page before closing a window, so the renderer can
 * write what is still waiting in a debounce. It lives in the page's own world and only flushes.
 */
export const FLUSH_HOOK = '__studyshelfFlush';

export const APP_ORIGIN = 'app://studyshelf';
