import type { KpiResult, ScorecardResult } from "../engine/evaluate";
import type { Status, Trend } from "../engine/types";
import type { CellStyle, PlanCell } from "./plan";
import type { StatusColours } from "./palette";
import { STATUS_LABELS } from "./palette";
import { SUMMARY_SHEET_STAMP } from "../model/ownership";

/** The summary sheet's columns, in order. */
export const SUMMARY_COLUMNS = [
  { header: "Scorecard item", width: 44 },
  { header: "Level", width: 12 },
  { header: "Owner", width: 16 },
  { header: "Actual", width: 12 },
  { header: "Target", width: 12 },
  { header: "Threshold", width: 12 },
  { header: "Variance", width: 12 },
  { header: "Score (0-10)", width: 12 },
  { header: "Status", width: 12 },
  { header: "Trend", width: 11 },
  { header: "Weight", width: 8 },
  { header: "Unit", width: 10 },
  { header: "Comment", width: 30 },
  { header: "Source cell", width: 16 },
] as const;

export const SUMMARY_HEADER_ROW = 6;

const TREND_LABELS: Readonly<Record<Trend, string>> = {
  better: "▲ Better",
  worse: "▼ Worse",
  flat: "► Flat",
  none: "–",
};

export function summaryStyles(colours: Readonly<Record<Status, StatusColours>>): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = {
    title: { bold: true, size: 16 },
    label: { bold: true },
    header: { bold: true, fill: "1F3864", color: "FFFFFF", borderBottom: true, wrap: true },
    perspective: { bold: true, fill: "D9E1F2" },
    objective: { bold: true, indent: 1 },
    kpi: { indent: 2 },
    note: { italic: true, color: "595959" },
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

const SCORE_FORMAT = "0.00";

/** The summary sheet's cells: period and overall on top, then perspectives → objectives → KPIs. */
export function summaryCells(result: ScorecardResult, source: string, refreshedAt: string): PlanCell[] {
  const cells: PlanCell[] = [];
  const put = (
    row: number,
    col: number,
    value: string | number | null,
    style?: string,
    numberFormat?: string,
  ) => {
    if (value === null && style === undefined) return;
    cells.push({ row, col, value, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
  };
  put(1, 1, SUMMARY_SHEET_STAMP, "title");
  put(2, 1, "Period", "label");
  put(2, 2, result.period ?? "Single period");
  put(3, 1, "Overall score", "label");
  put(3, 2, result.score, undefined, SCORE_FORMAT);
  put(3, 3, STATUS_LABELS[result.status], `status-${result.status}`);
  put(4, 1, "Source", "label");
  put(4, 2, source);
  put(
    5,
    1,
    `Refreshed ${refreshedAt}. Regenerated on every refresh: edit the source table, not this sheet.`,
    "note",
  );
  SUMMARY_COLUMNS.forEach((c, i) => put(SUMMARY_HEADER_ROW, i + 1, c.header, "header"));

  let row = SUMMARY_HEADER_ROW;
  const scored = (
    level: string,
    name: string,
    style: string,
    item: { score: number | null; status: Status; weight: number },
  ) => {
    row++;
    put(row, 1, name, style);
    put(row, 2, level, style);
    put(row, 8, item.score, style === "perspective" ? style : undefined, SCORE_FORMAT);
    put(row, 9, STATUS_LABELS[item.status], `status-${item.status}`);
    put(row, 11, item.weight);
    if (style === "perspective")
      for (const col of [3, 4, 5, 6, 7, 10, 12, 13, 14]) put(row, col, null, style);
  };
  const kpiRow = (k: KpiResult) => {
    scored("KPI", k.kpi.name, "kpi", { score: k.score, status: k.status, weight: k.kpi.weight });
    const format = k.kpi.numberFormat ?? undefined;
    put(row, 3, k.kpi.owner || null);
    put(row, 4, k.actual, undefined, format);
    put(row, 5, k.target, undefined, format);
    put(row, 6, k.threshold, undefined, format);
    put(row, 7, k.variance, undefined, format);
    put(row, 10, TREND_LABELS[k.trend]);
    put(row, 12, k.kpi.unit || null);
    put(row, 13, k.kpi.comment || null);
    put(row, 14, k.cell);
  };
  for (const p of result.perspectives) {
    scored("Perspective", p.name, "perspective", p);
    for (const o of p.objectives) {
      scored("Objective", o.name, "objective", o);
      put(row, 3, o.owner || null);
      for (const k of o.kpis) kpiRow(k);
    }
  }
  if (result.entities.length) entityMatrix(result, row + 2, put);
  return cells;
}

/**
 * The entities side by side below the scorecard: a row per KPI (under its perspective and
 * objective), a column per entity, each cell the entity's status word in its colour; "–" where
 * the entity has no such KPI.
 */
function entityMatrix(
  result: ScorecardResult,
  top: number,
  put: (row: number, col: number, value: string | number | null, style?: string) => void,
): void {
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
  result.entities.forEach((e, i) => put(row, i + 2, STATUS_LABELS[e.status], `status-${e.status}`));
  for (const p of result.perspectives) {
    put(++row, 1, p.name, "perspective");
    for (const o of p.objectives) {
      put(++row, 1, o.name, "objective");
      for (const k of o.kpis) {
        put(++row, 1, k.kpi.name, "kpi");
        result.entities.forEach((e, i) => {
          const status = statusOf.get(`${e.name}\u0000${p.name}\u0000${o.name}\u0000${k.kpi.name}`);
          put(row, i + 2, status === undefined ? "–" : STATUS_LABELS[status], status && `status-${status}`);
        });
      }
    }
  }
}
