/** The task pane as a person drives it: helpers over playwright's page. */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import AxeBuilderSource from "axe-core";
import { runCli } from "../../src/cli/main";
import { launchChromium, serveDist } from "./harness";

export async function openPreview(page: Page, url: string): Promise<void> {
  // office.js comes from Microsoft's CDN, which this network cannot reach: fail it at once.
  await page.route("**/appsforoffice.microsoft.com/**", (route) => route.abort());
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole("button", { name: "Open the sample workbook" }).waitFor();
}

/**
 * Name and status word of every KPI, perspective and objective the tree shows, in order (the
 * initiatives under their objectives left out: the report lists them apart).
 */
export async function treeStatuses(page: Page): Promise<[string, string][]> {
  return page.getByRole("treeitem").evaluateAll((items) =>
    items
      .filter((item) => !(item.getAttribute("aria-label") ?? "").startsWith("Initiative "))
      .map((item) => {
        const layout = item.querySelector(".paneTree-main");
        const name = layout?.firstChild?.textContent?.trim() ?? "";
        const text = item.querySelector(".paneTree-aside")?.textContent ?? "";
        const status = /(On target|Watch|Off target|No data)/.exec(text)?.[1] ?? "";
        return [name, status] as [string, string];
      }),
  );
}

/** Whether the page is wider than its window: the sideways scroll a pane must never have. */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number } | null> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return scrollWidth > clientWidth ? { scrollWidth, clientWidth } : null;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  /** The first nodes' selectors and axe's summary of what is wrong: what a failing test shows. */
  where: string[];
}

/**
 * axe-core's scan of the page once it has settled (no pending refresh, transitions done); returns
 * the serious and critical violations. Fluent's focus manager (tabster) adds aria-hidden
 * "dummy" elements that only pass focus on to real controls; axe is told to skip them, as
 * Fluent UI's own accessibility tests do.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
  await page.waitForTimeout(400);
  // Evaluated by the browser's debugger, not added as an inline <script>: the page's
  // Content-Security-Policy refuses inline scripts, as it should.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AxeBuilderSource.source);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[]; html: string; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, {
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      where: v.nodes.slice(0, 3).map((n) => `${n.html.slice(0, 300)} — ${n.failureSummary ?? ""}`),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Presses Tab until the focused element has this accessible name (or label text); keyboard only. */
export async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const labelled = el.getAttribute("aria-labelledby");
      const label = labelled ? document.getElementById(labelled)?.textContent : null;
      const forLabel = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return [el.getAttribute("aria-label"), label, forLabel, el.textContent].filter(Boolean).join(" | ");
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** What a pane test stands on: a folder holding the sample workbook, dist/ served, Chromium. */
export interface PaneBench {
  readonly dir: string;
  readonly sample: string;
  readonly server: Awaited<ReturnType<typeof serveDist>>;
  readonly browser: Browser;
  readonly close: () => Promise<void>;
}

export async function paneBench(prefix: string): Promise<PaneBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const sample = path.join(dir, "sample.xlsx");
  await runCli(["sample", sample], { stdout: () => undefined, stderr: () => undefined, cwd: dir });
  const server = await serveDist();
  const browser = await launchChromium();
  return {
    dir,
    sample,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
