import type { PerspectiveResult, ScorecardResult } from "../engine/evaluate";
import type { FollowUpResult, InitiativeResult } from "../engine/followUp";
import { withoutRepeats, type Issue } from "../engine/issues";
import type { LayoutSummary } from "../model/scorecard";
import { groupIssues } from "./issueGroups";

/** The JSON report of WORKBOOK.md: what `bsc --json` prints and what the task pane shows. */
export interface ScorecardReport {
  readonly period: string | null;
  readonly scorecard: { readonly score: number | null; readonly status: string };
  readonly perspectives: readonly PerspectiveReport[];
  readonly issues: readonly IssueReport[];
  /** What was read and how it was understood; null for a scorecard of tagged KPIs only. */
  readonly read: LayoutSummary | null;
  /**
   * With an Entity column (site, department…): each entity's own scorecard. The perspectives
   * above are then the consolidated scorecard, each KPI rolled up from the entities'.
   */
  readonly entities?: readonly EntityReport[];
  /** The scored period's commentary on KPIs and objectives (absent where there is none). */
  readonly commentary?: readonly CommentaryReport[];
  /** The red and amber KPIs with no analysis for the period (absent where none, or turned off). */
  readonly needsCommentary?: readonly string[];
  /** The initiatives under their objectives, each with what is late or off track (absent where none). */
  readonly initiatives?: readonly InitiativeReport[];
}

export interface CommentaryReport {
  readonly perspective: string;
  readonly objective: string;
  /** Null for commentary on the objective. */
  readonly kpi: string | null;
  readonly entity: string | null;
  readonly analysis: string;
  readonly actions: readonly {
    readonly action: string;
    readonly owner: string;
    readonly due: string | null;
    /** A Due that is no day, as written ("next week"); due is null then. */
    readonly dueWritten?: string;
    readonly done: boolean;
    readonly overdue: boolean;
    /** "table" or "pane": an action written in the pane can be marked done there. */
    readonly source: "table" | "pane";
  }[];
  /** The Commentary table's cell it was first read from; null when entered in the pane. */
  readonly cell: string | null;
  readonly sources: readonly ("table" | "pane")[];
}

/**
 * An action's or initiative's due date in a line the user reads: "due 2026-12-31", or a Due that is
 * no day as it was written, so the user's words stay in sight: the pane's and bsc check's one rule.
 */
export const dueText = (x: { readonly due: string | null; readonly dueWritten?: string }): string =>
  x.due ? `due ${x.due}` : x.dueWritten !== undefined ? `due "${x.dueWritten}" (not a date)` : "";

/** An initiative as the report gives it: what the Initiatives table says, and its flags. */
export type InitiativeReport = Omit<InitiativeResult, "dueCell" | "statusCell" | "spendCell">;

export interface EntityReport {
  readonly name: string;
  readonly scorecard: { readonly score: number | null; readonly status: string };
  readonly perspectives: readonly PerspectiveReport[];
}

export interface IssueReport {
  readonly severity: Issue["severity"];
  readonly code: string;
  readonly cell: string | null;
  readonly message: string;
  /**
   * The sentence in the task pane's words where it differs from `message` (the pane has a set-up
   * where bsc has flags). Never printed by `bsc --json`; read it through paneMessage.
   */
  readonly pane?: string;
}

/**
 * One cause, as people read it: the issues of one code in one column, grouped
 * (src/app/issueGroups.ts). `cell` is its first cell and `message` the sentences as one.
 */
export interface IssueGroup extends IssueReport {
  /** Every cell the cause stands for, in the order found (empty when it has none). */
  readonly cells: readonly string[];
  /** How many issues it groups. */
  readonly count: number;
}

/** The report as `bsc --json` prints it: each issue, and the same issues one per cause. */
export type ScorecardJson = ScorecardReport & { readonly issueGroups: readonly IssueGroup[] };

export const reportJson = (report: ScorecardReport): ScorecardJson => ({
  ...report,
  issues: report.issues.map(bscIssue),
  issueGroups: groupIssues(report.issues).map(bscIssue),
});

/** An issue as `bsc --json` prints it: its fields without the pane's sentence. */
function bscIssue<T extends IssueReport>(i: T): T {
  if (i.pane === undefined) return i;
  const rest: { pane?: string } = { ...i };
  delete rest.pane;
  return rest as T;
}

export const issueReport = (i: Issue): IssueReport => ({
  severity: i.severity,
  code: i.code,
  cell: i.cell,
  message: i.message,
  ...(i.pane !== undefined && i.pane !== i.message ? { pane: i.pane } : {}),
});

export interface KpiReport {
  readonly name: string;
  readonly cell: string | null;
  readonly actual: number | null;
  readonly target: number | null;
  readonly threshold: number | null;
  readonly polarity: string | null;
  readonly weight: number;
  readonly score: number | null;
  readonly status: string;
  readonly trend: string;
  readonly owner: string;
  readonly unit: string;
  readonly aggregation: string | null;
  /** "table" for a row of the scorecard table, "tag" for a KPI tagged on named cells. */
  readonly source: "table" | "tag";
}

export interface ObjectiveReport {
  readonly name: string;
  readonly weight: number;
  readonly score: number | null;
  readonly status: string;
  readonly kpis: readonly KpiReport[];
}

export interface PerspectiveReport {
  readonly name: string;
  readonly weight: number;
  readonly score: number | null;
  readonly status: string;
  readonly objectives: readonly ObjectiveReport[];
}

export function buildReport(
  result: ScorecardResult,
  layout: LayoutSummary | null,
  extraIssues: readonly Issue[] = [],
): ScorecardReport {
  return {
    period: result.period,
    scorecard: { score: result.score, status: result.status },
    perspectives: result.perspectives.map(perspectiveReport),
    // A refresh's steps may meet one cell's fact twice (reading it, colouring its row): said once.
    issues: withoutRepeats([...result.issues, ...extraIssues]).map(issueReport),
    read: layout,
    ...followUpReport(result.followUps),
    ...(result.entities.length
      ? {
          entities: result.entities.map((e) => ({
            name: e.name,
            scorecard: { score: e.score, status: e.status },
            perspectives: e.perspectives.map(perspectiveReport),
          })),
        }
      : {}),
  };
}

function perspectiveReport(p: PerspectiveResult): PerspectiveReport {
  return {
    name: p.name,
    weight: p.weight,
    score: p.score,
    status: p.status,
    objectives: p.objectives.map((o) => ({
      name: o.name,
      weight: o.weight,
      score: o.score,
      status: o.status,
      kpis: o.kpis.map((k) => ({
        name: k.kpi.name,
        cell: k.cell,
        actual: k.actual,
        target: k.target,
        threshold: k.threshold,
        polarity: k.kpi.polarity,
        weight: k.kpi.weight,
        score: k.score,
        status: k.status,
        trend: k.trend,
        owner: k.kpi.owner,
        unit: k.kpi.unit,
        aggregation: k.kpi.aggregation,
        source: k.kpi.source,
      })),
    })),
  };
}

/** The report's commentary, needs-commentary and initiatives fields, each only where it has something. */
function followUpReport(
  f: FollowUpResult | undefined,
): Pick<ScorecardReport, "commentary" | "needsCommentary" | "initiatives"> {
  if (!f) return {};
  const commentary: CommentaryReport[] = f.commentary.map((c) => ({
    perspective: c.perspective,
    objective: c.objective,
    kpi: c.kpi,
    entity: c.entity,
    analysis: c.analysis,
    actions: c.actions.map((a) => ({
      action: a.text,
      owner: a.owner,
      due: a.due,
      ...(a.dueWritten !== undefined ? { dueWritten: a.dueWritten } : {}),
      done: a.done,
      overdue: a.overdue,
      source: a.source,
    })),
    cell: c.cell,
    sources: c.sources,
  }));
  const initiatives: InitiativeReport[] = f.initiatives.map(
    ({ dueCell: _due, statusCell: _status, spendCell: _spend, ...i }) => i,
  );

  return {
    ...(commentary.length ? { commentary } : {}),
    ...(f.needsCommentary?.length ? { needsCommentary: f.needsCommentary } : {}),
    ...(initiatives.length ? { initiatives } : {}),
  };
}
