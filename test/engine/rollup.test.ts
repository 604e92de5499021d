import { rollUp, statusFromScore } from "../../src/engine/rollup";
import type { Status } from "../../src/engine/types";

const child = (score: number | null, weight = 1, status?: Status) => ({
  score,
  weight,
  status: status ?? (score === null ? ("none" as const) : statusFromScore(score)),
});

describe("weighted roll-up", () => {
  it("is the weighted average of the children's scores", () => {
    expect(rollUp([child(9, 3), child(3, 1)]).score).toBeCloseTo((27 + 3) / 4, 12);
  });
  it("leaves out children with status none and renormalises the remaining weights", () => {
    expect(rollUp([child(8, 1), child(null, 5), child(2, 1)]).score).toBeCloseTo(5, 12);
  });
  it("leaves out weight-0 children", () => {
    expect(rollUp([child(10, 0), child(2, 1)]).score).toBeCloseTo(2, 12);
  });
  it("has status none when no child is scored", () => {
    expect(rollUp([child(null), child(null)])).toEqual({ status: "none", score: null });
    expect(rollUp([])).toEqual({ status: "none", score: null });
  });
  it("has status none when every scored child weighs 0", () => {
    expect(rollUp([child(10, 0)])).toEqual({ status: "none", score: null });
  });
});

describe("roll-up status from score", () => {
  it("is green at 20/3, amber at 10/3, red below", () => {
    expect(statusFromScore(20 / 3)).toBe("green");
    expect(statusFromScore(6.6)).toBe("amber");
    expect(statusFromScore(10 / 3)).toBe("amber");
    expect(statusFromScore(3.3)).toBe("red");
  });
  it("keeps an average of greens exactly at their targets green despite float error", () => {
    const atTarget = 10 / 3 + (10 / 3) * 1;
    const avg = rollUp([child(atTarget, 0.1), child(atTarget, 0.2), child(atTarget, 0.7)]);
    expect(avg.status).toBe("green");
    expect(statusFromScore(20 / 3 - 1e-10)).toBe("green");
    expect(statusFromScore(20 / 3 - 1e-8)).toBe("amber");
  });
});

describe("worst-child roll-up", () => {
  it("takes the worst child's status and the lowest child score", () => {
    const r = rollUp([child(9, 1), child(5, 1), child(null, 1)], "worst");
    expect(r).toEqual({ status: "amber", score: 5 });
  });
  it("leaves out weight-0 and no-data children too", () => {
    expect(rollUp([child(0, 0), child(8, 1), child(null)], "worst")).toEqual({ status: "green", score: 8 });
  });
});

describe("worst-child roll-up, whatever the children's order", () => {
  it("returns the worst status even when it comes first and a better child comes last", () => {
    expect(rollUp([child(1, 1), child(9, 1)], "worst")).toEqual({ status: "red", score: 1 });
    expect(rollUp([child(5, 1), child(9, 1)], "worst")).toEqual({ status: "amber", score: 5 });
  });
  it("takes the status of the worst child, not the status of the lowest score", () => {
    // A child may carry a status its score would not give (a KPI judged by comparisons).
    const r = rollUp([child(4, 1, "red"), child(3.5, 1, "amber")], "worst");
    expect(r).toEqual({ status: "red", score: 3.5 });
  });
  it("is the weighted average by default", () => {
    expect(rollUp([child(10, 1), child(0, 1)]).score).toBeCloseTo(5, 12);
  });
});

describe("weighted roll-up with extreme weights", () => {
  it("gives the same score for weights scaled by any factor", () => {
    const small = rollUp([child(9, 3e-300), child(3, 1e-300)]).score!;
    const large = rollUp([child(9, 3e300), child(3, 1e300)]).score!;
    expect(small).toBeCloseTo(7.5, 12);
    expect(large).toBeCloseTo(7.5, 12);
  });
  it("leaves out a child with a score but status none", () => {
    expect(rollUp([child(0, 1, "none"), child(8, 1)]).score).toBe(8);
  });
});
