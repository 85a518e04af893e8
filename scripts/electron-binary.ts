import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_DIR = join(ROOT, 'node_modules/electron');

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Where the Electron executable is, found the way the electron package finds it, but without
 * `require('electron')`, which on Electron 42+ starts a download when the binary is missing.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  if (!existsSync(join(PACKAGE_DIR, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed (run `npm install`)' };
  }
  const pathFile = join(PACKAGE_DIR, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(PACKAGE_DIR, 'dist', relative)
      : null;
  if (candidate && existsSync(candidate)) return { found: true, path: candidate };
  return {
    found: false,
    reason: candidate
      ? `the Electron binary is missing at ${candidate}`
      : 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
  };
}

/**
 * Runs the electron package's own downloader. Resolves null on success, or the downloader's own
 * one-line reason when it fails (its stack trace helps no one who just wants to start the app).
 */
export async function tryDownloadElectron(): Promise<string | null> {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(process.execPath, [join(PACKAGE_DIR, 'install.js')], { encoding: 'utf8' });
  if (findElectronBinary().found) return null;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const line = output.split('\n').find((l) => /error|fail/i.test(l) && !/^\s+at /.test(l));
  return line?.trim() ?? `the downloader exited with code ${result.status}`;
}
