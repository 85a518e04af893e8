import { diffLines, type DiffLimits, type Hunk } from './line-diff';
import { CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START } from './markers';

/**
 * The limits that keep a note merge from freezing main (it runs on the store's queue). Past them the
 * two versions are kept side by side between conflict markers, whole: nothing is lost, the user picks.
 * Measured (CPU time, Node 24, shared 2-vCPU VM under load): versions of 50,000 lines that cannot be
 * merged line by line (one side sorted its lines) take 95–165 ms to find out; 100 edits on each side
 * of a 50,000-line note merge line by line in 25–60 ms; a 130,000-line note (past maxLines) is kept
 * side by side in a few ms. node-diff3 took 5 s at 50,000 lines and overflowed the stack at 130,000.
 */
export const MERGE_LIMITS: DiffLimits & { maxLines: number } = { maxEdits: 1_000, maxSteps: 1_000_000, maxLines: 50_000 };

type Labels = { first: string; second: string };

/**
 * A three-way line merge of a note: changes in different places both land; lines both sides changed
 * are kept twice, between conflict markers labelled with who wrote them. `base` null: no common
 * version (then text one side only added to is taken whole).
 */
export function mergeNoteText(base: string | null, first: string, second: string, labels: Labels, limits = MERGE_LIMITS): { text: string; conflicts: number } {
  if (first === second) return { text: first, conflicts: 0 };
  if (base !== null && first === base) return { text: second, conflicts: 0 };
  if (base !== null && second === base) return { text: first, conflicts: 0 };
  if (base === null) {
    if (first === '' || second.startsWith(first)) return { text: second, conflicts: 0 };
    if (second === '' || first.startsWith(second)) return { text: first, conflicts: 0 };
  }
  // Not even split into lines past the limit (a 16 MB note of blank lines is 16 million of them).
  if ([base ?? '', first, second].some((text) => moreLinesThan(limits.maxLines, text))) {
    return { text: `${CONFLICT_START}${labels.first}\n${first}\n${CONFLICT_MIDDLE}\n${second}\n${CONFLICT_END}${labels.second}`, conflicts: 1 };
  }
  const o = base === null ? [] : base.split('\n');
  const a = first.split('\n');
  const b = second.split('\n');
  const fromA = diffLines(o, a, limits);
  const fromB = fromA && diffLines(o, b, limits);
  const lines: string[] = [];
  const conflicts = fromA && fromB ? merge3(o, a, b, fromA, fromB, labels, lines) : sideBySide(a, b, labels, lines);
  return { text: lines.join('\n'), conflicts };
}

/** Whether a text has more than `max` lines; stops counting there. */
function moreLinesThan(max: number, text: string): boolean {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) if (++lines > max) return true;
  return false;
}

function append(out: string[], lines: readonly string[], from: number, to: number): void {
  for (let i = from; i < to; i++) out.push(lines[i]!);
}

function conflict(out: string[], a: readonly string[], [aFrom, aTo]: number[], b: readonly string[], [bFrom, bTo]: number[], labels: Labels): void {
  out.push(`${CONFLICT_START}${labels.first}`);
  append(out, a, aFrom!, aTo!);
  out.push(CONFLICT_MIDDLE);
  append(out, b, bFrom!, bTo!);
  out.push(`${CONFLICT_END}${labels.second}`);
}

/** Both versions whole, apart from the lines they start and end with in common. */
function sideBySide(a: readonly string[], b: readonly string[], labels: Labels, out: string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  append(out, a, 0, start);
  conflict(out, a, [start, a.length - end], b, [start, b.length - end], labels);
  append(out, a, a.length - end, a.length);
  return 1;
}

/**
 * diff3: the base's lines neither side changed are kept; where only one side changed lines, its
 * version is taken; where both did (changes that overlap or touch), both versions are kept, marked —
 * unless they made the same change. Returns how many places are marked.
 */
function merge3(o: readonly string[], a: readonly string[], b: readonly string[], fromA: Hunk[], fromB: Hunk[], labels: Labels, out: string[]): number {
  let conflicts = 0;
  let ia = 0;
  let ib = 0;
  let done = 0; // base lines before this are in `out`
  // Outside changes, a line of the base at i is at i + shift in that side.
  let shiftA = 0;
  let shiftB = 0;
  while (ia < fromA.length || ib < fromB.length) {
    const start = Math.min(fromA[ia]?.oStart ?? Infinity, fromB[ib]?.oStart ?? Infinity);
    append(out, o, done, start);
    const [aFrom, bFrom] = [start + shiftA, start + shiftB];
    let end = start;
    let changedA = false;
    let changedB = false;
    for (;;) {
      const hunkA = fromA[ia];
      const hunkB = fromB[ib];
      if (hunkA && hunkA.oStart <= end) {
        end = Math.max(end, hunkA.oEnd);
        shiftA += hunkA.sEnd - hunkA.sStart - (hunkA.oEnd - hunkA.oStart);
        changedA = true;
        ia++;
      } else if (hunkB && hunkB.oStart <= end) {
        end = Math.max(end, hunkB.oEnd);
        shiftB += hunkB.sEnd - hunkB.sStart - (hunkB.oEnd - hunkB.oStart);
        changedB = true;
        ib++;
      } else break;
    }
    const [aTo, bTo] = [end + shiftA, end + shiftB];
    if (!changedB || (changedA && sameLines(a, aFrom, aTo, b, bFrom, bTo))) append(out, a, aFrom, aTo);
    else if (!changedA) append(out, b, bFrom, bTo);
    else {
      conflicts += 1;
      conflict(out, a, [aFrom, aTo], b, [bFrom, bTo], labels);
    }
    done = end;
  }
  append(out, o, done, o.length);
  return conflicts;
}

function sameLines(a: readonly string[], aFrom: number, aTo: number, b: readonly string[], bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let i = 0; i < aTo - aFrom; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}
