/**
 * How many random cases a property test tries. Under `npm run mutate` (Stryker sets
 * STRYKER_MUTATOR_WORKER in its workers) each test runs once per mutant, thousands of times over:
 * there a few dozen cases, drawn afresh each time, find what a broken rule breaks.
 */
export const propertyRuns = (runs: number): number =>
  process.env.STRYKER_MUTATOR_WORKER ? Math.min(runs, 40) : runs;
