/**
 * The History sheet's rules: what a refresh records for its period, how a period's rows are
 * replaced (never once the period is published), and how a published period's values stand in
 * for the table's, each difference said as a restatement naming its cell. Pure.
 */
import type { KpiResult, PerspectiveResult, ScorecardResult } from "../engine/evaluate";
import { issue, type Issue } from "../engine/issues";
import { approxEqual } from "../engine/kpi";
import { parsePeriodText, periodKey, periodOrdinal } from "../engine/periods";
import type { Trend } from "../engine/types";
import type { Definition } from "../model/definition";
import { observationWith } from "../model/drafts";
import type { HistoryRow } from "../model/historySheet";
import type { KpiModel, Observation, ScorecardModel } from "../model/scorecard";
import type { NumberReading } from "../model/values";
import { STATUS_MEANINGS } from "../plan/palette";
import { formatByCell } from "./numberFormat";

export type PublishedPeriod = NonNullable<Definition["published"]>[number];

/** The issues that say a published value was restated: a changed cell, or a row gone. */
export const RESTATEMENT_CODES: ReadonlySet<string> = new Set(["restated", "restated-row-gone"]);
export const isRestatement = (i: { readonly code: string }): boolean => RESTATEMENT_CODES.has(i.code);

/** A time as the product's sheets show it: "2026-12-07 17:40:00 UTC". */
export const sheetTimestamp = (d: Date): string =>
  d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");

/** The time an ISO 8601 text names, as the sheets show it; the text itself where it names none. */
export const shownTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : sheetTimestamp(d);
};

const TREND_WORDS: Readonly<Record<Trend, string>> = {
  better: "Better",
  worse: "Worse",
  flat: "Flat",
  none: "",
};

/**
 * The rows a refresh records for its scored period: the scorecard, each perspective, objective
 * and KPI; with entities, the whole and then each entity's own. Nothing for a single-period table.
 */
export function periodRows(result: ScorecardResult, recordedAt: string): HistoryRow[] {
  const period = result.period;
  if (period === null) return [];
  const rows: HistoryRow[] = [];
  const analyses = analysisByItem(result);
  const analysisOf = (r: HistoryRow): HistoryRow => {
    const analysis = analyses.get(itemKey(r.perspective, r.objective, r.kpi, r.entity));
    return analysis ? { ...r, analysis } : r;
  };
  const blank = { perspective: "", objective: "", kpi: "", entity: "" };
  const none = { actual: null, target: null, threshold: null, trend: "", source: "", format: null };
  const common = { period, recorded: recordedAt, published: "", analysis: "" };
  const entities = result.entities.length > 0;
  const view = (
    entity: string,
    score: number | null,
    status: ScorecardResult["status"],
    perspectives: readonly PerspectiveResult[],
  ) => {
    rows.push({
      ...common,
      ...blank,
      ...none,
      level: "Scorecard",
      entity,
      score,
      status: STATUS_MEANINGS[status],
    });
    for (const p of perspectives) {
      const at = { ...blank, entity, perspective: p.name };
      rows.push({
        ...common,
        ...at,
        ...none,
        level: "Perspective",
        score: p.score,
        status: STATUS_MEANINGS[p.status],
      });
      for (const o of p.objectives) {
        const inObjective = { ...at, objective: o.name };
        rows.push({
          ...common,
          ...inObjective,
          ...none,
          level: "Objective",
          score: o.score,
          status: STATUS_MEANINGS[o.status],
        });
        for (const k of o.kpis)
          rows.push(kpiRow(k, { ...common, ...inObjective }, entities && entity === ""));
      }
    }
  };
  view("", result.score, result.status, result.perspectives);
  for (const e of result.entities) view(e.name, e.score, e.status, e.perspectives);
  return analyses.size ? rows.map(analysisOf) : rows;
}

/** A History row's item: its KPI (or objective, kpi "") and entity ("" for the whole). */
const itemKey = (perspective: string, objective: string, kpi: string, entity: string): string =>
  [perspective, objective, kpi, entity].join("\u0000");

/**
 * The period's commentary as the History keeps it, by KPI (or objective) and entity: the analysis,
 * then each action with its owner and due day, one to a line.
 */
function analysisByItem(result: ScorecardResult): Map<string, string> {
  const byItem = new Map<string, string>();
  for (const c of result.followUps?.commentary ?? []) {
    const actions = c.actions.map(
      (a) =>
        `Action: ${a.text}${a.owner ? ` (${a.owner}` : ""}${a.due ? `${a.owner ? ", " : " ("}due ${a.due}` : ""}${a.owner || a.due ? ")" : ""}${a.done ? ", done" : ""}`,
    );
    const text = [c.analysis, ...actions].filter((line) => line !== "").join("\n");
    if (text) byItem.set(itemKey(c.perspective, c.objective, c.kpi ?? "", c.entity ?? ""), text);
  }
  return byItem;
}

function kpiRow(
  k: KpiResult,
  at: Pick<
    HistoryRow,
    "period" | "recorded" | "published" | "analysis" | "perspective" | "objective" | "entity"
  >,
  rolledUp: boolean,
): HistoryRow {
  return {
    ...at,
    level: "KPI",
    kpi: k.kpi.name,
    actual: k.actual,
    target: k.target,
    threshold: k.threshold,
    score: k.score,
    status: STATUS_MEANINGS[k.status],
    trend: TREND_WORDS[k.trend],
    // The whole's KPI is the entities' roll-up: no one cell holds it.
    source: rolledUp ? "" : (k.cell ?? ""),
    format: k.kpi.numberFormat,
  };
}

const periodSort = (a: string, b: string): number => {
  const pa = parsePeriodText(a);
  const pb = parsePeriodText(b);
  if (pa && pb && pa.granularity === pb.granularity) return periodOrdinal(pa) - periodOrdinal(pb);
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The published periods' keys ("2026-11"), as the definition lists them. */
export const publishedSet = (published: readonly PublishedPeriod[] | undefined): Set<string> =>
  new Set((published ?? []).map((p) => p.period));

/**
 * The History after a refresh: the rows of every other period kept as they were, `period`'s
 * replaced by `fresh` unless the period is published (its rows are then kept whole), in period
 * order; the Published column said again from the definition's list.
 */
export function mergeHistory(
  existing: readonly HistoryRow[],
  fresh: readonly HistoryRow[],
  published: readonly PublishedPeriod[] | undefined,
): HistoryRow[] {
  const frozen = publishedSet(published);
  const replaced = new Set(fresh.map((r) => r.period).filter((p) => !frozen.has(p)));
  const kept = existing.filter((r) => !replaced.has(r.period));
  const rows = [...kept, ...fresh.filter((r) => replaced.has(r.period))];
  const order = [...new Set(rows.map((r) => r.period))].sort(periodSort);
  const rank = new Map(order.map((p, i) => [p, i]));
  const at = new Map((published ?? []).map((p) => [p.period, shownTime(p.at)]));
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (rank.get(x.r.period) ?? 0) - (rank.get(y.r.period) ?? 0) || x.i - y.i)
    .map(({ r }) => ({ ...r, published: at.get(r.period) ?? "" }));
}

const readingOf = (value: number | null): NumberReading =>
  value === null ? { kind: "blank" } : { kind: "number", value };
const numberIn = (r: NumberReading): number | null => (r.kind === "number" ? r.value : null);
const same = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : approxEqual(a, b);
/** "KPI Data!H150", as a person writes it, not as a formula quotes it. */
const plainCell = (cell: string): string =>
  cell.replace(/^'((?:[^']|'')*)'!/, (_, sheet: string) => `${sheet.replace(/''/g, "'")}!`);

/**
 * The model with each published period's values in place of the table's, for KPIs taken as their
 * period's value (aggregation Last, the default): so the period scores, trends, moves and charts
 * as it was published. Each value the table now says otherwise is a restatement naming its cell.
 * A KPI summed or averaged over the year keeps the table's values, its History rows as published.
 */
export function withPublishedValues(
  model: ScorecardModel,
  history: readonly HistoryRow[],
  published: readonly PublishedPeriod[] | undefined,
): { model: ScorecardModel; restatements: Issue[] } {
  const restatements: Issue[] = [];
  if (!published?.length || model.granularity === null) return { model, restatements };
  const periods = new Map<number, string>();
  for (const p of published) {
    const parsed = parsePeriodText(p.period);
    if (parsed && parsed.granularity === model.granularity)
      periods.set(periodOrdinal(parsed), periodKey(parsed));
  }
  const rows = new Map<string, HistoryRow>();
  const frozen = publishedSet(published);
  for (const r of history)
    if (r.level === "KPI" && frozen.has(r.period))
      rows.set(`${r.period}\u0000${itemKey(r.perspective, r.objective, r.kpi, r.entity)}`, r);
  if (rows.size === 0) return { model, restatements };

  const restate = (kpi: KpiModel, o: Observation, period: string, row: HistoryRow): Observation => {
    const changed: { actual?: NumberReading; target?: NumberReading } = {};
    for (const which of ["actual", "target"] as const) {
      const now = numberIn(o[which]);
      const was = row[which];
      if (same(now, was)) continue;
      const cell = which === "actual" ? o.actualCell : (o.targetCell ?? o.actualCell);
      const shown = (v: number | null) => (v === null ? "no data" : formatByCell(v, kpi.numberFormat));
      restatements.push(
        issue("restated", cell, {
          kpi: kpi.name,
          ...(kpi.entity ? { entity: kpi.entity } : {}),
          which,
          period,
          was: shown(was),
          now: shown(now),
          where: plainCell(cell),
        }),
      );
      changed[which] = readingOf(was);
    }
    return Object.keys(changed).length ? observationWith(o, changed) : o;
  };

  const found = new Set<string>();
  const kpis = model.kpis.map((kpi) => {
    const key = itemKey(kpi.perspective, kpi.objective, kpi.name, kpi.entity ?? "");
    let touched = false;
    const observations = kpi.observations.map((o) => {
      const period = o.period ? periods.get(periodOrdinal(o.period)) : undefined;
      const row = period === undefined ? undefined : rows.get(`${period}\u0000${key}`);
      if (period === undefined || !row) return o;
      found.add(`${period}\u0000${key}`);
      if (kpi.aggregation !== "last") return o;
      const next = restate(kpi, o, period, row);
      touched ||= next !== o;
      return next;
    });
    return touched ? { ...kpi, observations } : kpi;
  });
  // A published KPI's row gone from the table is a restatement too, named where it was.
  for (const [key, row] of rows) {
    if (found.has(key) || row.source === "") continue;
    restatements.push(
      issue("restated-row-gone", row.source, {
        kpi: row.kpi,
        ...(row.entity ? { entity: row.entity } : {}),
        period: row.period,
        was: row.actual === null ? "no data" : formatByCell(row.actual, row.format),
        where: plainCell(row.source),
      }),
    );
  }
  return { model: { ...model, kpis, issues: [...model.issues, ...restatements] }, restatements };
}

/** The definition's published list without `period`: what a run scores by when it (un)publishes it. */
export function withoutPublished(definition: Definition | null, period: string): Definition | null {
  if (!definition?.published) return definition;
  return { ...definition, published: definition.published.filter((p) => p.period !== period) };
}
