// The jest configuration `npm run mutate` uses: the whole suite but for the tests that are about
// the task pane's rendering, the manifest, Office.js payloads at 10,000 KPIs, failures injected at
// every Office.js operation and the inventory of Excel APIs, none of which states a scoring,
// reading or planning rule (each would add seconds to every mutant).
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/test/taskpane/",
    "<rootDir>/test/manifest/",
    "<rootDir>/test/office/scale.test.ts",
    "<rootDir>/test/office/failures.test.ts",
    "<rootDir>/test/office/apiSets.test.ts",
  ],
  testSequencer: "<rootDir>/test/mutation/sequencer.cjs",
};
