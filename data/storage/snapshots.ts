import { newestBackupTime, SNAPSHOT_INTERVAL_MS, writeBackup, type BackupReason } from './backups';
import { describeFsError, type FsSeam } from './fs-seam';

/**
 * The data file's automatic backups: one when a session starts, then at most one per interval after a
 * successful write, taken beside the change that triggered it (not on its path).
 */
export class Snapshots {
  #running: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly fs: FsSeam,
    private readonly clock: () => Date,
    private lastAt: number,
  ) {}

  static async open(file: string, fs: FsSeam, clock: () => Date): Promise<Snapshots> {
    return new Snapshots(file, fs, clock, await newestBackupTime(file, 'auto'));
  }

  /** A copy of the data file as it is on disk now. */
  async take(reason: BackupReason): Promise<void> {
    const bytes = await this.fs.readFile(this.file);
    await writeBackup(this.file, bytes, reason, this.clock(), this.fs);
  }

  /** Takes one when the last is older than the interval; a failure is logged, never thrown. */
  async ifDue(): Promise<void> {
    // A backup dated in the future (a clock that was wrong) is not recent: it must not stop snapshots.
    const age = this.clock().getTime() - this.lastAt;
    if (age >= 0 && age < SNAPSHOT_INTERVAL_MS) return;
    this.lastAt = this.clock().getTime();
    await this.take('auto').catch((error: unknown) => console.warn('Studyshelf: backup failed:', describeFsError(error)));
  }

  /** The same, after the ones already asked for; `settled` waits for it. */
  soon(): void {
    this.#running = this.#running.then(() => this.ifDue());
  }

  settled(): Promise<void> {
    return this.#running;
  }
}
