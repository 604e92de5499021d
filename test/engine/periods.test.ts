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
  it.each(["1899-12", "1899", "Mar 1899", "0000-01", "1899-Q1"])(
    "refuses the year before 1900 in %p",
    (text) => {
      expect(parsePeriodText(text)).toBeNull();
    },
  );
  it.each([
    ["1900-01", "1900-01"],
    ["9999-12", "9999-12"],
    ["9999", "9999"],
    ["Dec 9999", "9999-12"],
    ["1900", "1900"],
  ])("reads the years 1900 to 9999: %p", (text, key) => {
    const p = parsePeriodText(text);
    expect(p && periodKey(p)).toBe(key);
  });
  it.each([
    [" 2026-03 ", "2026-03"],
    ["\t2026-Q2\n", "2026-Q2"],
    ["  Mar 2026", "2026-03"],
    ["2026 ", "2026"],
  ])("reads %p around spaces", (text, key) => {
    const p = parsePeriodText(text);
    expect(p && periodKey(p)).toBe(key);
  });
  it.each([
    ["Sep 2026", "2026-09"],
    ["Sept. 2026", "2026-09"],
    ["Jan. 2026", "2026-01"],
    ["DECEMBER 2026", "2026-12"],
    ["May-2026", "2026-05"],
    ["2026Q3", "2026-Q3"],
    ["2026 - Q3", "2026-Q3"],
  ])("reads the month and quarter spellings %p", (text, key) => {
    const p = parsePeriodText(text);
    expect(p && periodKey(p)).toBe(key);
  });
  it.each(["Ma 2026", "Marc 2026", "Septe 2026", "Janu 2026", "2026-00", "2026-3-1x"])(
    "refuses %p",
    (text) => {
      expect(parsePeriodText(text)).toBeNull();
    },
  );
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

describe("period headers as finance teams write them", () => {
  it.each([
    ["Jan-26", "2026-01"],
    ["Sept 26", "2026-09"],
    ["Mar/26", "2026-03"],
    ["Q1 2026", "2026-Q1"],
    ["q3-26", "2026-Q3"],
    ["2026 Q2", "2026-Q2"],
    ["FY2026", "2026"],
    ["FY26", "2026"],
    ["fy 2027", "2027"],
  ])("reads %s as %s, a two-digit year being this century's", (text, key) => {
    expect(periodKey(parsePeriodText(text)!)).toBe(key);
  });
  it.each(["Q5 2026", "Q0 26", "Jan", "26", "FY", "Jan-1899", "Q1 1899", "FY1899", "Revenue 26"])(
    "does not take %s for a period",
    (text) => {
      expect(parsePeriodText(text)).toBeNull();
    },
  );
});

describe("period text, anchored at both ends", () => {
  it.each([
    ["Q12026", "2026-Q1"],
    ["Jan2026", "2026-01"],
    ["Sept 2026", "2026-09"],
    ["FY 26", "2026"],
    ["FY-2026", "2026"],
  ])("reads %s as %s", (text, key) => {
    expect(periodKey(parsePeriodText(text)!)).toBe(key);
  });
  it.each([
    "x2026-01",
    "2026-01x",
    "2026-Q1x",
    "x2026 Q1",
    "Q1 2026x",
    "xQ1 2026",
    "Q1ab 2026",
    "FY2026x",
    "xFY2026",
    "FYab2026",
    "FY ab2026",
    "FY26x",
    "xFY26",
    "FYab26",
    "FY ab26",
    "Jan 2026x",
    "1 Jan 2026",
    "Se.pt 2026",
    "1899-01",
  ])("does not take %s for a period", (text) => {
    expect(parsePeriodText(text)).toBeNull();
  });
});
