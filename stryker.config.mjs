// Mutation testing of the rules: `npm run mutate`. Not part of `npm test` or CI (it runs the suite
// once per mutant; on a two-core machine a full run takes tens of minutes, a re-run only what changed).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  mutate: ["src/engine/**/*.ts", "src/model/**/*.ts", "src/plan/**/*.ts"],
  // The sandbox needs the sources, the tests and their configuration, not builds or reports.
  ignorePatterns: ["dist", "reports", "coverage", "docs", ".ci"],
  testRunner: "jest",
  jest: {
    projectType: "custom",
    configFile: "jest.mutate.config.js",
    // Not "related tests": many tests reach the engine through the adapters and the command line,
    // which jest's import graph from a mutated file does not always lead back to. Per-test
    // coverage picks the tests instead, and test/mutation/sequencer.cjs loads only their files.
    enableFindRelatedTests: false,
  },
  // Each mutant runs only the tests that executed its code, whichever file they live in.
  coverageAnalysis: "perTest",
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.mutate.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Mutants that only module loading executes (constant tables) would each need the whole suite;
  // they are listed as ignored in the report instead. Mutants covered both at load and by tests
  // still run, against the tests that cover them.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: "reports/.stryker-tmp",
  concurrency: 2,
  timeoutMS: 10000,
  thresholds: { high: 90, low: 85, break: null },
};
