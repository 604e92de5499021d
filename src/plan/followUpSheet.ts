import type { ScorecardResult } from "../engine/evaluate";
import type { InitiativeResult, ItemCommentary } from "../engine/followUp";
import { headlineLine } from "./headlineLine";
import type { CellStyle, PutCell } from "./plan";

/**
 * The follow-ups on the Scorecard sheet, under the scorecard and printed with it: the period's
 * commentary (each KPI's or objective's analysis, wrapped, then its actions with owner, due date
 * and whether late), then the initiatives under their objectives with their flags. The headline's
 * "Needs commentary" line names the red and amber KPIs without an analysis.
 */

/** The styles the block uses beside the summary's own (summaryStyles). */
export const FOLLOW_UP_STYLES: Readonly<Record<string, CellStyle>> = {
  "follow-up-analysis": { italic: true, align: "left", indent: 1 },
  "follow-up-action": { align: "left", indent: 2 },
  "follow-up-flag": { bold: true, color: "C00000" },
};

/** Columns the block fills: the text, then owner, due, % complete, status, budget, spend, flags. */
export const FOLLOW_UP_COLUMNS = 8;

const NAMED = 6;

type Put = PutCell;

/**
 * The headline's "Needs commentary" text in `room` characters (headlineLine: the names that fit,
 * then how many more), or null where no red or amber KPI lacks an analysis (or it is off).
 */
export function needsCommentaryText(result: ScorecardResult, room: number): string | null {
  const names = result.followUps?.needsCommentary ?? [];
  return names.length === 0 ? null : headlineLine(names, ", ", NAMED, room);
}

const STATUS_STYLE: Readonly<Record<string, string>> = {
  green: "status-green",
  done: "status-green",
  amber: "status-amber",
  red: "status-red",
};
const STATUS_WORD: Readonly<Record<string, string>> = {
  green: "On track",
  done: "Done",
  amber: "At risk",
  red: "Off track",
  open: "Open",
};

/**
 * Text broken into lines of at most `width` characters at spaces (a longer word stands alone),
 * and at the line breaks it has. Each line is a row of its own: a wrapped cell's row does not
 * grow by itself in every spreadsheet (LibreOffice keeps the height the file gives), so the plan
 * wraps the text rather than the cell.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    if (line !== "") lines.push(line);
  }
  return lines;
}

/** Characters a line holds in column A (40 wide) at the analysis's indent and at an action's. */
const ANALYSIS_WIDTH = 40;
const ACTION_WIDTH = 36;

const flagsText = (i: InitiativeResult): string =>
  i.flags.map((f) => f.charAt(0).toUpperCase() + f.slice(1)).join(", ");

/** The Due column: the day, or a Due that is no day as the user wrote it, flagged (its issue says why). */
function putDue(row: number, item: { due: string | null; dueWritten?: string }, put: Put): void {
  if (item.due === null && item.dueWritten !== undefined)
    // As written, in the flag's red: the Due column is narrow, and the issue at its cell says why.
    put(row, 3, item.dueWritten, "follow-up-flag");
  else put(row, 3, item.due);
}

function commentaryRows(
  items: readonly ItemCommentary[],
  period: string | null,
  top: number,
  put: Put,
): number {
  let row = top;
  const header = ["Owner", "Due", "Status"];
  put(row, 1, period ? `Commentary for ${period}` : "Commentary", "header");
  header.forEach((h, i) => put(row, i + 2, h, "header"));
  for (const c of items) {
    const whose = c.kpi === null ? `${c.objective} (objective)` : `${c.kpi} (${c.objective})`;
    put(++row, 1, c.entity ? `${whose}, ${c.entity}` : whose, "objective");
    for (const line of wrapText(c.analysis, ANALYSIS_WIDTH)) put(++row, 1, line, "follow-up-analysis");
    for (const a of c.actions) {
      const [first, ...more] = wrapText(`Action: ${a.text}`, ACTION_WIDTH);
      put(++row, 1, first ?? "Action:", "follow-up-action");
      put(row, 2, a.owner || null);
      putDue(row, a, put);
      put(
        row,
        4,
        a.done ? "Done" : a.overdue ? "Overdue" : "Open",
        a.done ? "status-green" : a.overdue ? "status-red" : undefined,
      );
      for (const line of more) put(++row, 1, line, "follow-up-action");
    }
  }
  return row;
}

function initiativeRows(initiatives: readonly InitiativeResult[], top: number, put: Put): number {
  let row = top;
  ["Initiatives", "Owner", "Due", "% complete", "Status", "Budget", "Spend", "Flags"].forEach((h, i) =>
    put(row, i + 1, h, "header"),
  );
  let objective: string | null = null;
  for (const i of initiatives) {
    const group = `${i.perspective}\u0000${i.objective}`;
    if (group !== objective) {
      objective = group;
      put(++row, 1, i.objective, "objective");
    }
    put(++row, 1, i.name, "kpi");
    put(row, 2, i.owner || null);
    putDue(row, i, put);
    put(row, 4, i.complete, undefined, "0%");
    put(
      row,
      5,
      i.status ? (STATUS_WORD[i.status] ?? null) : null,
      i.status ? STATUS_STYLE[i.status] : undefined,
    );
    put(row, 6, i.budget, undefined, "#,##0");
    put(row, 7, i.spend, undefined, "#,##0");
    if (i.flags.length) put(row, 8, flagsText(i), "follow-up-flag");
  }
  return row;
}

/**
 * Writes the commentary and initiatives from `top` down (a blank row between the two); returns the
 * last row written, null where there is nothing to show.
 */
export function followUpBlock(result: ScorecardResult, top: number, put: Put): number | null {
  const f = result.followUps;
  let last: number | null = null;
  if (f?.commentary.length) last = commentaryRows(f.commentary, result.period, top, put);
  if (f?.initiatives.length) last = initiativeRows(f.initiatives, last === null ? top : last + 2, put);
  return last;
}
