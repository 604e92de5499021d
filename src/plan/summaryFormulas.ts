import type { KpiResult } from "../engine/evaluate";
import { kpiInputs } from "../engine/evaluate";
import { parsePeriodText } from "../engine/periods";
import type { Aggregation, Polarity, RollupMethod } from "../engine/types";
import type { Observation } from "../model/scorecard";
import { columnLetters } from "../model/address";
import type { Status } from "../engine/types";
import type { StatusColours } from "./palette";
import { STATUS_MEANINGS } from "./palette";
import type { ConditionalFormatPlan, PlanCell } from "./plan";
import { PRODUCT_RULE_PREFIX } from "./plan";
import { areas } from "./trafficLights";
import {
  isNumberFormula,
  rollupScoreFormula,
  rollupStatusFormula,
  scoreFormula,
  statusConditions,
  statusWordFormula,
  storedAsText,
  thresholdFormula,
  worstStatusFormula,
  type ChildCells,
  type ThresholdInputs,
} from "./scoreFormulas";

/**
 * The Scorecard sheet's live cells (ADR 15): each KPI row's Actual, Target, Threshold or Tolerance,
 * Variance, Score and Status read the KPI's own cells on the user's table, and each objective,
 * perspective and the scorecard roll up the rows below, so that an edited actual moves every
 * figure above it with no add-in. The formulas come from scoreFormulas.ts, the traffic lights'
 * rules; which cells a KPI reads, from the engine's kpiInputs. Each caches the engine's value.
 */

/** The settings the formulas follow; absent, the sheet holds plain values. */
export interface LiveSettings {
  readonly fiscalYearStartMonth: number;
  readonly rollup: RollupMethod;
}

/** What a KPI row's formulas read, or why the row holds the values of this refresh. */
export type KpiSource =
  | {
      readonly live: true;
      readonly polarity: Polarity;
      readonly aggregation: Aggregation;
      /** The cells aggregated (one for a Last KPI), sheet-qualified. */
      readonly actual: readonly string[];
      readonly target: readonly string[];
      readonly threshold: ThresholdInputs;
    }
  | { readonly live: false; readonly why: string };

const fixed = (why: string): KpiSource => ({ live: false, why });

/** Excel refuses a formula of more than 8,192 characters: past this the row holds values. */
export const MAX_FORMULA_CHARS = 8000;
/** Why a KPI row holds values where its formulas would be longer than that. */
export const FORMULAS_TOO_LONG = "Its formulas would be longer than Excel takes";

/** The cells a KPI's figures come from, or why its row holds values. */
export function kpiSource(k: KpiResult, period: string | null, settings: LiveSettings): KpiSource {
  const { kpi } = k;
  if (kpi.polarity === null || kpi.aggregation === null)
    return fixed("Its direction or aggregation is not understood");
  if (k.cell === null || kpi.observations.some((o) => o.actualCell === ""))
    return fixed("The roll-up of its entities' scorecards");
  const scored = period === null ? null : parsePeriodText(period);
  const { current, reference, window } = kpiInputs(kpi, scored, settings.fiscalYearStartMonth);
  const rows: readonly Observation[] = window ?? (current ? [current] : []);
  if (rows.length === 0 || !reference)
    return fixed(period === null ? "No row to read" : `No row for ${period} to read`);
  const actual: string[] = [];
  const target: string[] = [];
  for (const o of rows) {
    if (!o.actualCell.includes("!")) return fixed("Its cells name no sheet");
    // A quarter's actual summed from its months (periodSums.ts): no one cell holds it.
    if (o.actualCell.includes(":")) return fixed("Its actual is the sum of several cells");
    if (storedAsText(o.actual)) return fixed(`${o.actualCell} holds a number stored as text`);
    if (storedAsText(o.target)) return fixed(`${o.targetCell ?? o.actualCell} holds a number stored as text`);
    actual.push(o.actualCell);
    if (o.targetCell !== null) target.push(o.targetCell);
    else if (o.target.kind !== "blank") return fixed("Its target has no cell of its own");
  }
  let threshold: ThresholdInputs;
  if (kpi.thresholdOverride !== null)
    threshold = { threshold: { fixed: kpi.thresholdOverride }, tolerance: null };
  else if (kpi.toleranceOverride !== null)
    threshold = { threshold: null, tolerance: { fixed: kpi.toleranceOverride } };
  else {
    for (const [reading, cell] of [
      [reference.threshold, reference.thresholdCell],
      [reference.tolerance, reference.toleranceCell],
    ] as const) {
      if (storedAsText(reading)) return fixed(`${cell ?? "A cell"} holds a number stored as text`);
      if (cell === null && reading.kind !== "blank") return fixed("Its threshold has no cell of its own");
    }
    threshold = {
      threshold: reference.thresholdCell === null ? null : { cell: reference.thresholdCell },
      tolerance: reference.toleranceCell === null ? null : { cell: reference.toleranceCell },
    };
  }
  return { live: true, polarity: kpi.polarity, aggregation: kpi.aggregation, actual, target, threshold };
}

/** Where numbers are a sum's or a minimum's terms, a cell that holds none stands for this. */
const NOT_A_MINIMUM = "9.99*10^307";

/**
 * A KPI's actual or target from its cells: the one cell's number (Last), or the fiscal year to
 * date's numbers aggregated, blanks, texts and errors left out as the engine leaves them; "" where
 * there is none.
 */
function aggregateFormula(aggregation: Aggregation, cells: readonly string[]): string {
  const only = cells[0];
  if (only === undefined) return `""`;
  if (aggregation === "last" || cells.length === 1) return `IF(${isNumberFormula(only)},${only},"")`;
  const count = `SUM(${cells.map((c) => `IF(${isNumberFormula(c)},1,0)`).join(",")})`;
  const terms = (other: string) => cells.map((c) => `IF(${isNumberFormula(c)},${c},${other})`).join(",");
  const value =
    aggregation === "sum"
      ? `SUM(${terms("0")})`
      : aggregation === "average"
        ? `SUM(${terms("0")})/${count}`
        : aggregation === "min"
          ? `MIN(${terms(NOT_A_MINIMUM)})`
          : `MAX(${terms(`-${NOT_A_MINIMUM}`)})`;
  return `IF(${count}=0,"",${value})`;
}

/** A KPI row's cells on the Scorecard sheet, as its formulas name them. */
export interface KpiRowCells {
  readonly actual: string;
  readonly target: string;
  readonly limit: string;
  readonly score: string;
}

/**
 * The formulas of a live KPI row, by the column they go in; undefined where one would be longer
 * than Excel takes (a Sum over a year of weeks in long sheet names): the row then holds values.
 */
export function kpiRowFormulas(
  source: Extract<KpiSource, { live: true }>,
  at: KpiRowCells,
):
  | { actual: string; target: string; limit: string; variance: string; score: string; status: string }
  | undefined {
  const { polarity: p } = source;
  const { actual: A, target: T, limit: R, score: S } = at;
  const both = `AND(ISNUMBER(${A}),ISNUMBER(${T}))`;
  const formulas = {
    actual: aggregateFormula(source.aggregation, source.actual),
    target: aggregateFormula(source.aggregation, source.target),
    limit: `IF(${both},${thresholdFormula(p, T, source.threshold)},"")`,
    variance: `IF(${both},${A}-${T},"")`,
    score: `IF(AND(${both},ISNUMBER(${R})),IF(${statusConditions(p, A, T, R).valid},${scoreFormula(p, A, T, R)},""),"")`,
    status: `IF(ISNUMBER(${S}),${statusWordFormula(p, A, T, R)},"${STATUS_MEANINGS.none}")`,
  };
  return Object.values(formulas).every((f) => f.length <= MAX_FORMULA_CHARS) ? formulas : undefined;
}

/**
 * The headline's "12 On target", "3 Watch", "1 Off target", "2 No data": the KPI rows of each status,
 * told from the roll-up rows by their Trend cell (every KPI row has one, "–" at least), over the
 * table's Status and Trend cells.
 */
/** How many KPI rows of a status: COUNTIFS over Status cells whose Trend cell is filled (only KPI rows have one). */
export const statusCountFormula = (status: Status, statusRange: string, trendRange: string): string =>
  `COUNTIFS(${statusRange},"${STATUS_MEANINGS[status]}",${trendRange},"<>")`;

export function kpiStatusCounts(
  firstStatus: string,
  lastStatus: string,
  firstTrend: string,
  lastTrend: string,
): string[] {
  const range = (first: string, last: string) => `${first}:${last}`;
  return (["green", "amber", "red", "none"] as const).map(
    (s) =>
      `${statusCountFormula(s, range(firstStatus, lastStatus), range(firstTrend, lastTrend))}&" ${STATUS_MEANINGS[s]}"`,
  );
}

/** A roll-up row's score and status formulas over its children's rows. */
/**
 * A roll-up row's score and status formulas over its children's rows; undefined where a formula
 * would be longer than Excel takes (a parent of some 80 children or more): that row holds values.
 */
export function rollupFormulas(
  method: RollupMethod,
  score: string,
  children: readonly ChildCells[],
): { score: string; status: string } | undefined {
  const formulas = {
    score: rollupScoreFormula(method, children),
    status: method === "worst" ? worstStatusFormula(score, children) : rollupStatusFormula(score),
  };
  return formulas.score.length > MAX_FORMULA_CHARS || formulas.status.length > MAX_FORMULA_CHARS
    ? undefined
    : formulas;
}

/**
 * The live status cells' colours: a rule per status word over the sheet's status formulas (the
 * overall status and the Status column), so that a word a recalculation changes takes its colour
 * with it. Each rule reads its own cell, relative to the top of its column's cells; the product's
 * marker lets a refresh find them (a product sheet's rules go with the sheet in any case).
 */
export function statusColourRules(
  sheet: string,
  cells: readonly PlanCell[],
  colours: Readonly<Record<Status, StatusColours>>,
): ConditionalFormatPlan[] {
  const words = new Set(Object.values(STATUS_MEANINGS));
  const rowsByColumn = new Map<number, number[]>();
  for (const c of cells) {
    if (c.formula === undefined || typeof c.value !== "string" || !words.has(c.value)) continue;
    rowsByColumn.set(c.col, [...(rowsByColumn.get(c.col) ?? []), c.row]);
  }
  const plans: ConditionalFormatPlan[] = [];
  for (const [col, rows] of [...rowsByColumn].sort((a, b) => a[0] - b[0])) {
    const anchor = `${columnLetters(col)}${rows.reduce((a, b) => Math.min(a, b))}`;
    plans.push({
      sheet,
      ranges: areas(col, rows),
      rules: (["green", "amber", "red", "none"] as const).map((status) => ({
        status,
        formula: `${PRODUCT_RULE_PREFIX}${anchor}="${STATUS_MEANINGS[status]}")`,
        ...colours[status],
      })),
    });
  }
  return plans;
}
