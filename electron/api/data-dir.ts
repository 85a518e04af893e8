/**
 * Where the app keeps its data. `--user-data-dir=<path>` moves everything Electron keeps (tests use it);
 * `STUDYSHELF_DATA_DIR` moves only the Studyshelf document (e.g. to a synced folder).
 */
export function userDataDirFromArgs(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--user-data-dir=')) return arg.slice('--user-data-dir='.length) || null;
    if (arg === '--user-data-dir') return argv[i + 1] || null;
  }
  return null;
}

export function dataDirFor(userDataDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const override = env.STUDYSHELF_DATA_DIR?.trim();
  return override ? override : userDataDir;
}
