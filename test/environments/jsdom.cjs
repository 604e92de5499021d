// jsdom for the tests that render the task pane. Under `npm run mutate` (Stryker sets
// STRYKER_MUTATOR_WORKER in its workers) the environment is wrapped so that Stryker learns which
// test ran which mutant: a file's own @jest-environment escapes Stryker's global override.
const { TestEnvironment } = require("jest-environment-jsdom");

module.exports = process.env.STRYKER_MUTATOR_WORKER
  ? require("@stryker-mutator/jest-runner").mixinJestEnvironment(TestEnvironment)
  : TestEnvironment;
