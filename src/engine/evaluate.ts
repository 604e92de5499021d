import type { KpiModel, Observation, ScorecardModel } from "../model/scorecard";
import { kpiKey, objectiveKey } from "../model/scorecard";
import { observationWith } from "../model/drafts";
import type { NumberReading } from "../model/values";
import { aggregate } from "./aggregate";
import { followUpsOf, type FollowUpResult } from "./followUp";
import { issue, type Issue } from "./issues";
import { scoreKpi } from "./kpi";
import type { Period } from "./periods";
import {
  fiscalYearStart,
  parsePeriodText,
  periodFromOrdinal,
  periodKey,
  periodOrdinal,
  previousPeriod,
} from "./periods";
import { rollUp } from "./rollup";
import type { Polarity, Scored, ThresholdSpec, Trend } from "./types";
import { trendOf } from "./trend";

export interface KpiResult extends Scored {
  readonly kpi: KpiModel;
  /** The actual's cell in the scored period. */
  readonly cell: string | null;
  readonly actual: number | null;
  readonly target: number | null;
  /** The red flag (or band tolerance g) the status was judged by. */
  readonly threshold: number | null;
  readonly variance: number | null;
  readonly trend: Trend;
}

export interface ObjectiveResult extends Scored {
  readonly name: string;
  readonly weight: number;
  readonly owner: string;
  readonly kpis: readonly KpiResult[];
}

export interface PerspectiveResult extends Scored {
  readonly name: string;
  readonly weight: number;
  readonly objectives: readonly ObjectiveResult[];
}

/** The scorecard of one entity (site, department…) of a table with an Entity column. */
export interface EntityResult extends Scored {
  readonly name: string;
  readonly perspectives: readonly PerspectiveResult[];
}

export interface ScorecardResult extends Scored {
  /** The scored period ("2026-06"), or null for a single-period scorecard. */
  readonly period: string | null;
  /** With entities: the consolidated scorecard, each KPI the roll-up of the entities' results. */
  readonly perspectives: readonly PerspectiveResult[];
  readonly issues: readonly Issue[];
  /** One scorecard per entity, in order of first appearance; empty without an Entity column. */
  readonly entities: readonly EntityResult[];
  /**
   * The scored period's commentary (per KPI and objective: analysis, actions), the red and amber
   * KPIs without an analysis, and the initiatives with their flags (followUp.ts).
   */
  readonly followUps?: FollowUpResult;
}

export type Evaluation =
  { readonly ok: true; readonly result: ScorecardResult } | { readonly ok: false; readonly fatal: Issue };

export interface EvaluateOptions {
  /** The period to score, overriding the stored setting ("2026-06"). */
  readonly period?: string | undefined;
  /** The day of the run ("2026-12-07"), against which actions and initiatives are late; absent: none is. */
  readonly today?: string | undefined;
}

/** The scored period: the chosen one, else the latest in which any KPI has an actual. */
function chooseScoredPeriod(model: ScorecardModel, chosen: string | null): Period | Issue | null {
  if (model.granularity === null) return null;
  const present = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  let latestWithActual = -Infinity;
  for (const kpi of model.kpis) {
    for (const o of kpi.observations) {
      if (!o.period) continue;
      const ord = periodOrdinal(o.period);
      present.add(ord);
      first = Math.min(first, ord);
      last = Math.max(last, ord);
      if (o.actual.kind === "number") latestWithActual = Math.max(latestWithActual, ord);
    }
  }
  if (present.size === 0) return null;
  if (chosen !== null) {
    const parsed = parsePeriodText(chosen);
    if (parsed && parsed.granularity === model.granularity && present.has(periodOrdinal(parsed)))
      return parsed;
    const range = `${periodKey(periodFromOrdinal(model.granularity, first))} to ${periodKey(periodFromOrdinal(model.granularity, last))}`;
    return issue("period-not-found", null, { period: chosen, range });
  }
  return periodFromOrdinal(model.granularity, latestWithActual > -Infinity ? latestWithActual : last);
}

interface KpiContext {
  readonly scored: Period | null;
  readonly fiscalYearStartMonth: number;
  readonly issues: Issue[];
}

/** The KPI as an issue names it: with entities, whose it is, so that each entity's warning is told apart. */
const named = (kpi: KpiModel): { kpi: string; entity?: string } =>
  kpi.entity === null ? { kpi: kpi.name } : { kpi: kpi.name, entity: kpi.entity };

const periodOf = (o: Observation): number => (o.period ? periodOrdinal(o.period) : 0);

/** A number from a reading, or null with the issue that explains why. */
function usableNumber(
  reading: NumberReading,
  cell: string | null,
  kpi: { kpi: string; entity?: string },
  which: "actual" | "target",
  period: string,
  issues: Issue[],
): number | null {
  switch (reading.kind) {
    case "number":
      if (reading.fromText !== undefined) {
        issues.push(issue("number-stored-as-text", cell, { value: reading.fromText, number: reading.value }));
      }
      return reading.value;
    case "blank":
      issues.push(issue(which === "actual" ? "no-actual" : "no-target", cell, { ...kpi, period }));
      return null;
    case "text":
      issues.push(
        issue(which === "actual" ? "actual-not-numeric" : "target-not-numeric", cell, {
          ...kpi,
          value: reading.text,
        }),
      );
      return null;
    case "error":
      issues.push(
        issue(which === "actual" ? "actual-error" : "target-error", cell, { ...kpi, value: reading.code }),
      );
      return null;
  }
}

/** The threshold a KPI is judged by, from its overrides or its row; null when it is unusable. */
function thresholdSpecOf(kpi: KpiModel, o: Observation | undefined, issues: Issue[]): ThresholdSpec | null {
  if (kpi.thresholdOverride !== null) return { kind: "absolute", value: kpi.thresholdOverride };
  if (kpi.toleranceOverride !== null) return { kind: "tolerance", fraction: kpi.toleranceOverride };
  if (!o) return { kind: "default" };
  const { threshold, tolerance } = o;
  if (threshold.kind === "text" || threshold.kind === "error") {
    const value = threshold.kind === "text" ? threshold.text : threshold.code;
    issues.push(issue("threshold-not-numeric", o.thresholdCell, { ...named(kpi), value }));
    return null;
  }
  if (threshold.kind === "number") {
    if (tolerance.kind !== "blank")
      issues.push(issue("threshold-and-tolerance", o.thresholdCell, named(kpi)));
    return { kind: "absolute", value: threshold.value };
  }
  if (tolerance.kind === "text" || tolerance.kind === "error") {
    const value = tolerance.kind === "text" ? tolerance.text : tolerance.code;
    issues.push(issue("tolerance-not-numeric", o.toleranceCell, { ...named(kpi), value }));
    return null;
  }
  if (tolerance.kind === "number") {
    if (tolerance.value < 0) {
      issues.push(issue("tolerance-negative", o.toleranceCell, { ...named(kpi), value: tolerance.value }));
      return null;
    }
    if (tolerance.value > 1) {
      const fraction = tolerance.value / 100;
      issues.push(
        issue("tolerance-as-percent", o.toleranceCell, { ...named(kpi), value: tolerance.value, fraction }),
      );
      return { kind: "tolerance", fraction };
    }
    return { kind: "tolerance", fraction: tolerance.value };
  }
  return { kind: "default" };
}

const WRONG_SIDE_RULE: Readonly<Record<Polarity, string>> = {
  higher: "it must not be above the target",
  lower: "it must not be below the target",
  band: "the tolerance must not be negative",
};

function numberOrNull(r: NumberReading): number | null {
  return r.kind === "number" ? r.value : null;
}

/** The rows a KPI's result reads: see kpiInputs. */
export interface KpiInputs {
  /** Its row in the scored period (or its only row), if any. */
  readonly current: Observation | undefined;
  /** The row whose threshold, tolerance and cells the result takes: the current one, else the latest before. */
  readonly reference: Observation | undefined;
  /** The rows aggregated (Sum, Average, Min, Max): the fiscal year to date; null for a Last KPI. */
  readonly window: readonly Observation[] | null;
}

/**
 * The rows a KPI's result for the scored period reads (SCORING.md, "Periods"): the engine's and the
 * Scorecard sheet's formulas' one rule for which cells a KPI's numbers come from.
 */
export function kpiInputs(kpi: KpiModel, scored: Period | null, fiscalYearStartMonth: number): KpiInputs {
  const scoredOrd = scored ? periodOrdinal(scored) : 0;
  const current = kpi.observations.find((o) => o.period === null || periodOf(o) === scoredOrd);
  const upToScored = kpi.observations.filter((o) => o.period === null || periodOf(o) <= scoredOrd);
  const reference = current ?? upToScored[upToScored.length - 1] ?? kpi.observations[0];
  if ((kpi.aggregation ?? "last") === "last" || !scored) return { current, reference, window: null };
  const startOrd = periodOrdinal(fiscalYearStart(scored, fiscalYearStartMonth));
  return { current, reference, window: upToScored.filter((o) => periodOf(o) >= startOrd) };
}

function evaluateKpi(kpi: KpiModel, ctx: KpiContext): KpiResult {
  const { scored, issues } = ctx;
  const { current, reference, window } = kpiInputs(kpi, scored, ctx.fiscalYearStartMonth);
  /** The KPI's result: no data unless `extra` says otherwise. */
  const result = (extra: Partial<KpiResult> = {}): KpiResult => ({
    kpi,
    cell: reference?.actualCell ?? null,
    actual: null,
    target: null,
    threshold: null,
    variance: null,
    trend: "none",
    status: "none",
    score: null,
    ...extra,
  });
  const periodText = scored ? periodKey(scored) : "";

  let trend: Trend = "none";
  if (current && scored && kpi.polarity) {
    const before = kpi.observations.find(
      (o) => o.period && periodOf(o) === periodOrdinal(previousPeriod(scored)),
    );
    if (before) {
      trend = trendOf(
        kpi.polarity,
        { actual: numberOrNull(current.actual), target: numberOrNull(current.target) },
        { actual: numberOrNull(before.actual), target: numberOrNull(before.target) },
      );
    }
  }

  let actual: number | null;
  let target: number | null;
  const aggregation = kpi.aggregation ?? "last";
  if (window === null) {
    if (!current) {
      if (reference)
        issues.push(issue("no-row-in-period", reference.actualCell, { ...named(kpi), period: periodText }));
      return result();
    }
    actual = usableNumber(current.actual, current.actualCell, named(kpi), "actual", periodText, issues);
    // A KPI with no target cell at all (a wide table without its Target row) is named at its actual.
    const targetCell = current.targetCell ?? current.actualCell;
    target = usableNumber(current.target, targetCell, named(kpi), "target", periodText, issues);
  } else {
    const collect = (which: "actual" | "target"): number[] => {
      const values: number[] = [];
      for (const o of window) {
        const reading = o[which];
        if (reading.kind === "blank") continue;
        const cell = which === "actual" ? o.actualCell : (o.targetCell ?? o.actualCell);
        const n = usableNumber(reading, cell, named(kpi), which, o.period ? periodKey(o.period) : "", issues);
        if (n !== null) values.push(n);
      }
      return values;
    };
    actual = aggregate(aggregation, collect("actual"));
    target = aggregate(aggregation, collect("target"));
    const cell = reference?.actualCell ?? null;
    if (actual === null) issues.push(issue("no-actual", cell, { ...named(kpi), period: periodText }));
    if (target === null)
      issues.push(issue("no-target", reference?.targetCell ?? cell, { ...named(kpi), period: periodText }));
  }

  const spec = thresholdSpecOf(kpi, reference, issues);
  const variance = actual !== null && target !== null ? actual - target : null;
  const shown = {
    actual,
    target,
    trend,
    variance: variance !== null && Number.isFinite(variance) ? variance : null,
  };
  if (
    actual === null ||
    target === null ||
    spec === null ||
    kpi.polarity === null ||
    kpi.aggregation === null
  ) {
    return result(shown);
  }
  const scoring = scoreKpi(actual, target, kpi.polarity, spec);
  // Numbers near ±1.8e308 overflow once subtracted: no cell may show Infinity or NaN.
  const overflow =
    !Number.isFinite(scoring.threshold) ||
    (scoring.ok && !Number.isFinite(scoring.score)) ||
    shown.variance !== variance;
  if (overflow) {
    issues.push(issue("number-out-of-range", reference?.actualCell ?? null, named(kpi)));
    return result(shown);
  }
  if (!scoring.ok) {
    issues.push(
      issue(
        "threshold-wrong-side",
        reference?.thresholdCell ?? reference?.toleranceCell ?? reference?.actualCell ?? null,
        {
          ...named(kpi),
          threshold: scoring.threshold,
          target,
          polarity: kpi.polarity,
          rule: WRONG_SIDE_RULE[kpi.polarity],
        },
      ),
    );
    return result({ ...shown, threshold: scoring.threshold });
  }
  return result({ ...shown, threshold: scoring.threshold, status: scoring.status, score: scoring.score });
}

/**
 * One row of a KPI judged on its own, as if its period were scored and the KPI aggregated "Last":
 * the status its traffic light must show. A KPI the engine cannot score (unknown polarity or
 * aggregation) has no status on any row.
 */
export function scoreRow(kpi: KpiModel, row: Observation): KpiResult {
  const alone: KpiModel = {
    ...kpi,
    aggregation: kpi.aggregation === null ? null : "last",
    // A copy, not a spread: a long table's row reads its numbers on its prototype.
    observations: [observationWith(row, { period: null })],
  };
  return evaluateKpi(alone, { scored: null, fiscalYearStartMonth: 1, issues: [] });
}

/** SCORING.md applied to a whole scorecard: KPI results, trends, and the roll-ups above them. */
export function evaluateScorecard(model: ScorecardModel, options: EvaluateOptions = {}): Evaluation {
  const chosen = options.period ?? model.settings.scoredPeriod;
  const scored = chooseScoredPeriod(model, chosen);
  if (scored && "code" in scored) return { ok: false, fatal: scored };
  const issues: Issue[] = [...model.issues];
  const ctx: KpiContext = { scored, fiscalYearStartMonth: model.settings.fiscalYearStartMonth, issues };
  const method = model.settings.rollup;
  const evaluated = new Map(model.kpis.map((k) => [k, evaluateKpi(k, ctx)]));
  const resultsOf = (kpis: readonly KpiModel[]) => kpis.map((k) => evaluated.get(k) as KpiResult);

  // One scorecard per entity, and the consolidated one: each KPI there the roll-up of the
  // entities' statuses and scores for it (SCORING.md's roll-up, each entity weighing 1). Without
  // entities the consolidated scorecard is simply every KPI's own result.
  const byEntity = groupBy(model.kpis, (k) => k.entity ?? "");
  const entities: EntityResult[] = model.entities.map((name) => ({
    name,
    ...rollUpTree(model, resultsOf(byEntity.get(name) ?? []), method, true),
  }));
  const byKey = groupBy(model.kpis, (k) => kpiKey(k.perspective, k.objective, k.name));
  const consolidated: KpiResult[] = [];
  for (const kpis of byKey.values()) {
    const results = resultsOf(kpis);
    consolidated.push(...results.filter((r) => r.kpi.entity === null));
    const ofEntities = results.filter((r) => r.kpi.entity !== null);
    const first = ofEntities[0];
    if (!first) continue;
    const rolled = rollUp(
      ofEntities.map((r) => ({ status: r.status, score: r.score, weight: 1 })),
      method,
    );
    // An entity without a row of the KPI (a unit's workbook that lacks it) reports none of it.
    const group = consolidatedSeries(ofEntities.map((r) => r.kpi).filter((k) => k.observations.length > 0));
    consolidated.push({
      kpi: { ...first.kpi, entity: null, observations: group },
      cell: null,
      actual: null,
      target: null,
      threshold: null,
      variance: null,
      trend: scored && first.kpi.polarity ? groupTrend(first.kpi.polarity, group, scored) : "none",
      ...rolled,
    });
  }
  const tree = rollUpTree(model, consolidated, method, false);
  const period = scored ? periodKey(scored) : null;
  const followUps = followUpsOf(model, { period, perspectives: tree.perspectives }, options.today ?? null);
  issues.push(...followUps.issues);
  return { ok: true, result: { period, ...tree, issues, entities, followUps } };
}

/**
 * A consolidated KPI's value in each period: the entities' values added up, as a group adds its
 * units' numbers, in the periods where every entity has an actual (a unit missing a month would
 * make the group's number fall for no reason). Its trend and movers are then judged as one
 * entity's are (docs/SCORING.md, Trend); its status stays the roll-up of the entities' statuses.
 */
function consolidatedSeries(kpis: readonly KpiModel[]): Observation[] {
  const byPeriod = new Map<
    number,
    { period: Period; actual: number; target: number | null; count: number }
  >();
  for (const kpi of kpis) {
    for (const o of kpi.observations) {
      if (!o.period || o.actual.kind !== "number") continue;
      const key = periodOrdinal(o.period);
      const sum = byPeriod.get(key) ?? { period: o.period, actual: 0, target: 0, count: 0 };
      sum.actual += o.actual.value;
      sum.target = o.target.kind === "number" && sum.target !== null ? sum.target + o.target.value : null;
      sum.count++;
      byPeriod.set(key, sum);
    }
  }
  const series: Observation[] = [];
  for (const [, sum] of [...byPeriod].sort((a, b) => a[0] - b[0])) {
    if (sum.count !== kpis.length) continue;
    series.push({
      period: sum.period,
      row: 0,
      actual: { kind: "number", value: sum.actual },
      actualCell: "",
      target: sum.target === null ? { kind: "blank" } : { kind: "number", value: sum.target },
      targetCell: null,
      threshold: { kind: "blank" },
      thresholdCell: null,
      tolerance: { kind: "blank" },
      toleranceCell: null,
      polarityText: null,
      polarityCell: null,
    });
  }
  return series;
}

function groupTrend(polarity: Polarity, series: readonly Observation[], scored: Period): Trend {
  const at = (ordinal: number) => series.find((o) => o.period && periodOrdinal(o.period) === ordinal);
  const now = at(periodOrdinal(scored));
  const before = at(periodOrdinal(previousPeriod(scored)));
  if (!now || !before) return "none";
  return trendOf(
    polarity,
    { actual: numberOrNull(now.actual), target: numberOrNull(now.target) },
    { actual: numberOrNull(before.actual), target: numberOrNull(before.target) },
  );
}

/** Objectives, perspectives and the whole scorecard rolled up from KPI results (SCORING.md). */
function rollUpTree(
  model: ScorecardModel,
  kpiResults: readonly KpiResult[],
  method: ScorecardModel["settings"]["rollup"],
  onlyWithKpis: boolean,
): Scored & { perspectives: PerspectiveResult[] } {
  // Grouped once: filtering every KPI for every objective is quadratic at 50,000 KPIs.
  const objectivesOf = groupBy(model.objectives, (o) => o.perspective);
  const resultsOf = groupBy(kpiResults, (r) => objectiveKey(r.kpi.perspective, r.kpi.objective));
  const perspectives: PerspectiveResult[] = [];
  for (const p of model.perspectives) {
    const objectives: ObjectiveResult[] = [];
    for (const o of objectivesOf.get(p.name) ?? []) {
      const kpis = resultsOf.get(objectiveKey(p.name, o.name)) ?? [];
      if (onlyWithKpis && kpis.length === 0) continue;
      const rolled = rollUp(
        kpis.map((r) => ({ status: r.status, score: r.score, weight: r.kpi.weight })),
        method,
      );
      objectives.push({ name: o.name, weight: o.weight, owner: o.owner, kpis, ...rolled });
    }
    if (onlyWithKpis && objectives.length === 0) continue;
    perspectives.push({ name: p.name, weight: p.weight, objectives, ...rollUp(objectives, method) });
  }
  return { perspectives, ...rollUp(perspectives, method) };
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
