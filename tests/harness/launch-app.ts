import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { JobHold } from '../../data/jobs';
import type { RunOptions } from '../../data/links/check-links';
import type { LinkChecker } from '../../data/links/link-checks';
import { mimeTypeOf, rendererFileFor } from '../../electron/api/app-files';
import { startApp } from '../../electron/api/app-core';
import type { ReminderPlatform } from '../../electron/api/reminders';
import { CHANNELS, EVENT_CHANNELS, FLUSH_HOOK, type MethodName } from '../../electron/api/channels';
import { CONTENT_SECURITY_POLICY } from '../../electron/api/csp';
import type { FolderSync } from '../../data/sync/folder-sync';
import type { Store, StoreOptions } from '../../data/storage/store';
import { dispatch } from '../../electron/api/dispatch';
import type { UpdatePlatform } from '../../electron/api/updates';
import { buildApi } from '../../electron/api/invoker';
import { CHROMIUM_ARGS, chromiumExecutable, launchChromium } from './chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = join(root, 'out/renderer');
/** A fixed origin the harness serves the built renderer on, like app://studyshelf in Electron. */
export const HARNESS_ORIGIN = 'http://studyshelf.harness';
const BINDING = '__studyshelfInvoke';
/** Marks an answer sent gzipped (base64); a JSON text never starts with it. */
const GZIPPED = 'gz:';
/**
 * What crosses the harness's stand-in for IPC. Its CDP binding carries text at about 5–8 MB/s on the
 * slow 2-core machine (measured: 4 MB in 0.4–1.7 s), where Electron's IPC copies the same state in about
 * 40 ms (bench: structured clone): a 4 MB state at start made the stand-in, not the app, most of the
 * window's first paint. Answers past 256 KB go gzipped (level 1), a few times smaller; small ones as they are.
 */
function bridged(json: string): string {
  return json.length > 256 * 1024 ? GZIPPED + gzipSync(json, { level: 1 }).toString('base64') : json;
}
const DELIVER = '__studyshelfDeliver';

export interface LaunchOptions {
  userDataDir: string;
  /** Share one browser between launches (tests); a new one is started and owned otherwise. */
  browser?: Browser;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  env?: Readonly<Record<string, string | undefined>>;
  /** Test seams passed to the real store (a failing disk, short retry delays). */
  store?: Pick<StoreOptions, 'fs' | 'retryDelaysMs' | 'now'>;
  /** null follows the system, as the real window does. */
  colorScheme?: 'light' | 'dark' | null;
  /** Called when the app asks to restart (after moving its data); tests start it again themselves. */
  onRelaunch?: () => void;
  /** Link-check settings (tests check servers on loopback, which the app otherwise never contacts). */
  links?: Partial<RunOptions>;
  /** The weekly checks (link checks, followed lists) looked for this often; none: not scheduled, as before. */
  schedule?: { everyMs: number; firstAfterMs: number };
  /** Holds a job at a stage until the promise settles (see `Jobs`): a test cancels it there, not in a race. */
  holdJob?: JobHold;
  /** The daily reminder's notification, recorded by the test (none: no reminders, as before). */
  reminders?: ReminderPlatform;
  /** New versions: a real updater reading a feed on loopback (tests/support/update-feed.ts); none by default. */
  updates?: UpdatePlatform;
}

export interface LaunchedApp {
  page: Page;
  context: BrowserContext;
  store: Store;
  dataFile: string;
  links: LinkChecker;
  /** The synced-folder merging, when the profile's data is in a data folder. */
  folderSync: FolderSync | null;
  /** Each time the app asked to restart (after moving its data): a test starts it again with `launch`. */
  relaunches: number[];
  /** Every URL the app handed to the "system browser", in order. */
  opened: string[];
  /** Every folder the app asked the system file manager to show. */
  openedFolders: string[];
  /** Every request the page tried to make outside its own origin (always refused). */
  blockedRequests: string[];
  /** Closes like the Electron window does: flush pending edits, close, wait for writes. */
  close(): Promise<void>;
  /** What main does when the system opens a studyshelf:// link (`ask`: the window was not focused). */
  openDeepLink(raw: string, ask: boolean): void;
}

/**
 * The Studyshelf renderer in Chromium with the very `window.api` the preload exposes: the same
 * buildApi function, the same channel list, the same dispatch (validation and errors), the same
 * handlers, over a real lowdb file in `userDataDir`.
 */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const opened: string[] = [];
  const openedFolders: string[] = [];
  const blockedRequests: string[] = [];
  // Like webContents.send: an event reaches the page through the same listeners the preload wires.
  const window: { page?: Page } = {};
  const send = (channel: string, payload: unknown) => {
    const page = window.page;
    if (!page || page.isClosed()) return;
    void page
      .evaluate(([deliver, c, text]) => (window as unknown as Record<string, (c: unknown, p: unknown) => void>)[deliver as string]?.(c, JSON.parse(text as string)), [DELIVER, channel, JSON.stringify(payload)] as const)
      .catch(() => undefined);
  };
  const relaunches: number[] = [];
  // The app core main.ts starts, with the harness's platform: recorders for the system's browser and
  // file manager, the page's file input for dialogs, a faster folder watch.
  const running = await startApp({
    appDir: options.userDataDir,
    env: options.env ?? {},
    nativeDialogs: false,
    send,
    openExternal: async (url) => void opened.push(url),
    openPath: async (path) => void openedFolders.push(path),
    relaunch: () => {
      relaunches.push(Date.now());
      options.onRelaunch?.();
    },
    linkRun: options.links,
    linkSchedule: options.schedule,
    syncTiming: { settleMs: 100, pollMs: 1000 },
    store: options.store,
    holdJob: options.holdJob,
    reminders: options.reminders,
    updates: options.updates,
  });
  // Tests start from the merged state; the app opens its window meanwhile.
  await running.started;
  const { store, handlers, links, folderSync } = running;
  const methodOf = new Map<string, MethodName>(CHANNELS.map(([method, channel]) => [channel, method]));

  const { context, ownBrowser } = await openContext(options);

  // The IPC stand-in: like ipc.ts, only our own origin may call, and dispatch parses every argument.
  await context.exposeBinding(BINDING, async ({ frame }, channel: unknown, args: unknown) => {
    if (!frame.url().startsWith(`${HARNESS_ORIGIN}/`)) {
      return JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'This window may not use the Studyshelf API.' } });
    }
    // As text: Playwright walks an object value by value, which takes seconds for 10,000 resources;
    // one string and JSON.parse in the page carry the same data (what Electron's structured clone does).
    return bridged(JSON.stringify(await dispatch(handlers, typeof channel === 'string' ? methodOf.get(channel) : undefined, args)));
  });
  await context.addInitScript({
    content: `(() => {
      const invoke = window.${BINDING};
      const listeners = new Map();
      // How main's events reach the page here (webContents.send in Electron).
      Object.defineProperty(window, '${DELIVER}', {
        value: (channel, payload) => (listeners.get(channel) || []).forEach((listener) => listener(payload)),
      });
      const subscribe = (channel, listener) => {
        listeners.set(channel, [...(listeners.get(channel) || []), listener]);
        return () => listeners.set(channel, (listeners.get(channel) || []).filter((l) => l !== listener));
      };
      const __name = (f) => f;
      const buildApi = ${buildApi.toString()};
      // A large answer comes gzipped as base64 (see bridged()): unpacked here, with no request made.
      const unpack = async (text) => {
        if (!text.startsWith('${GZIPPED}')) return text;
        const binary = atob(text.slice(${GZIPPED.length}));
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
      };
      const api = buildApi(${JSON.stringify(CHANNELS)}, (channel, ...args) => invoke(channel, args).then(unpack).then((text) => JSON.parse(text)), ${JSON.stringify(EVENT_CHANNELS)}, subscribe);
      Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false, enumerable: true });
    })();`,
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${HARNESS_ORIGIN}/`)) {
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const file = rendererFileFor(RENDERER_DIR, url);
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      body,
      headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });

  const page = context.pages()[0] ?? (await context.newPage());
  window.page = page;
  await page.goto(`${HARNESS_ORIGIN}/index.html`);

  let closed = false;
  return {
    page,
    context,
    store,
    links,
    folderSync,
    openDeepLink: (raw, ask) => running.openDeepLink(raw, ask),
    relaunches,
    dataFile: store.file,
    opened,
    openedFolders,
    blockedRequests,
    async close() {
      if (closed) return;
      closed = true;
      if (!page.isClosed()) {
        await Promise.race([
          page.evaluate((hook) => (window as unknown as Record<string, () => Promise<void>>)[hook]?.(), FLUSH_HOOK),
          new Promise((done) => setTimeout(done, 3000)),
        ]).catch(() => undefined);
      }
      await context.close();
      await ownBrowser?.close();
      await running.close();
    },
  };
}

/**
 * Tests share a headless browser and get a fresh context each. A visible preview gets Chromium's app
 * mode: a plain window with the app's title, no tabs or address bar, like the Electron window.
 */
async function openContext(options: LaunchOptions): Promise<{ context: BrowserContext; ownBrowser?: Browser }> {
  const viewport = options.viewport === undefined ? { width: 1180, height: 820 } : options.viewport;
  const colorScheme = options.colorScheme === undefined ? 'light' : options.colorScheme;
  if (options.browser) return { context: await options.browser.newContext({ viewport, colorScheme }) };
  if (options.headless === false) {
    const context = await chromium.launchPersistentContext(join(options.userDataDir, 'chromium-profile'), {
      executablePath: chromiumExecutable(),
      headless: false,
      viewport,
      colorScheme,
      args: [...CHROMIUM_ARGS, '--app=data:text/html,', '--window-size=1280,860'],
    });
    return { context };
  }
  const ownBrowser = await launchChromium(true);
  return { context: await ownBrowser.newContext({ viewport, colorScheme }), ownBrowser };
}
