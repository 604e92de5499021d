import type { Aggregation } from "./types";

/** Fiscal-year-to-date aggregation of the values a KPI has (blanks already left out). */
export const AGGREGATORS: Readonly<Record<Aggregation, (values: readonly number[]) => number>> = {
  last: (v) => v[v.length - 1] as number,
  sum: (v) => v.reduce((s, x) => s + x, 0),
  average: (v) => v.reduce((s, x) => s + x, 0) / v.length,
  // reduce, not Math.min(...v): a spread of many values overflows the call stack.
  min: (v) => v.reduce((a, b) => Math.min(a, b)),
  max: (v) => v.reduce((a, b) => Math.max(a, b)),
};

export function aggregate(method: Aggregation, values: readonly number[]): number | null {
  return values.length === 0 ? null : AGGREGATORS[method](values);
}
