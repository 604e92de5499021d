/** End-to-end tests: the built add-in in Debian's Chromium, and LibreOffice's rendering of its output. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  testTimeout: 180000,
  maxWorkers: 1,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
