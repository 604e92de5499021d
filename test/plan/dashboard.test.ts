import { kpiHistories, scorecardHistory } from "../../src/app/history";
import type { ChartPlan } from "../../src/plan/chart";
import {
  CHART_ROWS,
  dashboardLayout,
  dashboardSheet,
  MAX_TREND_CHARTS,
  STATUS_CHART_NAME,
  TARGET_LINE_COLOUR,
  trendChartName,
} from "../../src/plan/dashboard";
import { PALETTES, STATUS_MEANINGS } from "../../src/plan/palette";
import type { PlanCell } from "../../src/plan/plan";
import { book, HEADER, score, tableSheet } from "../helpers/book";

const SERIES_HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];
const colours = PALETTES.standard;

/** A monthly table: each KPI given as [perspective, name, actuals per month from 2026-01, target]. */
function monthly(kpis: [string, string, (number | null)[], number][]) {
  const rows: (string | number | null)[][] = [];
  for (const [perspective, name, actuals, target] of kpis)
    actuals.forEach((a, m) =>
      rows.push([
        `2026-${String(m + 1).padStart(2, "0")}`,
        perspective,
        "Objective",
        name,
        a,
        target,
        "higher",
      ]),
    );
  const { model, result } = score(book(tableSheet("Data", "Monthly", [SERIES_HEADER, ...rows])));
  return { result, history: kpiHistories(scorecardHistory(model, result.period)) };
}

const layoutOf = (input: ReturnType<typeof monthly>) =>
  dashboardLayout({ ...input, colours, refreshedAt: "2026-07-01 00:00 UTC" });

/** The value at a cell, or undefined. */
const at = (cells: readonly PlanCell[], row: number, col: number) =>
  cells.filter((c) => c.row === row && c.col === col).at(-1);

/** The source table of a chart, row by row, as values. */
const table = (cells: readonly PlanCell[], chart: ChartPlan) => {
  const rows: unknown[][] = [];
  for (let r = chart.source.top; r <= chart.source.bottom; r++) {
    const row: unknown[] = [];
    for (let c = chart.source.left; c <= chart.source.right; c++) row.push(at(cells, r, c)?.value ?? null);
    rows.push(row);
  }
  return rows;
};

const overlap = (a: ChartPlan["anchor"], b: ChartPlan["anchor"]) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

describe("the dashboard's status summary", () => {
  const input = monthly([
    ["Financial", "Revenue", [90, 101], 100],
    ["Financial", "Margin", [50, 30], 100],
    ["Customer", "NPS", [10, 9], 10],
  ]);
  const { cells, charts } = layoutOf(input);
  const status = charts.find((c) => c.name === STATUS_CHART_NAME)!;

  it("counts each perspective's KPIs at each status, in a table its chart plots", () => {
    expect(table(cells, status)).toEqual([
      [
        "Perspective",
        STATUS_MEANINGS.green,
        STATUS_MEANINGS.amber,
        STATUS_MEANINGS.red,
        STATUS_MEANINGS.none,
      ],
      ["Financial", 1, 0, 1, 0],
      ["Customer", 0, 1, 0, 0],
    ]);
  });

  it("stacks a column series per status in the status's colours", () => {
    expect(status.stacked).toBe(true);
    expect(status.series).toEqual(
      (["green", "amber", "red", "none"] as const).map((s) => ({
        kind: "column",
        colour: colours[s].fill,
        outline: colours[s].color,
      })),
    );
  });

  it("is headed by the sheet's stamp and the scored period", () => {
    expect(at(cells, 1, 1)?.value).toBe("Balanced Scorecard dashboard");
    expect(at(cells, 2, 2)?.value).toBe("2026-02");
  });
});

describe("the dashboard's trend charts", () => {
  const input = monthly([
    ["Financial", "Revenue", [90, 101, 97], 100],
    ["Customer", "NPS", [8, null, 10], 10],
  ]);
  const { cells, charts } = layoutOf(input);
  const trends = charts.filter((c) => c.name !== STATUS_CHART_NAME);
  const status = charts.find((c) => c.name === STATUS_CHART_NAME)!;

  it("draws one per KPI, named by its place, titled by the KPI", () => {
    expect(trends.map((c) => [c.name, c.title])).toEqual([
      [trendChartName(1), "Revenue: actual and target"],
      [trendChartName(2), "NPS: actual and target"],
    ]);
  });

  it("plots each period's actual and target from the table beside it", () => {
    expect(table(cells, trends[0]!)).toEqual([
      ["Period", "Actual", "Target"],
      ["2026-01", 90, 100],
      ["2026-02", 101, 100],
      ["2026-03", 97, 100],
    ]);
    // A period without an actual is an empty cell, which a chart leaves as a gap.
    expect(table(cells, trends[1]!)[2]).toEqual(["2026-02", null, 10]);
  });

  it("colours each period's column by its status, and the status stands in the table too", () => {
    const [actual, target] = trends[0]!.series;
    expect(actual!.kind).toBe("column");
    expect(actual!.points).toEqual(
      (["amber", "green", "amber"] as const).map((s) => ({
        fill: colours[s].fill,
        outline: colours[s].color,
      })),
    );
    expect(target).toEqual({ kind: "line", colour: TARGET_LINE_COLOUR });
    const statusColumn = [1, 2, 3].map((i) => at(cells, trends[0]!.source.top + i, 4));
    expect(statusColumn.map((c) => [c?.value, c?.style])).toEqual([
      [STATUS_MEANINGS.amber, "dash-status-amber"],
      [STATUS_MEANINGS.green, "dash-status-green"],
      [STATUS_MEANINGS.amber, "dash-status-amber"],
    ]);
  });

  it("lists the KPIs under their perspective's heading", () => {
    const headings = cells.filter((c) => c.style === "dash-perspective" && c.value !== null);
    expect(headings.map((c) => c.value)).toEqual(["Financial", "Customer"]);
    expect(headings[1]!.row).toBeGreaterThan(trends[0]!.anchor.bottom);
    expect(headings[1]!.row).toBeLessThan(trends[1]!.anchor.top);
  });

  it("places no chart over another, nor over the tables", () => {
    charts.forEach((a, i) =>
      charts.slice(i + 1).forEach((b) => expect(overlap(a.anchor, b.anchor)).toBe(false)),
    );
    for (const c of charts) {
      expect(c.anchor.bottom - c.anchor.top + 1).toBe(CHART_ROWS);
      expect(c.anchor.left).toBeGreaterThan(c.source.right);
      expect(cells.filter((cell) => cell.col >= c.anchor.left && cell.value !== null)).toEqual([]);
    }
  });

  it("starts the value axis at zero, in the KPI's own number format, unless a value is negative", () => {
    expect(trends[0]!.valueAxis).toEqual({ minimum: 0 });
    const { model, result } = score(
      book(
        tableSheet("Data", "Monthly", [
          SERIES_HEADER,
          ["2026-01", "F", "O", "Cash flow", -5, 10, "higher"],
          ["2026-02", "F", "O", "Cash flow", 12, 10, "higher"],
        ]),
      ),
    );
    const history = kpiHistories(scorecardHistory(model, result.period));
    const [, cash] = layoutOf({ result, history }).charts;
    expect(cash!.valueAxis).toEqual({});
    expect(status.valueAxis).toEqual({ minimum: 0, majorUnit: 1 });
  });

  it("gives every chart a series per column of its table after the first", () => {
    for (const c of charts) expect(c.series).toHaveLength(c.source.right - c.source.left);
  });
});

describe("when there is less, or too much, to chart", () => {
  it("charts the first KPIs up to the limit and says how many are left", () => {
    const many = Array.from({ length: MAX_TREND_CHARTS + 3 }, (_, i): [string, string, number[], number] => [
      "Financial",
      `KPI ${i + 1}`,
      [1, 2],
      2,
    ]);
    const { cells, charts } = layoutOf(monthly(many));
    expect(charts).toHaveLength(MAX_TREND_CHARTS + 1);
    expect(charts.at(-1)!.title).toBe(`KPI ${MAX_TREND_CHARTS}: actual and target`);
    expect(
      cells.some(
        (c) =>
          c.value ===
          `The first ${MAX_TREND_CHARTS} KPIs with data are charted; the other 3 are on the Scorecard sheet.`,
      ),
    ).toBe(true);
  });

  it("draws only the status summary for a single-period table, and says why", () => {
    const { model, result } = score(
      book(tableSheet("Data", "Kpis", [HEADER, ["F", "O", "Revenue", 95, 100, null, null, "higher", 1]])),
    );
    const history = kpiHistories(scorecardHistory(model, result.period));
    const { cells, charts } = layoutOf({ result, history });
    expect(charts.map((c) => c.name)).toEqual([STATUS_CHART_NAME]);
    expect(cells.some((c) => String(c.value).startsWith("Trend charts need a table with periods"))).toBe(
      true,
    );
  });

  it("is a visible product sheet marked by its own name, carrying its charts", () => {
    const input = monthly([["Financial", "Revenue", [90, 101], 100]]);
    const sheet = dashboardSheet({ ...input, colours, refreshedAt: "now" }, "Dashboard", null);
    expect(sheet).toMatchObject({
      role: "dashboard",
      name: "Dashboard",
      markerName: "_bsc_dashboard",
      visibility: "visible",
    });
    expect(sheet.charts!.map((c) => c.name)).toEqual([STATUS_CHART_NAME, trendChartName(1)]);
  });
});
