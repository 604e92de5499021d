import {
  parseColumnsReference,
  columnLetters,
  columnNumber,
  parseReference,
  quoteSheetName,
  sheetCell,
} from "../../src/model/address";

describe("sheet-qualified addresses", () => {
  it.each([
    ["Data", "Data!E5"],
    ["P&L 2026", "'P&L 2026'!E5"],
    ["Données", "Données!E5"],
    ["KPI2026", "'KPI2026'!E5"],
    ["R1C1", "'R1C1'!E5"],
    ["2026", "'2026'!E5"],
    ["Bob's KPIs", "'Bob''s KPIs'!E5"],
  ])("writes %p as Excel does: %p", (name, address) => {
    expect(sheetCell(name, 5, 5)).toBe(address);
  });
  it("reads back what it writes", () => {
    expect(parseReference("'Bob''s KPIs'!$B$2:$C$9")).toEqual({
      sheet: "Bob's KPIs",
      box: { top: 2, left: 2, bottom: 9, right: 3 },
    });
    expect(parseReference(`${quoteSheetName("P&L 2026")}!AA10`)).toMatchObject({
      sheet: "P&L 2026",
      box: { left: 27 },
    });
  });
  it("converts column letters both ways", () => {
    for (const n of [1, 26, 27, 52, 702, 703, 16384]) expect(columnNumber(columnLetters(n))).toBe(n);
    expect(columnLetters(28)).toBe("AB");
  });
});

describe("whole-column references", () => {
  it.each([
    ["Data!B:F", { sheet: "Data", left: 2, right: 6 }],
    ["'P&L 2026'!$F:$B", { sheet: "P&L 2026", left: 2, right: 6 }],
    ["'It''s'!AA:AB", { sheet: "It's", left: 27, right: 28 }],
    ["C:C", { sheet: null, left: 3, right: 3 }],
  ])("read %p as its sheet and columns", (text, expected) => {
    expect(parseColumnsReference(text)).toEqual(expected);
  });

  it.each(["Data!B4:F9", "Data!B", "Data!B:", "Data!1:4"])("are not %p", (text) => {
    expect(parseColumnsReference(text)).toBeNull();
  });
});
