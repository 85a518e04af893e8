import type { StudyDocument } from '../model/schema';
import type { TheirBase } from './peer-info';

/** How long what should be on its way is waited for; then an older state is taken (restored from an old copy), a missing base done without. */
export const WAITED_FOR_AT_MOST_MS = 60_000;

/**
 * What a sync engine is still bringing of each other computer, waited out for at most a minute: it
 * delivers a computer's files one by one, in no set order, so for a while the files beside each other
 * may not go together.
 */
export class ArrivalWaits {
  /** How far each computer's data read so far went (peer-file.ts `position`), and since when a read was behind it. */
  readonly #positions = new Map<string, { position: number; lowerSince: number | null }>();
  /** Since when each computer's merge base of our data has been awaited (peer-info.ts `theirBase`). */
  readonly #bases = new Map<string, { stamp: string; since: number }>();

  /** `now`: the time in ms, from the same clock as the sync's notices. */
  constructor(private readonly now: () => number) {}

  /**
   * Whether what was just read of a computer is older than what was read of it before. A sync engine
   * may remove its folded journal before the data file that holds it arrives; merging that older state
   * took back, here, what it had added since (its new lists and parts, found by stress:syncthing). It
   * is waited out; only if it stays that way (restored from an old copy) is it taken, after a while.
   */
  olderThanRead(id: string, position: number): boolean {
    const now = this.now();
    const known = this.#positions.get(id);
    if (!known || position >= known.position) {
      this.#positions.set(id, { position, lowerSince: null });
      return false;
    }
    if (known.lowerSince === null) known.lowerSince = now;
    if (now - known.lowerSince < WAITED_FOR_AT_MOST_MS) return true;
    this.#positions.set(id, { position, lowerSince: null });
    return false;
  }

  /** Their merge base of our data to merge against, null for none, or 'waiting' while it is on its way. */
  theirSeen(id: string, base: TheirBase): StudyDocument | null | 'waiting' {
    if (base.kind !== 'arriving') {
      this.#bases.delete(id);
      return base.kind === 'base' ? base.doc : null;
    }
    const now = this.now();
    const awaited = this.#bases.get(id);
    if (awaited?.stamp !== base.stamp) this.#bases.set(id, { stamp: base.stamp, since: now });
    else if (now - awaited.since >= WAITED_FOR_AT_MOST_MS) return null;
    return 'waiting';
  }
}
