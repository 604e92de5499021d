// Fluent's themes as plain values in the built pane (src/taskpane/themes/). Fluent's themes are
// built in the browser, on every load, from its colour palettes and the functions that map them
// to tokens: 6 KB gzipped for the light theme alone, 7 KB for light and dark. The same 459
// tokens written out are 3.5 KB. At build time this loader replaces each theme module of the
// pane by its tokens, computed here by the very Fluent package the module names, so that the
// built pane and the tests (which read Fluent's themes through the source) cannot disagree.
const path = require("path");

const THEMES = path.resolve(__dirname, "..", "src", "taskpane", "themes");

/** `export const lightTheme: Theme = webLightTheme;`: the module's export, and the Fluent theme it is. */
const THEME_EXPORT = /^export const (\w+): Theme = (\w+);$/m;

/**
 * A theme module's source, as its tokens: `export const lightTheme = {"borderRadiusNone":"0",…};`.
 * A module written otherwise stops the build, rather than shipping a theme this cannot check.
 */
function themeTokens(source, fluent = require("@fluentui/react-components")) {
  const [, name, theme] = THEME_EXPORT.exec(source) ?? [];
  const tokens = theme && fluent[theme];
  if (!tokens || typeof tokens !== "object") {
    throw new Error(`A theme module must read "export const name: Theme = <Fluent's theme>;"`);
  }
  return `export const ${name} = ${JSON.stringify(tokens)};\n`;
}

/** The module rule: before ts-loader (`enforce: "pre"`), which then compiles plain JavaScript. */
function themeTokenRules() {
  return [{ test: /\.ts$/, include: THEMES, enforce: "pre", use: { loader: __filename } }];
}

module.exports = function themeTokensLoader(source) {
  return themeTokens(source);
};
module.exports.themeTokens = themeTokens;
module.exports.themeTokenRules = themeTokenRules;
