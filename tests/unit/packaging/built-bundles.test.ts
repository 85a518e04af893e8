import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_CHANNELS, METHOD_NAMES } from '../../../electron/api/channels';
import { startMain } from '../electron/start-main';

// The files electron-vite emits are what Electron runs, not the sources the other tests import: these
// tests load the built bundles (`npm run build`, which `npm test` runs before the unit tests). Electron
// itself cannot start here; the preload runs the way Electron's sandbox runs it (a CommonJS script whose
// `require` knows only `electron`), and main runs against the project's Electron stand-in.

const OUT = resolve(__dirname, '../../../out');

function built(path: string): string {
  const file = join(OUT, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  return file;
}

describe('the built bundles', () => {
  it('the preload needs nothing but electron and exposes exactly the contract, frozen, each method on its channel', async () => {
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
    const on = vi.fn();
    const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer: { invoke, on, removeListener: vi.fn() } };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`module not found: ${name} (a sandboxed preload may require only electron)`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(built('preload/index.cjs'), 'utf8'), { require: sandboxRequire, module, exports: module.exports }, { filename: 'index.cjs' });

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const [method, channel] of CHANNELS) {
      await api[method]!('an argument');
      expect(invoke).toHaveBeenLastCalledWith(channel, 'an argument');
    }
    const [event, eventChannel] = EVENT_CHANNELS[0]!;
    api.on!(event, () => undefined);
    expect(on).toHaveBeenLastCalledWith(eventChannel, expect.any(Function));
  });

  it('the built main starts under the Electron stand-in, opens its window with the built preload and registers every channel', async () => {
    const { handlers, window: win } = await startMain([], { entry: built('main/index.js') });
    expect([...handlers.keys()].sort()).toEqual(CHANNELS.map(([, channel]) => channel).sort());
    const preload = (win!.options as { webPreferences: { preload: string } }).webPreferences.preload;
    expect(resolve(preload)).toBe(built('preload/index.cjs'));
  });
});
