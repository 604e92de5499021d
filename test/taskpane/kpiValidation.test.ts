import {
  parseTyped,
  thresholdProblem,
  toleranceProblem,
  weightProblem,
} from "../../src/taskpane/views/kpiValidation";

describe("what the KPI forms refuse", () => {
  it("reads numbers as typed: thousands separators, percentages, nothing, or not a number", () => {
    expect(["", " 1,250 ", "90%", "12.5 %", "abc", "%", "1e3"].map((t) => parseTyped(t))).toEqual([
      undefined,
      1250,
      0.9,
      0.125,
      "invalid",
      "invalid",
      1000,
    ]);
    // A field kept in percent reads a bare number as a percentage.
    expect([parseTyped("15", true), parseTyped("15%", true)]).toEqual([0.15, 0.15]);
  });

  it("refuses a red flag on the wrong side of the target for its polarity, as the engine would", () => {
    expect(thresholdProblem("higher", 100, 110)).toBe(
      "With higher is better, the red flag must be at or below the target (100).",
    );
    expect(thresholdProblem("lower", 0.4, 0.3, "0%")).toBe(
      "With lower is better, the red flag must be at or above the target (40%).",
    );
    expect(thresholdProblem("band", 20, -1)).toBe(
      "A band's tolerance is a distance from the target: 0 or more.",
    );
    expect([
      thresholdProblem("higher", 100, 90),
      thresholdProblem("higher", 100, 100),
      thresholdProblem("lower", 100, 110),
      thresholdProblem("band", 20, 0),
      thresholdProblem("higher", null, 500),
      thresholdProblem("higher", 100, undefined),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("refuses a negative tolerance and a negative or unreadable weight", () => {
    expect([toleranceProblem(-0.05), toleranceProblem(0), toleranceProblem(undefined)]).toEqual([
      "A tolerance is 0 % or more.",
      undefined,
      undefined,
    ]);
    expect([weightProblem(-1), weightProblem("invalid"), weightProblem(0), weightProblem(undefined)]).toEqual(
      ["A weight is a number of 0 or more.", "A weight is a number of 0 or more.", undefined, undefined],
    );
  });
});
