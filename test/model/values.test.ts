import { normalizeHeader, roleOfHeader } from "../../src/model/headers";
import { numberFromText, parseAggregation, parsePolarity, readNumber } from "../../src/model/values";

describe("header matching", () => {
  it.each([
    ["Actual (USD)", "actual"],
    ["  ACTUAL value ", "actual"],
    ["Result (USD k)", "actual"],
    ["Strategic Objective", "objective"],
    ["KPI Name", "kpi"],
    ["Metric", "kpi"],
    ["Goal", "target"],
    ["Plan", "target"],
    ["Red Flag", "threshold"],
    ["Tolerance %", "tolerance"],
    ["Direction", "polarity"],
    ["KPI Weight", "weight"],
    ["Responsible", "owner"],
    ["Month", "period"],
    ["Notes", "comment"],
    ["Start", "baseline"],
  ])("reads %p as %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });
  it("ignores case, spaces, punctuation and a trailing unit", () => {
    expect(normalizeHeader("Target-Value [EUR]")).toBe("targetvalue");
  });
  it("knows no role for other headers", () => {
    expect(roleOfHeader("Q1 commentary")).toBeNull();
  });
});

describe("numbers stored as text", () => {
  it.each([
    ["95%", 0.95],
    ["1,234.5", 1234.5],
    ["$1,200", 1200],
    ["-12", -12],
    ["(1,200)", -1200],
    ["€ 3.5", 3.5],
    ["-$5", -5],
    [" 42 ", 42],
    ["1e3", 1000],
    // A trailing minus, as SAP and other ERP exports write a negative amount.
    ["1,234.50-", -1234.5],
    ["500-", -500],
    ["12.5 -", -12.5],
  ])("reads %p as %p", (text, value) => {
    expect(numberFromText(text)).toBe(value);
  });
  it.each(["1,5", "1.234,5", "n/a", "—", "12 apples", "1,23,4", "", "--5", "-12-", "(12)-", "2024-01-", "-"])(
    "leaves %p as text",
    (text) => {
      expect(numberFromText(text)).toBeNull();
    },
  );
  it("tells blanks, errors, text and numbers apart", () => {
    expect(readNumber(null)).toEqual({ kind: "blank" });
    expect(readNumber("  ")).toEqual({ kind: "blank" });
    expect(readNumber({ error: "#N/A" })).toEqual({ kind: "error", code: "#N/A" });
    expect(readNumber(true)).toEqual({ kind: "text", text: "TRUE" });
    expect(readNumber("7%")).toEqual({ kind: "number", value: 0.07, fromText: "7%" });
    expect(readNumber(3)).toEqual({ kind: "number", value: 3 });
  });
});

describe("polarity words", () => {
  it.each([
    ["higher", "higher"],
    ["Higher is better", "higher"],
    ["UP", "higher"],
    ["Maximize", "higher"],
    ["↑", "higher"],
    ["lower is better", "lower"],
    ["Down", "lower"],
    ["decrease", "lower"],
    ["↓", "lower"],
    ["Within range", "band"],
    ["Stabilize", "band"],
    ["maintain", "band"],
    ["closer is better", "band"],
    ["On target", "band"],
  ])("reads %p as %s", (word, polarity) => {
    expect(parsePolarity(word)).toBe(polarity);
  });
  it("leaves a blank to the default and flags other words", () => {
    expect(parsePolarity("")).toBeNull();
    expect(parsePolarity("sideways")).toBe("unknown");
  });
  it("reads aggregation words", () => {
    expect(["Last", "sum", "Average", "min", "MAX", "", "median"].map(parseAggregation)).toEqual([
      "last",
      "sum",
      "average",
      "min",
      "max",
      null,
      "unknown",
    ]);
  });
});
