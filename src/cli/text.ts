import { layoutText, STATUS_WORDS } from "../app/outcomeText";
import type { IssueReport, ScorecardReport } from "../app/report";

const score = (s: number | null): string => (s === null ? "  –  " : s.toFixed(2).padStart(5));
const TREND_TEXT: Readonly<Record<string, string>> = {
  better: "↑ better",
  worse: "↓ worse",
  flat: "→ flat",
  none: "",
};

/**
 * A cell's text on one terminal line: a name typed with Alt+Enter would otherwise start a line
 * that reads like another KPI. Line breaks show as \n and tabs as \t.
 */
export const oneLine = (text: string): string =>
  text.replace(/\r\n|[\r\n\u2028\u2029]/g, "\\n").replace(/\t/g, "\\t");

/** The report as a person reads it in a terminal. */
export function reportText(report: ScorecardReport): string {
  const lines: string[] = [];
  if (report.read) lines.push(layoutText(report.read), "");
  const head = report.period ? `Scorecard for ${report.period}` : "Scorecard";
  lines.push(`${head}: ${score(report.scorecard.score).trim()} (${STATUS_WORDS[report.scorecard.status]})`);
  for (const p of report.perspectives) {
    lines.push(`  ${score(p.score)}  ${(STATUS_WORDS[p.status] ?? "").padEnd(7)}  ${oneLine(p.name)}`);
    for (const o of p.objectives) {
      lines.push(`  ${score(o.score)}  ${(STATUS_WORDS[o.status] ?? "").padEnd(7)}    ${oneLine(o.name)}`);
      for (const k of o.kpis) {
        const trend = TREND_TEXT[k.trend] ? `  ${TREND_TEXT[k.trend]}` : "";
        lines.push(
          `  ${score(k.score)}  ${(STATUS_WORDS[k.status] ?? "").padEnd(7)}      ${oneLine(k.name)}${trend}`,
        );
      }
    }
  }
  if (report.issues.length) {
    lines.push("", issueCount(report.issues) + ":");
    for (const i of report.issues)
      lines.push(`  ${i.severity.padEnd(7)} ${i.cell ? `${i.cell}: ` : ""}${oneLine(i.message)}`);
  }
  return lines.join("\n");
}

function issueCount(issues: readonly IssueReport[]): string {
  const n = (s: string) => issues.filter((i) => i.severity === s).length;
  const parts = [
    [n("error"), "error"],
    [n("warning"), "warning"],
    [n("info"), "note"],
  ]
    .filter(([k]) => (k as number) > 0)
    .map(([k, w]) => `${k} ${w}${k === 1 ? "" : "s"}`);
  return parts.join(", ");
}
