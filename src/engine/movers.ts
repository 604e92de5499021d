import type { KpiResult, ScorecardResult } from "./evaluate";
import { parsePeriodText, periodOrdinal, previousPeriod } from "./periods";
import type { Trend } from "./types";

/**
 * How a KPI's value moved from the period before the scored one: the same two observations the
 * engine's trend compares (each period's own actual, before any year-to-date aggregation), so a
 * mover's direction and its trend never disagree.
 */
export interface Movement {
  readonly kpi: KpiResult;
  readonly previous: number;
  readonly current: number;
  /** current − previous. */
  readonly change: number;
  /** change / |previous|; null where the previous value is 0. */
  readonly relative: number | null;
  /** The engine's judgement of the move (better, worse or flat), by the KPI's polarity. */
  readonly trend: Trend;
}

/** The movement of one KPI into the scored period, or null where either period has no actual. */
export function movementOf(kpi: KpiResult, period: string | null): Movement | null {
  if (period === null || kpi.trend === "none") return null;
  const scored = parsePeriodText(period);
  if (!scored) return null;
  const now = periodOrdinal(scored);
  const before = periodOrdinal(previousPeriod(scored));
  const actualAt = (ordinal: number): number | null => {
    const o = kpi.kpi.observations.find((x) => x.period !== null && periodOrdinal(x.period) === ordinal);
    return o?.actual.kind === "number" ? o.actual.value : null;
  };
  const current = actualAt(now);
  const previous = actualAt(before);
  if (current === null || previous === null) return null;
  const change = current - previous;
  return {
    kpi,
    previous,
    current,
    change,
    relative: previous === 0 ? null : change / Math.abs(previous),
    trend: kpi.trend,
  };
}

/**
 * The KPIs that moved most since the period before, largest relative change first (a move from 0
 * has no relative size and comes after those that have one); flat KPIs are not movers. Ties keep
 * the scorecard's order.
 */
export function biggestMovers(result: ScorecardResult, count: number): Movement[] {
  const moves: Movement[] = [];
  for (const p of result.perspectives)
    for (const o of p.objectives)
      for (const k of o.kpis) {
        const m = movementOf(k, result.period);
        if (m && m.trend !== "flat" && m.change !== 0) moves.push(m);
      }
  const size = (m: Movement) => (m.relative === null ? -1 : Math.abs(m.relative));
  // Array.prototype.sort is stable: moves of one size keep the scorecard's order.
  return moves.sort((a, b) => size(b) - size(a)).slice(0, count);
}
