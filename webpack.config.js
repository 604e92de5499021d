// Builds the task pane's page (the shared runtime: the pane, the ribbon's commands and the custom
// functions) and the Refresh command's notice page into dist/.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { DEV_URL, productionUrl, rewriteManifest } = require("./scripts/manifest-urls");
const { contentSecurityPolicy, withContentSecurityPolicy } = require("./scripts/content-security-policy");
const { devServerHeaders } = require("./scripts/dev-server-headers");
const { PREACT_FOR_REACT } = require("./scripts/preact-for-react");
const { griffelRules, griffelPlugins } = require("./scripts/griffel-css");
const { themeTokenRules } = require("./scripts/theme-tokens");

/**
 * Every page the add-in serves, each with its entries: each gets the Content-Security-Policy. The
 * task pane's page is the shared runtime (docs/adr/0015): it loads the ribbon's commands and the
 * custom functions beside the pane, as Microsoft's shared-runtime template does, so no page of
 * their own is built for either; the notice page is the dialog the Refresh command opens.
 */
const PAGES = [
  {
    filename: "taskpane.html",
    template: "./src/taskpane/taskpane.html",
    chunks: ["taskpane", "commands", "functions"],
  },
  { filename: "notice.html", template: "./src/commands/notice.html", chunks: ["notice"] },
];

/**
 * `--mode production` builds for release: its manifest names where the add-in is hosted, from
 * BSC_PRODUCTION_URL (productionUrl refuses to guess). `--env local` is a production build
 * addressed at this machine's development server (the end-to-end tests); a development build
 * (`npm start`, `npm run build:dev`) is addressed there too.
 */
module.exports = (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const hostUrl = dev || env.local ? DEV_URL : productionUrl();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
      functions: "./src/functions/register.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    // The task pane's page loads three entries (pane, ribbon commands, custom functions): one
    // runtime and chunks they share, instead of a copy of React, zod, the model and the engine in
    // each (the functions alone were 49 KB gzipped more in Excel, the commands 9 KB).
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all" } },
    // A dynamic import() names its module with ".js", as TypeScript requires; webpack finds the .tsx.
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      alias: PREACT_FOR_REACT,
    },
    module: {
      rules: [
        // Fluent's styles and the pane's as a stylesheet (scripts/griffel-css.js); before ts-loader's rule.
        ...griffelRules(),
        // Fluent's themes as their tokens (scripts/theme-tokens.js).
        ...themeTokenRules(),
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              // ES modules let webpack tree-shake Fluent UI; the Node side (CLI, jest) stays CommonJS.
              compilerOptions: { module: "esnext", moduleResolution: "bundler" },
            },
          },
        },
      ],
    },
    plugins: [
      ...griffelPlugins(),
      // functions.json, the custom functions' metadata, from the JSDoc of the functions' file.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      ...PAGES.map(
        (page) => new HtmlWebpackPlugin({ ...page, contentSecurityPolicy: contentSecurityPolicy({ dev }) }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*",
            to: "assets/[name][ext]",
            // A page among the assets (the help page) gets the same policy as the built ones.
            transform: (content, from) =>
              from.endsWith(".html")
                ? withContentSecurityPolicy(content.toString(), contentSecurityPolicy({ dev }))
                : content,
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), hostUrl),
          },
        ],
      }),
    ],
    performance: { maxEntrypointSize: 1024 * 1024, maxAssetSize: 1024 * 1024 },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      // Only this machine: Excel (desktop, or on the web in this machine's browser) loads the pane
      // from https://localhost:3000. No CORS header but on the icons (scripts/dev-server-headers.js).
      host: "localhost",
      headers: devServerHeaders,
      port: 3000,
    },
  };
};

module.exports.PAGES = PAGES;
