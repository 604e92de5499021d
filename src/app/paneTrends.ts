/**
 * What the pane draws beside each KPI from the scorecard's history (history.ts): the points of
 * the scorecard it shows (consolidated, or one entity's), which way the value moved into the
 * scored period, and the periods a user can choose. Pure.
 */
import { parsePeriodText, periodKey, periodOrdinal, previousPeriod } from "../engine/periods";
import type { KpiModel, ScorecardModel } from "../model/scorecard";
import { kpiKey } from "../model/scorecard";
import { evaluateScorecard } from "../engine/evaluate";
import { kpiHistories, type KpiPoint, type PeriodScorecard } from "./history";

/** Which way the value went from the period before to the scored one, whatever its polarity. */
export type Direction = "rose" | "fell" | "same" | "none";

/**
 * Every period some KPI has a row for, in calendar order; with `withData`, only those where some
 * KPI has an actual: what the period picker offers (a month of empty rows would show all "No data").
 */
export function periodsOf(model: ScorecardModel, withData = false): string[] {
  const byOrdinal = new Map<number, string>();
  for (const kpi of model.kpis)
    for (const o of kpi.observations)
      if (o.period && (!withData || o.actual.kind === "number"))
        byOrdinal.set(periodOrdinal(o.period), periodKey(o.period));
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

/** The last `count` periods up to the scored one, oldest first: the window a sparkline spans. */
export function historyWindow(periods: readonly string[], scored: string | null, count: number): string[] {
  const end = scored === null ? -1 : periods.indexOf(scored);
  return end < 0 ? [] : periods.slice(Math.max(0, end + 1 - count), end + 1);
}

/** Every KPI model, grouped by kpiKey: one, or one per entity. */
export function kpiGroups(model: ScorecardModel): Map<string, KpiModel[]> {
  const groups = new Map<string, KpiModel[]>();
  for (const kpi of model.kpis) {
    const key = kpiKey(kpi.perspective, kpi.objective, kpi.name);
    const group = groups.get(key);
    if (group) group.push(kpi);
    else groups.set(key, [kpi]);
  }
  return groups;
}

/**
 * One KPI's points over `periods`, for the scorecard shown: the KPI (all its entities' rows, for
 * the consolidated roll-up) scored alone in each period, which gives the result it has in the
 * whole scorecard, as a KPI's result depends only on its own rows. Scoring one KPI at a time lets
 * the pane draw only the rows it shows: the whole history of 5,000 KPIs takes seconds.
 */
export function kpiPoints(
  model: ScorecardModel,
  group: readonly KpiModel[],
  entity: string,
  periods: readonly string[],
): KpiPoint[] {
  const rows = entity === "" ? group : group.filter((k) => k.entity === entity);
  const first = rows[0];
  // Only the KPI's own objective and perspective: the roll-up of every other one, empty, would be
  // most of the work of each period's scoring.
  const alone: ScorecardModel = {
    ...model,
    kpis: rows,
    issues: [],
    perspectives: model.perspectives.filter((p) => p.name === first?.perspective),
    objectives: model.objectives.filter(
      (o) => o.perspective === first?.perspective && o.name === first?.objective,
    ),
  };
  const present = new Set(periodsOf(alone));
  const history = periods.flatMap((period) => {
    if (!present.has(period)) return [];
    const evaluation = evaluateScorecard(alone, { period });
    return evaluation.ok ? [{ period, result: evaluation.result }] : [];
  });
  const points = first
    ? pointsOf(history, entity).get(kpiKey(first.perspective, first.objective, first.name))
    : undefined;
  const byPeriod = new Map((points ?? []).map((p) => [p.period, p]));
  return periods.map(
    (period) => byPeriod.get(period) ?? { period, actual: null, target: null, status: "none", score: null },
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
