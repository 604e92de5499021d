/**
 * How many random cases a property test tries. Under `npm run mutate` (Stryker sets
 * STRYKER_MUTATOR_WORKER in its workers) each test runs once per mutant, thousands of times over:
 * there a few dozen cases, drawn afresh each time, find what a broken rule breaks. Before a change
 * lands, PROPERTY_RUNS_SCALE=20 (say) stresses every property test with twenty times its cases, so
 * that one failing in a thousand runs shows up on this machine rather than in CI.
 */
export const propertyRuns = (runs: number): number => {
  if (process.env.STRYKER_MUTATOR_WORKER) return Math.min(runs, 40);
  const scale = Number(process.env.PROPERTY_RUNS_SCALE);
  return Number.isFinite(scale) && scale > 1 ? Math.round(runs * scale) : runs;
};
