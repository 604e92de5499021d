/**
 * Columns whose header word names a role their cells do not hold. Public exports number their
 * lines: Madrid's budget indicators head the objective's number "Objetivo" (a bare Objetivo is the
 * target in Spanish) and the indicator's number "Indicador", with the indicator's name under
 * "Descripción Indicador" and the budgeted value under "Presupuestado". Read by its words alone,
 * such a table scores each achieved value against an objective's number, and takes "1", "2", "3"
 * for the KPIs' names. A reader of the sheet sees at once that a column counting 1, 2, 3 within
 * each group names no KPI and holds no target, and this module says so:
 *
 * - a KPI column that holds numbers or codes, not names, yields to a column of names whose header
 *   holds the KPI column's words ("Descripción Indicador" beside "Indicador", "Indicator
 *   description" beside "Indicator");
 * - of two columns headed as the target (or as the actual), one that holds a numbering (whole
 *   numbers from 1 up, restarting, left of the KPI's name) yields to the other;
 * - a word that names a target or an objective (Objetivo, Objectif, Obiettivo, Ziel, Doelstelling,
 *   Goal: headers.ts) is decided by what its column holds: names make it the objective,
 *   and the target goes to the column of numbers headed as one (Meta, Cible, Soll, Streefwaarde);
 *   numbers keep it the target.
 *
 * A role the user named (bsc --map, the set-up) is never moved.
 */
import type { ColumnRole } from "./headers";
import { namesTargetOrObjective, normalizeHeader } from "./headers";
import type { SheetSnapshot } from "./snapshot";
import { cellAt } from "./snapshot";
import { isBlankCell, readNumber } from "./values";

/** Cells a column is judged by: enough to see its kind, cheap on a long export. */
const SAMPLE_ROWS = 2000;

/** The largest number a numbering of lines within a group reaches (objective 01 … 99). */
const NUMBERING_MAX = 99;

export interface HeaderCell {
  readonly col: number;
  readonly text: string;
}

/** What a column holds, as far as this module asks. */
interface Content {
  readonly filled: number;
  /** Whole numbers from 0 to NUMBERING_MAX (or text of digits: "01"). */
  readonly small: number;
  readonly numbers: number;
  /** Text that is no number and holds a letter: a name. */
  readonly names: number;
  /** A value met again after a greater one: the count restarts (1, 2, 3, 1, 2 …). */
  readonly restarts: boolean;
  /** Each number one more than the one before, from 0 or 1: the lines counted (1, 2, 3 …). */
  readonly countsLines: boolean;
  readonly max: number;
}

function contentOf(sheet: SheetSnapshot, col: number, firstRow: number, lastRow: number): Content {
  let filled = 0;
  let small = 0;
  let numbers = 0;
  let names = 0;
  let restarts = false;
  let countsLines = true;
  let max = -Infinity;
  let previous: number | null = null;
  const last = Math.min(lastRow, firstRow + SAMPLE_ROWS - 1);
  for (let row = firstRow; row <= last; row++) {
    const value = cellAt(sheet, row, col);
    if (isBlankCell(value)) continue;
    filled++;
    const n = readNumber(value);
    if (n.kind === "number") {
      numbers++;
      if (Number.isInteger(n.value) && n.value >= 0 && n.value <= NUMBERING_MAX) small++;
      if (previous !== null && n.value < previous) restarts = true;
      if (previous === null ? n.value !== 0 && n.value !== 1 : n.value !== previous + 1) countsLines = false;
      previous = n.value;
      max = Math.max(max, n.value);
      continue;
    }
    if (typeof value === "string" && /\p{L}/u.test(value)) names++;
  }
  return { filled, small, numbers, names, restarts, countsLines: countsLines && numbers === filled, max };
}

/** Most of the column's cells are names. */
const holdsNames = (c: Content): boolean => c.filled > 0 && c.names >= 0.7 * c.filled;

/**
 * Every filled cell a small whole number, counting up and starting again (a line's number within
 * its group), or counting the lines one by one from the first (1, 2, 3 …, three lines at least).
 */
const isNumbering = (c: Content): boolean =>
  c.filled > 0 && c.small === c.filled && c.max >= 2 && (c.restarts || (c.countsLines && c.filled >= 3));

/** Most of the column's cells are numbers (a number written as text counts). */
const holdsNumbers = (c: Content): boolean => c.filled > 0 && c.numbers >= 0.7 * c.filled;

const wordsOf = (header: string): string[] =>
  header
    .split(/[^\p{L}\p{N}]+/u)
    .map(normalizeHeader)
    .filter((w) => w !== "");

/** Whether `header` holds every word of `of` and more ("Descripción Indicador" holds "Indicador"). */
function holdsWordsOf(header: string, of: string): boolean {
  const words = wordsOf(header);
  const wanted = wordsOf(of);
  return words.length > wanted.length && wanted.every((w) => words.includes(w));
}

export interface Settled {
  readonly columns: Partial<Record<ColumnRole, number>>;
  /** The columns now read for a role they were first passed over for (their duplicate warning goes). */
  readonly taken: readonly number[];
  /** How each change was chosen, for the "Read" line. */
  readonly inferred: readonly string[];
}

/**
 * The block's roles with a numbered column's role given to the column that holds what the role
 * needs; null when nothing changes. `roleOf` reads a header as the block's header row was read;
 * `named` are the roles the user named, which stay where they are.
 */
export function settleNumberedColumns(
  sheet: SheetSnapshot,
  columns: Partial<Record<ColumnRole, number>>,
  headers: readonly HeaderCell[],
  firstRow: number,
  lastRow: number,
  roleOf: (header: string) => ColumnRole | null,
  named: ReadonlySet<ColumnRole>,
): Settled | null {
  const content = new Map<number, Content>();
  const of = (col: number): Content => {
    let c = content.get(col);
    if (!c) content.set(col, (c = contentOf(sheet, col, firstRow, lastRow)));
    return c;
  };
  const headerOf = (col: number): string => headers.find((h) => h.col === col)?.text ?? "";
  const next: Partial<Record<ColumnRole, number>> = { ...columns };
  const taken: number[] = [];
  const inferred: string[] = [];
  const used = (): Set<number> => new Set(Object.values(next));

  const kpi = next.kpi;
  if (kpi !== undefined && !named.has("kpi") && !holdsNames(of(kpi))) {
    const names = headers.find(
      (h) => !used().has(h.col) && holdsWordsOf(h.text, headerOf(kpi)) && holdsNames(of(h.col)),
    );
    if (names) {
      next.kpi = names.col;
      inferred.push(
        `KPI from "${names.text}": its names; "${headerOf(kpi)}" holds numbers or codes, not names`,
      );
    }
  }

  for (const role of ["target", "actual"] as const) {
    const chosen = next[role];
    if (chosen === undefined || named.has(role)) continue;
    const nameCol = next.kpi;
    const numbering = of(chosen);
    if (!isNumbering(numbering) || (nameCol !== undefined && chosen > nameCol)) continue;
    const other = headers.find(
      (h) =>
        h.col !== chosen &&
        !used().has(h.col) &&
        roleOf(h.text) === role &&
        of(h.col).numbers > 0 &&
        !isNumbering(of(h.col)),
    );
    if (!other) {
      // Lines counted one by one (1, 2, 3 …) at the left of the names, or at the block's left edge
      // where the names are not known yet, are no target nor actual even where no other column is
      // headed as one: the table then lacks that role, and says so, rather than score each value
      // against its line. A count that starts again could be small values: it keeps its role.
      const left = nameCol ?? headers.reduce((min, h) => Math.min(min, h.col), Infinity);
      if (!numbering.countsLines || (nameCol === undefined ? chosen !== left : chosen > left)) continue;
      delete next[role];
      inferred.push(`"${headerOf(chosen)}" numbers the lines (1 to ${numbering.max}), it holds no ${role}`);
      continue;
    }
    next[role] = other.col;
    taken.push(other.col);
    inferred.push(
      `${role === "target" ? "Target" : "Actual"} from "${other.text}": "${headerOf(chosen)}" numbers the lines (1 to ${numbering.max}), it holds no ${role}`,
    );
  }
  inferred.push(...settleTargetOrObjective(next, taken, headers, of, roleOf, named));
  return inferred.length === 0 ? null : { columns: next, taken, inferred };
}

/**
 * A word that names a target or an objective (Objetivo beside Meta, Ziel beside Soll, Goal beside
 * Budget) read by its column's content: a column of names is the objective, and the target the
 * column of numbers headed as one. Changes `next` and `taken` in place; returns what it changed,
 * for the "Read" line.
 */
function settleTargetOrObjective(
  next: Partial<Record<ColumnRole, number>>,
  taken: number[],
  headers: readonly HeaderCell[],
  of: (col: number) => Content,
  roleOf: (header: string) => ColumnRole | null,
  named: ReadonlySet<ColumnRole>,
): string[] {
  const used = (): Set<number> => new Set(Object.values(next));
  const ofNames = headers.find(
    (h) =>
      namesTargetOrObjective(h.text) &&
      roleOf(h.text) === "target" &&
      (h.col === next.target || !used().has(h.col)) &&
      holdsNames(of(h.col)),
  );
  if (!ofNames || (ofNames.col === next.target && named.has("target"))) return [];
  const numbers = headers.find(
    (h) =>
      h.col !== ofNames.col &&
      (h.col === next.target || !used().has(h.col)) &&
      roleOf(h.text) === "target" &&
      holdsNumbers(of(h.col)) &&
      !isNumbering(of(h.col)),
  );
  const wasTarget = ofNames.col === next.target;
  let moved = "";
  if (wasTarget) {
    // Where no column of numbers is headed as a target, the column of names stays the target:
    // the warning that it holds text then asks for the targets' column.
    if (numbers === undefined) return [];
    next.target = numbers.col;
    taken.push(numbers.col);
    moved = `Target from "${numbers.text}"`;
  }
  if (next.objective === undefined && !named.has("objective")) {
    next.objective = ofNames.col;
    if (!wasTarget) taken.push(ofNames.col);
    return [`Objective from "${ofNames.text}": its cells are names, not numbers${moved ? `; ${moved}` : ""}`];
  }
  return moved ? [`${moved}: "${ofNames.text}" holds names, not numbers`] : [];
}
