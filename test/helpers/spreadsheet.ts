import { HyperFormula } from "hyperformula";
import { evaluateScorecard } from "../../src/engine/evaluate";
import { periodKey } from "../../src/engine/periods";
import type { Definition } from "../../src/model/definition";
import { ownedSheetNames, ownedSheets } from "../../src/model/ownership";
import { readScorecard } from "../../src/model/read";
import type { Observation, ScorecardModel } from "../../src/model/scorecard";
import type { WorkbookSnapshot } from "../../src/model/snapshot";
import { columnLetters, columnNumber, parseReference, sheetCell } from "../../src/model/address";
import type { CellValue, SheetSnapshot } from "../../src/model/snapshot";
import { isCellError, isDateCell } from "../../src/model/snapshot";
import type { ConditionalFormatPlan } from "../../src/plan/plan";

/**
 * Traffic lights as a real spreadsheet engine paints them: the sheet's cells are loaded into
 * HyperFormula (GPL-3.0, used in tests only) and each conditional-format rule's formula is
 * evaluated for each row it covers. HyperFormula compares numbers within a relative epsilon, as
 * LibreOffice and Excel do; it is set to SCORING.md's 2⁻⁴⁸.
 */

const ERROR_FORMULAS: Readonly<Record<string, string>> = {
  "#N/A": "=NA()",
  "#DIV/0!": "=1/0",
  "#VALUE!": '=1+"x"',
  "#REF!": "=#REF!",
};

/** A snapshot cell as HyperFormula should hold it: text stays text, "" is a formula's empty text. */
export function spreadsheetInput(v: CellValue): string | number | boolean | null {
  if (v === null) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (isCellError(v)) return ERROR_FORMULAS[v.error] ?? "=NA()";
  if (isDateCell(v)) return v.date;
  return v === "" ? '=""' : `'${v}`;
}

/** A rule's formula (written for `anchor`) as the spreadsheet applies it to `cell`: relative parts move. */
function shiftedTo(
  formula: string,
  anchor: { row: number; col: number },
  cell: { row: number; col: number },
): string {
  return formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)/g,
    (_, colFixed: string, col: string, rowFixed: string, r: string) => {
      const c = colFixed ? col : columnLetters(columnNumber(col) - anchor.col + cell.col);
      const row = rowFixed ? Number(r) : Number(r) - anchor.row + cell.row;
      return `${colFixed}${c}${rowFixed}${row}`;
    },
  );
}

/**
 * The status each cell is painted with ("Sheet!F2" → "green"), the rules applied as a spreadsheet
 * applies conditional formats: relative references move with the cell, from the top-left cell of
 * the rule's first range. Throws where two rules paint one cell.
 */
export function paintedCells(
  sheet: SheetSnapshot,
  plans: readonly ConditionalFormatPlan[],
): Map<string, string> {
  const rows = sheet.values.map((r) => r.map(spreadsheetInput));
  const hf = HyperFormula.buildFromSheets(
    { [sheet.name]: rows },
    { licenseKey: "gpl-v3", precisionEpsilon: 2 ** -48 },
  );
  const id = hf.getSheetId(sheet.name)!;
  const painted = new Map<string, string>();
  try {
    for (const plan of plans) {
      const areas = plan.ranges.map((r) => parseReference(r)!.box);
      const anchor = { row: areas[0]!.top, col: areas[0]!.left };
      for (const area of areas)
        for (let row = area.top; row <= area.bottom; row++)
          for (let col = area.left; col <= area.right; col++) {
            const applied = plan.rules.filter((rule) => {
              const v = hf.calculateFormula(`=${shiftedTo(rule.formula, anchor, { row, col })}`, id);
              return v === true || (typeof v === "number" && v !== 0);
            });
            const cell = sheetCell(sheet.name, row, col);
            if (applied.length > 1 || painted.has(cell))
              throw new Error(`${cell} is painted by more than one rule`);
            painted.set(cell, applied[0]?.status ?? "none");
          }
    }
  } finally {
    hf.destroy();
  }
  return painted;
}

/** The status each row of a long table is painted with: its Actual cell's. */
export function paintedStatuses(
  sheet: SheetSnapshot,
  plans: readonly ConditionalFormatPlan[],
): Map<number, string> {
  const byRow = new Map<number, string>();
  for (const [cell, status] of paintedCells(sheet, plans)) byRow.set(parseReference(cell)!.box.top, status);
  return byRow;
}

/** Each observation of the table's KPIs with the status the engine gives its KPI in its period. */
function forEachScored(
  book: WorkbookSnapshot,
  definition: Definition | null,
  visit: (observation: Observation, status: string) => void,
): ScorecardModel {
  const reading = readScorecard(book, definition, ownedSheetNames(ownedSheets(book)));
  if (!reading.ok) throw new Error(reading.fatal.message);
  const periods = new Set(
    reading.model.kpis.flatMap((k) => k.observations.map((o) => (o.period ? periodKey(o.period) : null))),
  );
  for (const period of periods) {
    const evaluation = evaluateScorecard(reading.model, { period: period ?? undefined });
    if (!evaluation.ok) throw new Error(evaluation.fatal.message);
    for (const p of evaluation.result.perspectives)
      for (const o of p.objectives)
        for (const k of o.kpis) {
          if (k.kpi.source !== "table") continue;
          const found = k.kpi.observations.find((x) => (x.period ? periodKey(x.period) : null) === period);
          if (found) visit(found, k.status);
        }
  }
  return reading.model;
}

/**
 * The status the engine gives each row's KPI when the row's period is scored: for every period of
 * the table, the KPI's status, placed on the row that holds the KPI in that period. Rows the
 * engine leaves out (duplicates, rows without a name or period) have none.
 */
export function engineStatusByRow(
  book: WorkbookSnapshot,
  definition: Definition | null,
): Map<number, string> {
  const scored = new Map<number, string>();
  const { table } = forEachScored(book, definition, (o, status) => scored.set(o.row, status));
  const byRow = new Map<number, string>();
  for (let row = table!.firstDataRow; row <= table!.lastDataRow; row++)
    byRow.set(row, scored.get(row) ?? "none");
  return byRow;
}

/** The status the engine gives the KPI of each actual cell, in that cell's period ("Sheet!F2" → "red"). */
export function engineStatusByCell(
  book: WorkbookSnapshot,
  definition: Definition | null,
): Map<string, string> {
  const byCell = new Map<string, string>();
  forEachScored(book, definition, (o, status) => byCell.set(o.actualCell, status));
  return byCell;
}
