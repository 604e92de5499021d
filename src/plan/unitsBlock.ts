/**
 * A group's Scorecard sheet after a consolidation (src/app/consolidate.ts): below the units side
 * by side (the entity matrix of summary.ts), each unit's workbook (its file, the block read, its
 * status, or why it was left out) and, per KPI, the cell each unit's number came from.
 */
import type { ScorecardResult } from "../engine/evaluate";
import type { Status } from "../engine/types";
import { STATUS_MEANINGS } from "./palette";
import type { PlanCell, SheetPlan, WritePlan } from "./plan";

export interface UnitLine {
  readonly name: string;
  readonly file: string;
  /** The block read; null for a unit left out. */
  readonly read: string | null;
  readonly score: number | null;
  readonly status: string;
  /** Why the unit is left out; null for a unit consolidated. */
  readonly reason: string | null;
}

const isStatus = (s: string): s is Status => s === "green" || s === "amber" || s === "red" || s === "none";

/** The cells of the block, from `top` down; the last row written is the last cell's. */
export function unitsCells(result: ScorecardResult, units: readonly UnitLine[], top: number): PlanCell[] {
  const cells: PlanCell[] = [];
  const put = (
    row: number,
    col: number,
    value: string | number | null,
    style?: string,
    numberFormat?: string,
  ) =>
    cells.push({ row, col, value, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
  let row = top;
  ["Unit", "Workbook", "Read from", "Score (0-10)", "Status"].forEach((h, i) => put(row, i + 1, h, "header"));
  for (const u of units) {
    row++;
    put(row, 1, u.name, "label");
    put(row, 2, u.file);
    if (u.reason !== null) {
      put(row, 3, `Left out: ${u.reason}`, "note");
      continue;
    }
    put(row, 3, u.read);
    put(row, 4, u.score, undefined, "0.00");
    const status = isStatus(u.status) ? u.status : "none";
    put(row, 5, STATUS_MEANINGS[status], `status-${status}`);
  }
  if (result.entities.length === 0) return cells;
  // Each unit's cell for each KPI, side by side as the statuses above are.
  const cellOf = new Map<string, string | null>();
  for (const e of result.entities)
    for (const p of e.perspectives)
      for (const o of p.objectives)
        for (const k of o.kpis) cellOf.set(`${e.name}\u0000${k.kpi.name}`, k.cell);
  row += 2;
  put(row, 1, "Source cells", "header");
  result.entities.forEach((e, i) => put(row, i + 2, e.name, "header"));
  for (const p of result.perspectives)
    for (const o of p.objectives)
      for (const k of o.kpis) {
        put(++row, 1, k.kpi.name, "kpi");
        result.entities.forEach((e, i) => put(row, i + 2, cellOf.get(`${e.name}\u0000${k.kpi.name}`) ?? "–"));
      }
  return cells;
}

/**
 * The plan with the units' block under the Scorecard sheet's last row, inside its print area, and
 * the headline's source naming the units' workbooks rather than a table of this workbook.
 */
export function withUnitsBlock(
  plan: WritePlan,
  result: ScorecardResult,
  units: readonly UnitLine[],
  source: string,
): WritePlan {
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.role !== "summary") return sheet;
    const last = sheet.cells.reduce((m, c) => Math.max(m, c.row), 0);
    const block = unitsCells(result, units, last + 2);
    const cells = sheet.cells.map((c) =>
      typeof c.value === "string" && c.value.startsWith("Source ") && c.style === "note"
        ? { ...c, value: c.value.replace(/^Source [^.]*\./, `Source ${source}.`) }
        : c,
    );
    const bottom = block.reduce((m, c) => Math.max(m, c.row), last);
    const right = block.reduce((m, c) => Math.max(m, c.col), 0);
    return {
      ...sheet,
      cells: [...cells, ...block],
      ...(sheet.print
        ? {
            print: {
              ...sheet.print,
              area: { ...sheet.print.area, bottom, right: Math.max(sheet.print.area.right, right) },
            },
          }
        : {}),
    };
  });
  return { ...plan, sheets };
}
