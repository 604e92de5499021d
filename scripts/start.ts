/**
 * `npm start`: builds the task pane and serves it over https on localhost:3000, as Office's add-in
 * templates do, then sideloads the add-in into Excel where Excel is installed. Where it is not
 * (as on a Linux machine), it keeps serving and says how to sideload into Excel on the web.
 */
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import * as devCerts from "office-addin-dev-certs";

const root = path.join(__dirname, "..");
const PORT = 3000;

/** Trusted certificates where office-addin-dev-certs can install its CA; else the same files, untrusted. */
async function httpsOptions(): Promise<{
  options: { ca?: Buffer; key: Buffer; cert: Buffer };
  trusted: boolean;
  why?: string;
}> {
  try {
    return { options: await devCerts.getHttpsServerOptions(), trusted: true };
  } catch (error) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const key = path.join(dir, "localhost.key");
    const cert = path.join(dir, "localhost.crt");
    if (!existsSync(key) || !existsSync(cert)) throw error;
    return {
      options: {
        key: readFileSync(key),
        cert: readFileSync(cert),
        ca: readFileSync(path.join(dir, "ca.crt")),
      },
      trusted: false,
      why: (error as Error).message,
    };
  }
}

function installedExcel(): string | null {
  const candidates =
    process.platform === "darwin"
      ? ["/Applications/Microsoft Excel.app"]
      : process.platform === "win32"
        ? [
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
            "C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
          ]
        : [];
  return candidates.find((p) => existsSync(p)) ?? null;
}

async function main(): Promise<void> {
  const certificates = await httpsOptions();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(root, "webpack.config.js"))(
    {},
    { mode: "development" },
  ) as webpack.Configuration & {
    devServer: WebpackDevServer.Configuration;
  };
  const compiler = webpack({ ...config, mode: "development" });
  const server = new WebpackDevServer(
    { ...config.devServer, port: PORT, server: { type: "https", options: certificates.options } },
    compiler,
  );
  await server.start();

  const base = `https://localhost:${PORT}`;
  const lines = [
    "",
    `Balanced Scorecard is served at ${base}/taskpane.html (manifest: ${path.join(root, "manifest.xml")}).`,
  ];
  if (!certificates.trusted) {
    lines.push(
      `The development certificate could not be trusted on this machine (${certificates.why}).`,
      `Browsers and Excel will warn about ${base} until ~/.office-addin-dev-certs/ca.crt is trusted.`,
    );
  }
  const excel = installedExcel();
  if (excel) {
    lines.push(`Excel found at ${excel}: sideloading the add-in…`);
    spawn("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    }).on("error", (e) =>
      console.log(`Could not sideload automatically (${e.message}); see README "Sideload".`),
    );
  } else {
    lines.push(
      "No Excel desktop app was found here, so nothing is sideloaded. To use the add-in in Excel on the web:",
      "  1. Open a workbook at https://www.office.com (Excel on the web).",
      "  2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in.",
      `  3. Choose ${path.join(root, "manifest.xml")} and select Upload.`,
      "  4. The Scorecard group appears on the Home tab: Scorecard opens the pane, Refresh refreshes.",
      `Keep this server running while you use it (this machine's ${base} must be reachable from the browser).`,
      "",
      `Or use it right here, without Excel: open ${base}/taskpane.html in a browser and choose`,
      '"Open the sample workbook" (or "Open .xlsx…"); "Download" saves the refreshed workbook.',
    );
  }
  lines.push("Press Ctrl+C to stop.");
  console.log(lines.join("\n"));
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`npm start could not serve the add-in: ${error.message}`);
  process.exitCode = 1;
});
