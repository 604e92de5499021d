/**
 * `npm run size`: the JavaScript the built pane loads, gzipped, as a person meets it. The built
 * pane (dist/, or the folder given as the first argument) is loaded in Chromium and every script it
 * fetches is recorded, stage by stage:
 *   - in Excel (office.js stood in for by a stub: Office ready in Excel with custom functions, no
 *     workbook behind Excel.run), until the pane has shown what it read and the network is idle;
 *   - in the browser preview, until a file can be opened; then the sample opened (the setup view);
 *     then the scorecard created (the tree).
 * Each file is counted once, at the stage that first loads it, gzipped as a web server sends it
 * (zlib's default level); KB are 1,024 bytes. The budget (issue 21): at most 150 KB before the pane
 * is interactive in Excel. Needs a build: `npm run build:local` (or `npm run build`).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { runCli } from "../src/cli/main";
import { DIST, launchChromium, serveDist } from "../test/e2e/harness";
import { OFFICE_STUB } from "../test/e2e/officeStub";

const BUDGET_KB = 150;
const dist = path.resolve(process.argv[2] ?? process.env.BENCH_DIST ?? DIST);

interface Stage {
  readonly name: string;
  readonly files: string[];
}

const gzipped = (file: string): number => gzipSync(readFileSync(path.join(dist, file))).length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Records the scripts a page fetches from the build; `take` hands over those new since the last. */
function recordScripts(page: Page): { take: () => string[] } {
  const seen = new Set<string>();
  let fresh: string[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (!url.hostname.startsWith("127.") || !url.pathname.endsWith(".js")) return;
    const file = url.pathname.slice(1);
    if (!seen.has(file)) {
      seen.add(file);
      fresh.push(file);
    }
  });
  return {
    take: () => {
      const taken = fresh.sort();
      fresh = [];
      return taken;
    },
  };
}

async function inExcel(browser: Browser, url: string): Promise<Stage[]> {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  const scripts = recordScripts(page);
  await page.route("**/appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }),
  );
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole("heading", { name: "Balanced Scorecard" }).waitFor();
  await page
    .getByText(/no workbook in this test/)
    .first()
    .waitFor();
  await page.waitForLoadState("networkidle");
  const stages = [{ name: "in Excel, until the pane has read the workbook", files: scripts.take() }];
  await page.close();
  return stages;
}

async function inPreview(browser: Browser, url: string, sample: string): Promise<Stage[]> {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  const scripts = recordScripts(page);
  await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole("button", { name: "Open the sample workbook" }).waitFor();
  await page.waitForLoadState("networkidle");
  const stages = [{ name: "in the preview, until a file can be opened", files: scripts.take() }];
  await page.getByLabel("Workbook to open").setInputFiles(sample);
  await page.getByRole("button", { name: "Create scorecard" }).waitFor();
  await page.waitForLoadState("networkidle");
  stages.push({ name: "— then a workbook opened: the setup view", files: scripts.take() });
  await page.getByRole("button", { name: "Create scorecard" }).click();
  await page.getByRole("tree").waitFor();
  await page.waitForLoadState("networkidle");
  stages.push({ name: "— then the scorecard created: the tree", files: scripts.take() });
  await page.close();
  return stages;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-size-"));
  const sample = path.join(dir, "sample.xlsx");
  await runCli(["sample", sample], { stdout: () => undefined, stderr: () => undefined, cwd: dir });
  const server = await serveDist(dist);
  const browser = await launchChromium();
  try {
    const stages = [
      ...(await inExcel(browser, server.url)),
      ...(await inPreview(browser, server.url, sample)),
    ];
    for (const stage of stages) {
      const sizes = stage.files.map((file) => [file, gzipped(file)] as const);
      const total = sizes.reduce((sum, [, size]) => sum + size, 0);
      console.log(`${stage.name}: ${kb(total)} gzipped`);
      for (const [file, size] of sizes.sort((a, b) => b[1] - a[1]))
        console.log(`    ${file.padEnd(24)} ${kb(size).padStart(9)}`);
    }
    const first = stages[0]!.files.reduce((sum, file) => sum + gzipped(file), 0);
    const verdict = first <= BUDGET_KB * 1024 ? "within" : "over";
    console.log(`\nFirst load in Excel: ${kb(first)}, ${verdict} the budget of ${BUDGET_KB} KB.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
