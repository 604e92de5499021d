import fc from "fast-check";
import { parseCsv } from "../../src/workbook/csv";
import { csvSheetName } from "../../src/workbook/csv";
import { propertyRuns } from "../helpers/runs";

describe("reading a CSV export", () => {
  it("finds the comma, quotes included, and reads numbers and percentages as numbers", () => {
    const csv = parseCsv(
      '\uFEFFKPI,Actual,Target,Note\r\n"Revenue, net",1050.5,1000,"said ""ok"""\r\nNPS,95%,,\r\n',
    );
    expect(csv.delimiter).toBe(",");
    expect(csv.rows).toEqual([
      ["KPI", "Actual", "Target", "Note"],
      ["Revenue, net", 1050.5, 1000, 'said "ok"'],
      ["NPS", 0.95, null, null],
    ]);
  });

  it("finds a semicolon and a decimal comma, as European exports write them", () => {
    const csv = parseCsv("KPI;Actual;Target\nMargin;0,447;0,44\nRevenue;1.250,5;1.200\n");
    expect(csv).toMatchObject({ delimiter: ";", decimalComma: true });
    expect(csv.rows.slice(1)).toEqual([
      ["Margin", 0.447, 0.44],
      ["Revenue", 1250.5, 1200],
    ]);
  });

  it("keeps a decimal point under a semicolon when the file writes decimals so", () => {
    const csv = parseCsv("KPI;Actual\nMargin;0.45\nCost;1,5\n");
    expect(csv).toMatchObject({ delimiter: ";", decimalComma: false });
    expect(csv.rows.slice(1)).toEqual([
      ["Margin", 0.45],
      ["Cost", "1,5"],
    ]);
  });

  it("finds tabs and keeps periods, words and codes as text", () => {
    const csv = parseCsv("Month\tKPI\tPolarity\tCode\n2026-01\tChurn\tlower\t00123x\n");
    expect(csv.delimiter).toBe("\t");
    expect(csv.rows[1]).toEqual(["2026-01", "Churn", "lower", "00123x"]);
  });

  it("reads back any table written with any delimiter", () => {
    const text = fc
      .string({ maxLength: 8 })
      .filter((s) => s.trim() !== "" && !/^[-+]?[\d.,]+%?$/.test(s.trim()));
    const cell = fc.oneof(text, fc.integer({ min: -1e6, max: 1e6 }));
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.constantFrom(",", ";", "\t", "|"), (rows, delimiter) => {
        const quote = (v: string | number) =>
          typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`;
        const written = rows.map((r) => r.map(quote).join(delimiter)).join("\r\n");
        const read = parseCsv(written);
        expect(read.delimiter).toBe(delimiter);
        expect(read.rows).toEqual(
          rows.map((r) => r.map((v) => (typeof v === "string" && v.trim() === "" ? null : v))),
        );
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe("the sheet a CSV export goes to", () => {
  it.each([
    ["exports/kpi-export.csv", "kpi-export"],
    ["C:\\data\\Q1: results [final].csv", "Q1  results  final"],
    [".csv", "Data"],
    ["History.csv", "Data"],
    [`${"x".repeat(40)}.csv`, "x".repeat(31)],
  ])("%s → %s", (file, name) => {
    expect(csvSheetName(file)).toBe(name);
  });
});
