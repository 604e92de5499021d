/**
 * The scorecard's custom functions, =BSC.SCORE, =BSC.STATUS, =BSC.ROLLUP and =BSC.KPI. Their
 * metadata (functions.json) is generated from the JSDoc below by Microsoft's
 * custom-functions-metadata-plugin, which also appends this file's CustomFunctions.associate
 * calls in the build; register.ts loads it only where Excel has the custom functions runtime.
 * Each function is a thin wrapper: the arithmetic is the engine's (scoreArguments.ts,
 * kpiLookup.ts), a FunctionError becomes Excel's error value with its sentence.
 */
import { STATUS_MEANINGS } from "../plan/palette";
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { hostSupports } from "../workbook/office/requirements";
import { onWorkbookWritten } from "../workbook/office/sharedRuntime";
import { kpiValue, type WorkbookScorecard } from "./kpiLookup";
import { FunctionError, NO_DATA, rollUpArguments, scoreArguments } from "./scoreArguments";
import { ScorecardCache, readWorkbookScorecard } from "./scorecardCache";

const ERROR_CODES = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
} as const;

/** A function's answer, or Excel's error value where it met bad input. */
function answer<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FunctionError)
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode[ERROR_CODES[error.code]], error.message);
    throw error;
  }
}

/**
 * A KPI's score from 0 to 10: the target scores 6.67, the red flag 3.33, as on the Scorecard sheet.
 * Empty when there is no data (a blank or non-numeric actual or target).
 * @customfunction SCORE
 * @param actual The KPI's actual.
 * @param target The KPI's target.
 * @param [threshold] The red flag, where the KPI turns red (for band, the tolerance around the target). Default: 10 % from the target (5 % for band).
 * @param [polarity] higher (the default), lower, or band.
 * @param [tolerance] The distance from the target to the red flag as a fraction of the target (15 % or 0.15), where no threshold is given.
 * @returns The score, 0 to 10.
 */
export function score(
  actual: unknown,
  target: unknown,
  threshold?: unknown,
  polarity?: unknown,
  tolerance?: unknown,
): number | string {
  return answer(() => scoreArguments({ actual, target, threshold, polarity, tolerance }).score ?? NO_DATA);
}

/**
 * A KPI's status in words, as the Scorecard sheet says it: On target, Watch, Off target or No data.
 * @customfunction STATUS
 * @param actual The KPI's actual.
 * @param target The KPI's target.
 * @param [threshold] The red flag, where the KPI turns red (for band, the tolerance around the target). Default: 10 % from the target (5 % for band).
 * @param [polarity] higher (the default), lower, or band.
 * @param [tolerance] The distance from the target to the red flag as a fraction of the target (15 % or 0.15), where no threshold is given.
 * @returns On target, Watch, Off target or No data.
 */
export function status(
  actual: unknown,
  target: unknown,
  threshold?: unknown,
  polarity?: unknown,
  tolerance?: unknown,
): string {
  return answer(
    () => STATUS_MEANINGS[scoreArguments({ actual, target, threshold, polarity, tolerance }).status],
  );
}

/**
 * The weighted average of scores, as the scorecard rolls KPIs up: empty cells and no-data scores are left out.
 * Empty when no score counts.
 * @customfunction ROLLUP
 * @param scores Scores from 0 to 10 (BSC.SCORE's).
 * @param [weights] One weight for each score (0 leaves it out). Default: 1 each.
 * @returns The rolled-up score, 0 to 10.
 */
export function rollup(scores: unknown[][], weights?: unknown[][]): number | string {
  return answer(() => rollUpArguments(scores, weights).score ?? NO_DATA);
}

let cache: ScorecardCache | null = null;

/** One reading of the workbook for every BSC.KPI cell, dropped when the add-in writes the workbook. */
function workbookScorecard(): ScorecardCache {
  if (cache === null) {
    const kept = new ScorecardCache(() => readWorkbookScorecard(new OfficeWorkbook()));
    onWorkbookWritten(() => kept.invalidate());
    cache = kept;
  }
  return cache;
}

/**
 * A KPI of this workbook's scorecard: its score, status, actual, target or trend. Recalculated after every refresh.
 * @customfunction KPI
 * @volatile
 * @param name The KPI's name.
 * @param [field] score (the default), status, actual, target or trend.
 * @param [period] The period, as 2026-06 or a date. Default: the scorecard's scored period.
 * @param [entity] The entity (site, department) whose KPI it is. Default: all entities together.
 * @returns The field's value; empty for no data.
 */
export async function kpi(
  name: unknown,
  field?: unknown,
  period?: unknown,
  entity?: unknown,
): Promise<number | string> {
  if (!hostSupports("SharedRuntime", "1.1"))
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.notAvailable,
      "BSC.KPI reads the workbook through the add-in's shared runtime, which this version of Excel lacks (SharedRuntime 1.1).",
    );
  let scorecard: WorkbookScorecard;
  try {
    scorecard = await workbookScorecard().scorecard();
  } catch (error) {
    // Excel refused a request (the workbook busy, a sheet protected): said, and tried again next time.
    const reason = error instanceof Error ? error.message : String(error);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.notAvailable,
      `Excel could not read the workbook for BSC.KPI: ${reason.replace(/\.$/, "")}.`,
    );
  }
  return answer(() => kpiValue(scorecard, { name, field, period, entity }));
}
