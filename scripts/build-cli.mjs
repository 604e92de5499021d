// Builds bin/bsc.cjs, the command line as one CommonJS file, so that `bsc` starts without a
// TypeScript compiler (tsx costs most of a second before any work). Runs on `npm ci` and
// `npm install` through "prepare"; the packages the product depends on stay in node_modules.
import { build } from "esbuild";
import { chmodSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

await build({
  entryPoints: [path.join(root, "src/cli/main.ts")],
  outfile: path.join(root, "bin/bsc.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
// `npx bsc` and a global install run the file itself: it must be executable.
chmodSync(path.join(root, "bin/bsc.cjs"), 0o755);
