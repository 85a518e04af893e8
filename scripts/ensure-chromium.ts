import { spawnSync } from 'node:child_process';
import { chromiumExecutable } from '../tests/harness/chromium';

// The harness tests run in Chromium. Prefer the system's (Debian's `chromium`); install it with apt
// when we are root on Debian; otherwise fall back to Playwright's own download.
function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

if (chromiumExecutable()) process.exit(0);
const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (canApt) {
  console.log('No Chromium found: installing Debian’s chromium package…');
  if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']) && chromiumExecutable()) {
    process.exit(0);
  }
}
console.log('No system Chromium: downloading Playwright’s Chromium…');
process.exit(run('npx', ['playwright', 'install', 'chromium']) ? 0 : 1);
