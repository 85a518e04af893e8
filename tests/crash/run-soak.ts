import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashStatsTable } from './crash-report';
import { runCrashTrials, type CrashStats } from './crash-trials';

// `npx tsx tests/crash/run-soak.ts [trials] [tmpfs trials]`: the crash soak with all three kinds mixed
// (injected full disk), then, when this machine lets us mount one (root on Linux), full-disk trials on
// a real 8 MB tmpfs filled by a ballast file. The mount is always taken down again.
const trials = Number(process.argv[2] ?? 150);
const tmpfsTrials = Number(process.argv[3] ?? 0);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`);

async function run(label: string, dir: string, count: number, options: Parameters<typeof runCrashTrials>[3]): Promise<CrashStats> {
  const started = Date.now();
  const stats = await runCrashTrials(dir, count, (i, s) => {
    if ((i + 1) % 50 === 0) console.log(`  ${i + 1}/${count} trials, ${s.failures.length} failures`);
  }, options);
  console.log(`\n${label}: ${((Date.now() - started) / 1000).toFixed(0)} s, ${stats.acknowledged} changes (numbered) acknowledged, ${stats.backupsCreated} backups written\n${crashStatsTable(stats)}`);
  for (const failure of stats.failures.slice(0, 20)) console.log(`  ! ${failure}`);
  return stats;
}

let failed = false;
const dir = await mkdtemp(join(tmpdir(), 'studyshelf-crash-'));
try {
  failed ||= (await run('Crash soak, all kinds (injected full disk)', dir, trials, {})).failures.length > 0;
} finally {
  await rm(dir, { recursive: true, force: true });
}

if (tmpfsTrials > 0) {
  const mountPoint = await mkdtemp(join(tmpdir(), 'studyshelf-tmpfs-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { encoding: 'utf8' });
  try {
    if (mount.status !== 0) console.log(`\nNo tmpfs (mount failed: ${(mount.stderr || mount.error?.message || '').trim()}); the injected ENOSPC above stands alone.`);
    else failed ||= (await run('Full disk on a real 8 MB tmpfs', mountPoint, tmpfsTrials, { kinds: ['full-disk'], realFullDisk: true })).failures.length > 0;
  } finally {
    if (mount.status === 0) spawnSync('umount', [mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  }
}
console.log(failed ? '\nCrash soak FAILED.' : '\nCrash soak passed.');
process.exitCode = failed ? 1 : 0;
