import { evaluateScorecard, type EvaluateOptions, type ScorecardResult } from "../../src/engine/evaluate";
import type { Definition } from "../../src/model/definition";
import { readScorecard, type ReadOptions } from "../../src/model/read";
import type { ScorecardModel } from "../../src/model/scorecard";
import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/model/snapshot";

/** A sheet whose cells start at A1 (or at `top`), from literal rows. */
export function sheet(
  name: string,
  rows: readonly (readonly CellValue[])[],
  options: { top?: number; tables?: TableSnapshot[]; formats?: (string | null)[][] } = {},
): SheetSnapshot {
  const top = options.top ?? 1;
  const values: CellValue[][] = [];
  for (let i = 1; i < top; i++) values.push([]);
  values.push(...rows.map((r) => [...r]));
  return {
    name,
    visibility: "visible",
    origin: { row: 1, col: 1 },
    values,
    ...(options.formats ? { formats: options.formats } : {}),
    tables: options.tables ?? [],
  };
}

/** A sheet holding one Excel table at A1 that spans the rows given (header first). */
export function tableSheet(
  name: string,
  tableName: string,
  rows: readonly (readonly CellValue[])[],
): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  return sheet(name, rows, {
    tables: [
      {
        name: tableName,
        box: { top: 1, left: 1, bottom: rows.length, right: width },
        hasHeaderRow: true,
        hasTotalsRow: false,
      },
    ],
  });
}

export const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets, names: [] });

export const HEADER = [
  "Perspective",
  "Objective",
  "KPI",
  "Actual",
  "Target",
  "Threshold",
  "Tolerance %",
  "Polarity",
  "Weight",
];

/** Reads and evaluates a workbook, failing the test on a fatal problem. */
export function score(
  workbook: WorkbookSnapshot,
  options: { definition?: Definition; read?: ReadOptions; evaluate?: EvaluateOptions } = {},
): { model: ScorecardModel; result: ScorecardResult } {
  const reading = readScorecard(workbook, options.definition ?? null, new Set(), options.read);
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  const evaluation = evaluateScorecard(reading.model, options.evaluate);
  if (!evaluation.ok) throw new Error(`fatal: ${evaluation.fatal.message}`);
  return { model: reading.model, result: evaluation.result };
}

export const allKpis = (result: ScorecardResult) =>
  result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
