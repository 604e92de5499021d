import type { Aggregation, Polarity } from "../engine/types";

/**
 * The sample scorecard `bsc sample` writes: a mid-size company's four perspectives, fifteen
 * KPIs with owners, units and mixed polarities and thresholds, and twelve months of actuals and
 * targets in one monthly table, with the last month not yet fully reported.
 */

export interface SampleKpi {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
  readonly owner: string;
  readonly unit: string;
  readonly polarity: Polarity;
  readonly numberFormat: string;
  /** Target in January and in December; months between are interpolated. */
  readonly target: readonly [number, number];
  readonly threshold?: number;
  readonly tolerance?: number;
  readonly weight?: number;
  readonly aggregation?: Aggregation;
  /** How far actuals stray from target, as a fraction of it; `drift` moves them over the year. */
  readonly noise: number;
  readonly drift: number;
  /** Months (1–12) with no actual yet. */
  readonly blankMonths?: readonly number[];
}

export const SAMPLE_YEAR = 2026;

export const SAMPLE_KPIS: readonly SampleKpi[] = [
  {
    perspective: "Financial",
    objective: "Grow revenue",
    name: "Revenue",
    owner: "Maria Lopez (CFO)",
    unit: "USD k",
    polarity: "higher",
    numberFormat: "#,##0",
    target: [1000, 1250],
    weight: 2,
    noise: 0.06,
    drift: 0.02,
  },
  {
    perspective: "Financial",
    objective: "Grow revenue",
    name: "Gross margin",
    owner: "Maria Lopez (CFO)",
    unit: "%",
    polarity: "higher",
    numberFormat: "0.0%",
    target: [0.42, 0.44],
    threshold: 0.38,
    noise: 0.05,
    drift: -0.03,
  },
  {
    perspective: "Financial",
    objective: "Control costs",
    name: "Operating expenses",
    owner: "Tom Becker",
    unit: "USD k",
    polarity: "lower",
    numberFormat: "#,##0",
    target: [700, 720],
    tolerance: 0.05,
    noise: 0.05,
    drift: 0.04,
  },
  {
    perspective: "Financial",
    objective: "Control costs",
    name: "Days sales outstanding",
    owner: "Tom Becker",
    unit: "days",
    polarity: "lower",
    numberFormat: "0",
    target: [45, 40],
    threshold: 55,
    noise: 0.12,
    drift: 0,
  },
  {
    perspective: "Customer",
    objective: "Delight customers",
    name: "Net Promoter Score",
    owner: "Aisha Khan",
    unit: "points",
    polarity: "higher",
    numberFormat: "0",
    target: [40, 45],
    threshold: 30,
    noise: 0.15,
    drift: 0.05,
  },
  {
    perspective: "Customer",
    objective: "Delight customers",
    name: "Customer satisfaction",
    owner: "Aisha Khan",
    unit: "%",
    polarity: "higher",
    numberFormat: "0%",
    target: [0.9, 0.9],
    tolerance: 0.05,
    noise: 0.04,
    drift: -0.02,
    blankMonths: [12],
  },
  {
    perspective: "Customer",
    objective: "Win and keep customers",
    name: "Customer churn",
    owner: "Jonas Weber",
    unit: "%",
    polarity: "lower",
    numberFormat: "0.0%",
    target: [0.02, 0.018],
    threshold: 0.03,
    noise: 0.2,
    drift: 0.1,
  },
  {
    perspective: "Customer",
    objective: "Win and keep customers",
    name: "New customers",
    owner: "Jonas Weber",
    unit: "count",
    polarity: "higher",
    numberFormat: "0",
    target: [25, 30],
    aggregation: "sum",
    noise: 0.2,
    drift: -0.05,
  },
  {
    perspective: "Internal Processes",
    objective: "Deliver on time",
    name: "On-time delivery",
    owner: "Chen Wei",
    unit: "%",
    polarity: "higher",
    numberFormat: "0.0%",
    target: [0.95, 0.96],
    threshold: 0.9,
    noise: 0.03,
    drift: 0,
  },
  {
    perspective: "Internal Processes",
    objective: "Deliver on time",
    name: "Order cycle time",
    owner: "Chen Wei",
    unit: "days",
    polarity: "lower",
    numberFormat: "0.0",
    target: [5, 4.5],
    tolerance: 0.2,
    noise: 0.12,
    drift: 0.06,
  },
  {
    perspective: "Internal Processes",
    objective: "Improve quality",
    name: "Defect rate",
    owner: "Priya Nair",
    unit: "%",
    polarity: "lower",
    numberFormat: "0.00%",
    target: [0.01, 0.008],
    threshold: 0.015,
    noise: 0.25,
    drift: -0.1,
  },
  {
    perspective: "Internal Processes",
    objective: "Improve quality",
    name: "Inventory days",
    owner: "Priya Nair",
    unit: "days",
    polarity: "band",
    numberFormat: "0",
    target: [30, 30],
    threshold: 3,
    noise: 0.1,
    drift: 0,
    blankMonths: [5],
  },
  {
    perspective: "Learning & Growth",
    objective: "Build skills",
    name: "Training hours per employee",
    owner: "Sofia Rossi (HR)",
    unit: "hours",
    polarity: "higher",
    numberFormat: "0.0",
    target: [4, 4],
    aggregation: "sum",
    noise: 0.3,
    drift: -0.1,
  },
  {
    perspective: "Learning & Growth",
    objective: "Build skills",
    name: "Employee engagement",
    owner: "Sofia Rossi (HR)",
    unit: "%",
    polarity: "higher",
    numberFormat: "0%",
    target: [0.75, 0.78],
    noise: 0.06,
    drift: 0,
    blankMonths: [12],
  },
  {
    perspective: "Learning & Growth",
    objective: "Keep talent",
    name: "Staff turnover",
    owner: "Sofia Rossi (HR)",
    unit: "%",
    polarity: "lower",
    numberFormat: "0.0%",
    target: [0.012, 0.01],
    threshold: 0.016,
    noise: 0.3,
    drift: 0.15,
  },
];

/** Month-end cash on the Treasury sheet (USD k), for tagging a range as a KPI. */
export const SAMPLE_CASH: readonly number[] = [612, 590, 575, 601, 548, 530, 522, 540, 515, 498, 505, 487];

export const SAMPLE_PERSPECTIVE_WEIGHTS: readonly { name: string; weight: number }[] = [
  { name: "Financial", weight: 3 },
  { name: "Customer", weight: 3 },
  { name: "Internal Processes", weight: 2 },
  { name: "Learning & Growth", weight: 2 },
];

export const SAMPLE_OBJECTIVES: readonly {
  perspective: string;
  name: string;
  owner: string;
  weight: number;
  drives: string;
}[] = [
  { perspective: "Financial", name: "Grow revenue", owner: "Maria Lopez (CFO)", weight: 2, drives: "" },
  { perspective: "Financial", name: "Control costs", owner: "Tom Becker", weight: 1, drives: "" },
  {
    perspective: "Customer",
    name: "Delight customers",
    owner: "Aisha Khan",
    weight: 1,
    drives: "Win and keep customers",
  },
  {
    perspective: "Customer",
    name: "Win and keep customers",
    owner: "Jonas Weber",
    weight: 1,
    drives: "Grow revenue",
  },
  {
    perspective: "Internal Processes",
    name: "Deliver on time",
    owner: "Chen Wei",
    weight: 1,
    drives: "Delight customers",
  },
  {
    perspective: "Internal Processes",
    name: "Improve quality",
    owner: "Priya Nair",
    weight: 1,
    drives: "Delight customers; Control costs",
  },
  {
    perspective: "Learning & Growth",
    name: "Build skills",
    owner: "Sofia Rossi (HR)",
    weight: 1,
    drives: "Deliver on time; Improve quality",
  },
  {
    perspective: "Learning & Growth",
    name: "Keep talent",
    owner: "Sofia Rossi (HR)",
    weight: 1,
    drives: "Build skills",
  },
];

/** A small seeded generator (mulberry32): the same sample every time. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleRow {
  readonly month: number;
  readonly kpi: SampleKpi;
  readonly actual: number | null;
  readonly target: number;
}

const roundLike = (value: number, format: string): number => {
  const decimals = format.includes("%")
    ? (format.split(".")[1]?.replace("%", "").length ?? 0) + 2
    : (format.split(".")[1]?.length ?? 0);
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** Month by month, every KPI: the rows of the sample's monthly table. */
export function sampleRows(): SampleRow[] {
  const random = seeded(20260101);
  const rows: SampleRow[] = [];
  for (let month = 1; month <= 12; month++) {
    for (const kpi of SAMPLE_KPIS) {
      const [from, to] = kpi.target;
      const target = roundLike(from + ((to - from) * (month - 1)) / 11, kpi.numberFormat);
      const direction = kpi.polarity === "lower" ? -1 : 1;
      const offset =
        (random() * 2 - 1) * kpi.noise + (kpi.drift * direction * (month - 6)) / 6 + direction * 0.01;
      const actual = kpi.blankMonths?.includes(month)
        ? null
        : roundLike(target * (1 + offset), kpi.numberFormat);
      rows.push({ month, kpi, actual, target });
    }
  }
  return rows;
}

/** The sample's Commentary table: December's analyses and actions (ISO days), two KPIs left unexplained. */
export const SAMPLE_COMMENTARY: readonly {
  kpi: string;
  objective: string;
  analysis: string;
  action: string;
  owner: string;
  due: string;
  status: string;
}[] = [
  {
    kpi: "Training hours per employee",
    objective: "",
    analysis: "Two courses moved to January when the trainer fell ill; the plan catches up by February.",
    action: "Book the spring courses",
    owner: "Sofia Rossi (HR)",
    due: "2026-12-18",
    status: "Open",
  },
  {
    kpi: "",
    objective: "",
    analysis: "",
    action: "Add two e-learning modules",
    owner: "Sofia Rossi (HR)",
    due: "2026-11-30",
    status: "Open",
  },
  {
    kpi: "Days sales outstanding",
    objective: "",
    analysis: "Two large invoices to public-sector clients are past 60 days.",
    action: "Escalate both invoices",
    owner: "Maria Lopez (CFO)",
    due: "2027-01-15",
    status: "Open",
  },
  {
    kpi: "",
    objective: "Delight customers",
    analysis: "The satisfaction survey is still out; NPS has risen since the support portal pilot.",
    action: "",
    owner: "",
    due: "",
    status: "",
  },
];

/** The sample's Initiatives table: one late and over budget, one off track. */
export const SAMPLE_INITIATIVES: readonly {
  objective: string;
  name: string;
  owner: string;
  start: string;
  due: string;
  complete: number;
  status: string;
  budget: number;
  spend: number;
}[] = [
  {
    objective: "Grow revenue",
    name: "Enter the Nordic market",
    owner: "Maria Lopez (CFO)",
    start: "2026-03-01",
    due: "2027-03-31",
    complete: 0.45,
    status: "Green",
    budget: 250,
    spend: 120,
  },
  {
    objective: "Delight customers",
    name: "New support portal",
    owner: "Aisha Khan",
    start: "2026-02-01",
    due: "2026-11-30",
    complete: 0.8,
    status: "Amber",
    budget: 120,
    spend: 135,
  },
  {
    objective: "Deliver on time",
    name: "Warehouse automation",
    owner: "Chen Wei",
    start: "2026-04-01",
    due: "2027-06-30",
    complete: 0.3,
    status: "Green",
    budget: 400,
    spend: 110,
  },
  {
    objective: "Build skills",
    name: "Leadership academy",
    owner: "Sofia Rossi (HR)",
    start: "2026-01-15",
    due: "2026-12-31",
    complete: 0.6,
    status: "Red",
    budget: 80,
    spend: 50,
  },
];
