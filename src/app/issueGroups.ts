import { isRestatement } from "./periodHistory";
import type { IssueGroup, IssueReport } from "./report";

/**
 * One line per cause, not per row: issues of the same code in the same column of a sheet become
 * one, which keeps every cell it stands for ("a 144-row file printed 144 lines"). Issues with no
 * cell are one line per distinct sentence. The groups keep the order of their first issue. The
 * report keeps each issue (a cell each, as before); `bsc`, its JSON's issueGroups and the pane
 * show these.
 */
export function groupIssues(issues: readonly IssueReport[]): IssueGroup[] {
  const groups = new Map<string, IssueReport[]>();
  for (const found of issues) {
    const key = groupKey(found);
    const group = groups.get(key);
    if (group) group.push(found);
    else groups.set(key, [found]);
  }
  return [...groups.values()].map((members) => {
    const first = members[0] as IssueReport;
    const cells = [...new Set(members.flatMap((m) => (m.cell === null ? [] : [m.cell])))];
    const worded = members.some((m) => m.pane !== undefined);
    return {
      severity: first.severity,
      code: first.code,
      cell: first.cell,
      message: mergedMessage(members.map((m) => m.message)),
      ...(worded ? { pane: mergedMessage(members.map((m) => m.pane ?? m.message)) } : {}),
      cells,
      count: members.length,
    };
  });
}

/** "Data!F12" → its sheet as written and its column and row; null for anything else (a range). */
function placeOf(
  cell: string,
): { readonly sheet: string; readonly column: string; readonly row: number } | null {
  const m = /^(.+)!\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell);
  return m ? { sheet: m[1] as string, column: m[2] as string, row: Number(m[3]) } : null;
}

function groupKey(found: IssueReport): string {
  const kind = `${found.code}\u0000${found.severity}`;
  // A restatement is a fact of its own (its two values are what it says): never grouped.
  const place = found.cell === null || isRestatement(found) ? null : placeOf(found.cell);
  if (place) return `${kind}\u0000${place.sheet}\u0000${place.column}`;
  return `${kind}\u0000${found.cell ?? ""}\u0000${found.message}`;
}

/**
 * What varies between the sentences of one cause: values in double or single quotes ("09-2021",
 * 'Expense'; an apostrophe within a word opens none), cell addresses (the E2 of Data!E2) and
 * numbers (2026-03, 15).
 */
const VARYING = /"[^"]*"|(?<!\p{L})'[^']*'(?!\p{L})|\b[A-Z]{1,3}\d+\b|\b\d+(?:[.\-/:]\d+)*\b/gu;

/**
 * The sentences of a group as one: where they differ only in quoted values or numbers, each such
 * place shows its first value and "…" ("\"09-2021\" … is not a period"); else the first sentence.
 */
export function mergedMessage(messages: readonly string[]): string {
  const first = messages[0] ?? "";
  const template = first.replace(VARYING, "\u0000");
  const values = messages.map((m) => m.match(VARYING) ?? []);
  if (messages.some((m) => m.replace(VARYING, "\u0000") !== template)) return first;
  let slot = 0;
  return first.replace(VARYING, (value) => {
    const at = slot++;
    return values.every((v) => v[at] === value) ? value : `${value} …`;
  });
}

/** The first and last of some rows, without spreading them into a call (a column may hold a million). */
function span(rows: readonly number[]): [number, number] {
  let top = Infinity;
  let bottom = -Infinity;
  for (const row of rows) {
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
  }
  return [top, bottom];
}

/** How many cells to name after a group's range when they are not one run of rows. */
const FIRST_CELLS = 3;

/**
 * Where an issue is, as people read it: "Data!F2"; "Data!F2, F9, F14"; "Data!F2:F45 (44 cells)"
 * for a run of rows, and with its first cells named when there are gaps; "" for no cell.
 */
export function issuePlace(found: IssueGroup): string {
  const { cells } = found;
  const places = cells.map(placeOf);
  const [first, ...rest] = places;
  if (!first || rest.length === 0 || places.some((p) => p === null || p.sheet !== first.sheet))
    return cells.join(", ");
  const rows = (places as { row: number }[]).map((p) => p.row);
  const local = (row: number) => `${first.column}${row}`;
  if (rows.length <= FIRST_CELLS) return `${first.sheet}!${rows.map(local).join(", ")}`;
  const [top, bottom] = span(rows);
  const gaps = bottom - top + 1 !== rows.length;
  const named = gaps ? `, first ${rows.slice(0, FIRST_CELLS).map(local).join(", ")}` : "";
  return `${first.sheet}!${local(top)}:${local(bottom)} (${rows.length} cells${named})`;
}

/** An issue on one line: where, then what ("Data!F2:F45 (44 cells): \"09-2021\" … is not a period…"). */
export function issueLine(found: IssueGroup): string {
  const place = issuePlace(found);
  const times = !place && found.count > 1 ? ` (${found.count} times)` : "";
  return place ? `${place}: ${found.message}` : `${found.message}${times}`;
}

/**
 * The range to select for an issue: all its cells when they are one column of one sheet
 * ("Data!F2:F45"), else its first cell; null for an issue with no cell.
 */
export function issueSelection(found: IssueGroup): string | null {
  const { cells } = found;
  const places = cells.map(placeOf);
  const [first] = places;
  if (cells.length < 2 || !first || places.some((p) => p === null || p.sheet !== first.sheet))
    return found.cell;
  const rows = (places as { row: number }[]).map((p) => p.row);
  const [top, bottom] = span(rows);
  return `${first.sheet}!${first.column}${top}:${first.column}${bottom}`;
}
