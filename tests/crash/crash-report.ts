import { TRIAL_KINDS, type CrashStats, type KindStats } from './crash-trials';

const ROWS: Array<[keyof KindStats, string]> = [
  ['trials', 'trials'],
  ['killsWhileWriting', 'kills while writing'],
  ['killsDuringStart', 'kills during start-up'],
  ['acknowledged', 'changes acknowledged'],
  ['timersStarted', 'focus timers started'],
  ['timersRunningAtKill', 'kills with a timer running'],
  ['refused', 'changes refused (io error)'],
  ['acknowledgedAfterRefusal', 'acknowledged after a refusal'],
  ['diskFullWindows', 'disk-full windows'],
  ['clockJumps', 'clock jumps'],
  ['backupsAtStart', 'backups taken at start'],
  ['backupsWhileWriting', 'backups taken while writing'],
  ['lostAcknowledgedWrites', 'lost acknowledged writes'],
  ['unparsableFiles', 'unparsable files'],
];

/** The per-kind figures of a crash run as a plain-text table, one column per kind and a total. */
export function crashStatsTable(stats: CrashStats): string {
  const kinds = TRIAL_KINDS.filter((kind) => stats.byKind[kind].trials > 0);
  const header = ['', ...kinds, 'total'];
  const rows = ROWS.map(([key, label]) => {
    const values = kinds.map((kind) => stats.byKind[kind][key]);
    return [label, ...values.map(String), String(values.reduce((a, b) => a + b, 0))];
  });
  rows.push(['temp files left after restart', ...kinds.map(() => ''), String(stats.leftoverTempFiles)]);
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  return table.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}
