/**
 * The built pane's themes are Fluent's, written out as plain tokens at build time
 * (scripts/theme-tokens.js): the loader's output for each theme module must be Fluent's theme,
 * token for token, or the built pane would look other than the tested one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { darkTheme } from "../../src/taskpane/themes/dark";
import { lightTheme } from "../../src/taskpane/themes/light";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS script
const { themeTokens } = require("../../scripts/theme-tokens") as { themeTokens: (source: string) => string };

const THEMES = path.join(__dirname, "..", "..", "src", "taskpane", "themes");

/** What the build ships for a theme module: its export's name and its tokens. */
function built(file: string): { name: string; tokens: unknown } {
  const output = themeTokens(readFileSync(path.join(THEMES, file), "utf8"));
  const [, name, json] = /^export const (\w+) = (\{.*\});\n$/s.exec(output) ?? [];
  return { name: name ?? "", tokens: JSON.parse(json ?? "null") };
}

describe("the pane's themes", () => {
  it("are Fluent's own where the pane's tests read them", () => {
    expect(lightTheme).toBe(webLightTheme);
    expect(darkTheme).toBe(webDarkTheme);
  });

  it.each([
    ["light.ts", "lightTheme", webLightTheme],
    ["dark.ts", "darkTheme", webDarkTheme],
  ])("ship in the build (%s) as Fluent's tokens, every one", (file, name, theme) => {
    expect(built(file)).toEqual({ name, tokens: theme });
  });

  it("stop the build where a theme module is written otherwise", () => {
    expect(() => themeTokens("export const lightTheme = webLightTheme;")).toThrow(/must read/);
    expect(() => themeTokens("export const lightTheme: Theme = noSuchTheme;")).toThrow(/must read/);
  });
});
