/**
 * Reading and scoring a workbook: its state (snapshot, the product's sheets, the stored
 * definition) and its scorecard under a definition. Pure but for the one read through the port;
 * what the task pane needs to show a scorecard, without the write plan (scorecard.ts), which it
 * loads only when it refreshes.
 */
import type { ScorecardResult } from "../engine/evaluate";
import { evaluateScorecard } from "../engine/evaluate";
import { issue, type Issue } from "../engine/issues";
import { sheetCell } from "../model/address";
import type { Definition } from "../model/definition";
import { emptyDefinition, parseDefinition } from "../model/definition";
import type { ColumnMapping, SourceLayout } from "../model/detect";
import type { OwnedSheets } from "../model/ownership";
import { ownedSheets, ownedSheetNames, storedDefinitionText } from "../model/ownership";
import { readHistory, type HistoryRow } from "../model/historySheet";
import { readScorecard } from "../model/read";
import type { ReadSuggestion } from "../model/suggest";
import type { ScorecardModel } from "../model/scorecard";
import type { WorkbookSnapshot } from "../model/snapshot";
import type { WorkbookPort } from "../workbook/port";
import type { ScorecardReport } from "./report";
import { buildReport } from "./report";
import { withPublishedValues } from "./periodHistory";

export interface RunOptions {
  /** The scorecard table, by Excel table name or sheet name. */
  readonly table?: string | undefined;
  /** The period to score ("2026-06"), for this run only. */
  readonly period?: string | undefined;
  readonly now?: Date;
  /** A definition to score and store instead of the stored one: the pane's edit, refreshed at once. */
  readonly definition?: Definition;
  /**
   * Headers the user names for roles (`bsc --map actual=Amount`): they win over the header words
   * and, on a refresh, are stored with the definition so the next refresh needs nothing.
   */
  readonly mapping?: ColumnMapping;
  /** The block chosen by hand and the layout switches (`bsc --range`, `--periods-across`…), stored alike. */
  readonly layout?: SourceLayout;
  /**
   * Told of each step of a refresh, for a progress indicator; a promise it returns is awaited,
   * which lets the task pane paint between steps instead of running one long task. At "writing"
   * it is given the scoring the write is about to store: the task pane shows it at once, while
   * the write goes on.
   */
  readonly onProgress?: (step: RefreshStep, scored?: Scored) => void | Promise<void>;
  /** Draws the Strategy Map sheet where the workbook has none yet ("Insert strategy map"). */
  readonly strategyMap?: boolean;
  /** Write the Scorecard sheet as plain values for this refresh (`bsc refresh --values`), whatever the stored setting. */
  readonly summaryAsValues?: boolean;
  /** What reading the file itself found (a CSV export's numbers that read two ways), reported first. */
  readonly fileIssues?: readonly Issue[];
  /** How the file writes dates such as 01/02/2024, where the file says (a CSV with a decimal comma). */
  readonly fileDayOrder?: "mdy" | "dmy";
  /**
   * A scoring already made of a snapshot under a definition (the task pane's set-up preview):
   * used instead of scoring again where the run reads that same snapshot object (a file's read,
   * kept until it is written; Excel's reads are new each time) and scores that same definition
   * with nothing else that changes a scoring (table, period, time, file's issues).
   */
  readonly scored?: {
    readonly snapshot: WorkbookSnapshot;
    readonly definition: Definition;
    readonly scoring: Scored;
  };
  /**
   * Publishes a period on this refresh (`bsc publish`, the pane's Publish period): its rows in the
   * History sheet are recorded and then kept as they are; with `undo`, unpublishes it.
   */
  readonly publish?: { readonly period: string; readonly undo?: boolean };
}

export type RefreshStep = "reading" | "scoring" | "writing" | "done";

export type Scoring =
  | {
      readonly ok: false;
      readonly fatal: Issue;
      readonly issues: readonly Issue[];
      /** A mapping that scores a KPI, where the reader found no scorecard by itself. */
      readonly suggestion?: ReadSuggestion;
    }
  | {
      readonly ok: true;
      readonly report: ScorecardReport;
      /** True when any KPI has an error (not only a warning): `bsc check` fails on it. */
      readonly hasErrors: boolean;
      readonly model: ScorecardModel;
      readonly result: ScorecardResult;
    };

/** A scoring that succeeded. */
export type Scored = Extract<Scoring, { ok: true }>;

/** What a workbook holds before scoring: its snapshot, the product's sheets and the stored definition. */
export interface WorkbookState {
  readonly snapshot: WorkbookSnapshot;
  readonly owned: OwnedSheets;
  /** Null when the workbook has no stored definition yet (a first run). */
  readonly stored: Definition | null;
  /** What reading the stored definition put right (a name Excel forbids), said in the report. */
  readonly notes?: readonly Issue[];
  /** The History sheet's rows, as the last refresh left them; absent or empty: none yet. */
  readonly history?: readonly HistoryRow[];
}

export async function readWorkbookState(port: WorkbookPort): Promise<WorkbookState | Issue> {
  const snapshot = await port.readSnapshot();
  const owned = ownedSheets(snapshot);
  const storedText = storedDefinitionText(snapshot, owned);
  const history = readHistory(snapshot, owned);
  if (storedText === null) return { snapshot, owned, stored: null, history };
  const parsed = parseDefinition(storedText);
  // The stored definition's cell: where a definition that cannot be read, or was put right, is.
  const cell = owned.definition ? sheetCell(owned.definition, 2, 1) : null;
  if (!parsed.ok) return issue("definition-invalid", cell, { reason: parsed.reason });
  const notes = (parsed.repaired ?? []).map((reason) => issue("definition-name-repaired", cell, { reason }));
  return { snapshot, owned, stored: parsed.definition, history, ...(notes.length ? { notes } : {}) };
}

/**
 * A group's workbook (its definition remembers the units it consolidates) read as a scorecard of
 * its own has no table: it is said to be one, and how to consolidate it again, rather than "no
 * scorecard table" (docs/WORKBOOK.md, Consolidating the units' workbooks).
 */
function groupWorkbookFailure<T extends { readonly fatal: Issue }>(
  failure: T,
  definition: Definition | null,
): T {
  const units = definition?.units ?? [];
  if (units.length === 0 || definition?.source || failure.fatal.code !== "no-scorecard-table") return failure;
  return { ...failure, fatal: issue("group-workbook", null, { files: units.map((u) => u.file).join(", ") }) };
}

/** Model and evaluation of a snapshot under a definition: pure, so the pane can preview a draft. */
export function scoreWorkbook(
  state: WorkbookState,
  definition: Definition | null,
  options: RunOptions = {},
): Scoring {
  const reading = readScorecard(state.snapshot, definition, ownedSheetNames(state.owned), {
    table: options.table,
    yearToTry: (options.now ?? new Date()).getUTCFullYear(),
    ...(options.fileDayOrder ? { fileDayOrder: options.fileDayOrder } : {}),
  });
  if (!reading.ok) return groupWorkbookFailure(reading, definition);
  const fileIssues = [...(options.fileIssues ?? []), ...(state.notes ?? [])];
  // A published period scores as it was published; its changes since are restatements.
  const { model } = withPublishedValues(reading.model, state.history ?? [], definition?.published);
  return scoreModel(model, { ...options, fileIssues });
}

/** Whether any KPI of the report has an error (not only a warning): `bsc check` fails on it. */
export const reportHasErrors = (report: ScorecardReport): boolean =>
  report.issues.some((i) => i.severity === "error");

/** The day of the run as the user's clock reads it ("2026-12-07"): actions due before it are late. */
const dayOf = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;

/**
 * A model already read, scored (for another period, say): what scoreWorkbook does after reading,
 * for the pane to switch periods without reading the workbook again.
 */
export function scoreModel(
  model: ScorecardModel,
  options: Pick<RunOptions, "period" | "fileIssues" | "now"> = {},
): Scoring {
  const evaluation = evaluateScorecard(model, {
    period: options.period,
    today: dayOf(options.now ?? new Date()),
  });
  if (!evaluation.ok) return { ok: false, fatal: evaluation.fatal, issues: model.issues };
  const report = buildReport(evaluation.result, model.layout, options.fileIssues);
  return {
    ok: true,
    report,
    hasErrors: reportHasErrors(report),
    model,
    result: evaluation.result,
  };
}

/** The definition to store: the one given, pointed at the table actually used. */
export function definitionToStore(definition: Definition | null, model: ScorecardModel): Definition {
  const base = definition ?? emptyDefinition();
  // A mapping given for a table that was not found is not worth storing without its table.
  if (!model.table) return base.source?.table ? base : { ...base, source: null };
  return {
    ...base,
    source: {
      ...base.source,
      table: model.table.name,
      sheet: model.table.sheet,
      columns: base.source?.columns ?? {},
    },
  };
}
