import { dueText, type ScorecardReport } from "../app/report";
import { oneLine } from "./text";

/** "40% complete" from a share. */
const percent = (share: number): string => `${Math.round(share * 100)}% complete`;

/**
 * The follow-ups as `bsc check` prints them under the scorecard: the red and amber KPIs that need
 * commentary, each KPI's and objective's commentary for the period with its actions (a late one
 * marked OVERDUE), and the initiatives under their objectives with what is flagged.
 */
export function followUpLines(report: ScorecardReport): string[] {
  const lines: string[] = [];
  if (report.needsCommentary?.length)
    lines.push("", `Needs commentary: ${report.needsCommentary.map(oneLine).join(", ")}`);
  if (report.commentary?.length) {
    lines.push("", report.period ? `Commentary for ${report.period}:` : "Commentary:");
    for (const c of report.commentary) {
      const whose = c.kpi === null ? `${c.objective} (objective)` : `${c.kpi} (${c.objective})`;
      const entity = c.entity ? ` of ${c.entity}` : "";
      lines.push(`  ${oneLine(whose + entity)}${c.analysis ? `: ${oneLine(c.analysis)}` : ""}`);
      for (const a of c.actions) {
        const said = [a.owner, dueText(a), a.done ? "done" : ""].filter((s) => s !== "");
        lines.push(
          `    - ${oneLine(a.action)}${said.length ? ` (${oneLine(said.join(", "))})` : ""}${a.overdue ? "  OVERDUE" : ""}`,
        );
      }
    }
  }
  if (report.initiatives?.length) {
    lines.push("", "Initiatives:");
    let objective: string | null = null;
    for (const i of report.initiatives) {
      if (i.objective !== objective) lines.push(`  ${oneLine((objective = i.objective))}`);
      const said = [
        i.owner,
        dueText(i),
        i.complete === null ? "" : percent(i.complete),
        i.status ?? "",
      ].filter((s) => s !== "");
      const flags = i.flags.length ? `  ${i.flags.join(", ").toUpperCase()}` : "";
      lines.push(`    ${oneLine(i.name)}${said.length ? ` (${oneLine(said.join(", "))})` : ""}${flags}`);
    }
  }
  return lines;
}
