/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!((.*/)?node_modules/)?(uuid|strip-bom)/)"],
  maxWorkers: 2,
  setupFiles: ["<rootDir>/test/taskpane/setup.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
