// Fluent UI's styles as a stylesheet, not as JavaScript (docs/adr/0021). Fluent's packages ship
// their makeStyles already compiled (`__styles`: class names and the CSS rules as strings), and
// Griffel's runtime inserts those rules as the components first render; the pane's own makeStyles
// calls were compiled in the browser, by Griffel's style compiler (stylis, rtl-css-js), on every
// load. Here, at build time:
//   - @griffel/webpack-loader compiles the pane's own makeStyles calls as Fluent's are compiled, so
//     the style compiler is no longer bundled;
//   - @griffel/webpack-extraction-plugin takes every compiled rule (Fluent's and the pane's) out of
//     the JavaScript into one stylesheet, griffel.css, each rule once (the same atomic rule is
//     repeated in many of Fluent's components' scripts), linked from the page's head;
//   - mini-css-extract-plugin and css-loader write that stylesheet.
// The stylesheet comes from the add-in's own origin, which the Content-Security-Policy's
// style-src 'self' allows. The theme's variables are still written by FluentProvider at run time
// (a <style> element: 'unsafe-inline'), so the light, dark and colour-blind panes are unchanged.
const path = require("path");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");

const SOURCE = path.resolve(__dirname, "..", "src");

/**
 * The module rules to put before the TypeScript rule: webpack runs the loaders of every matching
 * rule, the last rule's first, so ts-loader's JavaScript is compiled by Griffel, then extracted.
 */
function griffelRules() {
  return [
    {
      // Fluent's packages (already compiled by Fluent) and the pane's sources (compiled below).
      test: /\.(js|mjs|ts|tsx)$/,
      include: [SOURCE, /[\\/]node_modules[\\/]@fluentui[\\/]/],
      use: { loader: GriffelCSSExtractionPlugin.loader },
    },
    {
      test: /\.tsx?$/,
      include: SOURCE,
      use: {
        loader: "@griffel/webpack-loader",
        options: {
          // Styles that import other modules (tokens, the palette) are evaluated in Node, from the
          // TypeScript source. Without webpack's aliases: React's own modules, not Preact's ES
          // modules, which Node cannot require.
          babelOptions: { presets: ["@babel/preset-typescript"] },
          inheritResolveOptions: ["modules"],
        },
      },
    },
    { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
  ];
}

function griffelPlugins() {
  return [
    new MiniCssExtractPlugin({
      // Griffel orders its rules itself (by bucket), so mini-css-extract-plugin's order check is moot.
      ignoreOrder: true,
      // Every rule, the on-demand views' too, is in the one stylesheet the page links: no chunk
      // loads a stylesheet of its own, so webpack's runtime needs no code to load one (0.4 KB).
      runtime: false,
    }),
    new GriffelCSSExtractionPlugin(),
  ];
}

module.exports = { griffelRules, griffelPlugins };
