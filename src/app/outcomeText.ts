import type { Issue } from "../engine/issues";
import type { ScorecardReport } from "./report";

/** Statuses in running text (the CLI's report, the ribbon's notice). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  green: "green",
  amber: "amber",
  red: "red",
  none: "no data",
};

/** One or two sentences on a finished refresh, for the ribbon's notice and the pane's status line. */
export function outcomeSentence(report: ScorecardReport): string {
  const kpis = report.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
  const counts = ["green", "amber", "red", "none"]
    .map((s) => [s, kpis.filter((k) => k.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_WORDS[s]}`);
  const score = report.scorecard.score === null ? "no score" : report.scorecard.score.toFixed(2);
  const period = report.period ? ` for ${report.period}` : "";
  const problems = report.issues.filter((i) => i.severity !== "info").length;
  const tail = problems ? ` ${problems} issue${problems === 1 ? "" : "s"} to look at.` : "";
  return `Scorecard${period}: ${score} (${STATUS_WORDS[report.scorecard.status]}). ${kpis.length} KPIs: ${counts.join(", ")}.${tail}`;
}

/** A problem that stopped the scorecard, with its cell when it has one. */
export const fatalSentence = (issue: Issue): string =>
  issue.cell ? `${issue.message} (${issue.cell})` : issue.message;

/** An unexpected error (Excel refused a request, the connection dropped) as a sentence. */
export function errorSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Excel could not complete the refresh: ${message.replace(/\.$/, "")}. Your workbook keeps its previous scorecard.`;
}
