/**
 * `npm run size`: the JavaScript and the stylesheets the built pane loads, gzipped, as a person meets
 * them. The built pane (dist/, or the folder given as the first argument or as BENCH_DIST) is loaded
 * in Chromium and every script and stylesheet it fetches is recorded, stage by stage:
 *   - in Excel (office.js stood in for by a stub: Office ready in Excel with custom functions, no
 *     workbook behind Excel.run), until the pane has shown what it read and the network is idle;
 *     the same in a dark Office;
 *   - in the browser preview, until a file can be opened; then the sample opened (the setup view);
 *     then its scorecard created (the tree); and, on a fresh page, a workbook that has a scorecard
 *     opened (the tree).
 * The stub has no workbook, so the view Excel shows first is taken from the preview: what the
 * preview loads for the set-up or for the tree, less what only the preview loads, added to what
 * Excel loads. The first load is the larger of the two. Each file is counted once, gzipped as a
 * web server sends it (zlib's default level); KB are 1,024 bytes. The budget (issue 21): at most
 * 150 KB before the pane is interactive in Excel, stylesheets included: Fluent's styles are a
 * stylesheet since ADR 21, and were strings in the JavaScript before, so counting the scripts
 * alone would flatter the change. Needs a build (`npm run build:local`).
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

/**
 * The files a page's own document fetched, apart from those only a Web Worker of the page fetched
 * (the worker's script, and the chunks it loads, whose requests name the worker's script as their
 * referrer). The preview reads and writes its file in a worker (ADR 22), which Excel's pane does
 * not start: a file only the preview's worker fetched is no part of Excel's first view.
 */
const fetchedByPage = new Set<string>();
const workerScripts = new Set<string>();
const pendingReferrers: Promise<void>[] = [];

/** Records the scripts and stylesheets a page fetches from the build; `take` hands over those new since the last. */
function recordScripts(page: Page): { take: () => string[] } {
  const seen = new Set<string>();
  let fresh: string[] = [];
  page.on("worker", (worker) => workerScripts.add(new URL(worker.url()).pathname.slice(1)));
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (!url.hostname.startsWith("127.") || !/\.(js|css)$/.test(url.pathname)) return;
    const file = url.pathname.slice(1);
    pendingReferrers.push(
      response
        .request()
        .headerValue("referer")
        .then((referrer) => {
          if (!workerScripts.has(new URL(referrer ?? url.href).pathname.slice(1))) fetchedByPage.add(file);
        }),
    );
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

async function inExcel(browser: Browser, url: string, colorScheme: "light" | "dark"): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 }, colorScheme });
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
  const files = scripts.take();
  await page.close();
  return files;
}

/** A preview page on which a file can be opened, and what it fetched to get there. */
async function openPreview(browser: Browser, url: string): Promise<{ page: Page; take: () => string[] }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  const scripts = recordScripts(page);
  await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole("button", { name: "Open the sample workbook" }).waitFor();
  await page.waitForLoadState("networkidle");
  return { page, take: scripts.take };
}

async function inPreview(browser: Browser, url: string, sample: string, scored: string): Promise<Stage[]> {
  const first = await openPreview(browser, url);
  const stages: Stage[] = [{ name: "in the preview, until a file can be opened", files: first.take() }];
  await first.page.getByLabel("Workbook to open").setInputFiles(sample);
  await first.page.getByRole("button", { name: "Create scorecard" }).waitFor();
  await first.page.waitForLoadState("networkidle");
  stages.push({ name: "— then a workbook without a scorecard opened: the set-up", files: first.take() });
  await first.page.getByRole("button", { name: "Create scorecard" }).click();
  await first.page.getByRole("tree").waitFor();
  await first.page.waitForLoadState("networkidle");
  stages.push({ name: "— then its scorecard created: the write plan", files: first.take() });
  await first.page.close();
  const second = await openPreview(browser, url);
  second.take();
  await second.page.getByLabel("Workbook to open").setInputFiles(scored);
  await second.page.getByRole("tree").waitFor();
  await second.page.waitForLoadState("networkidle");
  stages.push({ name: "— or a workbook with a scorecard opened: the tree", files: second.take() });
  await second.page.close();
  return stages;
}

const total = (files: readonly string[]): number => files.reduce((sum, file) => sum + gzipped(file), 0);

const stylesheets = (files: readonly string[]): string[] => files.filter((file) => file.endsWith(".css"));

/** A file only the preview's worker fetches: its script, or a chunk no page request asked for. */
const byPreviewWorker = (file: string): boolean => workerScripts.has(file) || !fetchedByPage.has(file);

function show(stage: Stage): void {
  const css = total(stylesheets(stage.files));
  const parts = css > 0 ? ` (scripts ${kb(total(stage.files) - css)}, stylesheets ${kb(css)})` : "";
  console.log(`${stage.name}: ${kb(total(stage.files))} gzipped${parts}`);
  const sizes = stage.files.map((file) => [file, gzipped(file)] as const).sort((a, b) => b[1] - a[1]);
  for (const [file, size] of sizes) {
    const where = byPreviewWorker(file) ? "  (in the preview's worker)" : "";
    console.log(`    ${file.padEnd(24)} ${kb(size).padStart(9)}${where}`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-size-"));
  const sample = path.join(dir, "sample.xlsx");
  const scored = path.join(dir, "scored.xlsx");
  const quiet = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
  await runCli(["sample", sample], quiet);
  await runCli(["refresh", sample, "-o", scored], quiet);
  const server = await serveDist(dist);
  const browser = await launchChromium();
  try {
    const excel = await inExcel(browser, server.url, "light");
    const dark = (await inExcel(browser, server.url, "dark")).filter((file) => !excel.includes(file));
    const preview = await inPreview(browser, server.url, sample, scored);
    const [start, setup, , tree] = preview as [Stage, Stage, Stage, Stage];
    await Promise.all(pendingReferrers);
    const previewOnly = new Set(start.files.filter((file) => !excel.includes(file)));
    const inExcelWith = (view: Stage): string[] => [
      ...excel,
      ...view.files.filter(
        (file) => !previewOnly.has(file) && !excel.includes(file) && !byPreviewWorker(file),
      ),
    ];
    const firstViews: Stage[] = [
      { name: "in Excel, a workbook without a scorecard: until the set-up shows", files: inExcelWith(setup) },
      { name: "in Excel, a workbook with a scorecard: until the tree shows", files: inExcelWith(tree) },
    ];
    for (const stage of [
      { name: "in Excel, until the pane has read the workbook", files: excel },
      { name: "— in a dark Office, beside it", files: dark },
      ...preview,
      ...firstViews,
    ])
      show(stage);
    const first = Math.max(...firstViews.map((view) => total(view.files)));
    const verdict = first <= BUDGET_KB * 1024 ? "within" : "over";
    console.log(`\nFirst load in Excel: ${kb(first)}, ${verdict} the budget of ${BUDGET_KB} KB.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
