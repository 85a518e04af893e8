import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './electron-binary';

// `npm run flaky -- [--runs N] [--hog] [--grep TEXT]`: runs the harness end-to-end suite N times (after
// one build) and prints, per test, how often it passed and how long it took, and per run the wall time.
// `--hog` keeps every core busy with a busy loop while the suite runs, as a loaded laptop would. A test
// that failed in any run — or passed only on a retry ("flaky", should retries ever come back) — is a
// failure here, and the script exits 1.

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, hog: { type: 'boolean', default: false }, grep: { type: 'string' } },
});
const runs = Number(values.runs);

interface Outcome {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  durations: number[];
}

interface JsonSpec {
  title: string;
  file: string;
  tests: Array<{ projectName: string; status: 'expected' | 'unexpected' | 'flaky' | 'skipped'; results: Array<{ duration: number }> }>;
}
interface JsonSuite {
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

function specsOf(suite: JsonSuite): JsonSpec[] {
  const all: JsonSpec[] = [];
  const stack = [suite];
  for (let s = stack.pop(); s; s = stack.pop()) {
    all.push(...(s.specs ?? []));
    stack.push(...(s.suites ?? []));
  }
  return all;
}

function startHog(): ChildProcess[] {
  return Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${runs} runs${values.hog ? `, a busy loop on each of ${availableParallelism()} cores` : ''}`);
if ((await run(npx, ['electron-vite', 'build'])) !== 0) process.exit(1);

const outcomes = new Map<string, Outcome>();
const walls: number[] = [];
const dir = await mkdtemp(join(tmpdir(), 'studyshelf-flaky-'));
const hog = values.hog ? startHog() : [];
try {
  for (let i = 0; i < runs; i++) {
    const output = join(dir, `run-${i}.json`);
    const started = Date.now();
    const args = ['playwright', 'test', '--project=harness', '--reporter=dot,json', ...(values.grep ? ['--grep', values.grep] : [])];
    await run(npx, args, { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
    walls.push(Date.now() - started);
    const report = JSON.parse(await readFile(output, 'utf8')) as { suites: JsonSuite[] };
    for (const spec of report.suites.flatMap(specsOf)) {
      for (const test of spec.tests) {
        const key = `${spec.file} › ${spec.title}`;
        const outcome = outcomes.get(key) ?? { passed: 0, failed: 0, flaky: 0, skipped: 0, durations: [] };
        if (test.status === 'expected') outcome.passed++;
        else if (test.status === 'flaky') outcome.flaky++;
        else if (test.status === 'skipped') outcome.skipped++;
        else outcome.failed++;
        outcome.durations.push(test.results.reduce((sum, r) => sum + r.duration, 0));
        outcomes.set(key, outcome);
      }
    }
    console.log(`run ${i + 1}/${runs}: ${(walls[i]! / 1000).toFixed(0)} s`);
  }
} finally {
  for (const child of hog) child.kill();
  await rm(dir, { recursive: true, force: true });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rows = [...outcomes].map(([test, o]) => ({ test, ...o, max: Math.max(...o.durations), median: [...o.durations].sort((a, b) => a - b)[Math.floor(o.durations.length / 2)]! }));
rows.sort((a, b) => b.max - a.max);
console.log(`\nPer run, wall time: ${walls.map(seconds).join(', ')}`);
console.log('\ntest | passed | failed | flaky | median | slowest');
for (const r of rows) console.log(`${r.test} | ${r.passed}/${runs} | ${r.failed} | ${r.flaky} | ${seconds(r.median)} | ${seconds(r.max)}`);
const bad = rows.filter((r) => r.failed > 0 || r.flaky > 0);
const tests = rows.length;
console.log(`\n${tests} tests × ${runs} runs: ${bad.length === 0 ? 'no failures, nothing flaky' : `${bad.length} tests failed or were flaky in some run`}`);
process.exit(bad.length === 0 ? 0 : 1);
