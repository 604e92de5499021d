/**
 * The scorecard functions' arithmetic (BSC.SCORE, BSC.STATUS, BSC.ROLLUP), on arguments as Excel
 * hands them over: numbers, text, booleans, null or undefined for an omitted argument or an empty
 * cell, ranges as rows of such values. Every rule is the engine's: a KPI scored here is a one-KPI
 * scorecard evaluated by evaluateScorecard, a roll-up is rollUp, so that a function's answer and
 * the Scorecard sheet's can never disagree. No Office global is used here: functions.ts turns a
 * FunctionError into Excel's error value.
 */
import { evaluateScorecard, type KpiResult } from "../engine/evaluate";
import { rollUp, statusFromScore, type WeightedChild } from "../engine/rollup";
import type { Polarity, Scored } from "../engine/types";
import { emptyDefinition } from "../model/definition";
import type { ScorecardModel } from "../model/scorecard";
import type { CellValue } from "../model/snapshot";
import { parsePolarity, readNumber } from "../model/values";

/** Excel's error values the functions answer with. */
export type FunctionErrorCode = "#VALUE!" | "#N/A";

/** Bad input to a function: Excel shows the code in the cell and the message on hovering it. */
export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** What a no-data answer shows: an empty text, which BSC.ROLLUP (and AVERAGE) leave out. */
export const NO_DATA = "";

/** A function's argument as a cell value: an omitted argument and an empty cell are both blank. */
export function argumentCell(value: unknown, what: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  throw new FunctionError("#VALUE!", `The ${what} must be a number or a cell holding one.`);
}

/** The polarity word (higher, lower, band, or any word a Polarity column takes); blank is higher. */
export function polarityArgument(value: unknown): Polarity {
  const text = argumentCell(value, "polarity");
  const parsed = text === null ? null : parsePolarity(String(text));
  if (parsed === "unknown")
    throw new FunctionError(
      "#VALUE!",
      `The polarity "${String(text)}" is not one the scorecard knows: write higher, lower or band (or leave it out for higher).`,
    );
  return parsed ?? "higher";
}

export interface KpiArguments {
  readonly actual: unknown;
  readonly target: unknown;
  readonly threshold?: unknown;
  readonly polarity?: unknown;
  readonly tolerance?: unknown;
}

/** The name a one-KPI scorecard gives its KPI: the engine's messages name it. */
const FUNCTION_KPI = "BSC.SCORE";

/**
 * One KPI scored by the engine as the Scorecard sheet scores a KPI row: the actual, target,
 * Threshold and Tolerance % cells read as the table's are (a number stored as text counts, a
 * tolerance above 1 is a percentage), the default threshold where neither is given. A problem the
 * engine calls an error (a threshold on the wrong side, a tolerance that is negative or no number)
 * is #VALUE! with the engine's sentence; a missing or non-numeric actual or target is no data.
 */
export function scoreArguments(args: KpiArguments): KpiResult {
  const polarity = polarityArgument(args.polarity);
  const reading = (value: unknown, what: string) => readNumber(argumentCell(value, what));
  const settings = emptyDefinition().settings;
  const model: ScorecardModel = {
    table: null,
    tables: [],
    entities: [],
    layout: null,
    granularity: null,
    settings,
    perspectives: [{ name: FUNCTION_KPI, weight: 1 }],
    objectives: [{ perspective: FUNCTION_KPI, name: FUNCTION_KPI, weight: 1, owner: "", drives: [] }],
    kpis: [
      {
        entity: null,
        perspective: FUNCTION_KPI,
        objective: FUNCTION_KPI,
        name: FUNCTION_KPI,
        polarity,
        aggregation: "last",
        weight: 1,
        owner: "",
        unit: "",
        comment: "",
        baseline: null,
        numberFormat: null,
        polarityOverride: null,
        thresholdOverride: null,
        toleranceOverride: null,
        source: "table",
        sheet: null,
        observations: [
          {
            period: null,
            row: 0,
            actual: reading(args.actual, "actual"),
            actualCell: "",
            target: reading(args.target, "target"),
            targetCell: null,
            threshold: reading(args.threshold, "threshold"),
            thresholdCell: null,
            tolerance: reading(args.tolerance, "tolerance"),
            toleranceCell: null,
            polarityText: null,
            polarityCell: null,
          },
        ],
      },
    ],
    issues: [],
  };
  const evaluation = evaluateScorecard(model);
  // A scorecard without periods always evaluates: only a period that is not found is fatal.
  if (!evaluation.ok) throw new FunctionError("#VALUE!", evaluation.fatal.message);
  const error = evaluation.result.issues.find((i) => i.severity === "error");
  if (error) throw new FunctionError("#VALUE!", error.message);
  return evaluation.result.perspectives[0]!.objectives[0]!.kpis[0]!;
}

/** A range argument as its cells, row by row; a single value is a range of one cell. */
function cellsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
  return [value];
}

/**
 * The weighted average of scores 0–10 (SCORING.md, Roll-up): blank and text cells (a no-data
 * BSC.SCORE) are left out and the other weights renormalised; weight 0 leaves a score out; no
 * weights weigh each score 1. The roll-up's status follows from its score.
 */
export function rollUpArguments(scores: unknown, weights?: unknown): Scored {
  const scoreCells = cellsOf(scores);
  const weightCells = weights === null || weights === undefined ? null : cellsOf(weights);
  if (weightCells && weightCells.length !== scoreCells.length)
    throw new FunctionError(
      "#VALUE!",
      `The weights must be as many as the scores: ${weightCells.length} weights for ${scoreCells.length} scores.`,
    );
  const children: WeightedChild[] = [];
  scoreCells.forEach((cell, i) => {
    const score = readNumber(argumentCell(cell, "score"));
    if (score.kind !== "number") return;
    if (score.value < 0 || score.value > 10)
      throw new FunctionError(
        "#VALUE!",
        `Score ${i + 1} is ${score.value}: a score runs from 0 to 10, as BSC.SCORE gives it.`,
      );
    const weight = weightCells ? readNumber(argumentCell(weightCells[i], "weight")) : null;
    if (weight && weight.kind !== "number" && weight.kind !== "blank")
      throw new FunctionError("#VALUE!", `Weight ${i + 1} is not a number.`);
    const w = weight?.kind === "number" ? weight.value : 1;
    if (w < 0)
      throw new FunctionError("#VALUE!", `Weight ${i + 1} is negative (${w}); weights are 0 or more.`);
    children.push({ score: score.value, status: statusFromScore(score.value), weight: w });
  });
  return rollUp(children, "weighted");
}
