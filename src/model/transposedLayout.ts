/**
 * A transposed block: what a table's header row would say stands down its first column, and what
 * its rows would be stands across. Public dashboards export their totals so: the measures across
 * the columns, the amounts down the rows (`importo_finanziamento`, `totale_importo_misura`,
 * `importo_erogato`), or label-value lines with no header at all (`Totale Dotazione Misura`,
 * `Totale Risorse Erogate`). Each column of numbers is a KPI (named by the row above, else the
 * sheet's one KPI); the row whose label names an actual is its actual, the one naming a target its
 * target. Found only where no block of the sheet reads as a scorecard by its header row.
 */
import { sheetBox, sheetCell } from "./address";
import type { DetectedTable } from "./detect";
import { plainObservation, type KpiDraft, type RowTally } from "./drafts";
import type { ColumnRole } from "./headers";
import { AMOUNT_WORDS, isBareTotal, withoutAccents } from "./headers";
import type { LayoutRows } from "./longLayout";
import { RowContext, type TableReader } from "./rows";
import type { SheetSnapshot } from "./snapshot";
import { cellAt, isDateCell, lastCol, lastRow } from "./snapshot";
import { readPeriodCell } from "./periodText";
import { cellText, readNumber } from "./values";

/** The labels are looked for in this many of a sheet's first columns and rows. */
const LABEL_COLUMNS = 3;
const LABEL_ROWS = 30;

/** A label's words, split at spaces and underscores, accents dropped ("importo_erogato": importo, erogato). */
const labelWords = (label: string): string[] =>
  withoutAccents(label)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");

/** Amount words a label holds beside the word that names its role. */
const AMOUNTS: ReadonlySet<string> = new Set(AMOUNT_WORDS);

/**
 * The role a label names: its whole words (as a header), else the one role its single words name
 * ("Totale Risorse Erogate": erogate, an actual). A label naming both, or neither, names none.
 */
function roleOfLabel(label: string, roleOf: (header: string) => ColumnRole | null): ColumnRole | null {
  const whole = roleOf(label);
  if (whole !== null) return whole;
  const roles = new Set(labelWords(label).map((w) => roleOf(w)));
  const values = [...roles].filter((r) => r === "actual" || r === "target");
  return values.length === 1 ? (values[0] as ColumnRole) : null;
}

/**
 * A label that says it is the whole of what each column is ("totale_importo_misura" under a
 * corner cell "Misura": the measure's total amount): a total word with nothing but amount words
 * and the corner's words beside it. Beside an actual, it is the allocation the actual is part of.
 */
function namesTheWhole(label: string, corner: string): boolean {
  const own = new Set(labelWords(corner));
  const words = labelWords(label);
  const rest = words.filter((w) => !AMOUNTS.has(w) && !own.has(w));
  return rest.length === 1 && isBareTotal(rest[0] as string) && words.some((w) => own.has(w));
}

/** What a transposed block holds, where the sheet has one. */
export interface TransposedBlock {
  readonly labelCol: number;
  /** The row of KPI names above the labels, or null: the sheet's one KPI. */
  readonly namesRow: number | null;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly right: number;
  readonly actualRow: number;
  readonly targetRow: number;
  /** How the rows were read, for the "Read" line. */
  readonly inferred: readonly string[];
}

const isLabel = (sheet: SheetSnapshot, row: number, col: number): boolean => {
  const value = cellAt(sheet, row, col);
  return typeof value === "string" && value.trim() !== "" && readNumber(value).kind === "text";
};

const numberAt = (sheet: SheetSnapshot, row: number, col: number): boolean =>
  readNumber(cellAt(sheet, row, col)).kind === "number";

/**
 * The sheet's transposed block: a run of two or more rows, each a label followed by numbers only,
 * one label naming the actual and one the target (or the whole each column is), and above them
 * either names over every column of numbers or nothing. Null where the sheet holds none.
 */
export function findTransposedBlock(
  sheet: SheetSnapshot,
  roleOf: (header: string) => ColumnRole | null,
): TransposedBlock | null {
  const bottom = Math.min(lastRow(sheet), sheet.origin.row + LABEL_ROWS - 1);
  const last = lastCol(sheet);
  for (let col = sheet.origin.col; col < sheet.origin.col + LABEL_COLUMNS && col < last; col++) {
    for (let row = sheet.origin.row; row <= bottom; row++) {
      // A run of label rows: a label, then numbers (and blanks) only, at least one number.
      const rows: number[] = [];
      let right = col;
      for (let r = row; r <= bottom && isLabel(sheet, r, col); r++) {
        let numbers = 0;
        let other = false;
        for (let c = col + 1; c <= last; c++) {
          const value = cellAt(sheet, r, c);
          if (numberAt(sheet, r, c)) {
            numbers++;
            right = Math.max(right, c);
          } else if (cellText(value) !== "") other = true;
        }
        if (numbers === 0 || other) break;
        rows.push(r);
      }
      if (rows.length < 2) continue;
      const found = readLabels(sheet, rows, col, right, roleOf);
      if (found) return found;
      row += rows.length - 1;
    }
  }
  return null;
}

function readLabels(
  sheet: SheetSnapshot,
  rows: readonly number[],
  col: number,
  right: number,
  roleOf: (header: string) => ColumnRole | null,
): TransposedBlock | null {
  const first = rows[0] as number;
  const above = first - 1 >= sheet.origin.row ? first - 1 : null;
  let namesRow: number | null = null;
  if (above !== null) {
    let names = 0;
    let filled = 0;
    for (let c = col + 1; c <= right; c++) {
      const value = cellAt(sheet, above, c);
      // Periods across ("Jan 2024") are a series' columns, not KPIs' names.
      if (isDateCell(value) || readPeriodCell(cellText(value)) !== null) return null;
      if (cellText(value) !== "") filled++;
      if (isLabel(sheet, above, c)) names++;
    }
    if (names === right - col) namesRow = above;
    else if (filled > 0) return null;
  }
  // With no names above, the one column of numbers is the sheet's one KPI; several unnamed
  // columns would be as many KPIs of one name.
  if (namesRow === null && right > col + 1) return null;
  const label = (row: number): string => cellText(cellAt(sheet, row, col));
  const of = (role: ColumnRole) => rows.filter((r) => roleOfLabel(label(r), roleOf) === role);
  const actuals = of("actual");
  const targets = of("target");
  const inferred: string[] = [];
  const actualRow = actuals.length === 1 ? actuals[0] : undefined;
  if (actualRow === undefined) return null;
  let targetRow = targets.length === 1 ? targets[0] : undefined;
  if (targetRow === undefined && targets.length === 0) {
    const corner = namesRow === null ? "" : cellText(cellAt(sheet, namesRow, col));
    const wholes = rows.filter((r) => r !== actualRow && namesTheWhole(label(r), corner));
    if (wholes.length === 1) {
      targetRow = wholes[0] as number;
      inferred.push(`Target from "${label(targetRow)}": the whole of each ${corner}, beside its actual`);
    }
  }
  if (targetRow === undefined) return null;
  const labels = sheetBox(sheet.name, {
    top: first,
    bottom: rows[rows.length - 1] as number,
    left: col,
    right: col,
  });
  inferred.unshift(
    `a transposed block: the amounts named down ${labels}, ${
      namesRow === null ? "one KPI named after its sheet" : "a KPI per column"
    }; actual from "${label(actualRow)}", target from "${label(targetRow)}"`,
  );
  return {
    labelCol: col,
    namesRow,
    firstRow: first,
    lastRow: rows[rows.length - 1] as number,
    right,
    actualRow,
    targetRow,
    inferred,
  };
}

/** The block as the table the reader reads: its header the names row (or the first label's). */
export function transposedTable(sheet: SheetSnapshot, block: TransposedBlock): DetectedTable {
  return {
    kind: "scorecard",
    shape: "transposed",
    periodColumns: [],
    name: sheet.name,
    sheet: sheet.name,
    source: "range",
    headerRow: block.namesRow ?? block.firstRow,
    firstDataRow: block.firstRow,
    lastDataRow: block.lastRow,
    left: block.labelCol,
    right: block.right,
    columns: {},
    headers: [],
    issues: [],
    inferred: block.inferred,
    seriesRows: { actual: block.actualRow, target: block.targetRow },
    ...(block.namesRow === null ? { kpiName: sheet.name } : {}),
  };
}

/** Each column of numbers as one KPI: its actual and target on the rows the labels named. */
export function readTransposedRows(reader: TableReader, tally: RowTally): LayoutRows {
  const { table, sheet } = reader;
  const rows = table.seriesRows as { actual: number; target: number };
  const drafts: KpiDraft[] = [];
  for (let col = table.left + 1; col <= table.right; col++) {
    const name = table.kpiName ?? cellText(cellAt(sheet, table.headerRow, col));
    const actual = readNumber(cellAt(sheet, rows.actual, col));
    const target = readNumber(cellAt(sheet, rows.target, col));
    if (actual.kind === "blank" && target.kind === "blank") continue;
    tally.take({ kind: "kpi", perspective: sheet.name, objective: name, name });
    tally.scored();
    const observation = plainObservation(
      null,
      rows.actual,
      actual,
      sheetCell(sheet.name, rows.actual, col),
      target,
      sheetCell(sheet.name, rows.target, col),
    );
    drafts.push({
      entity: null,
      perspective: sheet.name,
      objective: name,
      name,
      observations: [observation],
      byPeriod: new Map([[0, observation]]),
      attributes: {},
    });
  }
  return { drafts, granularity: null, periods: 0, context: new RowContext(reader) };
}
