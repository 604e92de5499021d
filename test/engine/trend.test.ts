import { aggregate } from "../../src/engine/aggregate";
import { trendOf } from "../../src/engine/trend";

const p = (actual: number | null, target: number | null = 100) => ({ actual, target });

describe("trend against the period before", () => {
  it("is better when a higher-is-better value rises", () => {
    expect(trendOf("higher", p(110), p(100))).toBe("better");
    expect(trendOf("higher", p(90), p(100))).toBe("worse");
  });
  it("is better when a lower-is-better value falls", () => {
    expect(trendOf("lower", p(90), p(100))).toBe("better");
    expect(trendOf("lower", p(110), p(100))).toBe("worse");
  });
  it("is better for band when closer to the target, on either side", () => {
    expect(trendOf("band", p(98), p(105))).toBe("better");
    expect(trendOf("band", p(110), p(96))).toBe("worse");
  });
  it("is flat when equal within 1e-9 relative", () => {
    expect(trendOf("higher", p(100 + 1e-8), p(100))).toBe("flat");
    expect(trendOf("higher", p(100 + 1e-6), p(100))).toBe("better");
    expect(trendOf("band", p(103), p(97))).toBe("flat");
  });
  it("is none when either value is missing", () => {
    expect(trendOf("higher", p(null), p(100))).toBe("none");
    expect(trendOf("higher", p(100), p(null))).toBe("none");
  });
});

describe("fiscal-year-to-date aggregation", () => {
  const values = [3, 9, 6];
  it.each([
    ["last", 6],
    ["sum", 18],
    ["average", 6],
    ["min", 3],
    ["max", 9],
  ] as const)("%s of 3, 9, 6 is %p", (method, expected) => {
    expect(aggregate(method, values)).toBe(expected);
  });
  it("has no value without values", () => {
    expect(aggregate("sum", [])).toBeNull();
  });
});

describe("band trend when one period has no target", () => {
  it("judges both periods by the scored period's target when the earlier one has none", () => {
    // Target 100 for both: 98 is closer than 90.
    expect(trendOf("band", p(98, 100), p(90, null))).toBe("better");
  });
  it("judges both periods by the earlier target when the scored period has none", () => {
    // Target 50 for both: 60 is farther than 52.
    expect(trendOf("band", p(60, null), p(52, 50))).toBe("worse");
  });
  it("is none when neither period has a target", () => {
    expect(trendOf("band", p(60, null), p(52, null))).toBe("none");
  });
  it("judges each period by its own target when both have one", () => {
    // 105 is 5 from 100; 96 was 6 from 90: better, though 96 would be closer to 100.
    expect(trendOf("band", p(105, 100), p(96, 90))).toBe("better");
  });
  it("ignores targets for higher and lower", () => {
    expect(trendOf("higher", p(110, null), p(100, null))).toBe("better");
    expect(trendOf("lower", p(110, null), p(100, null))).toBe("worse");
  });
});
