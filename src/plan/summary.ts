import type { KpiResult, PerspectiveResult, ScorecardResult } from "../engine/evaluate";
import { biggestMovers, movementOf, type Movement } from "../engine/movers";
import type { Status } from "../engine/types";
import type { CellStyle, PlanCell, PlanHyperlink, PrintSetup, PutCell, RowOutline } from "./plan";
import { planCell, productPageText } from "./plan";
import type { StatusColours } from "./palette";
import { PALETTES, STATUS_MEANINGS } from "./palette";
import { SUMMARY_SHEET_STAMP } from "../model/ownership";
import { FOLLOW_UP_COLUMNS, FOLLOW_UP_STYLES, followUpBlock, needsCommentaryText } from "./followUpSheet";
import { charsIn, headlineLine } from "./headlineLine";
import { cellA1 } from "../model/address";
import {
  kpiRowFormulas,
  kpiSource,
  kpiStatusCounts,
  rollupFormulas,
  FORMULAS_TOO_LONG,
  type LiveSettings,
} from "./summaryFormulas";

type ColumnKey =
  | "item"
  | "owner"
  | "unit"
  | "actual"
  | "target"
  | "threshold"
  | "tolerance"
  | "variance"
  | "score"
  | "status"
  | "trend"
  | "comment"
  | "weight"
  | "source"
  | "fixed";

export interface SummaryColumn {
  readonly key: ColumnKey;
  readonly header: string;
  readonly width: number;
  /** Printed and read by the board; the others (weight, source cell) stay on screen, right of the print area. */
  readonly printed: boolean;
}

/** Every column the summary can have, in order: what a reader reads first, the technical ones last. */
const ALL_COLUMNS: readonly SummaryColumn[] = [
  { key: "item", header: "Scorecard item", width: 40, printed: true },
  { key: "owner", header: "Owner", width: 18, printed: true },
  { key: "unit", header: "Unit", width: 9, printed: true },
  { key: "actual", header: "Actual", width: 12, printed: true },
  { key: "target", header: "Target", width: 12, printed: true },
  { key: "threshold", header: "Threshold", width: 11, printed: true },
  { key: "tolerance", header: "Tolerance", width: 11, printed: true },
  { key: "variance", header: "Variance", width: 11, printed: true },
  { key: "score", header: "Score (0-10)", width: 13, printed: true },
  { key: "status", header: "Status", width: 11, printed: true },
  { key: "trend", header: "Trend", width: 12, printed: true },
  { key: "comment", header: "Comment", width: 36, printed: true },
  { key: "weight", header: "Weight", width: 8, printed: false },
  { key: "source", header: "Source cell", width: 20, printed: false },
  // Why a row of a live sheet holds this refresh's values rather than formulas.
  { key: "fixed", header: "Fixed at refresh", width: 40, printed: false },
];

/** The headline's rows, then a blank row, then the table's header row. */
export const SUMMARY_HEADER_ROW = 9;
/**
 * The most formula text a live sheet holds (about 3,000 KPIs): with its values it still goes to
 * Excel in one write under the 5 MB request limit, as a sheet of values does at 10,000 KPIs.
 */
export const LIVE_FORMULA_CHARS = 2_000_000;
/** How many red KPIs the headline names before it counts the rest. */
const RED_NAMED = 6;
const MOVERS_SHOWN = 3;
const SCORE_FORMAT = "0.00";
const LINK_COLOUR = "0563C1";
/** Columns B to E hold the headline's counts ("12 No data") whichever table columns they are. */
const HEADLINE_WIDTH = 12;

const kpisOf = (result: ScorecardResult): KpiResult[] =>
  result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));

/**
 * The columns of this scorecard's summary: an optional column (owner, unit, tolerance, comment)
 * only when some row has something to show in it, so no empty column is printed.
 */
export function summaryColumns(result: ScorecardResult, withFixed = false): SummaryColumn[] {
  const kpis = kpisOf(result);
  const has: Partial<Record<ColumnKey, boolean>> = {
    owner:
      kpis.some((k) => k.kpi.owner !== "") ||
      result.perspectives.some((p) => p.objectives.some((o) => o.owner !== "")),
    unit: kpis.some((k) => k.kpi.unit !== ""),
    tolerance: kpis.some((k) => k.kpi.polarity === "band"),
    comment: kpis.some((k) => k.kpi.comment !== ""),
    fixed: withFixed,
  };
  return ALL_COLUMNS.filter((c) => has[c.key] ?? true);
}

export function summaryStyles(colours: Readonly<Record<Status, StatusColours>>): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = {
    title: { bold: true, size: 16 },
    label: { bold: true },
    figure: { bold: true, align: "left" },
    header: { bold: true, fill: "1F3864", color: "FFFFFF", borderBottom: true, wrap: true },
    perspective: { bold: true, fill: "D9E1F2" },
    // Excel applies an indent only to left-, right- or distributed-aligned cells.
    objective: { bold: true, indent: 1, align: "left" },
    kpi: { indent: 2, align: "left" },
    note: { italic: true, color: "595959" },
    link: { color: LINK_COLOUR, underline: true },
    "trend-better": { color: colours.green.color },
    "trend-worse": { color: colours.red.color },
    ...FOLLOW_UP_STYLES,
  };
  for (const status of ["green", "amber", "red", "none"] as const) {
    styles[`status-${status}`] = {
      bold: true,
      fill: colours[status].fill,
      color: colours[status].color,
      align: "center",
    };
  }
  return styles;
}

/**
 * A trend as the value moved (▲ rose, ▼ fell) and what that means for the KPI (better or worse):
 * rising expenses read "▲ Worse", not a falling arrow that fights the number.
 */
export function trendLabel(k: KpiResult, movement: Movement | null): string {
  if (k.trend === "none") return "–";
  if (k.trend === "flat") return "► Flat";
  const word = k.trend === "better" ? "Better" : "Worse";
  if (!movement || movement.change === 0) return `► ${word}`;
  return `${movement.change > 0 ? "▲" : "▼"} ${word}`;
}

/** "+8.1%", "−12.0%"; a move from zero has no percentage. */
function relativeText(m: Movement): string {
  if (m.relative === null) return "from 0";
  const percent = (Math.abs(m.relative) * 100).toFixed(1);
  return `${m.relative < 0 ? "−" : "+"}${percent}%`;
}

export const moverText = (m: Movement): string =>
  `${m.kpi.kpi.name} ${m.change > 0 ? "▲" : "▼"} ${relativeText(m)} (${m.trend})`;

export interface SummarySheet {
  readonly cells: PlanCell[];
  readonly columns: SummaryColumn[];
  /** The columns' widths, wide enough in B:E for the headline's status counts. */
  readonly columnWidths: number[];
  readonly rowOutline: RowOutline[];
  readonly hyperlinks: PlanHyperlink[];
  readonly print: PrintSetup;
  /**
   * On a live sheet, each perspective's rows below its own (its objectives' and KPIs'), in order:
   * where the Dashboard's counts find its KPIs' statuses.
   */
  readonly perspectiveBlocks?: readonly { readonly first: number; readonly last: number }[];
}

/**
 * The summary sheet: a headline (period, overall score and status, KPIs by status, the red KPIs,
 * the biggest movers), then perspectives → objectives → KPIs, indented and grouped in an outline
 * under their perspective, and the entities side by side below.
 */
export function summarySheet(
  result: ScorecardResult,
  source: string,
  refreshedAt: string,
  restatements: readonly string[] = [],
  live?: LiveSettings,
  /** Why a sheet is values rather than formulas, where the setting did not ask for it. */
  valuesBecause?: "too large" | "published",
): SummarySheet {
  const cells: PlanCell[] = [];
  const put: PutCell = (row, col, value, style, numberFormat, formula) => {
    if (value === null && style === undefined && formula === undefined) return;
    cells.push(planCell(row, col, value, style, numberFormat, formula));
  };
  // Live: what each KPI row's formulas read, or why it holds values (summaryFormulas.ts).
  const sources = new Map(
    live ? kpisOf(result).map((k) => [k, kpiSource(k, result.period, live)] as const) : [],
  );
  // On every live sheet, so that its columns do not come and go with one KPI's cells.
  const columns = summaryColumns(result, live !== undefined);
  const colOf = new Map(columns.map((c, i) => [c.key, i + 1]));
  const putAt = (
    row: number,
    key: ColumnKey,
    value: string | number | null,
    style?: string,
    numberFormat?: string,
    formula?: string,
  ) => {
    const col = colOf.get(key);
    if (col !== undefined) put(row, col, value, style, numberFormat, formula);
  };
  /** A cell of the table as a formula names it ("J12"); score, status and weight are always there. */
  const at = (key: ColumnKey, r: number): string => cellA1(r, colOf.get(key) ?? 1);
  const rollup = (children: readonly number[], r: number) =>
    live
      ? rollupFormulas(
          live.rollup,
          at("score", r),
          children.map((c) => ({ score: at("score", c), weight: at("weight", c), status: at("status", c) })),
        )
      : undefined;

  const columnWidths = columns.map((c, i) =>
    i >= 1 && i <= 4 ? Math.max(c.width, HEADLINE_WIDTH) : c.width,
  );
  let printedCols = columns.filter((c) => c.printed).length;
  // The headline's lines start in B and must end within the table's printed columns.
  const room = charsIn(columnWidths.slice(1, printedCols).reduce((a, w) => a + w, 0));
  headline(result, source, refreshedAt, put, live !== undefined ? "live" : (valuesBecause ?? "values"), room);
  columns.forEach((c, i) => put(SUMMARY_HEADER_ROW, i + 1, c.header, "header"));

  const rowOutline: RowOutline[] = [];
  const hyperlinks: PlanHyperlink[] = [];
  let row = SUMMARY_HEADER_ROW;
  const scored = (
    name: string,
    style: "perspective" | "objective" | "kpi",
    item: { score: number | null; status: Status; weight: number },
    formulas?: { score: string; status: string },
  ) => {
    row++;
    if (style !== "perspective") rowOutline.push({ row, level: style === "objective" ? 1 : 2 });
    const band = style === "perspective" ? style : undefined;
    if (band)
      columns.forEach((c, i) => {
        if (c.printed && !["item", "score", "status"].includes(c.key)) put(row, i + 1, null, band);
      });
    put(row, 1, name, style);
    putAt(row, "score", item.score, band, SCORE_FORMAT, formulas?.score);
    putAt(row, "status", STATUS_MEANINGS[item.status], `status-${item.status}`, undefined, formulas?.status);
    putAt(row, "weight", item.weight);
  };
  const kpiRow = (k: KpiResult, objectiveOwner: string) => {
    const kpiSourced = sources.get(k);
    // A band KPI's limit is a tolerance around its target, not a red-flag value.
    const limit = k.kpi.polarity === "band" ? "tolerance" : "threshold";
    const next = row + 1;
    const f = kpiSourced?.live
      ? kpiRowFormulas(kpiSourced, {
          actual: at("actual", next),
          target: at("target", next),
          limit: at(limit, next),
          score: at("score", next),
        })
      : undefined;
    scored(k.kpi.name, "kpi", { score: k.score, status: k.status, weight: k.kpi.weight }, f);
    const format = k.kpi.numberFormat ?? undefined;
    // The objective's row names its owner once; a KPI names its own only where it differs.
    putAt(row, "owner", k.kpi.owner !== objectiveOwner ? k.kpi.owner || null : null);
    putAt(row, "unit", k.kpi.unit || null);
    putAt(row, "actual", k.actual, undefined, format, f?.actual);
    putAt(row, "target", k.target, undefined, format, f?.target);
    putAt(row, limit, k.threshold, undefined, format, f?.limit);
    putAt(row, "variance", k.variance, undefined, format, f?.variance);
    if (kpiSourced && !kpiSourced.live) putAt(row, "fixed", kpiSourced.why, "note");
    else if (kpiSourced && !f) putAt(row, "fixed", FORMULAS_TOO_LONG, "note");
    const movement = movementOf(k, result.period);
    const trendStyle = k.trend === "better" || k.trend === "worse" ? `trend-${k.trend}` : undefined;
    putAt(row, "trend", trendLabel(k, movement), trendStyle);
    putAt(row, "comment", k.kpi.comment || null);
    if (k.cell) {
      // Linked, and styled as a link, only where the cell names its sheet: a link needs one.
      const linked = k.cell.includes("!");
      putAt(row, "source", k.cell, linked ? "link" : undefined);
      const col = colOf.get("source");
      if (col !== undefined && linked) hyperlinks.push({ row, col, location: k.cell });
    }
  };
  const perspectiveRows: number[] = [];
  for (const p of result.perspectives) {
    // Each parent's row stands just above its children's, whose rows are known before they are written.
    perspectiveRows.push(row + 1);
    scored(p.name, "perspective", p, rollup(objectiveRowsOf(p, row + 1), row + 1));
    for (const o of p.objectives) {
      scored(
        o.name,
        "objective",
        o,
        rollup(
          Array.from(o.kpis, (_, i) => row + 2 + i),
          row + 1,
        ),
      );
      putAt(row, "owner", o.owner || null);
      for (const k of o.kpis) kpiRow(k, o.owner);
    }
  }
  if (live) {
    // The headline's overall score (B3) and status (C3) roll up the perspectives' rows.
    const overall = rollupFormulas(
      live.rollup,
      "B3",
      perspectiveRows.map((r) => ({
        score: at("score", r),
        weight: at("weight", r),
        status: at("status", r),
      })),
    );
    // The headline's counts (B4:E4) count the table's KPI rows, the only rows with a Trend.
    const first = SUMMARY_HEADER_ROW + 1;
    const counts =
      row >= first
        ? kpiStatusCounts(at("status", first), at("status", row), at("trend", first), at("trend", row))
        : null;
    cells.forEach((c, i) => {
      if (overall && c.row === 3 && (c.col === 2 || c.col === 3))
        cells[i] = { ...c, formula: c.col === 2 ? overall.score : overall.status };
      const count = c.row === 4 && c.col >= 2 && c.col <= 5 ? counts?.[c.col - 2] : undefined;
      if (count !== undefined) cells[i] = { ...c, formula: count };
    });
  }
  const tableEnd = row;
  let lastRow = row;
  if (result.entities.length) {
    lastRow = entityMatrix(result, row + 2, put);
    printedCols = Math.max(printedCols, result.entities.length + 1);
  }
  if (restatements.length) {
    // Published figures the source now says otherwise: under the table, printed with it.
    lastRow += 2;
    put(lastRow, 1, "Restated since published", "label");
    for (const line of restatements) put(++lastRow, 1, line, "note");
  }
  // Formulas past the budget would take Office.js more than one write: a sheet of values instead.
  if (live && cells.reduce((n, c) => n + (c.formula?.length ?? 0), 0) > LIVE_FORMULA_CHARS)
    return summarySheet(result, source, refreshedAt, restatements, undefined, "too large");
  // The period's commentary and the initiatives: under the table, printed with it.
  const followTop = lastRow + 2;
  const followed = followUpBlock(result, followTop, put);
  if (followed !== null) {
    lastRow = followed;
    printedCols = Math.max(printedCols, FOLLOW_UP_COLUMNS);
  }
  // The follow-up block's last column (an initiative's flags) runs on past the table's columns.
  if (followed !== null)
    printedCols = printedReach(
      cells.filter((c) => c.row >= followTop),
      columnWidths,
      printedCols,
      lastRow,
    );
  return {
    cells,
    columns,
    ...(live
      ? {
          perspectiveBlocks: perspectiveRows.map((r, i) => ({
            first: r + 1,
            last: (perspectiveRows[i + 1] ?? tableEnd + 1) - 1,
          })),
        }
      : {}),
    columnWidths,
    rowOutline,
    hyperlinks,
    print: {
      orientation: "landscape",
      fitToPagesWide: 1,
      area: { top: 1, left: 1, bottom: lastRow, right: printedCols },
      titleRows: { first: SUMMARY_HEADER_ROW, last: SUMMARY_HEADER_ROW },
      ...productPageText(SUMMARY_SHEET_STAMP, result.period, refreshedAt),
    },
  };
}

/** Excel's width of a column the sheet gives none, in its width unit (about one digit). */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** The most columns a print area grows by for a line that runs on: more would shrink the page. */
const MAX_OVERFLOW_COLUMNS = 3;

/** The sheet's bold styles: their characters are wider. Colours make no difference to it. */
const BOLD_STYLES: ReadonlySet<string> = new Set(
  Object.entries(summaryStyles(PALETTES.standard))
    .filter(([, style]) => style.bold)
    .map(([name]) => name),
);

/**
 * The print area's last column, grown (by a few columns at most) to where the last text of each
 * printed row runs on over the empty cells at its right, so that the page never cuts a line
 * ("Overdue, At risk, Over bu"). A character is taken as 0.9 of the width unit, 1 in bold.
 */
export function printedReach(
  cells: readonly PlanCell[],
  widths: readonly number[],
  printedCols: number,
  lastRow: number,
): number {
  const lastOfRow = new Map<number, PlanCell>();
  for (const c of cells) {
    if (c.row > lastRow) continue;
    const seen = lastOfRow.get(c.row);
    if (!seen || c.col > seen.col) lastOfRow.set(c.row, c);
  }
  const limit = printedCols + MAX_OVERFLOW_COLUMNS;
  let reach = printedCols;
  for (const c of lastOfRow.values()) {
    if (typeof c.value !== "string" || c.formula !== undefined) continue;
    const bold = c.style !== undefined && BOLD_STYLES.has(c.style);
    const need = c.value.length * (bold ? 1 : 0.9);
    let col = c.col;
    let room = widths[col - 1] ?? DEFAULT_COLUMN_WIDTH;
    while (room < need && col < limit) room += widths[col++] ?? DEFAULT_COLUMN_WIDTH;
    reach = Math.max(reach, col);
  }
  return reach;
}

/** The rows of a perspective's objectives, below its own row: each followed by its KPIs' rows. */
function objectiveRowsOf(p: PerspectiveResult, perspectiveRow: number): number[] {
  const rows: number[] = [];
  let r = perspectiveRow;
  for (const o of p.objectives) {
    rows.push(++r);
    r += o.kpis.length;
  }
  return rows;
}

/** The summary sheet's cells alone. */
export const summaryCells = (result: ScorecardResult, source: string, refreshedAt: string): PlanCell[] =>
  summarySheet(result, source, refreshedAt).cells;

/** The headline block above the table: what a board reads first. */
function headline(
  result: ScorecardResult,
  source: string,
  refreshedAt: string,
  put: (
    row: number,
    col: number,
    value: string | number | null,
    style?: string,
    numberFormat?: string,
  ) => void,
  live: "live" | "values" | "too large" | "published",
  /** Characters a line from column B holds within the printed page (headlineLine). */
  room: number,
): void {
  const kpis = kpisOf(result);
  put(1, 1, SUMMARY_SHEET_STAMP, "title");
  put(2, 1, "Period", "label");
  put(2, 2, result.period ?? "Single period");
  put(3, 1, "Overall score", "label");
  put(3, 2, result.score, "figure", SCORE_FORMAT);
  put(3, 3, STATUS_MEANINGS[result.status], `status-${result.status}`);
  put(4, 1, "KPIs by status", "label");
  (["green", "amber", "red", "none"] as const).forEach((status, i) => {
    const count = kpis.filter((k) => k.status === status).length;
    put(4, i + 2, `${count} ${STATUS_MEANINGS[status]}`, `status-${status}`);
  });
  put(5, 1, "Off target", "label");
  const red = kpis.filter((k) => k.status === "red").map((k) => k.kpi.name);
  put(5, 2, red.length === 0 ? "None" : headlineLine(red, ", ", RED_NAMED, room));
  put(6, 1, "Biggest movers", "label");
  const movers = biggestMovers(result, MOVERS_SHOWN);
  put(
    6,
    2,
    movers.length
      ? headlineLine(movers.map(moverText), "; ", MOVERS_SHOWN, room)
      : result.period === null
        ? "No earlier period to compare"
        : "No KPI moved since the period before",
  );
  // One line that fits the printed page's width (about 180 characters in the note's font at one
  // page wide): a longer one is cut at the print area's edge.
  put(
    7,
    1,
    live === "live"
      ? `Source ${source}. Refreshed ${refreshedAt}. Figures follow edits to the source at once; new periods or KPIs need a refresh.`
      : live === "too large"
        ? `Source ${source}. Refreshed ${refreshedAt}. Values: too many KPIs for its figures to be formulas. Edit the source, not this sheet.`
        : live === "published"
          ? `Source ${source}. Refreshed ${refreshedAt}. ${result.period ?? "This period"} is published: figures stay as published; changes are listed as restated.`
          : `Source ${source}. Refreshed ${refreshedAt}. Regenerated on every refresh: edit the source table, not this sheet.`,
    "note",
  );
  const needs = needsCommentaryText(result, room);
  if (needs !== null) {
    put(8, 1, "Needs commentary", "label");
    put(8, 2, needs);
  }
}

/**
 * The entities side by side below the scorecard: a row per KPI (under its perspective and
 * objective), a column per entity, each cell the entity's status word in its colour; "–" where
 * the entity has no such KPI. Returns the last row written.
 */
function entityMatrix(
  result: ScorecardResult,
  top: number,
  put: (row: number, col: number, value: string | number | null, style?: string) => void,
): number {
  const statusOf = new Map<string, Status>();
  for (const e of result.entities)
    for (const p of e.perspectives)
      for (const o of p.objectives)
        for (const k of o.kpis)
          statusOf.set(`${e.name}\u0000${p.name}\u0000${o.name}\u0000${k.kpi.name}`, k.status);
  let row = top;
  put(row, 1, "By entity", "header");
  result.entities.forEach((e, i) => put(row, i + 2, e.name, "header"));
  row++;
  put(row, 1, "Overall", "label");
  result.entities.forEach((e, i) => put(row, i + 2, STATUS_MEANINGS[e.status], `status-${e.status}`));
  for (const p of result.perspectives) {
    put(++row, 1, p.name, "perspective");
    for (const o of p.objectives) {
      put(++row, 1, o.name, "objective");
      for (const k of o.kpis) {
        put(++row, 1, k.kpi.name, "kpi");
        result.entities.forEach((e, i) => {
          const status = statusOf.get(`${e.name}\u0000${p.name}\u0000${o.name}\u0000${k.kpi.name}`);
          put(row, i + 2, status === undefined ? "–" : STATUS_MEANINGS[status], status && `status-${status}`);
        });
      }
    }
  }
  return row;
}
