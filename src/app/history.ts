/**
 * A scorecard's history: the engine scores one period at a time, so the last periods are each
 * scored on their own, exactly as choosing that period in the pane would score them. Pure.
 */
import type { KpiResult, ScorecardResult } from "../engine/evaluate";
import { evaluateScorecard } from "../engine/evaluate";
import { parsePeriodText, periodFromOrdinal, periodKey, periodOrdinal } from "../engine/periods";
import type { Status } from "../engine/types";
import type { ScorecardModel } from "../model/scorecard";
import { kpiKey } from "../model/scorecard";

/** How many periods a trend shows: a year of months. */
export const HISTORY_PERIODS = 12;

export interface PeriodScorecard {
  /** "2026-06", "2026-Q2", "2026". */
  readonly period: string;
  readonly result: ScorecardResult;
}

/**
 * The scorecard of each of the last `count` periods that hold data, up to and including
 * `through` (the scored period), oldest first. Empty for a single-period table, or when
 * `through` is not one of the table's periods.
 */
export function scorecardHistory(
  model: ScorecardModel,
  through: string | null,
  count: number = HISTORY_PERIODS,
): PeriodScorecard[] {
  const last = through === null ? null : parsePeriodText(through);
  if (model.granularity === null || last === null || last.granularity !== model.granularity) return [];
  const end = periodOrdinal(last);
  const present = new Set<number>();
  for (const kpi of model.kpis)
    for (const o of kpi.observations) if (o.period) present.add(periodOrdinal(o.period));
  const periods = [...present]
    .filter((ord) => ord <= end)
    .sort((a, b) => a - b)
    .slice(-count);
  const history: PeriodScorecard[] = [];
  for (const ord of periods) {
    const period = periodKey(periodFromOrdinal(model.granularity, ord));
    const evaluation = evaluateScorecard(model, { period });
    if (evaluation.ok) history.push({ period, result: evaluation.result });
  }
  return history;
}

/** One KPI in one period: what a trend chart or a sparkline plots. */
export interface KpiPoint {
  readonly period: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly status: Status;
  readonly score: number | null;
}

/** The KPI results of a scorecard (the consolidated ones), keyed by kpiKey(perspective, objective, name). */
function kpiResults(result: ScorecardResult): Map<string, KpiResult> {
  const byKey = new Map<string, KpiResult>();
  for (const p of result.perspectives)
    for (const o of p.objectives)
      for (const k of o.kpis) byKey.set(kpiKey(k.kpi.perspective, k.kpi.objective, k.kpi.name), k);
  return byKey;
}

/**
 * Each KPI's points across the history, keyed by kpiKey(perspective, objective, name): a point
 * for every period of the history, with nulls and "none" where the KPI has no result then.
 */
export function kpiHistories(history: readonly PeriodScorecard[]): Map<string, KpiPoint[]> {
  const perPeriod = history.map((h) => ({ period: h.period, results: kpiResults(h.result) }));
  const keys = new Set<string>();
  for (const p of perPeriod) for (const key of p.results.keys()) keys.add(key);
  const series = new Map<string, KpiPoint[]>();
  for (const key of keys)
    series.set(
      key,
      perPeriod.map(({ period, results }) => {
        const k = results.get(key);
        return {
          period,
          actual: k?.actual ?? null,
          target: k?.target ?? null,
          status: k?.status ?? "none",
          score: k?.score ?? null,
        };
      }),
    );
  return series;
}
