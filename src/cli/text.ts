import { groupIssues, issueLine } from "../app/issueGroups";
import { layoutText, STATUS_WORDS } from "../app/outcomeText";
import type { IssueReport, ScorecardReport } from "../app/report";
import { followUpLines } from "./followUpText";

const score = (s: number | null): string => (s === null ? "  –  " : s.toFixed(2).padStart(5));
/**
 * The trend against the period before, in words: an arrow would have to say both which way the
 * value moved and whether that is good, and for a lower-is-better KPI the two fight.
 */
const TREND_TEXT: Readonly<Record<string, string>> = {
  better: "better than the period before",
  worse: "worse than the period before",
  flat: "as the period before",
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
  if (report.entities?.length) lines.push("", ...entityMatrix(report));
  lines.push(...followUpLines(report));
  const causes = groupIssues(report.issues);
  if (causes.length) {
    lines.push("", issueCount(causes) + ":");
    for (const i of causes) lines.push(`  ${i.severity.padEnd(7)} ${oneLine(issueLine(i))}`);
  }
  return lines.join("\n");
}

/** Each entity's overall status, then its status for each KPI: the units side by side. */
function entityMatrix(report: ScorecardReport): string[] {
  const entities = report.entities ?? [];
  const statusOf = new Map<string, string>();
  for (const e of entities)
    for (const p of e.perspectives)
      for (const o of p.objectives)
        for (const k of o.kpis)
          statusOf.set(`${e.name}\u0000${p.name}\u0000${o.name}\u0000${k.name}`, k.status);
  const kpis = report.perspectives.flatMap((p) =>
    p.objectives.flatMap((o) =>
      o.kpis.map((k) => ({ key: `${p.name}\u0000${o.name}\u0000${k.name}`, name: k.name })),
    ),
  );
  const nameWidth = Math.max(8, ...kpis.map((k) => oneLine(k.name).length));
  const widths = entities.map((e) => Math.max(7, oneLine(e.name).length));
  const row = (first: string, cells: readonly string[]) =>
    `  ${first.padEnd(nameWidth)}  ${cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ")}`.trimEnd();
  return [
    "By entity:",
    row(
      "",
      entities.map((e) => oneLine(e.name)),
    ),
    row(
      "Overall",
      entities.map((e) => STATUS_WORDS[e.scorecard.status] ?? ""),
    ),
    ...kpis.map((k) =>
      row(
        oneLine(k.name),
        entities.map((e) => {
          const status = statusOf.get(`${e.name}\u0000${k.key}`);
          return status === undefined ? "–" : (STATUS_WORDS[status] ?? "");
        }),
      ),
    ),
  ];
}

/** "2 errors, 1 warning": the causes of each severity, as the lines below list them. */
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
