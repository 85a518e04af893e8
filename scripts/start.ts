import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary, ROOT, tryDownloadElectron } from './electron-binary';

// `npm start`: build, then launch the real Electron app. Where the Electron binary cannot be had,
// say so plainly and point to the preview, which is the same app in Chromium.
let binary = findElectronBinary();
let downloadError: string | null = null;
if (!binary.found) {
  console.log(`Electron is not ready (${binary.reason}). Downloading it…`);
  downloadError = await tryDownloadElectron();
  binary = findElectronBinary();
}
if (!binary.found) {
  console.error(`
Studyshelf cannot start: Electron is not installed and downloading it failed.
  Why: ${binary.reason}; the download said: ${downloadError}
  This machine cannot reach Electron's download server.

  • To use the app here, run:   npm run preview
    It opens the same Studyshelf (same renderer, same data handling) in a Chromium window.
  • On a machine with internet access, \`npm install && npm start\` downloads Electron and starts the app.
`);
  process.exit(1);
}

const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Chromium refuses to run as root with its sandbox on; only then is it turned off.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
const child = spawn(binary.path, ['.', ...rootArgs, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
