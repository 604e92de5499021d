import {
  fiscalYearStart,
  parsePeriodText,
  periodFromExcelDate,
  periodKey,
  periodOrdinal,
  previousPeriod,
} from "../../src/engine/periods";

describe("period text", () => {
  it.each([
    ["2026-03", "2026-03"],
    ["2026-3", "2026-03"],
    ["2026-Q1", "2026-Q1"],
    ["2026 q4", "2026-Q4"],
    ["2026", "2026"],
    ["Mar 2026", "2026-03"],
    ["March 2026", "2026-03"],
    ["sept 2026", "2026-09"],
    ["2026-03-17", "2026-03"],
  ])("reads %p as %p", (text, key) => {
    const p = parsePeriodText(text);
    expect(p && periodKey(p)).toBe(key);
  });
  it.each(["", "2026-13", "Q5 2026", "Mars 2026", "26-03", "next month", "2026-Q0"])("refuses %p", (text) => {
    expect(parsePeriodText(text)).toBeNull();
  });
});

describe("Excel dates", () => {
  it("name the month any of their days falls in", () => {
    expect(periodKey(periodFromExcelDate(46023))).toBe("2026-01"); // 2026-01-01
    expect(periodKey(periodFromExcelDate(46053))).toBe("2026-01"); // 2026-01-31
    expect(periodKey(periodFromExcelDate(46054))).toBe("2026-02");
  });
});

describe("period arithmetic", () => {
  it("steps back across a year", () => {
    expect(periodKey(previousPeriod({ granularity: "month", year: 2026, index: 1 }))).toBe("2025-12");
    expect(periodKey(previousPeriod({ granularity: "quarter", year: 2026, index: 1 }))).toBe("2025-Q4");
    expect(periodKey(previousPeriod({ granularity: "year", year: 2026, index: 1 }))).toBe("2025");
  });
  it("orders periods", () => {
    expect(periodOrdinal(parsePeriodText("2026-01")!)).toBeGreaterThan(
      periodOrdinal(parsePeriodText("2025-12")!),
    );
  });
});

describe("fiscal year start", () => {
  it("is January of the same year by default", () => {
    expect(periodKey(fiscalYearStart(parsePeriodText("2026-06")!, 1))).toBe("2026-01");
  });
  it("is April of the year before for February with an April start", () => {
    expect(periodKey(fiscalYearStart(parsePeriodText("2026-02")!, 4))).toBe("2025-04");
    expect(periodKey(fiscalYearStart(parsePeriodText("2026-04")!, 4))).toBe("2026-04");
  });
  it("follows the quarter holding the start month for quarterly tables", () => {
    expect(periodKey(fiscalYearStart(parsePeriodText("2026-Q1")!, 4))).toBe("2025-Q2");
    expect(periodKey(fiscalYearStart(parsePeriodText("2026-Q3")!, 7))).toBe("2026-Q3");
  });
});
