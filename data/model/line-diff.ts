/** A stretch of the base replaced in the other version: base lines [oStart, oEnd) became its lines [sStart, sEnd). */
export interface Hunk {
  oStart: number;
  oEnd: number;
  sStart: number;
  sEnd: number;
}

/** Limits of one diff, so a merge can never freeze the app (see text-merge.ts for the measurements). */
export interface DiffLimits {
  /** The most lines inserted plus deleted it looks for; the memory it keeps grows with the square of it. */
  maxEdits: number;
  /** The most steps (lines compared, diagonals tried) it takes before giving up. */
  maxSteps: number;
}

const NONE = -1;
const DOWN = 1;
const RIGHT = 2;

/**
 * The changes from `base` to `side`, line by line, as few as possible: Myers' O((N+M)·D) greedy diff
 * over what is left once the common start and end are set aside and the lines with no equal on the
 * other side are too (they are changes whatever happens — GNU diff does the same), so a small edit of a
 * long note, or a long passage pasted in, costs little whatever its lines look like (node-diff3's LCS
 * is quadratic, and worse on repeated lines such as blank ones). Null when the versions differ by more
 * than the limits allow: the caller then keeps both whole.
 */
export function diffLines(base: readonly string[], side: readonly string[], limits: DiffLimits): Hunk[] | null {
  let lo = 0;
  while (lo < base.length && lo < side.length && base[lo] === side[lo]) lo++;
  let oHi = base.length;
  let sHi = side.length;
  while (oHi > lo && sHi > lo && base[oHi - 1] === side[sHi - 1]) {
    oHi--;
    sHi--;
  }
  if (oHi === lo && sHi === lo) return [];
  // Most merges are of a few edits: tried first on every line, with a quarter of the limits; failing
  // that (a long passage pasted or removed), on the lines that have an equal on the other side.
  const tries = [
    () => ({ o: range(lo, oHi), s: range(lo, sHi), limits: { maxEdits: limits.maxEdits >> 2, maxSteps: limits.maxSteps >> 2 } }),
    () => ({ o: matchable(base, lo, oHi, side, lo, sHi), s: matchable(side, lo, sHi, base, lo, oHi), limits }),
  ];
  for (const next of tries) {
    const { o, s, limits: within } = next();
    const trace = furthestPaths(o.length, s.length, (x, y) => base[o[x]!] === side[s[y]!], within);
    if (trace) return hunksOf(trace, o, s, { lo, oHi, sHi });
  }
  return null;
}

/** The changes, from the path found over the lines `o` of the base and `s` of the side (indexes). */
function hunksOf(trace: Int32Array[], o: Int32Array, s: Int32Array, { lo, oHi, sHi }: { lo: number; oHi: number; sHi: number }): Hunk[] {
  const hunks: Hunk[] = [];
  let oAt = lo;
  let sAt = lo;
  const runs = runsOf(trace, o.length, s.length);
  // Between two equal lines that follow each other in neither version: a change.
  for (let r = runs.length - 3; r >= 0; r -= 3) {
    for (let x = runs[r]!, y = runs[r + 1]!, end = x + runs[r + 2]!; x < end; x++, y++) {
      const oLine = o[x]!;
      const sLine = s[y]!;
      if (oLine > oAt || sLine > sAt) hunks.push({ oStart: oAt, oEnd: oLine, sStart: sAt, sEnd: sLine });
      oAt = oLine + 1;
      sAt = sLine + 1;
    }
  }
  if (oHi > oAt || sHi > sAt) hunks.push({ oStart: oAt, oEnd: oHi, sStart: sAt, sEnd: sHi });
  return hunks;
}

function range(from: number, to: number): Int32Array {
  const out = new Int32Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}

/** The indexes in lines[from, to) of the lines that are somewhere in other[otherFrom, otherTo). */
function matchable(lines: readonly string[], from: number, to: number, other: readonly string[], otherFrom: number, otherTo: number): Int32Array {
  const there = new Set<string>();
  for (let i = otherFrom; i < otherTo; i++) there.add(other[i]!);
  const out = new Int32Array(to - from);
  let count = 0;
  for (let i = from; i < to; i++) if (there.has(lines[i]!)) out[count++] = i;
  return out.subarray(0, count);
}

/** The furthest point reached on each diagonal k = x - y after d edits, for d = 0…D (the last one reaches (n, m)). */
function furthestPaths(n: number, m: number, equal: (x: number, y: number) => boolean, limits: DiffLimits): Int32Array[] | null {
  const maxD = Math.min(n + m, limits.maxEdits);
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3).fill(NONE);
  const trace: Int32Array[] = [];
  let steps = 0;
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      const how = d === 0 ? DOWN : step(v, offset, k, d, n, m);
      if (how === NONE) {
        v[offset + k] = NONE;
        continue;
      }
      let x = d === 0 ? 0 : how === DOWN ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      const from = x;
      while (x < n && y < m && equal(x, y)) {
        x++;
        y++;
      }
      steps += x - from + 1;
      v[offset + k] = x;
      if (x === n && y === m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return trace;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (steps > limits.maxSteps) return null;
  }
  return null;
}

/**
 * How the path to diagonal k after d edits gets there: DOWN from k + 1 (a line of the side inserted) or
 * RIGHT from k - 1 (a base line deleted), whichever reaches further and stays inside the grid; NONE
 * when neither can. `v[offset + j]` holds the furthest x on diagonal j after d - 1 edits.
 */
function step(v: Int32Array, offset: number, k: number, d: number, n: number, m: number): number {
  const down = k < d ? v[offset + k + 1]! : NONE;
  const right = k > -d ? v[offset + k - 1]! : NONE;
  const downOk = down !== NONE && down - k <= m;
  const rightOk = right !== NONE && right + 1 <= n;
  if (downOk && (!rightOk || down > right)) return DOWN;
  return rightOk ? RIGHT : NONE;
}

/** The runs of equal lines on the path found, as (x, y, length) triples, last first. */
function runsOf(trace: Int32Array[], n: number, m: number): number[] {
  const runs: number[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    // Where the path was right after its last edit (d = 0: the start), then the equal lines it ran along.
    let px = 0;
    let inserted = false;
    if (d > 0) {
      const before = trace[d - 1]!;
      // trace[d - 1] holds diagonals -(d - 1)…d - 1 at index j + d - 1.
      inserted = step(before, d - 1, x - y, d, n, m) === DOWN;
      px = inserted ? before[x - y + d]! : before[x - y + d - 2]! + 1;
    }
    if (x > px) runs.push(px, px - (x - y), x - px);
    y -= x - px;
    x = px;
    // The edit itself (a line of the side inserted, or one of the base deleted): back to where it began.
    if (inserted) y--;
    else if (d > 0) x--;
  }
  return runs;
}
