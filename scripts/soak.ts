import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashStatsTable } from '../tests/crash/crash-report';
import { runCrashTrials } from '../tests/crash/crash-trials';
import { FUZZ_RUNS } from '../tests/unit/fuzz/runs';
import { ROOT } from './electron-binary';

// `npm run soak [trials]`: the long version of the reliability tests. 1,000 SIGKILLs of a writer at
// random moments, then 10,000 random API call sequences, then the fuzzer of every entry point that takes
// outside data (tests/unit/fuzz) at its large counts. Prints the figures for the README.
const trials = Number(process.argv[2] ?? 1000);
const dir = await mkdtemp(join(tmpdir(), 'studyshelf-soak-'));
const started = Date.now();
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`);
console.log(`Crash soak: ${trials} trials in ${dir}`);
try {
  const stats = await runCrashTrials(dir, trials, (i, s) => {
    if ((i + 1) % 50 === 0) process.stdout.write(`  ${i + 1}/${trials} trials, ${s.acknowledged} changes acknowledged, ${s.failures.length} failures\n`);
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`
Crash soak results (${seconds} s)
  trials                         ${stats.trials}
  kills while writing            ${stats.killsWhileWriting}
  kills during start-up          ${stats.killsDuringStart}
  changes acknowledged           ${stats.acknowledged}
  lost acknowledged writes       ${stats.lostAcknowledgedWrites}
  unparsable files               ${stats.unparsableFiles}
  temp files left after restart  ${stats.leftoverTempFiles}`);
  console.log(`\nBy kind of writer (normal, a disk that fills and comes back, a clock that jumps):\n${crashStatsTable(stats)}`);
  for (const failure of stats.failures.slice(0, 20)) console.log(`  ! ${failure}`);

  console.log('\nProperty soak: 10,000 random API call sequences');
  const property = spawnSync('npx', ['vitest', 'run', 'tests/unit/electron/api/api-sequences.test.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, STUDYSHELF_PROPERTY_RUNS: '10000' },
  });
  const counts = Object.entries(FUZZ_RUNS).map(([family, runs]) => `${family} ${runs.soak.toLocaleString('en')}`).join(', ');
  console.log(`\nFuzz soak: ${counts} runs (and a third of the backup count for the pure merge)`);
  const fuzzStarted = Date.now();
  const fuzz = spawnSync('npx', ['vitest', 'run', 'tests/unit/fuzz', '--testTimeout', '0'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SOAK: '1' } });
  console.log(`Fuzz soak ${fuzz.status === 0 ? 'passed' : 'FAILED'} (${((Date.now() - fuzzStarted) / 1000).toFixed(0)} s)`);
  const ok = stats.failures.length === 0 && stats.leftoverTempFiles === 0 && property.status === 0 && fuzz.status === 0;
  console.log(ok ? '\nSoak passed.' : '\nSoak FAILED.');
  process.exitCode = ok ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
