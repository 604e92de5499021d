/**
 * Actuals set for shorter periods than their target: months across the columns beside one
 * "Quarterly Target" column (or an annual budget beside months or quarters). A finance reader sums
 * each quarter's months and scores the sum against the quarter's target; scoring one month against
 * a quarter's target would make every month red.
 */
import type { Granularity, Period } from "../engine/periods";
import { periodOrdinal } from "../engine/periods";
import { boxA1, quoteSheetName } from "./address";
import type { Observation } from "./scorecard";
import type { NumberReading } from "./values";

/** How many of the shorter periods make one longer one: months in a quarter, quarters in a year. */
const PARTS: Readonly<Partial<Record<Granularity, Partial<Record<Granularity, number>>>>> = {
  month: { quarter: 3, year: 12 },
  quarter: { year: 4 },
};

/**
 * Whether actuals of `granularity` sum to the target's `longer` period: a month's to a quarter's or
 * a year's, a quarter's to a year's (weeks straddle months and quarters: never summed).
 */
export const sumsTo = (granularity: Granularity, longer: Granularity | null): longer is Granularity =>
  longer !== null && PARTS[granularity]?.[longer] !== undefined;

/** The longer period a shorter one falls in (2019-08 → 2019-Q3). */
function periodHolding(period: Period, longer: Granularity): Period {
  const parts = PARTS[period.granularity]?.[longer] ?? 1;
  return { granularity: longer, year: period.year, index: Math.ceil(period.index / parts) };
}

function sumOf(readings: readonly NumberReading[]): NumberReading {
  const odd = readings.find((r) => r.kind !== "number");
  if (odd) return odd;
  return { kind: "number", value: readings.reduce((sum, r) => sum + (r.kind === "number" ? r.value : 0), 0) };
}

/**
 * A wide KPI's observations, one per shorter period, summed into one per longer period (the
 * target's, read from the first of its parts). A longer period is scored only where the table has
 * a column for each of its parts; one part's blank cell leaves its actual blank, since a part-sum
 * against the whole period's target would read as a shortfall. The actual's cell is the range of
 * its parts; the wide cells are dropped, since no one cell of the sheet holds the sum.
 */
export function sumObservations(
  observations: readonly Observation[],
  longer: Granularity,
  sheet: string,
): Observation[] {
  const groups = new Map<number, Observation[]>();
  for (const o of observations) {
    if (o.period === null) continue;
    const key = periodOrdinal(periodHolding(o.period, longer));
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  const summed: Observation[] = [];
  for (const parts of groups.values()) {
    const first = parts[0] as Observation;
    const period = first.period as Period;
    if (parts.length !== PARTS[period.granularity]?.[longer]) continue;
    const columns = parts.map((p) => p.wide?.column ?? 0);
    const row = first.wide?.actualRow ?? first.row;
    summed.push({
      ...first,
      wide: undefined,
      period: periodHolding(period, longer),
      actual: sumOf(parts.map((p) => p.actual)),
      actualCell: `${quoteSheetName(sheet)}!${boxA1({ top: row, bottom: row, left: Math.min(...columns), right: Math.max(...columns) })}`,
    });
  }
  return summed.sort((a, b) => periodOrdinal(a.period as Period) - periodOrdinal(b.period as Period));
}
