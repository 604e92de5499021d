/**
 * What the end-to-end tests stand on: the built add-in (dist/) served on loopback, and Debian's
 * Chromium driven by playwright-core with the flags this closed network needs.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

/** The built add-in: dist/, or E2E_DIST (a build written elsewhere with webpack's --output-path). */
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(__dirname, "..", "..", "dist"));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  // A browser applies no stylesheet served under another type (Fluent's styles, griffel.css).
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain",
};

/** Serves dist/ (or another build's folder, `root`) on 127.0.0.1 at a free port. */
export async function serveDist(root = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  const dist = path.resolve(root);
  if (!existsSync(path.join(dist, "taskpane.html")))
    throw new Error(`${dist} is not built: run npm run build first`);
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
