import type { Polarity, Scored, Status, ThresholdSpec } from "./types";
import { MAX_SCORE, THRESHOLD_SCORE } from "./types";

/**
 * Each polarity declared once: its default and tolerance-based threshold, whether a threshold
 * lies on the permitted side of the target, and how status and score follow from the numbers.
 * For `band`, the "threshold" is the tolerance g (a distance from the target, not a value).
 */
interface PolarityRule {
  readonly defaultTolerance: number;
  thresholdFromTolerance(target: number, fraction: number): number;
  isThresholdValid(target: number, threshold: number): boolean;
  status(actual: number, target: number, threshold: number): Exclude<Status, "none">;
  score(actual: number, target: number, threshold: number): number;
}

/**
 * Comparisons as a spreadsheet makes them (SCORING.md, "Comparisons"): numbers that agree to about
 * 15 significant digits are equal, so that an actual lying exactly on a threshold computed from a
 * tolerance gets the colour the sheet's traffic-light rule shows. LibreOffice's rule:
 * x ≈ y when |x − y| ≤ 2⁻⁴⁸ · max(|x|, |y|).
 */
const EQUALITY_EPSILON = 2 ** -48;
export const approxEqual = (x: number, y: number): boolean =>
  x === y || Math.abs(x - y) <= EQUALITY_EPSILON * Math.max(Math.abs(x), Math.abs(y));
/** |x − y| as a spreadsheet subtracts: 0 when the two are equal to 15 digits. */
const distance = (x: number, y: number): number => (approxEqual(x, y) ? 0 : Math.abs(x - y));
/** x ≥ y as a spreadsheet compares. */
export const atLeast = (x: number, y: number): boolean => x > y || approxEqual(x, y);
/** x ≤ y as a spreadsheet compares. */
export const atMost = (x: number, y: number): boolean => x < y || approxEqual(x, y);

const clampScore = (score: number): number => Math.min(MAX_SCORE, Math.max(0, score));

/** Spider Impact's Goal / Red Flag line: the target scores 20/3, the red flag 10/3. */
function goalRedFlagScore(actual: number, target: number, threshold: number, targetMet: boolean): number {
  if (approxEqual(target, threshold)) return targetMet ? MAX_SCORE : 0;
  return clampScore(THRESHOLD_SCORE + (THRESHOLD_SCORE * (actual - threshold)) / (target - threshold));
}

export const POLARITY_RULES: Readonly<Record<Polarity, PolarityRule>> = {
  higher: {
    defaultTolerance: 0.1,
    thresholdFromTolerance: (t, f) => t - f * Math.abs(t),
    isThresholdValid: (t, r) => atMost(r, t),
    status: (a, t, r) => (atLeast(a, t) ? "green" : atLeast(a, r) ? "amber" : "red"),
    score: (a, t, r) => goalRedFlagScore(a, t, r, atLeast(a, t)),
  },
  lower: {
    defaultTolerance: 0.1,
    thresholdFromTolerance: (t, f) => t + f * Math.abs(t),
    isThresholdValid: (t, r) => atLeast(r, t),
    status: (a, t, r) => (atMost(a, t) ? "green" : atMost(a, r) ? "amber" : "red"),
    score: (a, t, r) => goalRedFlagScore(a, t, r, atMost(a, t)),
  },
  band: {
    defaultTolerance: 0.05,
    thresholdFromTolerance: (t, f) => f * Math.abs(t),
    isThresholdValid: (_t, g) => g >= 0,
    status: (a, t, g) => {
      const d = distance(a, t);
      return atMost(d, g) ? "green" : atMost(d, 2 * g) ? "amber" : "red";
    },
    score: (a, t, g) => {
      const d = distance(a, t);
      if (g === 0) return d === 0 ? MAX_SCORE : 0;
      return clampScore(THRESHOLD_SCORE + (THRESHOLD_SCORE * (2 * g - d)) / g);
    },
  },
};

/** The red-flag value (or band tolerance g) a KPI is judged by. */
export function resolveThreshold(polarity: Polarity, target: number, spec: ThresholdSpec): number {
  const rule = POLARITY_RULES[polarity];
  switch (spec.kind) {
    case "absolute":
      return spec.value;
    case "tolerance":
      return rule.thresholdFromTolerance(target, spec.fraction);
    case "default":
      return rule.thresholdFromTolerance(target, rule.defaultTolerance);
  }
}

export type KpiScoring =
  | (Scored & { readonly ok: true; readonly threshold: number })
  | { readonly ok: false; readonly reason: "threshold-wrong-side"; readonly threshold: number };

/** Status by comparison and the 0–10 score of one KPI with a numeric actual and target. */
export function scoreKpi(
  actual: number,
  target: number,
  polarity: Polarity,
  spec: ThresholdSpec = { kind: "default" },
): KpiScoring {
  const rule = POLARITY_RULES[polarity];
  const threshold = resolveThreshold(polarity, target, spec);
  if (!rule.isThresholdValid(target, threshold))
    return { ok: false, reason: "threshold-wrong-side", threshold };
  return {
    ok: true,
    threshold,
    status: rule.status(actual, target, threshold),
    score: rule.score(actual, target, threshold),
  };
}
