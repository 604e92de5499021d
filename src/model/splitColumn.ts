/**
 * A column that splits each line of a table into a few kinds: a state budget's articles each given
 * for spending, commitments and receipts (U, V, O), a sales line per channel. Its few values
 * repeat for every line, so without it the rows of one line look like duplicates; with it each
 * row is one line of one kind. Which kind a user scores is theirs to say, so the reader offers it
 * as a dimension (entities) in its question rather than reading it on its own.
 */
import type { DetectedTable } from "./detect";
import type { SheetSnapshot } from "./snapshot";
import { cellAt } from "./snapshot";
import { cellText } from "./values";

/** At most this many kinds: more is a list of names, not a split of every line. */
const MOST_KINDS = 6;

/** Rows looked at: enough to see the split, cheap on a long export. */
const SAMPLE_ROWS = 5000;

/**
 * The header of the column, among those no role reads, whose two to six values tell apart the
 * rows that repeat a KPI in one period (at least half of them); null where no column does, or
 * nothing repeats.
 */
export function splittingColumn(sheet: SheetSnapshot, table: DetectedTable): string | null {
  const { kpi, period } = table.columns;
  if (kpi === undefined) return null;
  const taken = new Set(Object.values(table.columns));
  const last = Math.min(table.lastDataRow, table.firstDataRow + SAMPLE_ROWS - 1);
  const lineOf = (row: number): string =>
    `${cellText(cellAt(sheet, row, kpi))}\u0000${period === undefined ? "" : cellText(cellAt(sheet, row, period))}`;
  const seen = new Set<string>();
  let repeats = 0;
  for (let row = table.firstDataRow; row <= last; row++) {
    const line = lineOf(row);
    if (seen.has(line)) repeats++;
    else seen.add(line);
  }
  if (repeats === 0) return null;
  for (const header of table.headers) {
    if (taken.has(header.col)) continue;
    const kinds = new Set<string>();
    const rows = new Set<string>();
    let left = 0;
    let blanks = 0;
    for (let row = table.firstDataRow; row <= last && kinds.size <= MOST_KINDS; row++) {
      const kind = cellText(cellAt(sheet, row, header.col));
      if (kind === "") {
        blanks++;
        continue;
      }
      kinds.add(kind);
      const key = `${lineOf(row)}\u0000${kind}`;
      if (rows.has(key)) left++;
      else rows.add(key);
    }
    // The split explains the repeats where it leaves at most half of them (the rest are lines of
    // one name under different groups: a state budget's "Apparaat" in every chapter).
    // A stray row or two with the cell blank (a note under the table) does not make it no split.
    const filled = blanks <= (last - table.firstDataRow + 1) / 20;
    if (kinds.size >= 2 && kinds.size <= MOST_KINDS && filled && left <= repeats / 2) return header.text;
  }
  return null;
}
