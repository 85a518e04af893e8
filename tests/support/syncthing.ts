import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deviceIdOf, syncthingConfigXml } from './syncthing-config';
import { assertPrivateNetwork } from './syncthing-guard';

// Two real Syncthing devices on one machine, syncing one folder over loopback — only ever inside a
// private network namespace: the one scripts/private-network.ts makes with `unshare -n` and only `lo`
// up (syncthing-guard.ts checks that before anything is run, and refuses otherwise). Every wait here is a
// condition read from the REST API; between two looks, the events endpoint is long-polled, so the
// daemon itself wakes us when something happens.

const run = promisify(execFile);
export const FOLDER_ID = 'studyshelf';

export interface SyncthingDevice {
  name: string;
  id: string;
  /** The folder this device syncs (the Studyshelf data folder on that "computer"). */
  folder: string;
  home: string;
  apiPort: number;
  listenPort: number;
  apiKey: string;
  process: ChildProcess;
  /** What the daemon printed, for a failing test's message. */
  log: string[];
}

export interface SyncthingPair {
  a: SyncthingDevice;
  b: SyncthingDevice;
  /** Resolves once each device reports the other as connected. */
  waitConnected(timeoutMs?: number): Promise<void>;
  /** Pauses the other device on `on` (the connection drops both ways); resolves once both see it gone. */
  pausePeer(on: SyncthingDevice, timeoutMs?: number): Promise<void>;
  resumePeer(on: SyncthingDevice, timeoutMs?: number): Promise<void>;
  /** Scans both folders now, then waits until each device has everything the other has and is idle. */
  waitInSync(timeoutMs?: number): Promise<void>;
  rest<T>(device: SyncthingDevice, path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /** Shuts both daemons down (REST, then a kill if they do not go) and removes their homes. */
  stop(): Promise<void>;
}

export interface PairOptions {
  /** The two folders to share, one per device (created if missing). */
  folders: [string, string];
  names?: [string, string];
  /** Turns on Syncthing's simple versioning (`.stversions/`) on device a's folder. */
  versioningOnA?: boolean;
}

/** The range the kernel takes an outgoing connection's own port from (Linux's default where it cannot be read). */
export async function ephemeralPorts(): Promise<{ low: number; high: number }> {
  const text = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '32768 60999');
  const [low = 32768, high = 60999] = text.trim().split(/\s+/).map(Number);
  return { low, high };
}

/** Ports handed to a daemon in this process: never handed out twice. */
const handedOut = new Set<number>();

/**
 * A port for a daemon to listen on: free now, never handed out before, and below the kernel's ephemeral
 * range. A port the kernel picks (`listen(0)`) comes from that range, and so does the port of the other
 * daemon's end when it dials: in CI one daemon's API could not listen on 43787 because the other, dialling
 * it a moment earlier, had been given 43787 as its own end of that connection.
 */
export async function freePort(): Promise<number> {
  const { low } = await ephemeralPorts();
  const from = Math.min(10_000, Math.max(1024, low - 10_000));
  for (let tries = 0; tries < 1000; tries++) {
    const port = from + Math.floor(Math.random() * (low - from));
    if (handedOut.has(port)) continue;
    // Taken before the check: a call running beside this one cannot pick it while it is being tried.
    handedOut.add(port);
    if (await canListen(port)) return port;
    handedOut.delete(port);
  }
  throw new Error(`No free port below ${low} on 127.0.0.1.`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function rest<T>(device: SyncthingDevice, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${device.apiPort}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'X-API-Key': device.apiKey, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Syncthing ${device.name} ${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Waits until `check` holds, looking again whenever either daemon reports an event (long poll of
 * /rest/events, which returns at the first event or after 1 s without one).
 */
async function waitUntil(devices: SyncthingDevice[], what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const since = new Map<SyncthingDevice, number>();
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const logs = devices.map((d) => `--- ${d.name}\n${d.log.slice(-15).join('')}`).join('\n');
      throw new Error(`Syncthing: timed out after ${timeoutMs} ms waiting for ${what}\n${logs}`);
    }
    await Promise.race(
      devices.map(async (d) => {
        const events = await rest<Array<{ id: number }>>(d, `/rest/events?since=${since.get(d) ?? 0}&timeout=1`).catch(() => null);
        if (events === null) {
          // The daemon did not answer (starting, stopping): look again shortly rather than spin.
          await new Promise((resolve) => setTimeout(resolve, 200));
        } else if (events.length > 0) {
          since.set(d, events[events.length - 1]!.id);
        }
      }),
    );
  }
}

async function generate(home: string): Promise<string> {
  await run('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { env: { ...process.env, STNOUPGRADE: '1' } });
  return deviceIdOf(await readFile(join(home, 'config.xml'), 'utf8'));
}

function start(device: Omit<SyncthingDevice, 'process' | 'log'>): SyncthingDevice {
  const child = spawn('syncthing', ['serve', `--home=${device.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--logflags=0'], {
    env: { ...process.env, STNOUPGRADE: '1', STNORESTART: '1', STNODEFAULTFOLDER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { ...device, process: child, log };
}

/** Resolves when the daemon says its REST API listens; rejects if it exits first or takes 30 s. */
function listening(device: SyncthingDevice): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('it did not start within 30 s')), 30_000);
    const check = () => {
      if (device.log.join('').includes('GUI and API listening on')) done();
    };
    const onExit = (code: number | null) => fail(new Error(`it exited (${code}) before its API listened`));
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (error: Error) => {
      cleanup();
      reject(new Error(`Syncthing ${device.name}: ${error.message}\n${device.log.join('')}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      device.process.stdout?.off('data', check);
      device.process.off('exit', onExit);
    };
    device.process.stdout?.on('data', check);
    device.process.once('exit', onExit);
    check();
  });
}

async function connected(on: SyncthingDevice, peer: SyncthingDevice): Promise<boolean> {
  const { connections } = await rest<{ connections: Record<string, { connected: boolean }> }>(on, '/rest/system/connections');
  return connections[peer.id]?.connected === true;
}

/** Whether `on` knows `peer` has everything in the folder, and `on` itself needs nothing and is idle. */
async function caughtUp(on: SyncthingDevice, peer: SyncthingDevice): Promise<boolean> {
  const completion = await rest<{ completion: number; needItems: number; needDeletes: number }>(on, `/rest/db/completion?folder=${FOLDER_ID}&device=${peer.id}`);
  const status = await rest<{ state: string; needTotalItems: number; globalFiles: number; localFiles: number }>(on, `/rest/db/status?folder=${FOLDER_ID}`);
  return completion.completion === 100 && completion.needItems === 0 && completion.needDeletes === 0 && status.state === 'idle' && status.needTotalItems === 0;
}

async function stopDevice(device: SyncthingDevice): Promise<void> {
  if (device.process.exitCode !== null || device.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => device.process.once('exit', () => resolve()));
  await rest(device, '/rest/system/shutdown', { method: 'POST' }).catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)))]);
  clearTimeout(timer);
  if (!gone) {
    device.process.kill('SIGKILL');
    await exited;
  }
}

export async function startSyncthingPair(options: PairOptions): Promise<SyncthingPair> {
  // Before anything of Syncthing runs, even `generate`.
  assertPrivateNetwork();
  const names = options.names ?? ['laptop', 'desktop'];
  const homes = await mkdtemp(join(tmpdir(), 'studyshelf-syncthing-'));
  const devices: SyncthingDevice[] = [];
  try {
    const made = await Promise.all(
      names.map(async (name, i) => {
        const home = join(homes, name);
        const folder = options.folders[i]!;
        await mkdir(folder, { recursive: true });
        // Syncthing refuses a folder without its marker (it guards against syncing an unmounted disk).
        await mkdir(join(folder, '.stfolder'), { recursive: true });
        return { name, home, folder, id: await generate(home), apiPort: await freePort(), listenPort: await freePort(), apiKey: randomBytes(24).toString('hex') };
      }),
    );
    for (const [i, self] of made.entries()) {
      const peer = made[1 - i]!;
      await writeFile(
        join(self.home, 'config.xml'),
        syncthingConfigXml({
          self: { id: self.id, name: self.name, listenPort: self.listenPort },
          peer: { id: peer.id, name: peer.name, listenPort: peer.listenPort },
          apiPort: self.apiPort,
          apiKey: self.apiKey,
          folder: { id: FOLDER_ID, label: 'Studyshelf', path: self.folder },
          simpleVersioning: i === 0 && options.versioningOnA === true,
        }),
      );
    }
    for (const device of made) devices.push(start(device));
  } catch (error) {
    await Promise.all(devices.map(stopDevice));
    await rm(homes, { recursive: true, force: true });
    throw error;
  }
  const [a, b] = devices as [SyncthingDevice, SyncthingDevice];
  const other = (d: SyncthingDevice) => (d === a ? b : a);
  const pair: SyncthingPair = {
    a,
    b,
    rest,
    waitConnected: (timeoutMs = 60_000) =>
      waitUntil(devices, 'the two devices to connect', async () => (await connected(a, b)) && (await connected(b, a)), timeoutMs),
    async pausePeer(on, timeoutMs = 30_000) {
      await rest(on, `/rest/system/pause?device=${other(on).id}`, { method: 'POST' });
      await waitUntil(devices, 'the devices to disconnect', async () => !(await connected(a, b)) && !(await connected(b, a)), timeoutMs);
    },
    async resumePeer(on, timeoutMs = 60_000) {
      await rest(on, `/rest/system/resume?device=${other(on).id}`, { method: 'POST' });
      await pair.waitConnected(timeoutMs);
    },
    async waitInSync(timeoutMs = 60_000) {
      // A scan returns once it is done: what the app wrote is then in the device's index.
      await Promise.all(devices.map((d) => rest(d, `/rest/db/scan?folder=${FOLDER_ID}`, { method: 'POST' })));
      await waitUntil(devices, 'both folders to be in sync', async () => (await caughtUp(a, b)) && (await caughtUp(b, a)), timeoutMs);
    },
    async stop() {
      await Promise.all(devices.map(stopDevice));
      await rm(homes, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all(devices.map(listening));
  } catch (error) {
    await pair.stop();
    throw error;
  }
  return pair;
}
