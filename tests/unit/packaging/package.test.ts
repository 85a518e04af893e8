import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/electron-binary';

/**
 * Packaging checked offline: electron-builder `--linux dir` with a stand-in Electron (these machines
 * cannot download the real one). The stand-in carries Electron's fuse wire with its default settings,
 * so the test reads back what electron-builder flipped. Needs `npm run build` first (npm test does it).
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
// EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_WIRE = '10110001';

let dir: string;
let unpacked: string;
let files: string[];

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'out/main/index.js')), 'run `npm run build` before this test').toBe(true);
  dir = await mkdtemp(join(tmpdir(), 'studyshelf-package-'));
  const standIn = join(dir, 'electron-dist');
  await mkdir(standIn);
  await writeFile(join(standIn, 'electron'), Buffer.concat([Buffer.from('stand-in\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(DEFAULT_WIRE)]), { mode: 0o755 });
  await writeFile(join(standIn, 'LICENSE'), 'MIT');
  await writeFile(join(standIn, 'version'), '45.5.0');
  const output = join(dir, 'dist');
  const run = spawnSync(
    'npx',
    ['electron-builder', '--linux', 'dir', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`, '--publish', 'never'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  expect(run.status, run.stderr + run.stdout).toBe(0);
  unpacked = join(output, 'linux-unpacked');
  files = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
}, 180_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the packaged app', () => {
  it('holds the built main, preload and renderer, and the production dependencies main loads', () => {
    for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(files).toContain(file);
    }
    expect(files).toContain('/node_modules/lowdb/package.json');
    expect(files).toContain('/node_modules/zod/package.json');
  });

  it('holds no sources, tests, source maps or development packages', () => {
    const unwanted = files.filter(
      (f) =>
        /^\/(tests|renderer|electron|data|scripts|docs|build|\.ci)\//.test(f) ||
        /\.map$/.test(f) ||
        /^\/node_modules\/(electron|electron-builder|vitest|@playwright|playwright|typescript|react|react-dom|vite|jsdom|fast-check|tsx)\//.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('carries electron-updater and the release feed it reads (electron-builder.yml’s publish)', async () => {
    expect(files).toContain('/node_modules/electron-updater/package.json');
    const feed = await readFile(join(unpacked, 'resources/app-update.yml'), 'utf8');
    expect(feed).toMatch(/^provider: generic$/m);
    expect(feed).toMatch(/^url: https:\/\/github\.com\/studyshelf\/studyshelf\/releases\/latest\/download$/m);
  });

  it('has Electron’s fuses set: no RunAsNode, NODE_OPTIONS or --inspect; cookies encrypted; code only from the checked app.asar', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'studyshelf'));
    const on = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number) === '1';
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
  });
});
