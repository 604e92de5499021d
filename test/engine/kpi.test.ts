import { resolveThreshold, scoreKpi } from "../../src/engine/kpi";

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
