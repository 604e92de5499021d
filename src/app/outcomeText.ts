import type { LayoutSummary } from "../model/scorecard";
import { paneMessage, type Issue } from "../engine/issues";
import { groupIssues } from "./issueGroups";
import type { ScorecardReport } from "./report";

/** Statuses in running text (the CLI's report, the ribbon's notice). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  green: "green",
  amber: "amber",
  red: "red",
  none: "no data",
};

/**
 * One or two sentences on a finished refresh, for the ribbon's notice and the pane's status line;
 * `words` names the statuses (the pane says what they mean, true in every palette).
 */
export function outcomeSentence(
  report: ScorecardReport,
  words: Readonly<Record<string, string>> = STATUS_WORDS,
): string {
  const kpis = report.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
  const counts = ["green", "amber", "red", "none"]
    .map((s) => [s, kpis.filter((k) => k.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${words[s]}`);
  const score = report.scorecard.score === null ? "no score" : report.scorecard.score.toFixed(2);
  const period = report.period ? ` for ${report.period}` : "";
  // Counted as the issue list shows them: one per cause, not one per row.
  const problems = groupIssues(report.issues).filter((i) => i.severity !== "info").length;
  const tail = problems ? ` ${problems} issue${problems === 1 ? "" : "s"} to look at.` : "";
  return `Scorecard${period}: ${score} (${words[report.scorecard.status]}). ${kpis.length} KPIs: ${counts.join(", ")}.${tail}`;
}

/**
 * A problem that stopped the scorecard, with its cell when it has one; in the pane's words (its
 * set-up, never bsc's flags) for the pane.
 */
export function fatalSentence(issue: Issue, reader: "bsc" | "pane" = "bsc"): string {
  const message = reader === "pane" ? paneMessage(issue) : issue.message;
  return issue.cell ? `${message} (${issue.cell})` : message;
}

/** An unexpected error (Excel refused a request, the connection dropped) as a sentence. */
export function errorSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Excel could not complete the refresh: ${message.replace(/\.$/, "")}. Your workbook keeps its previous scorecard.`;
}

const PERSPECTIVES_FROM: Readonly<Record<LayoutSummary["perspectiveFrom"], string>> = {
  column: "perspectives from their column",
  headings: "perspectives from heading rows",
  sheet: "the sheet's name as the perspective",
  corner: "each block's corner label as its perspective",
};
const OBJECTIVES_FROM: Readonly<Record<LayoutSummary["objectiveFrom"], string>> = {
  column: "objectives from their column",
  headings: "objectives from heading rows",
  kpi: "each KPI its own objective",
};
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line on what was read and how: which block, which rows became KPIs, which were left out. */
export function layoutText(read: LayoutSummary): string {
  const periods =
    (read.entities > 0 ? ` × ${read.entities} ${read.entities === 1 ? "entity" : "entities"}` : "") +
    (read.periods > 1 ? ` × ${plural(read.periods, "period")}` : "");
  const skipped = [
    read.headings ? plural(read.headings, "heading row") : "",
    read.totals ? `${plural(read.totals, "total row")} left out` : "",
    read.leftOut ? `${plural(read.leftOut, "row")} left out (see the issues)` : "",
  ].filter((s) => s !== "");
  return (
    `Read ${read.address}: ${plural(read.rows, "row")} → ${plural(read.kpis, "KPI")}${periods}` +
    `${skipped.length ? `; ${skipped.join(", ")}` : ""}; ` +
    `${PERSPECTIVES_FROM[read.perspectiveFrom]}, ${OBJECTIVES_FROM[read.objectiveFrom]}` +
    `${read.inferred.length ? `; ${read.inferred.join("; ")}` : ""}.`
  );
}
