import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { runCli } from "../../src/cli/main";
import { parseDefinition } from "../../src/model/definition";
import { launchChromium, serveDist } from "./harness";
import { openPreview, seriousViolations, tabTo, treeStatuses } from "./pane";
import { pixelsOf, renderWithLibreOffice } from "./render";
import { PALETTES, STATUS_MEANINGS } from "../../src/plan/palette";

const STATUS_WORD: Readonly<Record<string, string>> = STATUS_MEANINGS;
const docs = path.join(__dirname, "..", "..", "docs");

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let dir: string;
let sample: string;

async function bsc(...args: string[]) {
  const out: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: () => undefined, cwd: dir });
  return { code, stdout: out.join("\n") };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-e2e-"));
  sample = path.join(dir, "sample.xlsx");
  await bsc("sample", sample);
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPane(options: { colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 420, height: 1000 },
    acceptDownloads: true,
    ...options,
  });
  await openPreview(page, server.url);
  return page;
}

async function openSampleFile(page: Page) {
  await page.getByLabel("Workbook to open").setInputFiles(sample);
  await page.getByRole("heading", { name: "Create the scorecard" }).waitFor();
}

/** The refreshed workbook the e2e flow downloads, shared by the checks that follow it. */
let downloaded = "";

describe("the browser preview, used as a person would", () => {
  it("opens the sample, creates the scorecard, tags a KPI, changes its target, refreshes and downloads", async () => {
    const page = await newPane();
    await openSampleFile(page);
    // Nothing to download before there is a scorecard.
    expect(await page.getByRole("button", { name: "Download" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Create scorecard" }).click();
    await page.getByText(/Scorecard for 2026-12: .* 15 KPIs/).waitFor();
    expect(await page.getByRole("button", { name: "Download" }).isDisabled()).toBe(false);

    // The cell a KPI chose is the selection "Use selection" takes.
    await page.getByRole("treeitem", { name: /Revenue/ }).click();
    const chosen = /Cell chosen: (.+)/.exec(
      (await page
        .getByRole("toolbar")
        .getByText(/Cell chosen: /)
        .textContent()) ?? "",
    )?.[1];
    expect(chosen).toMatch(/^'KPI Data'!H\d+$/);
    await page.getByRole("tab", { name: "Tag KPI" }).click();
    await page.getByRole("button", { name: "Use selection as actual" }).click();
    expect(await page.getByRole("textbox", { name: "Actual" }).inputValue()).toBe(chosen);
    expect(await page.getByRole("textbox", { name: "Actual" }).getAttribute("placeholder")).toBe(
      "Select cells, or type About!B2:M2",
    );
    await page.getByRole("textbox", { name: "Actual" }).fill("Treasury!B2:M2");
    await page.getByRole("textbox", { name: "Target value" }).fill("560");
    await page.getByRole("combobox", { name: "Perspective" }).fill("Financial");
    await page.getByRole("combobox", { name: "Objective (existing or new)" }).fill("Keep cash");
    await page.getByRole("textbox", { name: "KPI name" }).fill("Cash on hand");
    await page.getByRole("button", { name: "Tag KPI" }).click();
    const cash = page.getByRole("treeitem", { name: /Cash on hand/ });
    await cash.waitFor();
    expect(await cash.textContent()).toContain("Off target");

    await cash.click();
    await page.getByRole("toolbar").getByText("Cell chosen: Treasury!M2").waitFor();
    await page.getByRole("button", { name: "Edit KPI" }).click();
    await page.getByRole("textbox", { name: "Target" }).fill("500");
    await page.getByRole("button", { name: "Save KPI" }).click();
    await page.getByText(/Scorecard for 2026-12: .* 16 KPIs/).waitFor();
    await page.waitForFunction(() =>
      /Cash on hand[^]*Watch/.test(document.querySelector('[role="tree"]')?.textContent ?? ""),
    );

    await page.getByRole("button", { name: "Refresh" }).click();
    await page.getByText(/Scorecard for 2026-12: .* 16 KPIs/).waitFor();
    const shown = await treeStatuses(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("sample.scorecard.xlsx");
    downloaded = path.join(dir, "downloaded.xlsx");
    await download.saveAs(downloaded);

    // The statuses the pane showed are the engine's, as the CLI computes them on the downloaded file.
    const report = JSON.parse((await bsc("check", downloaded, "--json")).stdout);
    const expected: [string, string][] = report.perspectives.flatMap(
      (p: {
        name: string;
        status: string;
        objectives: { name: string; status: string; kpis: { name: string; status: string }[] }[];
      }) => [
        [p.name, STATUS_WORD[p.status]],
        ...p.objectives.flatMap((o) => [
          [o.name, STATUS_WORD[o.status]],
          ...o.kpis.map((k) => [k.name, STATUS_WORD[k.status]]),
        ]),
      ],
    );
    expect(shown).toEqual(expected);
    expect(new Set(expected.map(([, s]) => s))).toEqual(new Set(Object.values(STATUS_MEANINGS)));

    // The downloaded workbook, read back with ExcelJS.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(downloaded) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("Scorecard")!;
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push(row.values as unknown[]));
    const header = rows.find((r) => r[1] === "Scorecard item")!;
    const cashRow = rows.find((r) => r[1] === "Cash on hand")!;
    expect(cashRow[header.indexOf("Actual")]).toBe(487);
    expect(cashRow[header.indexOf("Target")]).toBe(500);
    expect(cashRow[header.indexOf("Status")]).toBe("Watch");
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names).toContainEqual({ name: "BSC_Tag_1_Actual", ranges: ["Treasury!$B$2:$M$2"] });
    const hidden = wb.worksheets.find((w) => w.state === "veryHidden")!;
    const definition = parseDefinition(String(hidden.getCell("A2").value));
    expect(definition.ok && definition.definition.tagged).toEqual([
      expect.objectContaining({ name: "Cash on hand", target: 500 }),
    ]);
    const rules = (wb.getWorksheet("KPI Data") as unknown as { conditionalFormattings: { ref: string }[] })
      .conditionalFormattings;
    expect(rules.map((r) => r.ref)).toEqual(["H2:H181"]);
    await page.close();
  });

  it("has no serious or critical accessibility violation in any view (axe-core)", async () => {
    const page = await newPane();
    const found: Record<string, unknown[]> = {};
    const scan = async (view: string) => {
      found[view] = await seriousViolations(page);
    };
    await scan("preview start");
    await openSampleFile(page);
    await scan("set up");
    await page.getByRole("button", { name: "Create scorecard" }).click();
    await page.getByText(/Scorecard for 2026-12/).waitFor();
    await scan("scorecard");
    await page.getByRole("treeitem", { name: /Revenue/ }).click();
    await page.getByRole("button", { name: "Edit KPI" }).click();
    await scan("KPI details and editor");
    for (const tab of [/^Issues \(\d+\)/, /^Tag KPI/, /^Settings/]) {
      await page.getByRole("tab", { name: tab }).click();
      await scan(tab.source);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await page.close();
  });

  it("does the main flow by keyboard alone", async () => {
    const page = await newPane();
    await tabTo(page, /Open the sample workbook/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Create the scorecard" }).waitFor();
    await tabTo(page, /^Create scorecard$/);
    await page.keyboard.press("Enter");
    await page.getByText(/Scorecard for 2026-12/).waitFor();

    // Create leaves the keyboard in the tree, on its first row; down to a KPI, Enter: its details
    // open and its cell is chosen.
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "treeitem");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Financial/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "KPI Revenue" }).waitFor();
    // Chosen by keyboard, the details are in sight too, and Escape there returns to the row.
    const details = (await page.getByRole("region", { name: "KPI Revenue" }).boundingBox())!;
    expect(details.y + details.height).toBeLessThanOrEqual(page.viewportSize()!.height + 1);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("treeitem");
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "KPI Revenue" }).waitFor();

    // The Tag view: arrows move along the tabs, typing fills the form, Enter submits.
    await tabTo(page, /^Scorecard$/);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("form", { name: "Tag a KPI" }).waitFor();
    await tabTo(page, /^Actual/);
    await page.keyboard.type("Treasury!B2:M2");
    await tabTo(page, /Target value/);
    await page.keyboard.type("480");
    await tabTo(page, /Objective/);
    await page.keyboard.type("Keep cash");
    await tabTo(page, /KPI name/);
    await page.keyboard.type("Cash on hand");
    await page.keyboard.press("Enter");
    await page.getByRole("treeitem", { name: /Cash on hand/ }).waitFor();

    await tabTo(page, /^Refresh$/);
    await page.keyboard.press("Enter");
    await page.getByText(/16 KPIs/).waitFor();
    await page.close();
  });

  it("looks right in a real spreadsheet application: LibreOffice shows the traffic lights", () => {
    expect(downloaded).not.toBe("");
    const pages = renderWithLibreOffice(downloaded);
    const summary = pages.filter((p) => p.text.includes("Balanced Scorecard"));
    const source = pages.filter((p) => /Month\s+Perspective/.test(p.text));
    expect(summary.length).toBeGreaterThan(0);
    expect(source.length).toBeGreaterThan(0);
    const colours = PALETTES.standard;
    for (const [where, group] of [
      ["summary sheet", summary],
      ["source table", source],
    ] as const) {
      const found = Object.fromEntries(
        (["green", "amber", "red"] as const).map((s) => [
          s,
          group.reduce((n, p) => n + pixelsOf(p.png, colours[s].fill), 0),
        ]),
      );
      // Every status has at least a cell's worth of its fill: a cell at 60 dpi is some 40 × 10 pixels.
      expect({ where, green: found.green! > 200, amber: found.amber! > 200, red: found.red! > 200 }).toEqual({
        where,
        green: true,
        amber: true,
        red: true,
      });
    }
    // docs/summary-sheet.png is made by scorecardSheet.e2e.ts from the sample refreshed by bsc.
  });

  it("saves pictures of the pane, at Excel's 320 px, in light and dark theme into docs/", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ viewport: { width: 320, height: 900 }, colorScheme: scheme });
      await openPreview(page, server.url);
      await openSampleFile(page);
      await page.getByRole("button", { name: "Create scorecard" }).click();
      await page.getByText(/Scorecard for 2026-12/).waitFor();
      await page.getByRole("treeitem", { name: /Days sales outstanding/ }).click();
      await page.getByRole("region", { name: "KPI Days sales outstanding" }).waitFor();
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const file = path.join(docs, `taskpane-${scheme}.png`);
      writeFileSync(file, await page.screenshot());
      expect(readFileSync(file).length).toBeGreaterThan(10000);
      await page.close();
    }
  });
});
