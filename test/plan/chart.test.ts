import fc from "fast-check";
import { categoryAxisFor, niceStep, valueAxisFor } from "../../src/plan/chart";
import { propertyRuns } from "../helpers/runs";

/** The charts' width on the Dashboard: eight columns of 10 characters. */
const WIDTH = 450;
const months = (n: number) => Array.from({ length: n }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);

describe("a chart's category labels", () => {
  it("lie flat while each fits its category's share of the plot", () => {
    expect(categoryAxisFor(months(6), WIDTH, ["1,400"])).toEqual({ labelAngle: 0, labelSpacing: 1 });
    expect(categoryAxisFor(["2024", "2025", "2026"], WIDTH, ["100%"])).toEqual({
      labelAngle: 0,
      labelSpacing: 1,
    });
  });

  it("turn 45° where one would not fit flat (Excel would wrap it onto two lines)", () => {
    expect(categoryAxisFor(months(12), WIDTH, ["1,400"])).toEqual({ labelAngle: 45, labelSpacing: 1 });
    // Wider value labels leave the categories less room.
    expect(categoryAxisFor(months(9), WIDTH, ["1"])).toEqual({ labelAngle: 0, labelSpacing: 1 });
    expect(categoryAxisFor(months(9), WIDTH, ["$1,400,000.00"])).toEqual({
      labelAngle: 45,
      labelSpacing: 1,
    });
  });

  it("lie flat when a label is exactly as wide as its category's share", () => {
    // Nine months of 7 characters (42.5 pt each) and a value label "1" (9.5 pt): a plot of
    // 28 pt margins + 9.5 + 9 × 42.5 = 420 pt leaves each month its exact width.
    expect(categoryAxisFor(months(9), 420, ["1"])).toEqual({ labelAngle: 0, labelSpacing: 1 });
    expect(categoryAxisFor(months(9), 419, ["1"])).toEqual({ labelAngle: 45, labelSpacing: 1 });
  });

  it("label every n-th category where even turned they would overlap", () => {
    expect(categoryAxisFor(months(60), WIDTH, ["100"])).toEqual({ labelAngle: 45, labelSpacing: 3 });
  });
});

describe("a chart's value axis", () => {
  it.each([
    [[0.936, 0.99, 0.96], { minimum: 0, maximum: 1, majorUnit: 0.2 }],
    [[0.41, 0.447, 0.44], { minimum: 0, maximum: 0.5, majorUnit: 0.1 }],
    [[0.97, 1.04], { minimum: 0, maximum: 1.2, majorUnit: 0.2 }],
    [[964, 1321, 1250], { minimum: 0, maximum: 1400, majorUnit: 200 }],
    [[4.9, 5.4, 3.9], { minimum: 0, maximum: 6, majorUnit: 1 }],
    [[-5, 12, 10], { minimum: -5, maximum: 12.5, majorUnit: 2.5 }],
    [[0.1, 0.2, 0.3], { minimum: 0, maximum: 0.3, majorUnit: 0.05 }],
    [[0, 0], { minimum: 0 }],
    [[], {}],
    // Blanks and values that are not finite numbers take no part.
    [[null, 5.4, Number.NaN, 4.9, Number.POSITIVE_INFINITY, 3.9], { minimum: 0, maximum: 6, majorUnit: 1 }],
    [[null, null], {}],
    [[Number.NaN], {}],
    // A span wider than the largest double: the spreadsheet's own scale.
    [[1.7e308, -1.7e308], {}],
  ])("of %p is %p", (values, axis) => {
    expect(valueAxisFor(values)).toEqual(axis);
  });

  it("holds every value, ends at a gridline within one step of the highest, and never passes 100% needlessly", () => {
    // Thousandths from -1,000,000 to 1,000,000: a KPI's values, percentages among them.
    const value = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 24 }), (values) => {
        const axis = valueAxisFor(values);
        const high = Math.max(0, ...values);
        const low = Math.min(0, ...values);
        if (axis.majorUnit === undefined) return;
        const { minimum, maximum, majorUnit } = axis as Required<typeof axis>;
        expect(minimum).toBeLessThanOrEqual(low);
        expect(maximum).toBeGreaterThanOrEqual(high);
        expect(maximum - high).toBeLessThan(majorUnit * (1 + 1e-9));
        expect(Math.abs(maximum / majorUnit - Math.round(maximum / majorUnit))).toBeLessThan(1e-6);
        // Percentages: 100% is a gridline of every step a span up to 700% takes.
        if (high <= 1 && high - low <= 7) expect(maximum).toBeLessThanOrEqual(1);
        // Seven steps over the span, and a part of one more at each end, rounded out to a gridline.
        expect((maximum - minimum) / majorUnit).toBeLessThanOrEqual(9 + 1e-6);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("steps by 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.7, 1.4, 14, 17, 35, 0.035].map(niceStep)).toEqual([0.1, 0.2, 2, 2.5, 5, 0.005]);
  });
});
