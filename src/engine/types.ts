/** The vocabulary of SCORING.md, shared by every layer. */

export type Polarity = "higher" | "lower" | "band";
export type Status = "green" | "amber" | "red" | "none";
export type Trend = "better" | "worse" | "flat" | "none";
export type RollupMethod = "weighted" | "worst";
export type Aggregation = "last" | "sum" | "average" | "min" | "max";

/** How a KPI states where amber turns red (or, for band, its tolerance g). */
export type ThresholdSpec =
  | { readonly kind: "default" }
  | { readonly kind: "absolute"; readonly value: number }
  | { readonly kind: "tolerance"; readonly fraction: number };

export interface Scored {
  readonly status: Status;
  /** 0 to 10, or null when there is nothing to score. */
  readonly score: number | null;
}

export const STATUS_ORDER: Readonly<Record<Status, number>> = { red: 0, amber: 1, green: 2, none: 3 };

/** The scores at which the target and the red flag sit on the 0–10 scale. */
export const TARGET_SCORE = 20 / 3;
export const THRESHOLD_SCORE = 10 / 3;
export const MAX_SCORE = 10;
