/**
 * The Dashboard sheet: native charts, each beside the small table of cells it plots. A status
 * summary (how many KPIs of each perspective stand at each status), then, per perspective, each
 * KPI's actual against its target over the last periods, every column coloured by that period's
 * status. Rendered afresh on every refresh; the adapters keep the sheet and its charts by name.
 */
import type { KpiResult, ScorecardResult } from "../engine/evaluate";
import type { Status } from "../engine/types";
import { DASHBOARD_MARKER_NAME, DASHBOARD_SHEET_STAMP } from "../model/ownership";
import {
  categoryAxisFor,
  PRODUCT_CHART_PREFIX,
  valueAxisFor,
  type ChartPlan,
  type ChartSeriesPlan,
} from "./chart";
import type { StatusColours } from "./palette";
import { STATUS_MEANINGS } from "./palette";
import type { CellStyle, PlanCell, PrintSetup, PutCell, SheetPlan } from "./plan";
import { planCell, productPageText } from "./plan";

/** One KPI in one period, as the history gives it (app/history's KpiPoint). */
export interface TrendPoint {
  readonly period: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly status: Status;
}

/** More charts than this make a sheet no one reads (and a slow refresh): the first ones are drawn. */
export const MAX_TREND_CHARTS = 24;
/** How many rows a chart is tall, and the columns it spans (G to N). */
export const CHART_ROWS = 16;
export const CHART_COLUMNS = { left: 7, right: 14 } as const;
/** Column widths: the tables in A to E, a narrow gap, then the charts. */
export const DASHBOARD_COLUMN_WIDTHS = [24, 12, 12, 12, 12, 2, 10, 10, 10, 10, 10, 10, 10, 10];
/** The charts' width in points: columns G to N, about 7 px a character plus 5 px, 0.75 pt a pixel. */
const CHART_WIDTH_POINTS = DASHBOARD_COLUMN_WIDTHS.slice(CHART_COLUMNS.left - 1, CHART_COLUMNS.right).reduce(
  (sum, w) => sum + (w * 7 + 5) * 0.75,
  0,
);
/** The target line's colour: the summary's header blue, dark against every palette. */
export const TARGET_LINE_COLOUR = "1F3864";
export const STATUS_CHART_NAME = `${PRODUCT_CHART_PREFIX}status by perspective`;
export const trendChartName = (slot: number): string => `${PRODUCT_CHART_PREFIX}trend ${slot}`;

const STATUSES: readonly Status[] = ["green", "amber", "red", "none"];

export function dashboardStyles(colours: Readonly<Record<Status, StatusColours>>): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = {
    "dash-title": { bold: true, size: 16 },
    "dash-label": { bold: true },
    "dash-note": { italic: true, color: "595959" },
    "dash-section": { bold: true, size: 13, color: TARGET_LINE_COLOUR, borderBottom: true },
    "dash-perspective": { bold: true, fill: "D9E1F2" },
    "dash-kpi": { bold: true },
    "dash-header": {
      bold: true,
      fill: TARGET_LINE_COLOUR,
      color: "FFFFFF",
      borderBottom: true,
      align: "center",
    },
    "dash-count": { align: "center" },
  };
  for (const status of STATUSES)
    styles[`dash-status-${status}`] = {
      bold: true,
      fill: colours[status].fill,
      color: colours[status].color,
      align: "center",
    };
  return styles;
}

/**
 * The KPIs the dashboard may chart, in the scorecard's order: every KPI of a table without an
 * Entity column (an entity table's consolidated KPIs have no actual of their own to plot).
 */
export function trendCandidates(result: ScorecardResult): KpiResult[] {
  if (result.entities.length > 0) return [];
  return result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
}

export interface DashboardInput {
  readonly result: ScorecardResult;
  /** Each candidate KPI's points, oldest first, keyed by kpiKey(perspective, objective, name). */
  readonly history: ReadonlyMap<string, readonly TrendPoint[]>;
  readonly colours: Readonly<Record<Status, StatusColours>>;
  readonly refreshedAt: string;
  /**
   * A live Scorecard sheet's count of a perspective's KPIs at a status (a formula over its rows
   * there), so that the status table follows an edit as the Scorecard sheet does; absent: values.
   */
  readonly statusCount?: (perspective: number, status: Status) => string;
}

export interface DashboardLayout {
  readonly cells: PlanCell[];
  readonly charts: ChartPlan[];
  /** The rows each chart block spans with its heading, top to bottom: a printed page never cuts one. */
  readonly blocks: { readonly top: number; readonly bottom: number }[];
}

type Put = PutCell;

const keyOf = (k: KpiResult): string => `${k.kpi.perspective}\u0000${k.kpi.objective}\u0000${k.kpi.name}`;

/** The sheet's cells and charts. Pure: the same input gives the same sheet. */
export function dashboardLayout(input: DashboardInput): DashboardLayout {
  const { result, colours } = input;
  const cells: PlanCell[] = [];
  const charts: ChartPlan[] = [];
  const put: Put = (...cell) => cells.push(planCell(...cell));

  put(1, 1, DASHBOARD_SHEET_STAMP, "dash-title");
  put(2, 1, "Period", "dash-label");
  put(2, 2, result.period ?? "Single period");
  put(
    3,
    1,
    `Refreshed ${input.refreshedAt}. Regenerated on every refresh: each chart plots the table at its left.`,
    "dash-note",
  );

  const blocks: { top: number; bottom: number }[] = [];
  // Every block ends two rows above the next free row, at its chart's bottom or below.
  const block = (top: number, next: number) => blocks.push({ top, bottom: next - 2 });
  let row = statusSummary(result, colours, 5, put, charts, input.statusCount);
  block(5, row);

  const charted = trendCandidates(result)
    .filter((k) => input.history.get(keyOf(k))?.some((p) => p.actual !== null))
    .slice(0, MAX_TREND_CHARTS);
  const periods = Math.max(0, ...charted.map((k) => input.history.get(keyOf(k))?.length ?? 0));
  // One period reads "the last period", never "the last 1 periods".
  const span = periods === 1 ? "the last period" : `the last ${periods} periods`;
  // The section heading prints on the page of its first chart.
  let blockTop: number | null = row;
  put(row, 1, periods ? `Actual against target, ${span}` : "Trends", "dash-section");
  row += 1;
  const reason = trendGap(result, charted.length);
  if (reason) put(row++, 1, reason, "dash-note");
  row += 1;

  let perspective: string | null = null;
  charted.forEach((k, i) => {
    if (k.kpi.perspective !== perspective) {
      perspective = k.kpi.perspective;
      // A perspective's band prints on the page of its first chart.
      blockTop ??= row;
      for (let col = 1; col <= CHART_COLUMNS.right; col++)
        put(row, col, col === 1 ? perspective : null, "dash-perspective");
      row += 2;
    }
    const points = input.history.get(keyOf(k)) as readonly TrendPoint[];
    const top = blockTop ?? row;
    row = trendBlock(k, points, colours, i + 1, row, put, charts);
    block(top, row);
    blockTop = null;
  });
  return { cells, charts, blocks };
}

/** Why some or all KPIs have no chart, or null when every candidate has one. */
function trendGap(result: ScorecardResult, charted: number): string | null {
  if (result.period === null)
    return "Trend charts need a table with periods (a Period column or months across).";
  if (result.entities.length > 0)
    return "Trend charts are drawn for a table without an Entity column; the Scorecard sheet compares the entities.";
  if (charted === 0) return "No KPI has an actual in these periods.";
  const others = trendCandidates(result).length - charted;
  if (charted === MAX_TREND_CHARTS && others > 0)
    return `The first ${charted} KPIs with data are charted; the other ${others} are on the Scorecard sheet.`;
  return null;
}

/** The count of KPIs at each status per perspective, and its stacked column chart. */
function statusSummary(
  result: ScorecardResult,
  colours: Readonly<Record<Status, StatusColours>>,
  top: number,
  put: Put,
  charts: ChartPlan[],
  statusCount: DashboardInput["statusCount"],
): number {
  put(top, 1, "Status of the KPIs, per perspective", "dash-section");
  const header = top + 1;
  put(header, 1, "Perspective", "dash-header");
  STATUSES.forEach((s, i) => put(header, i + 2, STATUS_MEANINGS[s], "dash-header"));
  result.perspectives.forEach((p, r) => {
    put(header + 1 + r, 1, p.name);
    const kpis = p.objectives.flatMap((o) => o.kpis);
    STATUSES.forEach((s, i) =>
      put(
        header + 1 + r,
        i + 2,
        kpis.filter((k) => k.status === s).length,
        "dash-count",
        undefined,
        statusCount?.(r, s),
      ),
    );
  });
  const last = header + Math.max(1, result.perspectives.length);
  charts.push({
    name: STATUS_CHART_NAME,
    title: "KPIs by status",
    source: { top: header, left: 1, bottom: last, right: 1 + STATUSES.length },
    series: STATUSES.map((s): ChartSeriesPlan => ({
      kind: "column",
      colour: colours[s].fill,
      outline: colours[s].color,
    })),
    stacked: true,
    categoryAxis: categoryAxisFor(
      result.perspectives.map((p) => p.name),
      CHART_WIDTH_POINTS,
      [String(Math.max(1, ...result.perspectives.map((p) => p.objectives.flatMap((o) => o.kpis).length)))],
    ),
    // Counts of KPIs: a scale in whole KPIs, from none.
    valueAxis: { minimum: 0, majorUnit: 1 },
    anchor: { top, left: CHART_COLUMNS.left, bottom: top + CHART_ROWS - 1, right: CHART_COLUMNS.right },
  });
  return Math.max(last, top + CHART_ROWS - 1) + 2;
}

/**
 * About the text a value axis label shows in `format` (its decimals, percent and thousands
 * separators, and any currency sign): to reckon the room the labels take from the plot.
 */
export function axisLabel(value: number, format: string | undefined): string {
  const code = format?.split(";")[0] ?? "";
  const fraction = /\.(0+)/.exec(code);
  const decimals = fraction ? (fraction[1] as string).length : 0;
  const percent = code.includes("%");
  const digits = (percent ? value * 100 : value).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: format ? decimals : 2,
    useGrouping: code.includes(","),
  });
  const signs = code
    // A currency in brackets shows its symbol ("[$€-407]" shows "€"); colours and conditions nothing.
    .replace(/\[\$([^\]-]*)[^\]]*\]/g, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/[#0?.,%\s\\_*]/g, "");
  return `${signs}${digits}${percent ? "%" : ""}`;
}

/** One KPI: its name, its table of periods and its chart beside it. Returns the next free row. */
function trendBlock(
  k: KpiResult,
  points: readonly TrendPoint[],
  colours: Readonly<Record<Status, StatusColours>>,
  slot: number,
  top: number,
  put: Put,
  charts: ChartPlan[],
): number {
  const format = k.kpi.numberFormat ?? undefined;
  const unit = k.kpi.unit ? ` (${k.kpi.unit})` : "";
  // One cell, spilling over the empty ones beside it: the objective, then the KPI.
  put(top, 1, `${k.kpi.objective} › ${k.kpi.name}${unit}`, "dash-kpi");
  const header = top + 1;
  ["Period", "Actual", "Target", "Status"].forEach((h, i) => put(header, i + 1, h, "dash-header"));
  points.forEach((p, i) => {
    const r = header + 1 + i;
    put(r, 1, p.period);
    put(r, 2, p.actual, undefined, format);
    put(r, 3, p.target, undefined, format);
    put(r, 4, STATUS_MEANINGS[p.status], `dash-status-${p.status}`);
  });
  const last = header + points.length;
  const scale = valueAxisFor(points.flatMap((p) => [p.actual, p.target]));
  charts.push({
    name: trendChartName(slot),
    title: `${k.kpi.name}${unit}: actual and target`,
    source: { top: header, left: 1, bottom: last, right: 3 },
    series: [
      {
        kind: "column",
        colour: colours.none.fill,
        outline: colours.none.color,
        points: points.map((p) => ({ fill: colours[p.status].fill, outline: colours[p.status].color })),
      },
      { kind: "line", colour: TARGET_LINE_COLOUR },
    ],
    stacked: false,
    categoryAxis: categoryAxisFor(
      points.map((p) => p.period),
      CHART_WIDTH_POINTS,
      [scale.minimum, scale.maximum]
        .filter((v): v is number => v !== undefined)
        .map((v) => axisLabel(v, format)),
    ),
    valueAxis: { ...scale, ...(format ? { numberFormat: format } : {}) },
    anchor: { top, left: CHART_COLUMNS.left, bottom: top + CHART_ROWS - 1, right: CHART_COLUMNS.right },
  });
  return Math.max(last, top + CHART_ROWS - 1) + 2;
}

/**
 * How many 15 pt rows one printed page holds. The sheet prints landscape, one page wide: a
 * landscape page's printable block is about 720 × 500 pt (Letter or A4 less the margins), and
 * the columns A to N (about 7 px a character plus 5 px padding, 0.75 pt a pixel) are wider than
 * 720 pt, so the page is scaled down and holds more rows. Two rows are kept for the title that
 * repeats on every page and for rows taller than 15 pt (the title, the headings).
 */
export function printedRowsPerPage(columnWidths: readonly number[] = DASHBOARD_COLUMN_WIDTHS): number {
  const sheetWidth = columnWidths.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0);
  const scale = Math.min(1, PRINTABLE_PAGE.width / sheetWidth);
  return Math.floor(PRINTABLE_PAGE.height / scale / ROW_POINTS) - 2;
}
const PRINTABLE_PAGE = { width: 720, height: 500 } as const;
const ROW_POINTS = 15;

/**
 * The rows after which a page breaks: before each block that would run over the page it starts
 * on. A block taller than a page starts a page of its own and runs on over the next.
 */
export function blockBreaks(
  blocks: readonly { readonly top: number; readonly bottom: number }[],
  rowsPerPage: number,
): number[] {
  const breaks: number[] = [];
  let pageTop = 1;
  for (const { top, bottom } of blocks) {
    if (top > pageTop && bottom - pageTop + 1 > rowsPerPage) {
      breaks.push(top - 1);
      pageTop = top;
    }
    // A block longer than a page pushes the next page's top on.
    while (bottom - pageTop + 1 > rowsPerPage) pageTop += rowsPerPage;
  }
  return breaks;
}

/** The Dashboard's sheet plan: `name` as productSheetName chose it, replacing the product's `replaces`. */
export function dashboardSheet(input: DashboardInput, name: string, replaces: string | null): SheetPlan {
  const { cells, charts, blocks } = dashboardLayout(input);
  const bottom = Math.max(...cells.map((c) => c.row), ...charts.map((c) => c.anchor.bottom));
  const print: PrintSetup = {
    orientation: "landscape",
    fitToPagesWide: 1,
    area: { top: 1, left: 1, bottom, right: CHART_COLUMNS.right },
    titleRows: { first: 1, last: 1 },
    ...productPageText(DASHBOARD_SHEET_STAMP, input.result.period, input.refreshedAt),
  };
  return {
    role: "dashboard",
    name,
    replaces,
    visibility: "visible",
    cells,
    columnWidths: DASHBOARD_COLUMN_WIDTHS,
    frozenRows: 0,
    markerName: DASHBOARD_MARKER_NAME,
    charts,
    print,
    rowBreaks: blockBreaks(blocks, printedRowsPerPage()),
  };
}
