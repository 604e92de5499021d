import { approxEqual, atLeast, atMost, resolveThreshold, scoreKpi } from "../../src/engine/kpi";

const scored = (
  a: number,
  t: number,
  polarity: "higher" | "lower" | "band",
  spec?: Parameters<typeof scoreKpi>[3],
) => {
  const r = scoreKpi(a, t, polarity, spec);
  if (!r.ok) throw new Error("threshold on the wrong side");
  return r;
};

describe("threshold when none is given", () => {
  it("is 90 % of a positive target for higher is better", () => {
    expect(resolveThreshold("higher", 100, { kind: "default" })).toBe(90);
  });
  it("is 110 % of a positive target for lower is better", () => {
    expect(resolveThreshold("lower", 150, { kind: "default" })).toBeCloseTo(165, 12);
  });
  it("is a band tolerance of 5 % of |target|", () => {
    expect(resolveThreshold("band", -40, { kind: "default" })).toBe(2);
  });
  it("uses |t| for negative targets: higher stays below the target", () => {
    expect(resolveThreshold("higher", -20, { kind: "default" })).toBe(-22);
    expect(resolveThreshold("lower", -20, { kind: "default" })).toBe(-18);
  });
});

describe("threshold given by the KPI", () => {
  it("takes an absolute Threshold in the KPI's own unit", () => {
    expect(resolveThreshold("higher", 700, { kind: "absolute", value: 500 })).toBe(500);
    expect(resolveThreshold("band", 30, { kind: "absolute", value: 3 })).toBe(3);
  });
  it("turns Tolerance % 15 % into t − 0.15·|t| (higher), t + 0.15·|t| (lower), g = 0.15·|t| (band)", () => {
    expect(resolveThreshold("higher", 200, { kind: "tolerance", fraction: 0.15 })).toBe(170);
    expect(resolveThreshold("lower", 200, { kind: "tolerance", fraction: 0.15 })).toBe(230);
    expect(resolveThreshold("band", 200, { kind: "tolerance", fraction: 0.15 })).toBe(30);
  });
});

describe("higher is better: green a ≥ t, amber r ≤ a < t, red a < r", () => {
  it.each([
    [100, "green"],
    [120, "green"],
    [99.999, "amber"],
    [95, "amber"],
    [90, "amber"],
    [89.9, "red"],
    [0, "red"],
  ])("actual %p against target 100 is %s (vendor example: 100 green, 95 amber, 89.9 red)", (a, status) => {
    expect(scored(a, 100, "higher").status).toBe(status);
  });
  it("is amber exactly at the red flag", () => {
    expect(scored(500, 700, "higher", { kind: "absolute", value: 500 }).status).toBe("amber");
  });
});

describe("lower is better: green a ≤ t, amber t < a ≤ r, red a > r", () => {
  it("is green at 119 against target 150 (vendor example)", () => {
    expect(scored(119, 150, "lower").status).toBe("green");
  });
  it.each([
    [150, "green"],
    [150.5, "amber"],
    [165, "amber"],
    [165.01, "red"],
  ])("actual %p against target 150 (red flag 165) is %s", (a, status) => {
    expect(scored(a, 150, "lower", { kind: "absolute", value: 165 }).status).toBe(status);
  });
});

describe("band: green |a − t| ≤ g, amber g < |a − t| ≤ 2g, red beyond", () => {
  it.each([
    [30, "green"],
    [33, "green"],
    [27, "green"],
    [33.5, "amber"],
    [36, "amber"],
    [24, "amber"],
    [36.01, "red"],
    [23.9, "red"],
  ])("actual %p against target 30 with g = 3 is %s", (a, status) => {
    expect(scored(a, 30, "band", { kind: "absolute", value: 3 }).status).toBe(status);
  });
});

describe("Goal / Red Flag score (Spider Impact)", () => {
  const goal700 = (a: number) => scored(a, 700, "higher", { kind: "absolute", value: 500 }).score;
  it("scores 5 at 600, 10 at 900 and 0 at 300 with goal 700 and red flag 500 (vendor example)", () => {
    expect(goal700(600)).toBeCloseTo(5, 12);
    expect(goal700(900)).toBeCloseTo(10, 12);
    expect(goal700(300)).toBeCloseTo(0, 12);
  });
  it("scores 20/3 at the target and 10/3 at the red flag", () => {
    expect(goal700(700)).toBeCloseTo(20 / 3, 12);
    expect(goal700(500)).toBeCloseTo(10 / 3, 12);
  });
  it("is clamped to [0, 10]", () => {
    expect(goal700(5000)).toBe(10);
    expect(goal700(-5000)).toBe(0);
  });
  it("runs the same line for lower is better", () => {
    const s = scored(130, 100, "lower", { kind: "absolute", value: 120 }).score;
    expect(s).toBeCloseTo(10 / 3 + ((10 / 3) * (130 - 120)) / (100 - 120), 12);
  });
  it("scores band 10 at the target, 6.67 at g and 3.33 at 2g", () => {
    const band = (a: number) => scored(a, 30, "band", { kind: "absolute", value: 3 }).score;
    expect(band(30)).toBeCloseTo(10, 12);
    expect(band(33)).toBeCloseTo(20 / 3, 12);
    expect(band(24)).toBeCloseTo(10 / 3, 12);
    expect(band(100)).toBe(0);
  });
});

describe("target equal to threshold", () => {
  it("is green with score 10 when the target is met, else red with score 0", () => {
    const met = scored(0, 0, "higher", { kind: "tolerance", fraction: 0.1 });
    expect([met.status, met.score]).toEqual(["green", 10]);
    const missed = scored(1, 0, "lower", { kind: "absolute", value: 0 });
    expect([missed.status, missed.score]).toEqual(["red", 0]);
  });
  it("gives band g = 0 a 10 at the target and 0 elsewhere", () => {
    expect(scored(5, 5, "band", { kind: "absolute", value: 0 })).toMatchObject({
      status: "green",
      score: 10,
    });
    expect(scored(5.01, 5, "band", { kind: "absolute", value: 0 })).toMatchObject({
      status: "red",
      score: 0,
    });
  });
});

describe("threshold on the wrong side of the target", () => {
  it("is an error for higher with r > t, never swapped", () => {
    expect(scoreKpi(95, 100, "higher", { kind: "absolute", value: 110 })).toMatchObject({
      ok: false,
      reason: "threshold-wrong-side",
    });
  });
  it("is an error for lower with r < t", () => {
    expect(scoreKpi(95, 100, "lower", { kind: "absolute", value: 90 }).ok).toBe(false);
  });
  it("is an error for a negative band tolerance", () => {
    expect(scoreKpi(95, 100, "band", { kind: "absolute", value: -1 }).ok).toBe(false);
  });
});

describe("target equal to threshold, each polarity", () => {
  it("scores 0 when threshold equals target and the target is missed (higher)", () => {
    expect(scored(-1, 0, "higher", { kind: "absolute", value: 0 })).toMatchObject({
      status: "red",
      score: 0,
    });
    expect(scored(99, 100, "higher", { kind: "absolute", value: 100 })).toMatchObject({
      status: "red",
      score: 0,
    });
  });
  it("scores 10 when threshold equals target and the target is met exactly (higher and lower)", () => {
    expect(scored(100, 100, "higher", { kind: "absolute", value: 100 })).toMatchObject({
      status: "green",
      score: 10,
    });
    expect(scored(100, 100, "lower", { kind: "absolute", value: 100 })).toMatchObject({
      status: "green",
      score: 10,
    });
  });
  it("scores 10 when a lower-is-better target equal to its threshold is beaten", () => {
    expect(scored(99, 100, "lower", { kind: "absolute", value: 100 })).toMatchObject({
      status: "green",
      score: 10,
    });
  });
  it("is green for an actual exactly on a lower-is-better target (a ≤ t, not a < t)", () => {
    expect(scored(150, 150, "lower", { kind: "absolute", value: 165 })).toMatchObject({ status: "green" });
    expect(scored(150, 150, "lower", { kind: "absolute", value: 165 }).score).toBeCloseTo(20 / 3, 12);
  });
  it("is amber for an actual exactly on a lower-is-better red flag (a ≤ r, not a < r)", () => {
    expect(scored(165, 150, "lower", { kind: "absolute", value: 165 })).toMatchObject({ status: "amber" });
  });
  it("accepts a threshold equal to the target for every polarity", () => {
    expect(scoreKpi(1, 5, "higher", { kind: "absolute", value: 5 }).ok).toBe(true);
    expect(scoreKpi(1, 5, "lower", { kind: "absolute", value: 5 }).ok).toBe(true);
    expect(scoreKpi(1, 5, "band", { kind: "absolute", value: 0 }).ok).toBe(true);
  });
});

describe("comparisons as a spreadsheet makes them", () => {
  const ulpAway = (x: number, relative: number) => x * (1 + relative);
  it("treats numbers within 2⁻⁴⁸ of each other (relative) as equal, and no further", () => {
    expect(approxEqual(1, ulpAway(1, 2 ** -50))).toBe(true);
    expect(approxEqual(1, ulpAway(1, 2 ** -46))).toBe(false);
    expect(approxEqual(-1000, -1000 * (1 + 2 ** -50))).toBe(true);
    expect(approxEqual(0, 1e-300)).toBe(false);
    expect(approxEqual(0, 0)).toBe(true);
  });
  it("reads a ≥ b as a > b or a ≈ b, and a ≤ b as a < b or a ≈ b", () => {
    expect(atLeast(2, 1)).toBe(true);
    expect(atLeast(1, 2)).toBe(false);
    expect(atLeast(1, ulpAway(1, 2 ** -50))).toBe(true);
    expect(atMost(1, 2)).toBe(true);
    expect(atMost(2, 1)).toBe(false);
    expect(atMost(ulpAway(1, 2 ** -50), 1)).toBe(true);
  });
  it("makes 0.33 against target 0.3 with tolerance 10 % amber, not red (lower is better)", () => {
    const r = scored(0.33, 0.3, "lower", { kind: "tolerance", fraction: 0.1 });
    expect(r.threshold).not.toBe(0.33); // 0.3 + 0.1·0.3 is 0.33000000000000007 in doubles
    expect(r.status).toBe("amber");
  });
  it("makes 0.495 against target 0.55 with tolerance 10 % amber, not red (higher is better)", () => {
    const r = scored(0.495, 0.55, "higher", { kind: "tolerance", fraction: 0.1 });
    expect(r.threshold).not.toBe(0.495); // 0.49500000000000005 in doubles
    expect(r.status).toBe("amber");
  });
  it("makes 0.99 against target 1.1 with tolerance 10 % amber, as Excel paints it (higher is better)", () => {
    const r = scored(0.99, 1.1, "higher", { kind: "tolerance", fraction: 0.1 });
    expect(r.threshold).toBeGreaterThan(0.99); // 0.9900000000000001 in doubles
    expect(r.status).toBe("amber");
    expect(r.score).toBeCloseTo(10 / 3, 9);
  });
  it("makes |0.315 − 0.3| ≤ 5 %·0.3 hold for a band KPI: green", () => {
    expect(scored(0.315, 0.3, "band", { kind: "tolerance", fraction: 0.05 }).status).toBe("green");
  });
  it("makes an actual at twice a band tolerance amber, not red", () => {
    // |0.33 − 0.3| is 0.030000000000000027, 2g is 0.03.
    expect(scored(0.33, 0.3, "band", { kind: "tolerance", fraction: 0.05 }).status).toBe("amber");
  });
  it("makes an actual a hair under a target green when the two agree to 15 digits", () => {
    expect(scored(0.1 + 0.2, 0.3, "lower").status).toBe("green");
    expect(scored(0.3, 0.1 + 0.2, "higher").status).toBe("green");
  });
  it("still tells apart numbers that differ in the 14th digit", () => {
    expect(scored(99.9999999999, 100, "higher").status).toBe("amber");
    expect(scored(100.0000000001, 100, "lower").status).toBe("amber");
  });
  it("treats a band tolerance of 0 as met when the actual equals the target to 15 digits", () => {
    expect(scored(0.1 + 0.2, 0.3, "band", { kind: "absolute", value: 0 })).toMatchObject({
      status: "green",
      score: 10,
    });
  });
  it("does not call a threshold a hair above a higher-is-better target the wrong side", () => {
    expect(scoreKpi(1, 0.3, "higher", { kind: "absolute", value: 0.1 + 0.2 }).ok).toBe(true);
    expect(scoreKpi(1, 0.1 + 0.2, "lower", { kind: "absolute", value: 0.3 }).ok).toBe(true);
  });
});
