/**
 * A group's Scorecard sheet after a consolidation (src/app/consolidate.ts): below the units side
 * by side (the entity matrix of summary.ts), each unit's workbook (its file, its score and status,
 * the block read, or why it was left out) and, per KPI and unit, the cell its number came from.
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

/**
 * The cells of the units' block from `top` down, and the last row of its printed part. A text that
 * runs long (where a unit was read, why it was left out, a cell) stands last on its row, so that
 * it shows whole over the empty cells beside it.
 */
export function unitsCells(
  result: ScorecardResult,
  units: readonly UnitLine[],
  top: number,
): { cells: PlanCell[]; printedBottom: number } {
  const cells: PlanCell[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: string, format?: string) =>
    cells.push({ row, col, value, ...(style ? { style } : {}), ...(format ? { numberFormat: format } : {}) });
  let row = top;
  ["Unit", "Workbook", "Score (0-10)", "Status", "Read from"].forEach((h, i) => put(row, i + 1, h, "header"));
  for (const u of units) {
    row++;
    put(row, 1, u.name, "label");
    put(row, 2, u.file);
    if (u.reason !== null) {
      put(row, 3, `Left out: ${u.reason}`, "note");
      continue;
    }
    put(row, 3, u.score, undefined, "0.00");
    const status = isStatus(u.status) ? u.status : "none";
    put(row, 4, STATUS_MEANINGS[status], `status-${status}`);
    put(row, 5, u.read);
  }
  const printedBottom = row;
  // Where each unit's number came from: a row per KPI and unit, on screen below the printed part.
  row += 2;
  ["Source cells", "Unit", "Cell"].forEach((h, i) => put(row, i + 1, h, "header"));
  for (const e of result.entities)
    for (const p of e.perspectives)
      for (const o of p.objectives)
        for (const k of o.kpis) {
          put(++row, 1, k.kpi.name, "kpi");
          put(row, 2, e.name);
          put(row, 3, k.cell ?? "–");
        }
  return { cells, printedBottom };
}

/** The headline's line under the figures: where the scorecard comes from, and where to edit it. */
export const unitsSourceNote = (source: string, refreshedAt: string): string =>
  `Source ${source}. Refreshed ${refreshedAt}. Regenerated on every consolidation: edit the units' workbooks, not this sheet.`;

/**
 * The plan with the units' block under the Scorecard sheet's last row (its table of units within
 * the print area), and the headline's source line naming the units' workbooks rather than a table
 * of this workbook.
 */
export function withUnitsBlock(
  plan: WritePlan,
  result: ScorecardResult,
  units: readonly UnitLine[],
  note: string,
): WritePlan {
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.role !== "summary") return sheet;
    const last = sheet.cells.reduce((m, c) => Math.max(m, c.row), 0);
    const block = unitsCells(result, units, last + 2);
    const cells = sheet.cells.map((c) =>
      typeof c.value === "string" && c.value.startsWith("Source ") && c.style === "note"
        ? { ...c, value: note }
        : c,
    );
    return {
      ...sheet,
      cells: [...cells, ...block.cells],
      ...(sheet.print
        ? {
            print: {
              ...sheet.print,
              area: {
                ...sheet.print.area,
                bottom: block.printedBottom,
                right: Math.max(sheet.print.area.right, 5),
              },
            },
          }
        : {}),
    };
  });
  return { ...plan, sheets };
}
