import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { runCli } from "../../src/cli/main";
import { loadWorkbook, workbookBytes } from "../helpers/xlsx";
import { launchChromium, serveDist } from "./harness";
import { openPreview } from "./pane";

/**
 * Add units' workbooks… in the built pane, in Chromium: the units picked are read through the
 * browser's own DecompressionStream (the preview's package reader), consolidated into the open
 * workbook, and the group's scorecard downloaded; its per-unit results are those bsc consolidate
 * gives for the same files.
 */

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let dir: string;

const unit = (rows: (string | number)[][]) =>
  workbookBytes([
    { name: "Data", rows: [["Period", "Perspective", "Objective", "KPI", "Actual", "Target"], ...rows] },
  ]);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-e2e-units-"));
  writeFileSync(
    path.join(dir, "north.xlsx"),
    await unit([
      ["2026-02", "Financial", "Grow", "Revenue", 120, 100],
      ["2026-02", "Customer", "Delight", "NPS", 20, 40],
    ]),
  );
  writeFileSync(
    path.join(dir, "south.xlsx"),
    await unit([["2026-02", "Financial", "Grow", "Sales", 70, 100]]),
  );
  writeFileSync(path.join(dir, "broken.xlsx"), "no workbook");
  writeFileSync(
    path.join(dir, "group.xlsx"),
    await workbookBytes([
      {
        name: "KPI map",
        rows: [
          ["Unit", "Unit's KPI name", "Group KPI name"],
          ["south", "Sales", "Revenue"],
        ],
      },
    ]),
  );
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Add units' workbooks… in the browser preview", () => {
  it("consolidates the units picked into the open workbook, says who was left out, and downloads what bsc writes", async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 1000 }, acceptDownloads: true });
    await openPreview(page, server.url);
    await page.getByLabel("Workbook to open").setInputFiles(path.join(dir, "group.xlsx"));
    await page.getByRole("tab", { name: "Settings" }).click();
    await page
      .getByLabel("Units' workbooks to add")
      .setInputFiles(["north.xlsx", "south.xlsx", "broken.xlsx"].map((f) => path.join(dir, f)));
    await page.getByText(/2 of 3 units consolidated/).waitFor();
    await page.getByText(/Left out: broken \(broken\.xlsx\)/).waitFor();
    await page.getByRole("tree", { name: "Perspectives, objectives and KPIs" }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    const downloaded = path.join(dir, "downloaded.xlsx");
    await download.saveAs(downloaded);
    const scorecardTexts = async (file: string) => {
      const wb = await loadWorkbook(readFileSync(file));
      const texts: string[] = [];
      wb.getWorksheet("Scorecard")?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
      // The refresh time is the one thing two runs write differently.
      return texts.filter((t) => !t.includes("Refreshed "));
    };
    const inPane = await scorecardTexts(downloaded);
    expect(inPane).toEqual(
      expect.arrayContaining(["By entity", "north", "south", "Source cells", "[south.xlsx]Data!E2"]),
    );

    // The same files through bsc: the same Scorecard sheet, cell for cell.
    const args = ["consolidate", "group.xlsx", "north.xlsx", "south.xlsx", "broken.xlsx", "-o", "cli.xlsx"];
    await runCli(args, { cwd: dir, stdout: () => undefined, stderr: () => undefined });
    const byCli = await scorecardTexts(path.join(dir, "cli.xlsx"));
    // The pane's reason for the broken file is said in the pane's words, bsc's in its own.
    const reasonless = (texts: string[]) => texts.filter((t) => !t.startsWith("Left out: "));
    expect(reasonless(inPane)).toEqual(reasonless(byCli));
    await page.close();
  });
});
