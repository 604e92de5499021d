// Builds the task pane and the ribbon commands page into dist/, as Office's add-in templates do.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { productionUrl, rewriteManifest } = require("./scripts/manifest-urls");

module.exports = (_env, options) => {
  const dev = options.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    // A dynamic import() names its module with ".js", as TypeScript requires; webpack finds the .tsx.
    resolve: { extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      rules: [
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        chunks: ["notice"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Where the add-in is hosted in production: set BSC_PRODUCTION_URL when building for release.
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), productionUrl())),
          },
        ],
      }),
    ],
    performance: { maxEntrypointSize: 1024 * 1024, maxAssetSize: 1024 * 1024 },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: 3000,
    },
  };
};
