/**
 * How many cases each fuzz property runs: a few in `npm test` (the whole folder in about 20 s on an idle
 * 2-core machine), many under `npm run soak`, which sets SOAK. STUDYSHELF_FUZZ_RUNS overrides both (to
 * replay a failure with more, or fewer, cases). No Vitest import here: scripts/soak.ts prints these.
 */
export const FUZZ_RUNS = {
  importers: { ci: 40, soak: 3000 },
  backup: { ci: 60, soak: 5000 },
  peers: { ci: 25, soak: 2000 },
  ipc: { ci: 25, soak: 2000 },
} as const;

export type FuzzFamily = keyof typeof FUZZ_RUNS;

export function fuzzRuns(family: FuzzFamily): number {
  const override = Number(process.env.STUDYSHELF_FUZZ_RUNS);
  if (Number.isInteger(override) && override > 0) return override;
  return process.env.SOAK ? FUZZ_RUNS[family].soak : FUZZ_RUNS[family].ci;
}

/**
 * fast-check's options for a family. A failure is reported as found, not shrunk: shrinking files of
 * megabytes through a real store takes longer than any CI run; the seed and path replay it.
 */
export function fuzzOptions(family: FuzzFamily): { numRuns: number; endOnFailure: boolean; seed?: number } {
  return { numRuns: fuzzRuns(family), endOnFailure: true, ...seed() };
}

/**
 * `npm test` runs the same cases every time (a red CI is a finding, never the luck of the draw); the
 * soak draws new ones on every run, which is where the fuzzer explores. STUDYSHELF_FUZZ_SEED picks a
 * seed (to replay a soak failure, or to explore in a normal run: `random`).
 */
function seed(): { seed?: number } {
  const chosen = process.env.STUDYSHELF_FUZZ_SEED;
  if (chosen === 'random' || (process.env.SOAK && chosen === undefined)) return {};
  return { seed: chosen === undefined ? CI_SEED : Number(chosen) };
}
const CI_SEED = 20261202;

/** Hostile sizes (counts, depths) grow under the soak; the CI run keeps them to what a run can afford. */
export const SOAKING = !!process.env.SOAK;
