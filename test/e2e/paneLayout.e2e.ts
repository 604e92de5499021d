/**
 * The pane as Excel shows it, 320 px wide by default, and wide in a browser: in light and dark
 * theme and with the colour-blind palette, no view scrolls sideways (measured on the document),
 * axe-core finds nothing serious, and choosing a KPI shows its row marked and its details in
 * sight.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { runCli } from "../../src/cli/main";
import { PALETTES } from "../../src/plan/palette";
import { launchChromium, serveDist } from "./harness";
import { horizontalOverflow, openPreview, seriousViolations } from "./pane";

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let sample: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-pane-"));
  sample = path.join(dir, "sample.xlsx");
  await runCli(["sample", sample], { stdout: () => undefined, stderr: () => undefined, cwd: dir });
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Look = "light" | "dark" | "colour-blind";

/** What each view measured: its sideways overflow (null when none) and axe's serious findings. */
interface Seen {
  overflow: unknown;
  violations: unknown[];
}

async function look(page: Page): Promise<Seen> {
  return { overflow: await horizontalOverflow(page), violations: await seriousViolations(page) };
}

/** The boxes of the chosen KPI's row and of its details, and the window's height. */
async function detailsPlace(page: Page, kpi: string) {
  const row = await page.getByRole("treeitem", { name: new RegExp(kpi) }).boundingBox();
  const details = await page.getByRole("region", { name: `KPI ${kpi}` }).boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return { row, details, height };
}

const CASES: [number, Look][] = [
  [300, "light"],
  [320, "light"],
  [320, "dark"],
  [320, "colour-blind"],
  [1280, "light"],
  [1280, "dark"],
  [1280, "colour-blind"],
];

describe("the pane at Excel's width and wide, in every theme", () => {
  it.each(CASES)(
    "at %i px in %s theme: no sideways scroll, axe clean, details in sight",
    async (width, theme) => {
      const page = await browser.newPage({
        viewport: { width, height: 720 },
        colorScheme: theme === "dark" ? "dark" : "light",
      });
      await openPreview(page, server.url);
      const seen: Record<string, Seen> = {};
      seen.start = await look(page);
      await page.getByLabel("Workbook to open").setInputFiles(sample);
      await page.getByRole("heading", { name: "Create the scorecard" }).waitFor();
      // The main action in sight without scrolling, over the folded optional columns.
      const create = await page.getByRole("button", { name: "Create scorecard" }).boundingBox();
      expect(create!.y + create!.height).toBeLessThanOrEqual(720);
      seen["set up"] = await look(page);
      await page.getByRole("button", { name: /^More columns \(optional\)/ }).click();
      seen["set up, every column"] = await look(page);
      // No option cut: each list is as wide as its longest option's words.
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll("select")]
          .filter((select) => {
            const probe = document.createElement("span");
            probe.style.font = getComputedStyle(select).font;
            probe.style.position = "absolute";
            probe.style.whiteSpace = "nowrap";
            document.body.append(probe);
            const widest = Math.max(
              ...[...select.options].map((o) => {
                probe.textContent = o.textContent;
                return probe.getBoundingClientRect().width;
              }),
            );
            probe.remove();
            // The list's own padding and arrow take about 40 px.
            return widest > select.getBoundingClientRect().width - 36;
          })
          .map((select) => document.querySelector(`label[for="${select.id}"]`)?.textContent ?? select.id),
      );
      if (width >= 320) expect(cut).toEqual([]);
      if (theme === "dark") {
        // No light frame around a dark pane: the page's very corner is as dark as the pane.
        const corner = PNG.sync.read(await page.screenshot({ clip: { x: 0, y: 0, width: 2, height: 2 } }));
        const [r, g, b] = [corner.data[0], corner.data[1], corner.data[2]] as [number, number, number];
        expect({ corner: [r, g, b], dark: r + g + b < 3 * 80 }).toEqual({ corner: [r, g, b], dark: true });
      }
      await page.getByRole("button", { name: "Create scorecard" }).click();
      await page.getByText(/Scorecard for 2026-12/).waitFor();
      // After creating, the overview at the top.
      expect(await page.evaluate(() => document.documentElement.scrollTop)).toBe(0);
      if (theme === "colour-blind") {
        await page.getByRole("tab", { name: "Settings" }).click();
        await page.getByRole("combobox", { name: "Colours" }).selectOption("colorblind");
        await page.getByRole("button", { name: "Save settings" }).click();
        await page.getByRole("tab", { name: "Scorecard" }).click();
        // The chips take the palette's blue for "On target".
        await page.waitForFunction((fill) => {
          const probe = document.createElement("span");
          probe.style.background = fill;
          const chips = [...document.querySelectorAll<HTMLElement>('[role="treeitem"] span')];
          return chips.some((chip) => chip.style.background === probe.style.background);
        }, `#${PALETTES.colorblind.green.fill}`);
      }
      seen.scorecard = await look(page);

      // Choosing a KPI far down the tree: its row is marked and stays above its details, in sight.
      const kpi = "Staff turnover";
      await page.getByRole("treeitem", { name: new RegExp(kpi) }).click();
      await page.getByRole("region", { name: `KPI ${kpi}` }).waitFor();
      // The pane puts the row in sight once more on the next frame: wait for two.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      expect(await page.getByRole("treeitem", { name: new RegExp(kpi) }).getAttribute("aria-selected")).toBe(
        "true",
      );
      const { row, details, height } = await detailsPlace(page, kpi);
      expect({ rowAbove: row!.y + row!.height <= details!.y + 1, rowShown: row!.y >= 0 }).toEqual({
        rowAbove: true,
        rowShown: true,
      });
      expect({
        detailsTop: details!.y < height,
        detailsBottom: details!.y + details!.height <= height + 1,
      }).toEqual({
        detailsTop: true,
        detailsBottom: true,
      });
      seen.details = await look(page);
      // Close is a touch target of Fluent's 32 px at least.
      const close = await page.getByRole("button", { name: /^Close the details/ }).boundingBox();
      expect([close!.width >= 32, close!.height >= 32]).toEqual([true, true]);
      await page.getByRole("button", { name: "Edit KPI" }).click();
      await page.getByRole("form", { name: `Edit ${kpi}` }).waitFor();
      seen["edit KPI"] = await look(page);
      await page.getByRole("button", { name: /^Close the details/ }).click();
      await page.getByRole("button", { name: "Strategy map" }).click();
      await page.getByRole("group", { name: /^Strategy map:/ }).waitFor();
      seen["strategy map"] = await look(page);

      for (const [tab, shown] of [
        ["Issues", "list"],
        ["Tag KPI", "form"],
        ["Settings", "form"],
      ] as const) {
        await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
        await page.getByRole("tabpanel").getByRole(shown).first().waitFor();
        seen[tab] = await look(page);
      }
      const clean = Object.fromEntries(
        Object.keys(seen).map((view) => [view, { overflow: null, violations: [] }]),
      );
      expect(seen).toEqual(clean);
      await page.close();
    },
  );
});
