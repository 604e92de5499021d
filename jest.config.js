// The pane's tests render with Preact, as the built pane does (docs/adr/0020).
const { preactModuleNames } = require("./scripts/preact-for-react");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // tsconfig.jest.json compiles import() to require(): the task pane loads its rarely used views
    // with import(), which webpack splits off; nodenext would keep it, which jest runs only with vm modules.
    "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
    "^.+/node_modules/preact/.+\\.mjs$": "<rootDir>/test/preactTransform.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!preact/)"],
  // import() names a module with ".js", as TypeScript asks; jest finds the .ts or .tsx, as webpack does.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1", ...preactModuleNames() },
  maxWorkers: 2,
  // A generous ceiling, not a speed check: on a loaded two-core machine a rendered task-pane flow
  // can take longer than jest's default 5 s. Speed is measured in `npm run bench`.
  testTimeout: 60000,
  setupFiles: ["<rootDir>/test/taskpane/setup.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
