// The quick scope of `npm run mutate:quick`: the unit tests of the engine, the model, the plan and
// the app layer alone (milliseconds each), without the adapters, the command line or the pane.
// A mutant that survives here may still be killed through an adapter: `npm run mutate` decides.
const path = require("node:path");
const base = require("../../jest.mutate.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, "../.."),
  testMatch: ["<rootDir>/test/{engine,model,plan,app}/**/*.test.ts"],
};
