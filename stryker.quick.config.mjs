// `npm run mutate:quick [-- --mutate "src/model/**/*.ts"]`: a mutation run against the unit tests
// of the core only, minutes instead of hours on a two-core machine, to find the rules no unit test
// states. Its score is a lower bound; `npm run mutate` (the whole suite) is the measure.
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: { ...base.jest, configFile: "test/mutation/jest.core.config.cjs" },
  incrementalFile: "reports/mutation/quick-incremental.json",
  htmlReporter: { fileName: "reports/mutation/quick.html" },
  jsonReporter: { fileName: "reports/mutation/quick.json" },
};
