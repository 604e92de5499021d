/**
 * A KPI column whose names repeat where each row should be a KPI of its own: a development plan's
 * "INDICADOR" ("Número de actividades realizadas" for a dozen goals) beside "META DE PRODUCTO", the
 * goal each row sets, written once per row. Read by the header word alone, every row after the
 * first of a name is a duplicate and is left out. A reader of the sheet sees that the other column
 * names the rows; which one the user scores is theirs to say, so the reading asks (read.ts).
 */
import type { DetectedTable } from "./detect";
import { roleOfHeader } from "./headers";
import { seriesOfWord } from "./roles";
import type { SheetSnapshot } from "./snapshot";
import { cellAt } from "./snapshot";
import { cellText, readNumber } from "./values";

/** Rows looked at: enough to see the names, cheap on a long export. */
const SAMPLE_ROWS = 5000;

/**
 * Repeats must be at least this share of the rows: a stray duplicate or two in a long table is the
 * duplicate-kpi error at its cell, not a question about the whole table.
 */
const REPEAT_SHARE = 0.05;

/** At least this share of a table's rows must be filled in a column that names every row. */
const FILLED_SHARE = 0.9;

export interface RepeatedKpiNames {
  /** The KPI column's header, and how many of its rows repeat a name in the same period. */
  readonly header: string;
  readonly repeats: number;
  readonly rows: number;
  /** The column that names each row once: its header. */
  readonly names: string;
}

/**
 * Where the KPI column repeats names within one period (and entity), the column nearest it, no
 * role's, of words (no number, no code) that names each filled row once (but for a stray repeat)
 * and fills nearly every row; null where names do not repeat or no column names the rows.
 */
export function repeatedKpiNames(sheet: SheetSnapshot, table: DetectedTable): RepeatedKpiNames | null {
  const { kpi, period, entity } = table.columns;
  if (kpi === undefined) return null;
  const last = Math.min(table.lastDataRow, table.firstDataRow + SAMPLE_ROWS - 1);
  const text = (row: number, col: number | undefined): string =>
    col === undefined ? "" : cellText(cellAt(sheet, row, col));
  const taken = new Set(Object.values(table.columns));
  // A column saying what each row holds (Actual, Budget, Prior year) repeats the names on purpose.
  const series = table.headers.find((h) => {
    if (taken.has(h.col)) return false;
    let filled = 0;
    let words = 0;
    for (let row = table.firstDataRow; row <= last; row++) {
      const value = text(row, h.col);
      if (value === "") continue;
      filled++;
      if (seriesOfWord(value.replace(/[^\p{L}\p{N}]+/gu, " ").trim()) !== null) words++;
    }
    return filled > 0 && words >= 0.8 * filled;
  })?.col;
  const seen = new Set<string>();
  let repeats = 0;
  let rows = 0;
  for (let row = table.firstDataRow; row <= last; row++) {
    const name = text(row, kpi);
    if (name === "") continue;
    rows++;
    const key = `${name}\u0000${text(row, period)}\u0000${text(row, entity)}\u0000${text(row, series)}`;
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  if (repeats < 2 || repeats < REPEAT_SHARE * rows) return null;
  const candidates = table.headers
    .filter((h) => !taken.has(h.col) && h.col !== series && roleOfHeader(h.text) === null)
    .sort((a, b) => Math.abs(a.col - kpi) - Math.abs(b.col - kpi));
  for (const candidate of candidates) {
    const names = new Set<string>();
    let filled = 0;
    let words = true;
    for (let row = table.firstDataRow; row <= last && words; row++) {
      const value = cellAt(sheet, row, candidate.col);
      const name = cellText(value);
      if (name === "") continue;
      filled++;
      words = typeof value === "string" && readNumber(value).kind === "text" && /\p{L}{3}/u.test(name);
      names.add(name);
    }
    // Each row named once, but for a stray repeat (a goal copied to a second row): at most 1 %.
    const once = filled - names.size <= Math.max(1, filled / 100);
    if (words && once && filled >= FILLED_SHARE * rows && names.size > seen.size)
      return { header: cellText(cellAt(sheet, table.headerRow, kpi)), repeats, rows, names: candidate.text };
  }
  return null;
}
