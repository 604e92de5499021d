/**
 * Preact ships ES modules only (.mjs); jest runs CommonJS: esbuild turns Preact's files into
 * CommonJS as jest loads them, so the unit tests render with the Preact the pane ships (docs/adr/0020).
 */
const { transformSync } = require("esbuild");

module.exports = {
  process(source, file) {
    const { code, map } = transformSync(source, {
      format: "cjs",
      loader: "js",
      sourcefile: file,
      sourcemap: "external",
      target: "node20",
    });
    return { code, map };
  },
};
