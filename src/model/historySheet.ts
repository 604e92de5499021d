/**
 * The History sheet's table: one row per scorecard item (the scorecard, a perspective, an
 * objective, a KPI of an entity) per period, as each refresh recorded it. Its columns are named
 * here once, for the plan that writes the sheet and the reader that takes it back on the next
 * refresh; a column is found by its header, so a sheet written with fewer columns still reads.
 */
import type { OwnedSheets } from "./ownership";
import type { CellValue, WorkbookSnapshot } from "./snapshot";
import { cellAt, formatAt, isDateCell, lastCol, lastRow } from "./snapshot";

export type HistoryLevel = "Scorecard" | "Perspective" | "Objective" | "KPI";

export interface HistoryRow {
  /** "2026-11", "2026-Q4", "2026". */
  readonly period: string;
  readonly level: HistoryLevel;
  readonly perspective: string;
  readonly objective: string;
  readonly kpi: string;
  /** The entity whose result it is; "" for the whole scorecard (or a table without entities). */
  readonly entity: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly threshold: number | null;
  readonly score: number | null;
  /** The status as the product's sheets say it ("On target", "Watch", "Off target", "No data"). */
  readonly status: string;
  /** "Better", "Worse", "Flat" or "" (no earlier period). */
  readonly trend: string;
  /** The actual's cell in the source, sheet-qualified; "" for a roll-up. */
  readonly source: string;
  /** When the row was recorded ("2026-12-07 17:40 UTC"). */
  readonly recorded: string;
  /** When its period was published; "" while it is not. */
  readonly published: string;
  /** The commentary kept with the period (issue 22, item 2); "" until there is one. */
  readonly analysis: string;
  /** The actual's number format, so that the figures read as in the source. */
  readonly format: string | null;
}

type Field = Exclude<keyof HistoryRow, "format">;

export interface HistoryColumn {
  readonly field: Field;
  readonly header: string;
  readonly width: number;
}

export const HISTORY_COLUMNS: readonly HistoryColumn[] = [
  { field: "period", header: "Period", width: 10 },
  { field: "level", header: "Level", width: 12 },
  { field: "perspective", header: "Perspective", width: 22 },
  { field: "objective", header: "Objective", width: 28 },
  { field: "kpi", header: "KPI", width: 28 },
  { field: "entity", header: "Entity", width: 14 },
  { field: "actual", header: "Actual", width: 12 },
  { field: "target", header: "Target", width: 12 },
  { field: "threshold", header: "Threshold", width: 11 },
  { field: "score", header: "Score (0-10)", width: 12 },
  { field: "status", header: "Status", width: 11 },
  { field: "trend", header: "Trend", width: 9 },
  { field: "source", header: "Source cell", width: 20 },
  { field: "recorded", header: "Recorded", width: 20 },
  { field: "published", header: "Published", width: 20 },
  { field: "analysis", header: "Analysis", width: 40 },
];

/** Title, a note, then the header row: the table below it is what a filter or a pivot takes. */
export const HISTORY_HEADER_ROW = 3;

const LEVELS: readonly HistoryLevel[] = ["Scorecard", "Perspective", "Objective", "KPI"];
const NUMBER_FIELDS = new Set<Field>(["actual", "target", "threshold", "score"]);

const text = (v: CellValue): string =>
  v === null ? "" : typeof v === "string" ? v : typeof v === "object" ? "" : String(v);
const numberOf = (v: CellValue): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : isDateCell(v) ? v.date : null;

/**
 * The rows the History sheet holds, as the last refresh wrote them (and as a user may have
 * sorted them); none where the workbook has no History sheet. A row without a period or a level
 * the product writes is not one of its rows and is left out.
 */
export function readHistory(book: WorkbookSnapshot, owned: OwnedSheets): HistoryRow[] {
  const sheet = owned.history ? book.sheets.find((s) => s.name === owned.history) : undefined;
  if (!sheet) return [];
  const columnOf = new Map<Field, number>();
  for (let col = 1; col <= lastCol(sheet); col++) {
    const header = text(cellAt(sheet, HISTORY_HEADER_ROW, col)).trim();
    const column = HISTORY_COLUMNS.find((c) => c.header === header);
    if (column && !columnOf.has(column.field)) columnOf.set(column.field, col);
  }
  const rows: HistoryRow[] = [];
  // An item's row twice in one period is a write cut short in Excel (ADR 19): the first is kept.
  const seen = new Set<string>();
  for (let row = HISTORY_HEADER_ROW + 1; row <= lastRow(sheet); row++) {
    const at = (field: Field): CellValue => {
      const col = columnOf.get(field);
      return col === undefined ? null : cellAt(sheet, row, col);
    };
    const period = text(at("period")).trim();
    const level = LEVELS.find((l) => l === text(at("level")).trim());
    if (period === "" || !level) continue;
    const entry: Record<string, unknown> = { period, level };
    for (const { field } of HISTORY_COLUMNS) {
      if (field === "period" || field === "level") continue;
      entry[field] = NUMBER_FIELDS.has(field) ? numberOf(at(field)) : text(at(field));
    }
    const key = [period, level, entry.perspective, entry.objective, entry.kpi, entry.entity].join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    const actualCol = columnOf.get("actual");
    entry.format = actualCol === undefined ? null : formatAt(sheet, row, actualCol);
    rows.push(entry as unknown as HistoryRow);
  }
  return rows;
}
