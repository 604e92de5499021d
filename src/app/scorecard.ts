/**
 * The refresh use case: read → score → render the write plan → apply it; and storing a changed
 * definition alone. Reading and scoring live in scoring.ts, re-exported here for every caller.
 */
import type { ScorecardResult } from "../engine/evaluate";
import type { Definition } from "../model/definition";
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
import {
  definitionToStore,
  readWorkbookState,
  scoreWorkbook,
  type RunOptions,
  type Scoring,
} from "./scoring";

export * from "./scoring";

export type RunOutcome =
  Extract<Scoring, { ok: false }> | (Extract<Scoring, { ok: true }> & { readonly plan: WritePlan | null });

const timestamp = (d: Date): string =>
  d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");

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
  const definition =
    options.mapping || options.layout ? mapColumns(chosen, options.mapping ?? {}, options.layout) : chosen;
  const scoring = scoreWorkbook(state, definition, options);
  if (!scoring.ok || !write) {
    await progress("done");
    return scoring.ok ? { ...scoring, plan: null } : scoring;
  }

  const now = options.now ?? new Date();
  const stored = definitionToStore(definition, scoring.model);
  const rendered = renderPlan({
    sheetNames: state.snapshot.sheets.map((s) => s.name),
    owned: state.owned,
    model: scoring.model,
    result: scoring.result,
    definition: { ...stored, settings: { ...stored.settings, lastRefreshed: now.toISOString() } },
    refreshedAt: timestamp(now),
    history: trendHistory(scoring.model, scoring.result),
    strategyMap: options.strategyMap ?? false,
  });
  await progress("writing");
  await port.applyPlan(rendered.plan);
  await progress("done");
  const report = rendered.issues.length
    ? buildReport(scoring.result, scoring.model.layout, [...(options.fileIssues ?? []), ...rendered.issues])
    : scoring.report;
  return { ...scoring, report, plan: rendered.plan };
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
