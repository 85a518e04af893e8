import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../../data/read-document';
import { replayJournals } from '../../data/journal';
import { DATA_FILE_NAME, openStore } from '../../data/store';
import { NOTE_REF } from './crash-refs';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export interface CrashStats {
  trials: number;
  /** Kills that landed while the child was writing (after it said ready). */
  killsWhileWriting: number;
  /** Kills during start-up (reading, migrating, sweeping, snapshotting). */
  killsDuringStart: number;
  acknowledged: number;
  lostAcknowledgedWrites: number;
  unparsableFiles: number;
  leftoverTempFiles: number;
  failures: string[];
}

/**
 * Kills a writer with SIGKILL at random moments, `trials` times over one data folder, and after each
 * kill checks the file parses, passes the schema and holds every change acknowledged before the kill.
 */
export async function runCrashTrials(dir: string, trials: number, onTrial?: (i: number, stats: CrashStats) => void): Promise<CrashStats> {
  const stats: CrashStats = {
    trials: 0,
    killsWhileWriting: 0,
    killsDuringStart: 0,
    acknowledged: 0,
    lostAcknowledgedWrites: 0,
    unparsableFiles: 0,
    leftoverTempFiles: 0,
    failures: [],
  };
  for (let i = 0; i < trials; i++) {
    const { maxAck, ready } = await oneTrial(dir, i % 5 === 0 ? 'start' : 'writing');
    stats.trials++;
    if (ready) stats.killsWhileWriting++;
    else stats.killsDuringStart++;
    const problem = await check(dir, maxAck);
    if (maxAck > 0) stats.acknowledged = maxAck;
    if (problem?.kind === 'unparsable') stats.unparsableFiles++;
    if (problem?.kind === 'lost') stats.lostAcknowledgedWrites += problem.count;
    if (problem) stats.failures.push(`trial ${i}: ${problem.detail}`);
    onTrial?.(i, stats);
  }
  // A clean start sweeps whatever the kills left; nothing may pile up.
  await (await openStore({ dir })).close();
  const names = [...(await readdir(dir)), ...(await readdir(join(dir, 'backups')).catch(() => []))];
  stats.leftoverTempFiles = names.filter((n) => n.endsWith('.tmp')).length;
  return stats;
}

function oneTrial(dir: string, phase: 'start' | 'writing'): Promise<{ maxAck: number; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let maxAck = 0;
    let ready = false;
    let buffered = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    // Half the start-phase kills land before the store is open, the rest while it opens.
    const startTimer = phase === 'start' ? setTimeout(kill, 150 + Math.random() * 350) : undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ready')) {
          ready = true;
          if (phase === 'writing') setTimeout(kill, Math.random() * 120);
        } else if (line.startsWith('ack ')) {
          maxAck = Math.max(maxAck, Number(line.slice(4)));
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(startTimer);
      if (signal !== 'SIGKILL') return reject(new Error(`The writer stopped by itself: ${stderr.slice(0, 2000)}`));
      resolve({ maxAck, ready });
    });
  });
}

async function check(dir: string, maxAck: number): Promise<{ kind: 'unparsable' | 'lost'; count: number; detail: string } | null> {
  const file = join(dir, DATA_FILE_NAME);
  let body = '';
  try {
    const { doc } = readDocument(file, await readFile(file));
    // What the next start loads: the file, with the journal's acknowledged ticks and notes replayed.
    await replayJournals(file, doc);
    body = doc.notes[NOTE_REF]?.body ?? '';
  } catch (error) {
    if (maxAck === 0 && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { kind: 'unparsable', count: 1, detail: error instanceof Error ? error.message : String(error) };
  }
  const lines = body === '' ? [] : body.split('\n').map(Number);
  const contiguous = lines.every((value, index) => value === index + 1);
  const last = lines.length;
  if (!contiguous) return { kind: 'lost', count: 1, detail: 'the changes on disk are not the contiguous sequence 1..N' };
  if (last < maxAck) return { kind: 'lost', count: maxAck - last, detail: `acknowledged ${maxAck}, on disk ${last}` };
  return null;
}
