/**
 * What the follow-up tables say for the scored period (model/followUp.ts reads them): each KPI's
 * and objective's commentary gathered, the red and amber KPIs that have no analysis, and the
 * initiatives with what is late, off track or over budget. "Late" is judged against the day of
 * the run, given by the caller: the engine reads no clock.
 */
import type { CommentaryNote, FollowUpStatus, InitiativeModel } from "../model/followUp";
import { kpiKey, objectiveKey, type ScorecardModel } from "../model/scorecard";
import { issue, type Issue } from "./issues";
import type { PerspectiveResult } from "./evaluate";

export interface ActionResult {
  readonly text: string;
  readonly owner: string;
  readonly due: string | null;
  /** What the Due cell says where it is no day (due is null then). */
  readonly dueWritten?: string;
  readonly done: boolean;
  /** Due before the day of the run and not done. */
  readonly overdue: boolean;
  readonly cell: string | null;
  /** Where it was written: the Commentary table, or the pane (which alone can mark it done). */
  readonly source: "table" | "pane";
}

/** The commentary on one KPI (or objective) in the scored period: the table's and the pane's together. */
export interface ItemCommentary {
  readonly perspective: string;
  readonly objective: string;
  /** Null: the commentary is on the objective. */
  readonly kpi: string | null;
  readonly entity: string | null;
  /** The analyses given, in order (the table's, then the pane's), joined by a line break. */
  readonly analysis: string;
  readonly actions: readonly ActionResult[];
  /** The first row it was read from; null when it was entered in the pane only. */
  readonly cell: string | null;
  readonly sources: readonly ("table" | "pane")[];
}

export type InitiativeFlag = "overdue" | "off track" | "at risk" | "over budget";

export interface InitiativeResult extends InitiativeModel {
  /** What needs a manager's eye, in this order; empty when nothing does. */
  readonly flags: readonly InitiativeFlag[];
}

export interface FollowUpResult {
  readonly commentary: readonly ItemCommentary[];
  /**
   * The red and amber KPIs without an analysis for the period, in scorecard order; null where the
   * setting turns the list off.
   */
  readonly needsCommentary: readonly string[] | null;
  readonly initiatives: readonly InitiativeResult[];
  /** Overdue actions and flagged initiatives, each at its cell. */
  readonly issues: readonly Issue[];
}

const itemKey = (n: Pick<CommentaryNote, "perspective" | "objective" | "kpi" | "entity">): string =>
  [n.perspective, n.objective, n.kpi ?? "", n.entity ?? ""].join("\u0000");

const isDone = (status: FollowUpStatus | null, complete: number | null): boolean =>
  status === "done" || (complete !== null && complete >= 1);

function gatherCommentary(
  notes: readonly CommentaryNote[],
  period: string | null,
  today: string | null,
  issues: Issue[],
): ItemCommentary[] {
  const items = new Map<
    string,
    { first: CommentaryNote; analyses: string[]; actions: ActionResult[]; sources: Set<"table" | "pane"> }
  >();
  for (const note of notes) {
    // A note without a period stands for whatever period is scored.
    if (note.period !== null && note.period !== period) continue;
    const key = itemKey(note);
    const item = items.get(key) ?? { first: note, analyses: [], actions: [], sources: new Set() };
    items.set(key, item);
    item.sources.add(note.source);
    if (note.analysis !== "" && !item.analyses.includes(note.analysis)) item.analyses.push(note.analysis);
    const action = note.action;
    if (!action) continue;
    const overdue = today !== null && action.due !== null && action.due < today && !action.done;
    if (overdue)
      issues.push(
        issue("action-overdue", action.dueCell ?? action.cell ?? note.cell, {
          action: action.text,
          item: note.kpi ?? note.objective,
          owner: action.owner,
          due: action.due as string,
        }),
      );
    item.actions.push({
      text: action.text,
      owner: action.owner,
      due: action.due,
      ...(action.dueWritten !== undefined ? { dueWritten: action.dueWritten } : {}),
      done: action.done,
      overdue,
      cell: action.cell,
      source: note.source,
    });
  }
  return [...items.values()].map(({ first, analyses, actions, sources }) => ({
    perspective: first.perspective,
    objective: first.objective,
    kpi: first.kpi,
    entity: first.entity,
    analysis: analyses.join("\n"),
    actions,
    cell: first.source === "table" ? first.cell : null,
    sources: [...sources],
  }));
}

function flagsOf(i: InitiativeModel, today: string | null): InitiativeFlag[] {
  const flags: InitiativeFlag[] = [];
  if (today !== null && i.due !== null && i.due < today && !isDone(i.status, i.complete))
    flags.push("overdue");
  if (i.status === "red") flags.push("off track");
  if (i.status === "amber") flags.push("at risk");
  if (i.budget !== null && i.spend !== null && i.spend > i.budget) flags.push("over budget");
  return flags;
}

/**
 * The follow-ups of a scored scorecard: `today` is the day of the run ("2026-12-07"); null
 * judges nothing late.
 */
export function followUpsOf(
  model: Pick<ScorecardModel, "commentary" | "initiatives" | "settings" | "objectives" | "kpis">,
  scored: { readonly period: string | null; readonly perspectives: readonly PerspectiveResult[] },
  today: string | null,
): FollowUpResult {
  const issues: Issue[] = [];
  // In scorecard order: each objective's commentary, then its KPIs', as the Scorecard sheet lists them.
  const objectiveAt = new Map(model.objectives.map((o, i) => [objectiveKey(o.perspective, o.name), i]));
  const kpiAt = new Map<string, number>();
  model.kpis.forEach((k, i) => {
    const key = kpiKey(k.perspective, k.objective, k.name);
    if (!kpiAt.has(key)) kpiAt.set(key, i + 1);
  });
  const order = (n: { perspective: string; objective: string; kpi?: string | null }): number =>
    (objectiveAt.get(objectiveKey(n.perspective, n.objective)) ?? 0) * (model.kpis.length + 1) +
    (n.kpi ? (kpiAt.get(kpiKey(n.perspective, n.objective, n.kpi)) ?? 0) : 0);
  const commentary = gatherCommentary(model.commentary ?? [], scored.period, today, issues).sort(
    (a, b) => order(a) - order(b),
  );
  const explained = new Set(
    commentary
      .filter((c) => c.kpi !== null && c.analysis !== "")
      .map((c) => kpiKey(c.perspective, c.objective, c.kpi as string)),
  );
  const needsCommentary =
    model.settings.needsCommentary === false
      ? null
      : scored.perspectives.flatMap((p) =>
          p.objectives.flatMap((o) =>
            o.kpis
              .filter((k) => k.status === "red" || k.status === "amber")
              .filter((k) => !explained.has(kpiKey(p.name, o.name, k.kpi.name)))
              .map((k) => k.kpi.name),
          ),
        );
  const initiatives = [...(model.initiatives ?? [])]
    .sort((a, b) => order(a) - order(b))
    .map((i) => {
      const flags = flagsOf(i, today);
      // Each flag at the cell that says it, so that one column's flags read as one cause.
      if (flags.includes("overdue"))
        issues.push(
          issue("initiative-overdue", i.dueCell ?? i.cell, {
            initiative: i.name,
            due: i.due as string,
            complete: i.complete === null ? "" : `${Math.round(i.complete * 100)}%`,
          }),
        );
      if (i.status === "red" || i.status === "amber")
        issues.push(
          issue(i.status === "red" ? "initiative-off-track" : "initiative-at-risk", i.statusCell ?? i.cell, {
            initiative: i.name,
            value: i.status === "red" ? "Red" : "Amber",
          }),
        );
      if (flags.includes("over budget"))
        issues.push(
          issue("initiative-over-budget", i.spendCell ?? i.cell, {
            initiative: i.name,
            spend: i.spend as number,
            budget: i.budget as number,
          }),
        );
      return { ...i, flags };
    });
  return { commentary, needsCommentary, initiatives, issues };
}
