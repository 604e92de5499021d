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
