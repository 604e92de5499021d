import { HyperFormula } from "hyperformula";
import { evaluateScorecard } from "../../src/engine/evaluate";
import { periodKey } from "../../src/engine/periods";
import type { Definition } from "../../src/model/definition";
import { ownedSheetNames, ownedSheets } from "../../src/model/ownership";
import { readScorecard } from "../../src/model/read";
import type { WorkbookSnapshot } from "../../src/model/snapshot";
import { parseReference } from "../../src/model/address";
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
function asInput(v: CellValue): string | number | boolean | null {
  if (v === null) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (isCellError(v)) return ERROR_FORMULAS[v.error] ?? "=NA()";
  if (isDateCell(v)) return v.date;
  return v === "" ? '=""' : `'${v}`;
}

/** A rule's formula (written for its first row) moved down to `row`, as a spreadsheet applies it. */
function shifted(formula: string, anchorRow: number, row: number): string {
  return formula.replace(
    /\$([A-Z]{1,3})(\d+)/g,
    (_, col: string, r: string) => `$${col}${Number(r) - anchorRow + row}`,
  );
}

export function paintedStatuses(
  sheet: SheetSnapshot,
  plans: readonly ConditionalFormatPlan[],
): Map<number, string> {
  const rows = sheet.values.map((r) => r.map(asInput));
  const hf = HyperFormula.buildFromSheets(
    { [sheet.name]: rows },
    { licenseKey: "gpl-v3", precisionEpsilon: 2 ** -48 },
  );
  const id = hf.getSheetId(sheet.name)!;
  const painted = new Map<number, string>();
  try {
    for (const plan of plans) {
      const areas = plan.ranges.map((r) => parseReference(r)!.box);
      const anchor = areas[0]!.top;
      for (const area of areas) {
        for (let row = area.top; row <= area.bottom; row++) {
          const applied = plan.rules.filter((rule) => {
            const v = hf.calculateFormula(`=${shifted(rule.formula, anchor, row)}`, id);
            return v === true || (typeof v === "number" && v !== 0);
          });
          if (applied.length > 1 || painted.has(row))
            throw new Error(`row ${row} is painted by more than one rule`);
          painted.set(row, applied[0]?.status ?? "none");
        }
      }
    }
  } finally {
    hf.destroy();
  }
  return painted;
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
  const reading = readScorecard(book, definition, ownedSheetNames(ownedSheets(book)));
  if (!reading.ok) throw new Error(reading.fatal.message);
  const table = reading.model.table!;
  const byRow = new Map<number, string>();
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) byRow.set(row, "none");
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
          const row = k.kpi.observations.find((x) => (x.period ? periodKey(x.period) : null) === period);
          if (row) byRow.set(row.row, k.status);
        }
  }
  return byRow;
}
