import { issue, type Issue } from "../engine/issues";
import { sheetCell } from "./address";
import type { DetectedTable } from "./detect";
import { canonicalHeader, normalizeHeader, type ColumnRole } from "./headers";
import type { SheetSnapshot } from "./snapshot";
import { cellAt } from "./snapshot";
import { readNumber } from "./values";

/** The columns whose numbers a KPI is scored by: text there leaves every KPI without data. */
const NUMBER_ROLES = ["actual", "target"] as const satisfies readonly ColumnRole[];

/** How the cells of one column in the scored rows read: as numbers, as text (blanks not counted). */
function tally(sheet: SheetSnapshot, rows: readonly number[], col: number) {
  let numbers = 0;
  let text = 0;
  for (const row of rows) {
    const kind = readNumber(cellAt(sheet, row, col)).kind;
    if (kind === "number") numbers++;
    else if (kind === "text") text++;
  }
  return { numbers, text };
}

/**
 * Text in more than half the scored rows: a column of words, not a column of numbers with a
 * "n/a" or two among blanks still to be filled.
 */
const mostlyText = (t: { text: number }, rows: number): boolean => t.text * 2 > rows;
/** Numbers in more than half the scored rows: a column that could hold the KPIs' numbers. */
const mostlyNumbers = (t: { numbers: number }, rows: number): boolean => t.numbers * 2 > rows;

/**
 * The Actual or Target column, guessed from its header or named by the user, that holds mostly
 * text (a "Goal" column of sentences beside a "Budget" of numbers): each KPI would show no data
 * with only a warning on its own cell. Said once, at the header cell, with the column that looks
 * like the right one (numbers in most rows, no role of its own) for `--map`.
 */
export function textColumnIssues(
  sheet: SheetSnapshot,
  table: DetectedTable,
  rows: readonly number[],
  mapping: Readonly<Partial<Record<ColumnRole, string>>>,
): Issue[] {
  if (rows.length === 0) return [];
  const taken = new Set<number>([...Object.values(table.columns), ...table.periodColumns.map((p) => p.col)]);
  // The columns to suggest instead, counted only for a column of text (a large table's every
  // other column is thousands of cells).
  const numeric = () =>
    table.headers.filter((h) => !taken.has(h.col) && mostlyNumbers(tally(sheet, rows, h.col), rows.length));
  const issues: Issue[] = [];
  for (const role of NUMBER_ROLES) {
    const col = table.columns[role];
    // A wide table's actuals are its period columns, whatever column was named Actual.
    if (col === undefined || (role === "actual" && table.shape === "wide")) continue;
    const counted = tally(sheet, rows, col);
    if (!mostlyText(counted, rows.length)) continue;
    const header = table.headers.find((h) => h.col === col)?.text ?? canonicalHeader(role);
    const named = mapping[role] !== undefined && normalizeHeader(mapping[role]) === normalizeHeader(header);
    const instead = numeric()[0]?.text;
    issues.push(
      issue("column-mostly-text", sheetCell(sheet.name, table.headerRow, col), {
        role: canonicalHeader(role),
        header,
        how: named ? "named by hand" : `read as ${canonicalHeader(role)} from its header`,
        text: counted.text,
        filled: counted.text + counted.numbers,
        suggestion: instead ?? "",
        map: `${role}="${instead ?? "its header"}"`,
      }),
    );
  }
  return issues;
}
