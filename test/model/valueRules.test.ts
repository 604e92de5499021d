import { isBlankCell, isDateFormat, numberFromText, readPeriod } from "../../src/model/values";

/** The value rules a quick mutation run of src/model found unstated (docs/mutation-survivors.md). */

describe("numbers written as text", () => {
  it("read brackets as a negative only when they enclose the whole text", () => {
    expect(numberFromText("(12)")).toBe(-12);
    expect(numberFromText("(12)x")).toBeNull();
  });

  it("allow a space after the minus sign, before or after the currency", () => {
    expect(numberFromText("- 12")).toBe(-12);
    expect(numberFromText("$- 5")).toBe(-5);
    expect(numberFromText("-$5")).toBe(-5);
    expect(numberFromText("$ 5")).toBe(5);
  });

  it("take a currency symbol only in front", () => {
    expect(numberFromText("5$")).toBeNull();
  });
});

describe("blank cells", () => {
  it("are empty or white space only", () => {
    expect(isBlankCell("  ")).toBe(true);
    expect(isBlankCell(" x ")).toBe(false);
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});

describe("date formats", () => {
  it("are formats with a year, day or month, not General or a time alone", () => {
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat(null)).toBe(false);
    expect(isDateFormat("yyyy")).toBe(true);
    expect(isDateFormat("dd/mm")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(false);
    expect(isDateFormat("0.00")).toBe(false);
  });
});

describe("periods in number and date cells", () => {
  it("read a whole number from 1900 to 9999 as a year, and nothing else below 10000", () => {
    expect(readPeriod(1900)).toEqual({ granularity: "year", year: 1900, index: 1 });
    expect(readPeriod(9999)).toEqual({ granularity: "year", year: 9999, index: 1 });
    expect(readPeriod(1899)).toBeNull();
    expect(readPeriod(2026.5)).toBeNull();
  });

  it("read a larger number as an Excel date, up to Excel's last day (31 Dec 9999)", () => {
    expect(readPeriod(10000)).toEqual({ granularity: "month", year: 1927, index: 5 });
    expect(readPeriod(45000)).toEqual({ granularity: "month", year: 2023, index: 3 });
    expect(readPeriod(2958465)).toEqual({ granularity: "month", year: 9999, index: 12 });
    expect(readPeriod(2958466)).toBeNull();
  });

  it("read a date cell from day 1 to Excel's last day", () => {
    expect(readPeriod({ date: 1 })).not.toBeNull();
    expect(readPeriod({ date: 0.5 })).toBeNull();
    expect(readPeriod({ date: 2958465 })).toEqual({ granularity: "month", year: 9999, index: 12 });
    expect(readPeriod({ date: 2958466 })).toBeNull();
  });
});
