import type { RollupMethod, Scored, Status } from "./types";
import { STATUS_ORDER, TARGET_SCORE, THRESHOLD_SCORE } from "./types";

export interface WeightedChild extends Scored {
  readonly weight: number;
}

/** Averages of greens sitting exactly on their targets must stay green despite float error. */
const STATUS_TOLERANCE = 1e-9;

export function statusFromScore(score: number): Exclude<Status, "none"> {
  if (score >= TARGET_SCORE - STATUS_TOLERANCE) return "green";
  if (score >= THRESHOLD_SCORE - STATUS_TOLERANCE) return "amber";
  return "red";
}

const NO_SCORE: Scored = { status: "none", score: null };

/** Children that count: scored, and with a positive weight. */
function countedChildren(children: readonly WeightedChild[]): WeightedChild[] {
  return children.filter((c) => c.status !== "none" && c.score !== null && c.weight > 0);
}

const ROLLUPS: Readonly<Record<RollupMethod, (counted: WeightedChild[]) => Scored>> = {
  weighted(counted) {
    // Weights are relative: scaling them by the largest keeps tiny or huge weights from
    // underflowing or overflowing the sums.
    const largest = counted.reduce((m, c) => Math.max(m, c.weight), 0);
    let total = 0;
    let weights = 0;
    for (const child of counted) {
      const weight = child.weight / largest;
      total += weight * (child.score as number);
      weights += weight;
    }
    const score = total / weights;
    return { score, status: statusFromScore(score) };
  },
  worst(counted) {
    let worst = counted[0] as WeightedChild;
    let lowest = worst.score as number;
    for (const child of counted) {
      if (STATUS_ORDER[child.status] < STATUS_ORDER[worst.status]) worst = child;
      lowest = Math.min(lowest, child.score as number);
    }
    return { score: lowest, status: worst.status };
  },
};

/** A parent's score and status from its children (SCORING.md, "Roll-up"). */
export function rollUp(children: readonly WeightedChild[], method: RollupMethod = "weighted"): Scored {
  const counted = countedChildren(children);
  if (counted.length === 0) return NO_SCORE;
  return ROLLUPS[method](counted);
}
