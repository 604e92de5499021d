/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  maxWorkers: 2,
  // A generous ceiling, not a speed check: on a loaded two-core machine a rendered task-pane flow
  // can take longer than jest's default 5 s. Speed is measured in `npm run bench`.
  testTimeout: 60000,
  setupFiles: ["<rootDir>/test/taskpane/setup.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
