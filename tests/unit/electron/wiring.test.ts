import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, METHOD_NAMES } from '../../../electron/api/channels';
import { registerIpc } from '../../../electron/ipc';
import { mainWindowOptions } from '../../../electron/window-options';
import { openStore } from '../../../data/storage/store';
import { createHandlers } from '../../../electron/api/handlers';
import { PBTS, tempDir } from '../helpers';

describe('the window', () => {
  it('turns on every isolation switch of Electron’s security checklist', () => {
    const prefs = mainWindowOptions('/app/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(mainWindowOptions('x').title).toBe('Studyshelf');
  });
});

describe('the preload', () => {
  it('exposes exactly the contract’s methods as window.api, each an invoke on its channel', async () => {
    vi.resetModules();
    const exposed: Record<string, unknown> = {};
    const invoke = vi.fn(async () => ({ ok: true, value: 'x' }));
    const ipcListeners = new Map<string, (event: unknown, payload: unknown) => void>();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        invoke,
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => ipcListeners.set(channel, listener),
        removeListener: (channel: string) => ipcListeners.delete(channel),
      },
    }));
    await import('../../../electron/preload');
    vi.doUnmock('electron');
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.setDone!('a/b', true);
    expect(invoke).toHaveBeenCalledWith('studyshelf:setDone', 'a/b', true);

    // Events: only the contract's, delivered without Electron's event object, and unsubscribable.
    const received: unknown[] = [];
    const stop = api.on!('stateChanged', (payload: unknown) => received.push(payload)) as () => void;
    ipcListeners.get('studyshelf:stateChanged')!({ sender: 'secret' }, { hello: 1 });
    expect(received).toEqual([{ hello: 1 }]);
    stop();
    expect(ipcListeners.has('studyshelf:stateChanged')).toBe(false);
    expect(() => api.on!('ipc-anything', () => undefined)).toThrow(/Unknown event/);
  });
});

describe('registerIpc', () => {
  it('handles every channel and refuses a sender that is not our window', async () => {
    const store = await openStore({ dir: await tempDir() });
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    let trusted = true;
    registerIpc(
      { handle: (channel, fn) => void registered.set(channel, fn as never) },
      createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined }),
      () => trusted,
    );
    expect([...registered.keys()].sort()).toEqual(CHANNELS.map(([, c]) => c).sort());
    const setDone = registered.get('studyshelf:setDone')!;
    trusted = false;
    expect(await setDone({}, `${PBTS}/peps`, true)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(store.document()!.progress).toEqual({});
    trusted = true;
    expect(await setDone({}, `${PBTS}/peps`, true)).toMatchObject({ ok: true });
  });
});
