import type { Polarity, Trend } from "./types";

const RELATIVE_EQUALITY = 1e-9;

function nearlyEqual(x: number, y: number): boolean {
  return Math.abs(x - y) <= RELATIVE_EQUALITY * Math.max(Math.abs(x), Math.abs(y));
}

export interface TrendPoint {
  readonly actual: number | null;
  readonly target: number | null;
}

/**
 * Compares a KPI's raw value in the scored period with its value in the period before, judged
 * by polarity; for band, better means closer to the target (each period's own target, or the
 * scored period's where the earlier one has none).
 */
export function trendOf(polarity: Polarity, current: TrendPoint, previous: TrendPoint): Trend {
  if (current.actual === null || previous.actual === null) return "none";
  let now = current.actual;
  let before = previous.actual;
  if (polarity === "band") {
    const targetNow = current.target ?? previous.target;
    const targetBefore = previous.target ?? current.target;
    if (targetNow === null || targetBefore === null) return "none";
    now = -Math.abs(now - targetNow);
    before = -Math.abs(before - targetBefore);
  } else if (polarity === "lower") {
    now = -now;
    before = -before;
  }
  if (nearlyEqual(now, before)) return "flat";
  return now > before ? "better" : "worse";
}
