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
  "entity",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * A scorecard table needs a KPI name, an actual and a target. Perspective and objective may come
 * from their columns, from heading rows, or fall back to the sheet's name and the KPI's own name.
 */
export const REQUIRED_ROLES: readonly ColumnRole[] = ["kpi", "actual", "target"];

/** Header words as finance teams and reporting exports write them ("Metric_Name" reads as Metric Name). */
const SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  perspective: ["Perspective", "BSC Perspective", "Scorecard Perspective"],
  objective: [
    "Objective",
    "Strategic Objective",
    "Objective Name",
    "Metric Group",
    "Measure Group",
    "KPI Group",
  ],
  kpi: [
    "KPI",
    "Measure",
    "Indicator",
    "Metric",
    "KPI Name",
    "Metric Name",
    "Measure Name",
    "Indicator Name",
    "Key Performance Indicator",
    "Measures",
    "KPIs",
    "Metrics",
  ],
  actual: [
    "Actual",
    "Value",
    "Result",
    "Actual Value",
    "Actuals",
    "Actual Result",
    "Value Rounded",
    "Measured Value",
    "Current Value",
  ],
  target: ["Target", "Goal", "Target Value", "Plan", "Budget", "Targets", "Planned Value", "Target Goal"],
  threshold: ["Threshold", "Red Flag", "Red Threshold", "Minimum Acceptable"],
  tolerance: ["Tolerance %", "Tolerance"],
  polarity: ["Polarity", "Direction", "Better", "Desired Direction", "Good Direction"],
  weight: ["Weight", "KPI Weight", "Weighting"],
  owner: ["Owner", "Responsible", "KPI Owner", "Accountable"],
  unit: ["Unit", "Format", "Units", "Unit of Measure", "UoM"],
  baseline: ["Baseline", "Start", "Initial"],
  period: [
    "Period",
    "Month",
    "Date",
    "Reporting Month",
    "Reporting Period",
    "Reporting Date",
    "Period Ending",
    "Month Ending",
  ],
  aggregation: ["Aggregation"],
  comment: ["Comment", "Notes", "Commentary", "Comments", "Remarks"],
  drives: ["Drives"],
  // The units a finance team consolidates: the same KPIs kept for each site, department or region.
  entity: [
    "Entity",
    "Business Unit",
    "BU",
    "Site",
    "Service",
    "Department",
    "Dept",
    "Region",
    "Division",
    "Branch",
    "Location",
    "Store",
    "Plant",
    "Facility",
    "Country",
    "State",
    "Subsidiary",
    "Cost Centre",
    "Cost Center",
  ],
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
