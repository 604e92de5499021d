// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

/** The core stays pure: no workbook library, no Office, no UI, no adapter. */
const pureCoreImports = {
  patterns: [
    {
      group: ["exceljs", "exceljs/*"],
      message: "engine/, model/ and plan/ take plain data: use a WorkbookPort adapter.",
    },
    {
      group: ["react", "react-dom", "react/*", "@fluentui/*"],
      message: "engine/, model/ and plan/ know nothing of the UI.",
    },
    {
      group: [
        "**/workbook/*",
        "**/workbook/**",
        "**/taskpane/**",
        "**/cli/**",
        "**/app/**",
        "node:*",
        "fs",
        "path",
      ],
      message: "engine/, model/ and plan/ import nothing outside the core.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "build/**",
      "coverage/**",
      "reports/**",
      "node_modules/**",
      "**/*.js",
      "**/*.cjs",
      "!eslint.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    files: ["src/engine/**", "src/model/**", "src/plan/**"],
    rules: {
      "no-restricted-imports": ["error", pureCoreImports],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
    },
  },
  {
    files: ["test/**", "bench/**", "scripts/**"],
    // The office-addins rules read any getCell()/getItem() chain as Office.js proxies; tests and
    // scripts hold only ExcelJS objects and plain data.
    rules: {
      "no-console": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
);
