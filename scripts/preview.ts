import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { launchApp } from '../tests/harness/launch-app';
import { ROOT } from './electron-binary';

// `npm run preview`: Studyshelf in a Chromium window on the test harness, for machines without the
// Electron binary. The renderer, the API and the data file are the real ones; only the shell differs.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('npm run preview opens a window and needs a display. Without one, run: xvfb-run -a npm run preview');
  process.exit(1);
}
const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataHome = process.env.XDG_DATA_HOME ?? join(homedir(), '.local/share');
const userDataDir = process.env.STUDYSHELF_PREVIEW_DIR ?? join(dataHome, 'studyshelf-preview');
let quitting = false;
let restarting = false;
let app = await open();

/** Opens the window; after "move my data" the app asks to restart, and the preview does, like Electron. */
async function open() {
  const launched = await launchApp({
    userDataDir,
    headless: false,
    viewport: null,
    colorScheme: null,
    env: process.env,
    // After the handler has answered and the window shows that it restarts.
    onRelaunch: () => void setTimeout(() => void restart(), 500),
  });
  console.log(`Studyshelf preview is open. Data: ${launched.dataFile}\nClose the window (or press Ctrl+C) to quit.`);
  launched.page.on('close', () => void (restarting ? undefined : quit()));
  return launched;
}

async function restart(): Promise<void> {
  restarting = true;
  await app.close();
  app = await open();
  restarting = false;
}

async function quit(): Promise<void> {
  if (quitting) return;
  quitting = true;
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());
