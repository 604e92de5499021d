/**
 * The Dashboard as a real spreadsheet application draws it: the sample is refreshed through the
 * .xlsx path, LibreOffice prints the workbook, and the Dashboard's pages must show every chart
 * (its title in the page's text) with its columns in the status colours, right of the tables,
 * where no cell is filled. The first page is saved as docs/dashboard.png for the README.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PNG } from "pngjs";
import { runScorecard } from "../../src/app/scorecard";
import { DASHBOARD_SHEET_STAMP } from "../../src/model/ownership";
import { PALETTES } from "../../src/plan/palette";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { sampleWorkbookBytes } from "../../src/workbook/xlsx/sampleWorkbook";
import { packagePort } from "../helpers/package";
import { renderWithLibreOffice, type RenderedPage } from "./render";

/** Pixels of a colour in the right part of a page (x from `fromX` of its width on). */
function pixelsRightOf(png: PNG, fromX: number, rgb: string, tolerance = 6): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let y = 0; y < png.height; y++)
    for (let x = Math.floor(png.width * fromX); x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (
        Math.abs(png.data[i]! - r) <= tolerance &&
        Math.abs(png.data[i + 1]! - g) <= tolerance &&
        Math.abs(png.data[i + 2]! - b) <= tolerance
      )
        n++;
    }
  return n;
}

describe("the Dashboard in LibreOffice", () => {
  let file: string;
  let titles: string[];
  let dashboard: RenderedPage[];
  beforeAll(async () => {
    const sample = Buffer.from(await sampleWorkbookBytes(nodeCodec.deflate));
    const port = await packagePort(sample);
    const outcome = await runScorecard(port, { now: new Date("2026-07-01T00:00:00Z") }, true);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    const sheet = outcome.plan!.sheets.find((s) => s.role === "dashboard")!;
    titles = sheet.charts!.map((c) => c.title);
    file = path.join(mkdtempSync(path.join(os.tmpdir(), "bsc-dashboard-")), "sample.xlsx");
    writeFileSync(file, await port.toBytes());
    // The Dashboard is the last visible sheet: its pages run from the one with its title to the end.
    const pages = renderWithLibreOffice(file);
    const first = pages.findIndex((p) => p.text.includes(DASHBOARD_SHEET_STAMP));
    dashboard = first < 0 ? [] : pages.slice(first);
  });

  it("draws every chart of the plan: the status summary and one per KPI of the sample", () => {
    expect(titles).toHaveLength(16);
    const text = dashboard
      .map((p) => p.text)
      .join("\n")
      .replace(/\s+/g, " ");
    expect(titles.filter((t) => !text.includes(t))).toEqual([]);
  });

  it("fills the charts' columns with the status colours, right of the tables", () => {
    const colours = PALETTES.standard;
    // The tables end at column E, before the middle of the page; only charts are drawn right of it.
    const found = Object.fromEntries(
      (["green", "amber", "red"] as const).map((s) => [
        s,
        dashboard.reduce((n, p) => n + pixelsRightOf(p.png, 0.55, colours[s].fill), 0),
      ]),
    );
    // A column of a chart at 60 dpi is some 8 × 20 pixels; each status colours many.
    expect({ green: found.green! > 2000, amber: found.amber! > 500, red: found.red! > 100 }).toEqual({
      green: true,
      amber: true,
      red: true,
    });
  });

  it("ends a percent KPI's value axis at 100% when no value or target passes it", () => {
    const page = dashboard.find((p) => p.text.includes("On-time delivery (%): actual and target"))!;
    // The axis's labels are in the chart's format, 0.0%: the spreadsheet's own scale went to 120.0%.
    expect(page.text).toContain("100.0%");
    expect(page.text).not.toContain("120.0%");
  });

  it("saves a picture of the Dashboard's first page into docs/", () => {
    const page = renderWithLibreOffice(file, 110).find((p) => p.text.includes(DASHBOARD_SHEET_STAMP))!;
    copyFileSync(page.file, path.join(__dirname, "..", "..", "docs", "dashboard.png"));
  });
});
