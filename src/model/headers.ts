/** Column roles of the scorecard table and the header words that name them (WORKBOOK.md). */

export const COLUMN_ROLES = [
  "perspective",
  "objective",
  "kpi",
  "actual",
  "target",
  "threshold",
  "tolerance",
  "polarity",
  "weight",
  "owner",
  "unit",
  "baseline",
  "period",
  "aggregation",
  "comment",
  "drives",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const REQUIRED_ROLES: readonly ColumnRole[] = ["perspective", "objective", "kpi", "actual", "target"];

const SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  perspective: ["Perspective"],
  objective: ["Objective", "Strategic Objective"],
  kpi: ["KPI", "Measure", "Indicator", "Metric", "KPI Name"],
  actual: ["Actual", "Value", "Result", "Actual Value"],
  target: ["Target", "Goal", "Target Value", "Plan"],
  threshold: ["Threshold", "Red Flag"],
  tolerance: ["Tolerance %", "Tolerance"],
  polarity: ["Polarity", "Direction", "Better"],
  weight: ["Weight", "KPI Weight"],
  owner: ["Owner", "Responsible"],
  unit: ["Unit", "Format"],
  baseline: ["Baseline", "Start", "Initial"],
  period: ["Period", "Month", "Date"],
  aggregation: ["Aggregation"],
  comment: ["Comment", "Notes", "Commentary"],
  drives: ["Drives"],
};

/** Lower case, without a trailing unit in brackets, spaces or punctuation: "Actual (USD)" → "actual". */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s*[([{][^)\]}]*[)\]}]\s*$/, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const ROLE_BY_HEADER: ReadonlyMap<string, ColumnRole> = new Map(
  COLUMN_ROLES.flatMap((role) => SYNONYMS[role].map((h) => [normalizeHeader(h), role] as const)),
);

export function roleOfHeader(text: string): ColumnRole | null {
  return ROLE_BY_HEADER.get(normalizeHeader(text)) ?? null;
}

/** The header a role is usually written with, for messages and new tables. */
export const canonicalHeader = (role: ColumnRole): string => SYNONYMS[role][0] as string;
