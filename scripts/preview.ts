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
const app = await launchApp({ userDataDir, headless: false, viewport: null, colorScheme: null, env: process.env });
console.log(`Studyshelf preview is open. Data: ${app.dataFile}\nClose the window (or press Ctrl+C) to quit.`);

let quitting = false;
async function quit(): Promise<void> {
  if (quitting) return;
  quitting = true;
  await app.close();
  process.exit(0);
}
app.page.on('close', () => void quit());
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());
