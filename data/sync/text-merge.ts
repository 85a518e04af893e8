import { diff3Merge } from 'node-diff3';
import { CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START } from './markers';

/**
 * A three-way line merge of a note: changes in different places both land; lines both sides changed
 * are kept twice, between conflict markers labelled with who wrote them. `base` null: no common
 * version (then text one side only added to is taken whole).
 */
export function mergeNoteText(
  base: string | null,
  first: string,
  second: string,
  labels: { first: string; second: string },
): { text: string; conflicts: number } {
  if (first === second) return { text: first, conflicts: 0 };
  if (base !== null && first === base) return { text: second, conflicts: 0 };
  if (base !== null && second === base) return { text: first, conflicts: 0 };
  if (base === null) {
    if (first === '' || second.startsWith(first)) return { text: second, conflicts: 0 };
    if (second === '' || first.startsWith(second)) return { text: first, conflicts: 0 };
  }
  const regions = diff3Merge(first.split('\n'), (base ?? '').split('\n'), second.split('\n'), { excludeFalseConflicts: true });
  const lines: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) lines.push(...region.ok);
    else if (region.conflict) {
      conflicts += 1;
      lines.push(`${CONFLICT_START}${labels.first}`, ...region.conflict.a, CONFLICT_MIDDLE, ...region.conflict.b, `${CONFLICT_END}${labels.second}`);
    }
  }
  return { text: lines.join('\n'), conflicts };
}
