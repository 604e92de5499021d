/**
 * What the pane draws beside each KPI from the scorecard's history (history.ts): the points of
 * the scorecard it shows (consolidated, or one entity's), which way the value moved into the
 * scored period, and the periods a user can choose. Pure.
 */
import { parsePeriodText, periodKey, periodOrdinal, previousPeriod } from "../engine/periods";
import type { KpiModel, ScorecardModel } from "../model/scorecard";
import { kpiKey } from "../model/scorecard";
import { kpiHistories, type KpiPoint, type PeriodScorecard } from "./history";

/** Which way the value went from the period before to the scored one, whatever its polarity. */
export type Direction = "rose" | "fell" | "same" | "none";

/** Every period some KPI has a row for, in order: what the period picker offers. */
export function periodsOf(model: ScorecardModel): string[] {
  const byOrdinal = new Map<number, string>();
  for (const kpi of model.kpis)
    for (const o of kpi.observations)
      if (o.period) byOrdinal.set(periodOrdinal(o.period), periodKey(o.period));
  return [...byOrdinal.entries()].sort(([a], [b]) => a - b).map(([, key]) => key);
}

/** Each KPI's points across the history (history.ts) for the scorecard shown, keyed by kpiKey. */
export function pointsOf(history: readonly PeriodScorecard[], entity: string): Map<string, KpiPoint[]> {
  if (entity === "") return kpiHistories(history);
  return kpiHistories(
    history.map(({ period, result }) => ({
      period,
      result: { ...result, perspectives: result.entities.find((e) => e.name === entity)?.perspectives ?? [] },
    })),
  );
}

const RELATIVE_EQUALITY = 1e-9;

/**
 * The raw actual of the scored period against the period before's (the comparison the engine's
 * trend makes), as a direction: a rising expense rose, though its trend is "worse".
 */
export function directionOf(kpi: KpiModel | undefined, scored: string | null): Direction {
  const period = scored === null ? null : parsePeriodText(scored);
  if (!kpi || !period) return "none";
  const actualIn = (ordinal: number): number | null => {
    const o = kpi.observations.find((x) => x.period && periodOrdinal(x.period) === ordinal);
    return o?.actual.kind === "number" ? o.actual.value : null;
  };
  const now = actualIn(periodOrdinal(period));
  const before = actualIn(periodOrdinal(previousPeriod(period)));
  if (now === null || before === null) return "none";
  if (Math.abs(now - before) <= RELATIVE_EQUALITY * Math.max(Math.abs(now), Math.abs(before))) return "same";
  return now > before ? "rose" : "fell";
}

/**
 * The model of each KPI of the scorecard shown, keyed by kpiKey: the entity's own row, or for the
 * consolidated scorecard the KPI without entity (or its first entity's, for its number format).
 */
export function kpiModelsOf(model: ScorecardModel, entity: string): Map<string, KpiModel> {
  const byKey = new Map<string, KpiModel>();
  for (const kpi of model.kpis) {
    if (entity !== "" && kpi.entity !== entity) continue;
    const key = kpiKey(kpi.perspective, kpi.objective, kpi.name);
    if (!byKey.has(key) || kpi.entity === null) byKey.set(key, kpi);
  }
  return byKey;
}
