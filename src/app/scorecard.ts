/**
 * The refresh use case: read → score → render the write plan → apply it; and storing a changed
 * definition alone. Reading and scoring live in scoring.ts, re-exported here for every caller.
 */
import type { ScorecardResult } from "../engine/evaluate";
import type { Definition } from "../model/definition";
import { issue } from "../engine/issues";
import { ownedSheets } from "../model/ownership";
import type { ScorecardModel } from "../model/scorecard";
import { kpiKey } from "../model/scorecard";
import type { WritePlan } from "../plan/plan";
import { MAX_TREND_CHARTS, trendCandidates } from "../plan/dashboard";
import { renderDefinitionPlan, renderPlan } from "../plan/render";
import type { WorkbookPort } from "../workbook/port";
import { buildReport } from "./report";
import { mapColumns } from "./definitionEdits";
import { kpiHistories, scorecardHistory } from "./history";
import { evaluateScorecard } from "../engine/evaluate";
import { isRestatement, mergeHistory, periodRows, sheetTimestamp, withoutPublished } from "./periodHistory";
import {
  definitionToStore,
  readWorkbookState,
  scoreWorkbook,
  type RunOptions,
  type Scoring,
} from "./scoring";

export * from "./scoring";

export type RunOutcome =
  | Extract<Scoring, { ok: false }>
  | (Extract<Scoring, { ok: true }> & {
      readonly plan: WritePlan | null;
      /** What publishing or unpublishing a period did, in a sentence for the user. */
      readonly notice?: string;
    });

const timestamp = sheetTimestamp;

/**
 * The last periods of the KPIs the dashboard can chart (the first with an actual, up to its
 * limit): each period scored with those KPIs alone, so that a scorecard of thousands of KPIs is
 * not scored twelve times over.
 */
function trendHistory(model: ScorecardModel, result: ScorecardResult) {
  const withActual = new Set(
    model.kpis
      .filter((k) => k.observations.some((o) => o.actual.kind === "number"))
      .map((k) => kpiKey(k.perspective, k.objective, k.name)),
  );
  const keys = new Set(
    trendCandidates(result)
      .map((k) => kpiKey(k.kpi.perspective, k.kpi.objective, k.kpi.name))
      .filter((key) => withActual.has(key))
      .slice(0, MAX_TREND_CHARTS),
  );
  const charted = model.kpis.filter((k) => keys.has(kpiKey(k.perspective, k.objective, k.name)));
  return kpiHistories(scorecardHistory({ ...model, kpis: charted }, result.period));
}

/**
 * read snapshot → infer/validate model → evaluate → (render plan → apply plan).
 * With `write` false it only reports: `bsc check`, and the task pane's preview.
 */
export async function runScorecard(
  port: WorkbookPort,
  options: RunOptions,
  write: boolean,
): Promise<RunOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  await progress("reading");
  const state = await readWorkbookState(port);
  if ("code" in state) return { ok: false, fatal: state, issues: [] };
  await progress("scoring");
  const chosen = options.definition ?? state.stored;
  const mapped =
    options.mapping || options.layout ? mapColumns(chosen, options.mapping ?? {}, options.layout) : chosen;
  const publishing = write ? options.publish : undefined;
  // The period being published or unpublished is scored from the table, not its old History rows.
  const definition = publishing ? withoutPublished(mapped, publishing.period) : mapped;
  const made = options.scored;
  const scoring =
    made &&
    made.snapshot === state.snapshot &&
    made.definition === definition &&
    !publishing &&
    !state.notes &&
    [options.table, options.period, options.now, options.fileIssues, options.fileDayOrder].every(
      (o) => o === undefined,
    )
      ? made.scoring
      : scoreWorkbook(state, definition, options);
  if (!scoring.ok || !write) {
    await progress("done");
    return scoring.ok ? { ...scoring, plan: null } : scoring;
  }
  // Said before the History and the plan are made, so that the pane paints between the scoring
  // and them (at 24,000 rows each is a task of its own, not one of half a second), and shows the
  // scorecard while they are written.
  await progress("writing", scoring);
  // The tables' sheets get their traffic lights after their cells: a file's may start compressing now.
  await port.willEdit?.(scoring.model.tables.map((t) => t.sheet));

  const now = options.now ?? new Date();
  const recorded = periodRows(scoring.result, timestamp(now));
  let published = mapped?.published ?? [];
  let notice: string | undefined;
  if (publishing) {
    const was = published.find((p) => p.period === publishing.period);
    if (publishing.undo) {
      published = published.filter((p) => p !== was);
      notice = was
        ? `${publishing.period} is no longer published: the next refresh of ${publishing.period} records it again from the table, and its published values no longer stand in for the table's.`
        : `${publishing.period} was not published; nothing to unpublish.`;
    } else {
      const evaluation =
        scoring.result.period === publishing.period
          ? { ok: true as const, result: scoring.result }
          : evaluateScorecard(scoring.model, { period: publishing.period });
      if (!evaluation.ok) return { ok: false, fatal: evaluation.fatal, issues: scoring.model.issues };
      if (evaluation.result.period === null)
        return { ok: false, fatal: issue("publish-no-periods", null), issues: scoring.model.issues };
      recorded.push(
        ...(evaluation.result === scoring.result ? [] : periodRows(evaluation.result, timestamp(now))),
      );
      const at = now.toISOString();
      published = [...published.filter((p) => p !== was), { period: publishing.period, at }];
      notice = was
        ? `${publishing.period} was published on ${timestamp(new Date(was.at))}; it is published again with the table's values of today.`
        : `${publishing.period} is published: its rows in the History sheet are kept as they are now, and a later change to its data is reported as a restatement.`;
    }
  }
  // The period being published now is recorded afresh; every other published period stays whole.
  // One the History has no rows of (its sheet deleted, a publish cut short) is recorded from the table.
  const present = new Set((state.history ?? []).map((r) => r.period));
  for (const p of published) {
    if (present.has(p.period) || recorded.some((r) => r.period === p.period)) continue;
    const evaluation = evaluateScorecard(scoring.model, { period: p.period });
    if (evaluation.ok) recorded.push(...periodRows(evaluation.result, timestamp(now)));
  }
  const frozen = published.filter(
    (p) => present.has(p.period) && (publishing?.undo || p.period !== publishing?.period),
  );
  const records = mergeHistory(mergeHistory(state.history ?? [], recorded, frozen), [], published);
  const base: Definition = { ...definitionToStore(definition, scoring.model) };
  delete base.published;
  const stored: Definition = published.length ? { ...base, published } : base;
  const rendered = renderPlan({
    sheetNames: state.snapshot.sheets.map((s) => s.name),
    owned: state.owned,
    model: options.summaryAsValues
      ? { ...scoring.model, settings: { ...scoring.model.settings, summaryAsValues: true } }
      : scoring.model,
    result: scoring.result,
    definition: { ...stored, settings: { ...stored.settings, lastRefreshed: now.toISOString() } },
    refreshedAt: timestamp(now),
    history: trendHistory(scoring.model, scoring.result),
    strategyMap: options.strategyMap ?? false,
    periodRecords: records,
    restatements: scoring.result.issues.filter(isRestatement).map((i) => i.message),
  });
  await port.applyPlan(rendered.plan);
  await progress("done");
  const report = rendered.issues.length
    ? buildReport(scoring.result, scoring.model.layout, [...(options.fileIssues ?? []), ...rendered.issues])
    : scoring.report;
  return { ...scoring, report, plan: rendered.plan, ...(notice ? { notice } : {}) };
}

/** Stores the definition alone (a setting or a KPI changed in the pane), replacing the old one whole. */
export async function saveDefinition(port: WorkbookPort, definition: Definition): Promise<void> {
  const snapshot = await port.readSnapshot();
  const owned = ownedSheets(snapshot);
  await port.applyPlan(
    renderDefinitionPlan(
      snapshot.sheets.map((s) => s.name),
      owned,
      definition,
    ),
  );
}
