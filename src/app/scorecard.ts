import type { ScorecardResult } from "../engine/evaluate";
import { evaluateScorecard } from "../engine/evaluate";
import { issue, type Issue } from "../engine/issues";
import { sheetCell } from "../model/address";
import type { Definition } from "../model/definition";
import { emptyDefinition, parseDefinition } from "../model/definition";
import { ownedSheetNames, ownedSheets, storedDefinitionText } from "../model/ownership";
import { readScorecard } from "../model/read";
import type { ScorecardModel } from "../model/scorecard";
import type { WritePlan } from "../plan/plan";
import { renderPlan } from "../plan/render";
import type { WorkbookPort } from "../workbook/port";
import type { ScorecardReport } from "./report";
import { buildReport } from "./report";

export interface RunOptions {
  /** The scorecard table, by Excel table name or sheet name. */
  readonly table?: string | undefined;
  /** The period to score ("2026-06"), for this run only. */
  readonly period?: string | undefined;
  readonly now?: Date;
}

export type RunOutcome =
  | { readonly ok: false; readonly fatal: Issue; readonly issues: readonly Issue[] }
  | {
      readonly ok: true;
      readonly report: ScorecardReport;
      /** True when any KPI has an error (not only a warning): `bsc check` fails on it. */
      readonly hasErrors: boolean;
      readonly plan: WritePlan | null;
      readonly model: ScorecardModel;
      readonly result: ScorecardResult;
    };

/** The definition to store: the one found, pointed at the table actually used. */
function definitionToStore(stored: Definition | null, model: ScorecardModel): Definition {
  const base = stored ?? emptyDefinition();
  if (!model.table) return base;
  return {
    ...base,
    source: { table: model.table.name, sheet: model.table.sheet, columns: base.source?.columns ?? {} },
  };
}

const timestamp = (d: Date): string =>
  d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");

/**
 * read snapshot → infer/validate model → evaluate → (render plan → apply plan).
 * With `write` false it only reports: `bsc check`, and the task pane's preview.
 */
export async function runScorecard(
  port: WorkbookPort,
  options: RunOptions,
  write: boolean,
): Promise<RunOutcome> {
  const book = await port.readSnapshot();
  const owned = ownedSheets(book);
  const storedText = storedDefinitionText(book, owned);
  let stored: Definition | null = null;
  if (storedText !== null) {
    const parsed = parseDefinition(storedText);
    if (!parsed.ok) {
      const cell = owned.definition ? sheetCell(owned.definition, 2, 1) : null;
      return { ok: false, fatal: issue("definition-invalid", cell, { reason: parsed.reason }), issues: [] };
    }
    stored = parsed.definition;
  }
  const reading = readScorecard(book, stored, ownedSheetNames(owned), { table: options.table });
  if (!reading.ok) return reading;
  const evaluation = evaluateScorecard(reading.model, { period: options.period });
  if (!evaluation.ok) return { ok: false, fatal: evaluation.fatal, issues: reading.model.issues };
  const { result } = evaluation;

  let plan: WritePlan | null = null;
  let planIssues: Issue[] = [];
  if (write) {
    const rendered = renderPlan({
      sheetNames: book.sheets.map((s) => s.name),
      owned,
      model: reading.model,
      result,
      definition: definitionToStore(stored, reading.model),
      refreshedAt: timestamp(options.now ?? new Date()),
    });
    plan = rendered.plan;
    planIssues = rendered.issues;
    await port.applyPlan(plan);
  }
  const report = buildReport(result, planIssues);
  const hasErrors = report.issues.some((i) => i.severity === "error");
  return { ok: true, report, hasErrors, plan, model: reading.model, result };
}
