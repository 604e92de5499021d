// The Dashboard prints one page wide with a manual page break before every chart block that
// would run over its page: no chart, nor the table it plots, is cut in two.
import { kpiHistories, scorecardHistory } from "../../src/app/history";
import type { CellValue } from "../../src/model/snapshot";
import { DASHBOARD_SHEET_STAMP } from "../../src/model/ownership";
import {
  blockBreaks,
  CHART_COLUMNS,
  dashboardLayout,
  dashboardSheet,
  printedRowsPerPage,
} from "../../src/plan/dashboard";
import { PALETTES } from "../../src/plan/palette";
import { book, score, sheet } from "../helpers/book";

/** `count` KPIs over twelve months, spread over two perspectives, scored with their history. */
function twelveMonths(count: number) {
  const rows: CellValue[][] = [["Period", "Perspective", "Objective", "KPI", "Actual", "Target"]];
  for (let k = 0; k < count; k++)
    for (let m = 0; m < 12; m++)
      rows.push([
        `2026-${String(m + 1).padStart(2, "0")}`,
        k < count / 2 ? "Financial" : "Customer",
        "Grow",
        `KPI ${k}`,
        50 + m + k,
        55,
      ]);
  const { model, result } = score(book(sheet("Data", rows)));
  return {
    result,
    history: kpiHistories(scorecardHistory(model, result.period)),
    colours: PALETTES.standard,
    refreshedAt: "2026-07-01 00:00 UTC",
  };
}

describe("the dashboard's printed pages", () => {
  it("breaks only between blocks, never inside a chart's rows, and each page holds what it starts", () => {
    const input = twelveMonths(9);
    const { charts, blocks } = dashboardLayout(input);
    const breaks = dashboardSheet(input, "Dashboard", null).rowBreaks!;
    expect(breaks.length).toBeGreaterThan(0);
    for (const row of breaks) {
      for (const c of charts) expect(row >= c.anchor.top && row < c.anchor.bottom).toBe(false);
      // Each break is the row just above a block.
      expect(blocks.some((b) => b.top === row + 1)).toBe(true);
    }
    const pages = [1, ...breaks.map((r) => r + 1)];
    const rowsPerPage = printedRowsPerPage();
    for (const b of blocks) {
      const pageTop = Math.max(...pages.filter((p) => p <= b.top));
      expect(b.bottom - pageTop + 1).toBeLessThanOrEqual(rowsPerPage);
    }
    // Every chart is inside one of the blocks.
    for (const c of charts)
      expect(blocks.some((b) => b.top <= c.anchor.top && c.anchor.bottom <= b.bottom)).toBe(true);
  });

  it("puts one break, above the trends, where the status block and one chart do not share a page", () => {
    const input = twelveMonths(1);
    const { blocks } = dashboardLayout(input);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]!.bottom).toBeGreaterThan(printedRowsPerPage());
    expect(dashboardSheet(input, "Dashboard", null).rowBreaks).toEqual([blocks[1]!.top - 1]);
  });

  it("breaks before a block that runs over the page, and lets one taller than a page run on", () => {
    expect(
      blockBreaks(
        [
          { top: 1, bottom: 20 },
          { top: 22, bottom: 39 },
          { top: 41, bottom: 58 },
        ],
        40,
      ),
    ).toEqual([40]);
    expect(
      blockBreaks(
        [
          { top: 1, bottom: 90 },
          { top: 92, bottom: 95 },
        ],
        40,
      ),
    ).toEqual([]);
    expect(
      blockBreaks(
        [
          { top: 1, bottom: 10 },
          { top: 12, bottom: 60 },
          { top: 62, bottom: 70 },
        ],
        40,
      ),
    ).toEqual([11]);
  });

  it("breaks before a block that would end one row past its page, not before one that ends on its last row", () => {
    const first = { top: 1, bottom: 20 };
    expect(blockBreaks([first, { top: 22, bottom: 40 }], 40)).toEqual([]);
    expect(blockBreaks([first, { top: 22, bottom: 41 }], 40)).toEqual([21]);
  });

  it("counts a block taller than a page in whole pages: the next block starts where the last page does", () => {
    // Rows 1–81 fill pages 1 (1–40) and 2 (41–80) and one row of page 3 (81–120), where 83–120 fits.
    expect(
      blockBreaks(
        [
          { top: 1, bottom: 81 },
          { top: 83, bottom: 120 },
        ],
        40,
      ),
    ).toEqual([]);
    expect(
      blockBreaks(
        [
          { top: 1, bottom: 81 },
          { top: 83, bottom: 121 },
        ],
        40,
      ),
    ).toEqual([82]);
  });

  it("keeps together each chart with its table and the heading above it: the section's for the first, the perspective's band for a perspective's first", () => {
    const input = twelveMonths(4);
    const { cells, charts, blocks } = dashboardLayout(input);
    const rowOf = (style: string, text: string) =>
      cells.find((c) => c.style === style && String(c.value).startsWith(text))!.row;
    const trends = charts.slice(1);
    expect(blocks).toHaveLength(1 + trends.length);
    // Each block ends at its chart's last row, which is lower than its table's.
    expect(blocks.map((b) => b.bottom)).toEqual(charts.map((c) => c.anchor.bottom));
    expect(blocks[0]!.top).toBe(charts[0]!.anchor.top);
    expect(blocks[1]!.top).toBe(rowOf("dash-section", "Actual against target"));
    expect(blocks[2]!.top).toBe(trends[1]!.anchor.top);
    expect(blocks[3]!.top).toBe(rowOf("dash-perspective", "Customer"));
    expect(blocks[4]!.top).toBe(trends[3]!.anchor.top);
  });

  it("holds more rows a page than an unscaled landscape page (500 pt of 15 pt rows) as the columns are scaled down", () => {
    expect(printedRowsPerPage()).toBeGreaterThan(500 / 15);
    expect(printedRowsPerPage([10])).toBe(Math.floor(500 / 15) - 2);
  });

  it("prints landscape, one page wide, over the tables and charts, with the title, period, refresh time and page", () => {
    const input = twelveMonths(3);
    const plan = dashboardSheet(input, "Dashboard", null);
    const lowest = Math.max(...plan.cells.map((c) => c.row), ...plan.charts!.map((c) => c.anchor.bottom));
    expect(plan.print).toEqual({
      orientation: "landscape",
      fitToPagesWide: 1,
      area: { top: 1, left: 1, bottom: lowest, right: CHART_COLUMNS.right },
      titleRows: { first: 1, last: 1 },
      header: { left: DASHBOARD_SHEET_STAMP, right: `Period ${input.result.period}` },
      footer: { left: "Refreshed 2026-07-01 00:00 UTC", right: "Page &P of &N" },
    });
  });
});
