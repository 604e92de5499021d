// Every fixture here is built inside the test that reads it (through the functions below), never
// once in a describe body: a value computed there is computed before a mutation run switches a
// mutant on, so no mutant could reach it and the test would pin nothing.
import { kpiHistories, scorecardHistory } from "../../src/app/history";
import type { Status } from "../../src/engine/types";
import { DASHBOARD_SHEET_STAMP } from "../../src/model/ownership";
import { kpiKey } from "../../src/model/scorecard";
import type { CellValue } from "../../src/model/snapshot";
import { isProductChart, PRODUCT_CHART_PREFIX, type ChartPlan } from "../../src/plan/chart";
import {
  axisLabel,
  CHART_COLUMNS,
  CHART_ROWS,
  dashboardLayout,
  dashboardSheet,
  dashboardStyles,
  type DashboardInput,
  MAX_TREND_CHARTS,
  STATUS_CHART_NAME,
  TARGET_LINE_COLOUR,
  trendCandidates,
  trendChartName,
  type TrendPoint,
} from "../../src/plan/dashboard";
import { PALETTES, STATUS_MEANINGS } from "../../src/plan/palette";
import type { PlanCell } from "../../src/plan/plan";
import { book, HEADER, score, sheet } from "../helpers/book";

const SERIES_HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity", "Unit"];
const ACTUAL_COLUMN = SERIES_HEADER.indexOf("Actual");
const colours = PALETTES.standard;
const REFRESHED = "2026-07-01 00:00 UTC";
const STATUSES: readonly Status[] = ["green", "amber", "red", "none"];

/** One KPI of a monthly table: its actuals per month from 2026-01, its target. */
interface SeriesKpi {
  readonly perspective: string;
  readonly objective?: string;
  readonly name: string;
  readonly actuals: readonly (number | null)[];
  readonly target: number;
  readonly unit?: string;
  /** The number format of its Actual cells. */
  readonly format?: string;
}

const month = (m: number) => `2026-${String(m + 1).padStart(2, "0")}`;

/** A monthly table of higher-is-better KPIs, scored, with the history the dashboard plots. */
function monthly(kpis: readonly SeriesKpi[]) {
  const rows: CellValue[][] = [SERIES_HEADER];
  const formats: (string | null)[][] = [SERIES_HEADER.map(() => null)];
  for (const k of kpis)
    k.actuals.forEach((a, m) => {
      rows.push([
        month(m),
        k.perspective,
        k.objective ?? "Objective",
        k.name,
        a,
        k.target,
        "higher",
        k.unit ?? "",
      ]);
      formats.push(SERIES_HEADER.map((_, col) => (col === ACTUAL_COLUMN ? (k.format ?? null) : null)));
    });
  const { model, result } = score(book(sheet("Data", rows, { formats })));
  return { result, history: kpiHistories(scorecardHistory(model, result.period)) };
}

const kpi = (perspective: string, name: string, actuals: (number | null)[], target: number): SeriesKpi => ({
  perspective,
  name,
  actuals,
  target,
});

const layoutOf = (input: Pick<DashboardInput, "result" | "history">) =>
  dashboardLayout({ ...input, colours, refreshedAt: REFRESHED });

/** A single-period table (no Period column): nothing to plot over time. */
function singlePeriod() {
  const { model, result } = score(
    book(sheet("Data", [HEADER, ["F", "O", "Revenue", 95, 100, null, null, "higher", 1]])),
  );
  return { result, history: kpiHistories(scorecardHistory(model, result.period)) };
}

/** A monthly table with an Entity column: the Scorecard sheet compares its entities instead. */
function entityTable() {
  const rows: CellValue[][] = [
    ["Period", "Entity", "Perspective", "Objective", "KPI", "Actual", "Target"],
    ["2026-01", "North", "F", "O", "Revenue", 90, 100],
    ["2026-02", "North", "F", "O", "Revenue", 95, 100],
    ["2026-01", "South", "F", "O", "Revenue", 80, 100],
    ["2026-02", "South", "F", "O", "Revenue", 105, 100],
  ];
  const { model, result } = score(book(sheet("Data", rows)));
  return { result, history: kpiHistories(scorecardHistory(model, result.period)) };
}

/** The cell written last at a place, or undefined. */
const at = (cells: readonly PlanCell[], row: number, col: number) =>
  cells.filter((c) => c.row === row && c.col === col).at(-1);

/** The cells of a block, row by row, as values. */
const valuesIn = (cells: readonly PlanCell[], box: ChartPlan["source"]) => {
  const rows: unknown[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: unknown[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(at(cells, r, c)?.value ?? null);
    rows.push(row);
  }
  return rows;
};

/** The one cell holding a value, as it was written. */
const cellSaying = (cells: readonly PlanCell[], value: string) => {
  const found = cells.filter((c) => c.value === value);
  expect(found).toHaveLength(1);
  return found[0]!;
};

const statusChart = (charts: readonly ChartPlan[]) => charts.find((c) => c.name === STATUS_CHART_NAME)!;
const trendCharts = (charts: readonly ChartPlan[]) => charts.filter((c) => c.name !== STATUS_CHART_NAME);
const notesBelowHeading = (cells: readonly PlanCell[]) =>
  cells.filter((c) => c.style === "dash-note" && c.row > 3);
const perspectiveBands = (cells: readonly PlanCell[]) => cells.filter((c) => c.style === "dash-perspective");
/** The cell naming a perspective in its band (the status table names it too). */
const bandOf = (cells: readonly PlanCell[], perspective: string) =>
  cellSaying(perspectiveBands(cells), perspective);

const overlap = (a: ChartPlan["anchor"], b: ChartPlan["anchor"]) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Three perspectives whose KPIs stand, in the last month, at every status between them. */
const threePerspectives = () =>
  monthly([
    kpi("Financial", "Revenue", [90, 101], 100), // green
    kpi("Financial", "Margin", [50, 30], 100), // red
    kpi("Financial", "Cost", [40, null], 100), // no actual in the scored month: none
    kpi("Customer", "NPS", [10, 9], 10), // amber
    kpi("Process", "Cycle", [90, 100], 100), // green
  ]);

describe("the dashboard's styles", () => {
  it("sets the title large and bold, the period's label and each KPI's name bold, and notes in grey italics", () => {
    const styles = dashboardStyles(colours);
    expect(styles["dash-title"]).toEqual({ bold: true, size: 16 });
    expect(styles["dash-label"]).toEqual({ bold: true });
    expect(styles["dash-kpi"]).toEqual({ bold: true });
    expect(styles["dash-note"]).toEqual({ italic: true, color: colours.none.color });
  });

  it("heads each section in the target line's blue, underlined, and each table white on that blue", () => {
    const styles = dashboardStyles(colours);
    expect(styles["dash-section"]).toEqual({
      bold: true,
      size: 13,
      color: TARGET_LINE_COLOUR,
      borderBottom: true,
    });
    expect(styles["dash-header"]).toEqual({
      bold: true,
      fill: TARGET_LINE_COLOUR,
      color: "FFFFFF",
      borderBottom: true,
      align: "center",
    });
  });

  it("bands a perspective's heading in light blue and centres the counts", () => {
    const styles = dashboardStyles(colours);
    expect(styles["dash-perspective"]).toEqual({ bold: true, fill: "D9E1F2" });
    expect(styles["dash-count"]).toEqual({ align: "center" });
  });

  it("gives each status's cell that status's colours, bold and centred, in the palette chosen", () => {
    for (const palette of [PALETTES.standard, PALETTES.colorblind]) {
      const styles = dashboardStyles(palette);
      for (const s of STATUSES)
        expect(styles[`dash-status-${s}`]).toEqual({
          bold: true,
          fill: palette[s].fill,
          color: palette[s].color,
          align: "center",
        });
    }
  });

  it("defines every style the sheet's cells name", () => {
    const { cells } = layoutOf(threePerspectives());
    const defined = Object.keys(dashboardStyles(colours));
    const used = new Set(cells.flatMap((c) => (c.style ? [c.style] : [])));
    expect(used.size).toBeGreaterThan(5);
    for (const style of used) expect(defined).toContain(style);
  });
});

describe("the dashboard's heading", () => {
  it("is the sheet's stamp, the scored period and when the sheet was refreshed", () => {
    const { cells } = layoutOf(monthly([kpi("Financial", "Revenue", [90, 101, 97], 100)]));
    expect(cells.filter((c) => c.row <= 3)).toEqual([
      { row: 1, col: 1, value: DASHBOARD_SHEET_STAMP, style: "dash-title" },
      { row: 2, col: 1, value: "Period", style: "dash-label" },
      { row: 2, col: 2, value: month(2) },
      {
        row: 3,
        col: 1,
        value: `Refreshed ${REFRESHED}. Regenerated on every refresh: each chart plots the table at its left.`,
        style: "dash-note",
      },
    ]);
  });

  it("reads 'Single period' for a table without periods", () => {
    const { cells } = layoutOf(singlePeriod());
    expect(at(cells, 2, 2)).toEqual({ row: 2, col: 2, value: "Single period" });
  });

  it("writes every cell of the sheet once", () => {
    const { cells } = layoutOf(threePerspectives());
    const places = cells.map((c) => `${c.row}:${c.col}`);
    expect(new Set(places).size).toBe(places.length);
  });
});

describe("the dashboard's status summary", () => {
  it("counts each perspective's KPIs at each status, in a table its chart plots", () => {
    const input = threePerspectives();
    const status = statusChart(layoutOf(input).charts);
    const { cells } = layoutOf(input);
    const counted = input.result.perspectives.map((p) => {
      const kpis = p.objectives.flatMap((o) => o.kpis);
      return [p.name, ...STATUSES.map((s) => kpis.filter((k) => k.status === s).length)];
    });
    expect(valuesIn(cells, status.source)).toEqual([
      ["Perspective", ...STATUSES.map((s) => STATUS_MEANINGS[s])],
      ...counted,
    ]);
    // The fixture puts a KPI at each status, and two at one, so that a count that ignored the
    // status, or counted another, would show.
    expect(counted).toEqual([
      ["Financial", 1, 0, 1, 1],
      ["Customer", 0, 1, 0, 0],
      ["Process", 1, 0, 0, 0],
    ]);
  });

  it("stands under its section's heading, its header white on blue, its counts centred", () => {
    const { cells, charts } = layoutOf(threePerspectives());
    const { source } = statusChart(charts);
    const heading = cellSaying(cells, "Status of the KPIs, per perspective");
    expect(heading).toMatchObject({ col: 1, style: "dash-section" });
    expect(source).toEqual({
      top: heading.row + 1,
      left: 1,
      bottom: heading.row + 1 + 3,
      right: 1 + STATUSES.length,
    });
    for (let col = source.left; col <= source.right; col++)
      expect(at(cells, source.top, col)?.style).toBe("dash-header");
    for (let row = source.top + 1; row <= source.bottom; row++) {
      expect(at(cells, row, 1)?.style).toBeUndefined();
      for (let col = 2; col <= source.right; col++) expect(at(cells, row, col)?.style).toBe("dash-count");
    }
  });

  it("stacks a column series per status in the status's colours, on a scale of whole KPIs from none", () => {
    const status = statusChart(layoutOf(threePerspectives()).charts);
    expect(status.title).toBe("KPIs by status");
    expect(status.stacked).toBe(true);
    expect(status.series).toEqual(
      STATUSES.map((s) => ({ kind: "column", colour: colours[s].fill, outline: colours[s].color })),
    );
    expect(status.valueAxis).toEqual({ minimum: 0, majorUnit: 1 });
  });

  it("sets its chart beside its table, level with its heading, the charts' width and height", () => {
    const { cells, charts } = layoutOf(threePerspectives());
    const heading = cellSaying(cells, "Status of the KPIs, per perspective");
    expect(statusChart(charts).anchor).toEqual({
      top: heading.row,
      left: CHART_COLUMNS.left,
      bottom: heading.row + CHART_ROWS - 1,
      right: CHART_COLUMNS.right,
    });
  });

  it("leaves one blank row between its chart and the trends", () => {
    const { cells, charts } = layoutOf(threePerspectives());
    const trends = cells.find((c) => c.style === "dash-section" && c.row > statusChart(charts).anchor.top)!;
    expect(trends.row).toBe(statusChart(charts).anchor.bottom + 2);
  });

  it("pushes the trends below a table of perspectives longer than its chart", () => {
    const names = Array.from({ length: CHART_ROWS + 2 }, (_, i) => `Perspective ${i + 1}`);
    const { cells, charts } = layoutOf(monthly(names.map((p) => kpi(p, `KPI of ${p}`, [1, 2], 2))));
    const { source, anchor } = statusChart(charts);
    expect(source.bottom).toBe(source.top + names.length);
    expect(source.bottom).toBeGreaterThan(anchor.bottom);
    const trends = cells.find((c) => c.style === "dash-section" && c.row > anchor.top)!;
    expect(trends.row).toBe(source.bottom + 2);
  });
});

describe("the dashboard's trend section", () => {
  it("is headed by how many periods its charts show", () => {
    const actuals = [90, 101, 97];
    const { cells } = layoutOf(monthly([kpi("Financial", "Revenue", actuals, 100)]));
    expect(cellSaying(cells, `Actual against target, the last ${actuals.length} periods`).style).toBe(
      "dash-section",
    );
  });

  it("says 'the last period' for a single month, not 'the last 1 periods'", () => {
    const { cells } = layoutOf(monthly([kpi("Financial", "Revenue", [90], 100)]));
    expect(cellSaying(cells, "Actual against target, the last period").style).toBe("dash-section");
  });

  it("leaves a blank row under its heading, then bands the first perspective, then a blank row", () => {
    const { cells, charts } = layoutOf(monthly([kpi("Financial", "Revenue", [90, 101, 97], 100)]));
    const heading = cellSaying(cells, "Actual against target, the last 3 periods");
    expect(notesBelowHeading(cells)).toEqual([]);
    const band = bandOf(cells, "Financial");
    expect(band.row).toBe(heading.row + 2);
    expect(trendCharts(charts)[0]!.anchor.top).toBe(band.row + 2);
  });

  it("is headed 'Trends' with why nothing is charted, for a table without periods", () => {
    const { cells, charts } = layoutOf(singlePeriod());
    expect(charts.map((c) => c.name)).toEqual([STATUS_CHART_NAME]);
    const heading = cellSaying(cells, "Trends");
    expect(heading.style).toBe("dash-section");
    expect(notesBelowHeading(cells)).toEqual([
      {
        row: heading.row + 1,
        col: 1,
        value: "Trend charts need a table with periods (a Period column or months across).",
        style: "dash-note",
      },
    ]);
  });

  it("charts no KPI of an entity table, and says the Scorecard sheet compares the entities", () => {
    const input = entityTable();
    expect(input.result.entities.length).toBeGreaterThan(0);
    expect(trendCandidates(input.result)).toEqual([]);
    const { cells, charts } = layoutOf(input);
    expect(charts.map((c) => c.name)).toEqual([STATUS_CHART_NAME]);
    const heading = cellSaying(cells, "Trends");
    expect(notesBelowHeading(cells)).toEqual([
      {
        row: heading.row + 1,
        col: 1,
        value:
          "Trend charts are drawn for a table without an Entity column; the Scorecard sheet compares the entities.",
        style: "dash-note",
      },
    ]);
  });

  it("offers every KPI of a table without entities, in the scorecard's order", () => {
    const { result } = threePerspectives();
    expect(trendCandidates(result).map((k) => k.kpi.name)).toEqual(
      result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => k.kpi.name))),
    );
    expect(trendCandidates(result)).toHaveLength(5);
  });

  it("says so when no KPI has an actual in the periods shown", () => {
    const { cells, charts } = layoutOf(monthly([kpi("Financial", "Revenue", [null, null], 100)]));
    expect(charts.map((c) => c.name)).toEqual([STATUS_CHART_NAME]);
    const heading = cellSaying(cells, "Trends");
    expect(notesBelowHeading(cells)).toEqual([
      { row: heading.row + 1, col: 1, value: "No KPI has an actual in these periods.", style: "dash-note" },
    ]);
  });

  it("charts a KPI with an actual in some period, leaves out one with none, and needs no note for it", () => {
    const { cells, charts } = layoutOf(
      monthly([
        kpi("Financial", "Revenue", [null, 101, null], 100),
        kpi("Financial", "Margin", [null, null, null], 100),
        kpi("Customer", "NPS", [8, null, 10], 10),
      ]),
    );
    expect(trendCharts(charts).map((c) => c.title)).toEqual([
      "Revenue: actual and target",
      "NPS: actual and target",
    ]);
    expect(notesBelowHeading(cells)).toEqual([]);
  });

  it("charts the first KPIs up to the limit and says, under its heading, how many are left", () => {
    const left = 3;
    const many = Array.from({ length: MAX_TREND_CHARTS + left }, (_, i) =>
      kpi("Financial", `KPI ${i + 1}`, [1, 2], 2),
    );
    const { cells, charts } = layoutOf(monthly(many));
    expect(trendCharts(charts).map((c) => c.title)).toEqual(
      many.slice(0, MAX_TREND_CHARTS).map((k) => `${k.name}: actual and target`),
    );
    const heading = cellSaying(cells, "Actual against target, the last 2 periods");
    const note = cellSaying(
      cells,
      `The first ${MAX_TREND_CHARTS} KPIs with data are charted; the other ${left} are on the Scorecard sheet.`,
    );
    expect(note).toMatchObject({ row: heading.row + 1, col: 1, style: "dash-note" });
    // A blank row under the note, then the first perspective.
    expect(bandOf(cells, "Financial").row).toBe(note.row + 2);
  });

  it("needs no note when exactly as many KPIs as the limit are charted", () => {
    const all = Array.from({ length: MAX_TREND_CHARTS }, (_, i) =>
      kpi("Financial", `KPI ${i + 1}`, [1, 2], 2),
    );
    const { cells, charts } = layoutOf(monthly(all));
    expect(trendCharts(charts)).toHaveLength(MAX_TREND_CHARTS);
    expect(notesBelowHeading(cells)).toEqual([]);
  });
});

describe("the dashboard's perspectives", () => {
  const twoPerspectives = () =>
    monthly([
      kpi("Financial", "Revenue", [90, 101, 97], 100),
      kpi("Financial", "Margin", [50, 60, 70], 100),
      kpi("Customer", "NPS", [8, null, 10], 10),
    ]);

  it("bands each perspective's name once, across the tables and the charts, above its KPIs", () => {
    const { cells, charts } = layoutOf(twoPerspectives());
    const bands = perspectiveBands(cells);
    const rows = [...new Set(bands.map((c) => c.row))];
    expect(rows).toHaveLength(2);
    rows.forEach((row, i) =>
      expect(bands.filter((c) => c.row === row).map((c) => [c.col, c.value])).toEqual(
        Array.from({ length: CHART_COLUMNS.right }, (_, col) => [
          col + 1,
          col === 0 ? ["Financial", "Customer"][i] : null,
        ]),
      ),
    );
    const [revenue, margin, nps] = trendCharts(charts);
    expect(rows[0]).toBeLessThan(revenue!.anchor.top);
    expect(rows[1]).toBeGreaterThan(margin!.anchor.bottom);
    expect(rows[1]).toBeLessThan(nps!.anchor.top);
  });

  it("begins each KPI one blank row below the chart before it, or below the band of a new perspective", () => {
    const { cells, charts } = layoutOf(twoPerspectives());
    const [revenue, margin, nps] = trendCharts(charts);
    expect(margin!.anchor.top).toBe(revenue!.anchor.bottom + 2);
    const customer = bandOf(cells, "Customer");
    expect(customer.row).toBe(margin!.anchor.bottom + 2);
    expect(nps!.anchor.top).toBe(customer.row + 2);
  });

  it("begins the next KPI one blank row below a table of periods longer than its chart", () => {
    const { result } = monthly([
      kpi("Financial", "Revenue", [90, 101], 100),
      kpi("Financial", "Margin", [50, 60], 100),
    ]);
    const [revenue, margin] = trendCandidates(result).map((k) =>
      kpiKey(k.kpi.perspective, k.kpi.objective, k.kpi.name),
    );
    const longer = Array.from({ length: CHART_ROWS + 2 }, (_, i): TrendPoint => ({
      period: `P${i + 1}`,
      actual: i,
      target: 10,
      status: "green",
    }));
    const history = new Map([
      [revenue!, longer],
      [margin!, longer.slice(0, 2)],
    ]);
    const [first, second] = trendCharts(layoutOf({ result, history }).charts);
    expect(first!.source.bottom).toBe(first!.source.top + longer.length);
    expect(first!.source.bottom).toBeGreaterThan(first!.anchor.bottom);
    expect(second!.anchor.top).toBe(first!.source.bottom + 2);
  });

  it("places no chart over another, nor over the tables", () => {
    const { cells, charts } = layoutOf(twoPerspectives());
    charts.forEach((a, i) =>
      charts.slice(i + 1).forEach((b) => expect(overlap(a.anchor, b.anchor)).toBe(false)),
    );
    for (const c of charts) {
      expect(c.anchor.bottom - c.anchor.top + 1).toBe(CHART_ROWS);
      expect(c.anchor.left).toBeGreaterThan(c.source.right);
      expect(cells.filter((cell) => cell.col >= c.anchor.left && cell.value !== null)).toEqual([]);
    }
  });
});

describe("a KPI's trend", () => {
  it("is named by its objective, the KPI and its unit, above its table; its chart by the KPI and the unit", () => {
    const { cells, charts } = layoutOf(
      monthly([
        { ...kpi("Financial", "Revenue", [90, 101], 100), objective: "Grow", unit: "kEUR" },
        { ...kpi("Financial", "Margin", [50, 60], 100), objective: "Grow" },
      ]),
    );
    const [revenue, margin] = trendCharts(charts);
    expect(at(cells, revenue!.anchor.top, 1)).toEqual({
      row: revenue!.anchor.top,
      col: 1,
      value: "Grow › Revenue (kEUR)",
      style: "dash-kpi",
    });
    expect(at(cells, margin!.anchor.top, 1)?.value).toBe("Grow › Margin");
    expect([revenue!.title, margin!.title]).toEqual([
      "Revenue (kEUR): actual and target",
      "Margin: actual and target",
    ]);
    expect([revenue!.name, margin!.name]).toEqual([trendChartName(1), trendChartName(2)]);
  });

  it("lists each period's actual, target and status under a header, and plots the first three columns", () => {
    const input = monthly([
      kpi("Financial", "Revenue", [90, 101], 100),
      kpi("Customer", "NPS", [8, null, 10], 10),
    ]);
    const { cells, charts } = layoutOf(input);
    for (const [i, chart] of trendCharts(charts).entries()) {
      const k = trendCandidates(input.result)[i]!;
      const points = input.history.get(kpiKey(k.kpi.perspective, k.kpi.objective, k.kpi.name))!;
      const header = chart.anchor.top + 1;
      expect(chart.source).toEqual({ top: header, left: 1, bottom: header + points.length, right: 3 });
      expect(valuesIn(cells, { ...chart.source, right: 4 })).toEqual([
        ["Period", "Actual", "Target", "Status"],
        ...points.map((p) => [p.period, p.actual, p.target, STATUS_MEANINGS[p.status]]),
      ]);
      for (let col = 1; col <= 4; col++) expect(at(cells, header, col)?.style).toBe("dash-header");
      points.forEach((p, r) => {
        expect(at(cells, header + 1 + r, 1)?.style).toBeUndefined();
        expect(at(cells, header + 1 + r, 4)?.style).toBe(`dash-status-${p.status}`);
      });
    }
    // Both KPIs span every month the table holds, the NPS's gap an empty cell the chart skips.
    expect(valuesIn(cells, trendCharts(charts)[1]!.source)[2]).toEqual([month(1), null, 10]);
  });

  it("colours each period's column by its status, and draws the target as a line over them", () => {
    const input = monthly([kpi("Financial", "Revenue", [90, 101, 97], 100)]);
    const points = input.history.get(kpiKey("Financial", "Objective", "Revenue"))!;
    // Statuses that differ, so that a colour taken from another period would show.
    expect(new Set(points.map((p) => p.status)).size).toBeGreaterThan(1);
    const [trend] = trendCharts(layoutOf(input).charts);
    expect(trend!.stacked).toBe(false);
    expect(trend!.series).toEqual([
      {
        kind: "column",
        colour: colours.none.fill,
        outline: colours.none.color,
        points: points.map((p) => ({ fill: colours[p.status].fill, outline: colours[p.status].color })),
      },
      { kind: "line", colour: TARGET_LINE_COLOUR },
    ]);
  });

  it("writes its numbers, and reads its value axis, in the KPI's own number format", () => {
    const format = "#,##0.0";
    const { cells, charts } = layoutOf(monthly([{ ...kpi("Financial", "Revenue", [90, 101], 100), format }]));
    const [trend] = trendCharts(charts);
    expect(trend!.valueAxis).toEqual({ minimum: 0, maximum: 120, majorUnit: 20, numberFormat: format });
    for (let row = trend!.source.top + 1; row <= trend!.source.bottom; row++) {
      expect(at(cells, row, 2)?.numberFormat).toBe(format);
      expect(at(cells, row, 3)?.numberFormat).toBe(format);
    }
  });

  it("starts the value axis at zero when no value is negative, a zero included, and ends it at a gridline", () => {
    const [withZero, negative] = trendCharts(
      layoutOf(monthly([kpi("Financial", "Claims", [0, 3], 5), kpi("Financial", "Cash flow", [-5, 12], 10)]))
        .charts,
    );
    expect(withZero!.valueAxis).toEqual({ minimum: 0, maximum: 5, majorUnit: 1 });
    expect(negative!.valueAxis).toEqual({ minimum: -5, maximum: 12.5, majorUnit: 2.5 });
  });

  it("ends a percent KPI's value axis at 100% when nothing exceeds it", () => {
    const [share, over] = trendCharts(
      layoutOf(
        monthly([
          { ...kpi("Internal", "On-time delivery", [0.936, 0.99], 0.96), format: "0.0%" },
          { ...kpi("Internal", "Utilisation", [0.97, 1.04], 0.95), format: "0%" },
        ]),
      ).charts,
    );
    expect(share!.valueAxis).toEqual({ minimum: 0, maximum: 1, majorUnit: 0.2, numberFormat: "0.0%" });
    // Above 100%, the axis goes on to the next gridline.
    expect(over!.valueAxis).toEqual({ minimum: 0, maximum: 1.2, majorUnit: 0.2, numberFormat: "0%" });
  });

  it("turns a year of month labels so that each stays on one line, and leaves a few flat", () => {
    const year = layoutOf(
      monthly([
        kpi(
          "Financial",
          "Revenue",
          Array.from({ length: 12 }, () => 100),
          100,
        ),
      ]),
    );
    const quarter = layoutOf(monthly([kpi("Financial", "Revenue", [90, 101, 97], 100)]));
    expect(trendCharts(year.charts)[0]!.categoryAxis).toEqual({ labelAngle: 45, labelSpacing: 1 });
    expect(trendCharts(quarter.charts)[0]!.categoryAxis).toEqual({ labelAngle: 0, labelSpacing: 1 });
    // The perspectives' names under the status chart fit flat.
    expect(year.charts[0]!.categoryAxis).toEqual({ labelAngle: 0, labelSpacing: 1 });
  });

  it("turns nine months' labels beside a wide value axis ($1,200,000) but not beside a narrow one (120)", () => {
    // A plot 450 pt wide, less 28 pt of margins and the widest value label: each of nine months
    // (42.5 pt flat) fits while the value labels take 6 characters or fewer.
    const nine = (a: number) => Array.from({ length: 9 }, () => a);
    const { charts } = layoutOf(
      monthly([
        kpi("Financial", "Orders", nine(100), 100),
        { ...kpi("Financial", "Revenue", nine(1_000_000), 1_000_000), format: '"$"#,##0' },
      ]),
    );
    const [orders, revenue] = trendCharts(charts);
    expect(orders!.categoryAxis).toEqual({ labelAngle: 0, labelSpacing: 1 });
    expect(revenue!.categoryAxis).toEqual({ labelAngle: 45, labelSpacing: 1 });
  });

  it("charts a KPI whose actuals and targets are all 0 on the spreadsheet's scale from 0", () => {
    const [claims] = trendCharts(layoutOf(monthly([kpi("Internal", "Claims", [0, 0, 0], 0)])).charts);
    expect(claims!.valueAxis).toEqual({ minimum: 0 });
    expect(claims!.categoryAxis).toEqual({ labelAngle: 0, labelSpacing: 1 });
  });

  it("turns the perspectives' names under the status chart where the count axis's widest label leaves them too little room", () => {
    // Three names, the longest of 24 characters (136 pt): they fit beside a count axis of one
    // digit ("9", 9.5 pt) but not of two ("12", 15 pt), a third of 450 − 28 − 15 pt being 135.7.
    const names = ["Financial", "Customer", "Learning and growth 2026"];
    const scorecard = (kpisInFirst: number) =>
      monthly([
        ...Array.from({ length: kpisInFirst }, (_, i) => kpi(names[0]!, `K${i}`, [1], 1)),
        kpi(names[1]!, "NPS", [1], 1),
        kpi(names[2]!, "Training", [1], 1),
      ]);
    expect(statusChart(layoutOf(scorecard(9)).charts).categoryAxis).toEqual({
      labelAngle: 0,
      labelSpacing: 1,
    });
    expect(statusChart(layoutOf(scorecard(12)).charts).categoryAxis).toEqual({
      labelAngle: 45,
      labelSpacing: 1,
    });
    // Five names of up to 14 characters (81 pt) fit beside "12": a fifth of 407 pt is 81.4.
    const five = ["Financial", "Customer", "Internal", "People", "Sustainability"];
    const wide = monthly([
      ...Array.from({ length: 12 }, (_, i) => kpi(five[0]!, `K${i}`, [1], 1)),
      ...five.slice(1).map((p) => kpi(p, `${p} KPI`, [1], 1)),
    ]);
    expect(statusChart(layoutOf(wide).charts).categoryAxis).toEqual({ labelAngle: 0, labelSpacing: 1 });
  });

  it("gives every chart a series per column of its table after the first", () => {
    for (const c of layoutOf(threePerspectives()).charts)
      expect(c.series).toHaveLength(c.source.right - c.source.left);
  });
});

describe("the dashboard's sheet and charts", () => {
  it("is a visible product sheet marked by its own name, carrying its charts", () => {
    const input = monthly([kpi("Financial", "Revenue", [90, 101], 100)]);
    const sheetPlan = dashboardSheet({ ...input, colours, refreshedAt: "now" }, "Dashboard", null);
    expect(sheetPlan).toMatchObject({
      role: "dashboard",
      name: "Dashboard",
      markerName: "_bsc_dashboard",
      visibility: "visible",
    });
    expect(sheetPlan.charts!.map((c) => c.name)).toEqual([STATUS_CHART_NAME, trendChartName(1)]);
  });

  it("names each chart it draws with the product's prefix, which tells them from a user's charts", () => {
    expect(isProductChart(STATUS_CHART_NAME)).toBe(true);
    expect(isProductChart(trendChartName(3))).toBe(true);
    expect(isProductChart("Chart 1")).toBe(false);
    // The prefix must start the name: a user's chart that merely ends with it is the user's.
    expect(isProductChart(`Sales ${PRODUCT_CHART_PREFIX}`)).toBe(false);
  });
});

describe("the room a value axis's labels take", () => {
  it.each([
    [0.45, "0.0%", "45.0%"],
    [1, "0%", "100%"],
    [1400, "#,##0", "1,400"],
    [1400.5, "#,##0", "1,401"],
    [1400, "0.00", "1400.00"],
    [1400, '"$"#,##0', "$1,400"],
    [1400, "[$€-407] #,##0", "€1,400"],
    [1400, "[$USD] #,##0", "USD1,400"],
    [1400, "#,##0;[Red]-#,##0", "1,400"],
    [-1400, "[Red]#,##0.0", "-1,400.0"],
    [1400, "0.0 \\k", "k1400.0"],
    [1400, '0.0 "USD"', "USD1400.0"],
    [1.23456, undefined, "1.23"],
    [1400, undefined, "1400"],
  ])("is the text %p shows in %p: %p, or as long", (value, format, text) => {
    expect(axisLabel(value, format)).toBe(text);
  });
});
