import fc from "fast-check";
import { CsvLimitError, MAX_CSV_COLUMNS, MAX_CSV_ROWS, parseCsv } from "../../src/workbook/csv";
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
    const csv = parseCsv("KPI;Actual;Target\nMargin;0.45;1.050\nCost;12.5;2.000\n");
    expect(csv).toMatchObject({ delimiter: ";", decimalComma: false, ambiguities: [] });
    // The file writes decimal points, so "1.050" is one and five hundredths, not a thousand and fifty.
    expect(csv.rows.slice(1)).toEqual([
      ["Margin", 0.45, 1.05],
      ["Cost", 12.5, 2],
    ]);
  });

  it("finds tabs and keeps periods, words and codes as text", () => {
    const csv = parseCsv("Month\tKPI\tPolarity\tCode\n2026-01\tChurn\tlower\t00123x\n");
    expect(csv.delimiter).toBe("\t");
    expect(csv.rows[1]).toEqual(["2026-01", "Churn", "lower", "00123x"]);
  });

  it("reads back any table written with any delimiter", () => {
    const text = fc.string({ maxLength: 8 }).filter(
      (s) =>
        s.trim() !== "" &&
        !/^[-+−()$€£¥₹%\d.,'\s]+$/.test(s.trim()) &&
        // "0e0" is a number written in exponent notation, as a spreadsheet reads it too.
        !(/\d/.test(s) && /^[-+−()$€£¥₹%\d.,'\seE]+$/.test(s.trim())),
    );
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

describe("the delimiter of a CSV export", () => {
  it("is not one that cuts a quoted field, where another splits the lines as evenly", () => {
    // Semicolons inside quotes split each line in two as evenly as the tabs split it in three.
    const csv = parseCsv('0\t"; "\t0\r\n0\t";"\t0');
    expect(csv.delimiter).toBe("\t");
    expect(csv.rows).toEqual([
      [0, "; ", 0],
      [0, ";", 0],
    ]);
  });

  it("stays the semicolon of a decimal-comma export, which the comma splits as evenly", () => {
    expect(parseCsv("KPI;Actual;Target\nSales;1,5;2,5\nCost;3,5;4,5").delimiter).toBe(";");
  });
});

describe("numbers of a CSV export keep how they were written", () => {
  const cells = (text: string) => {
    const csv = parseCsv(text);
    return csv.rows.slice(1).map((r, i) => r.map((v, c) => [v, csv.formats[i + 1]?.[c] ?? null]));
  };

  it("as the cell's number format: percent, currency, thousands, bracketed negatives", () => {
    expect(
      cells(
        'KPI,Actual,Target\nNPS,42%,45.5%\nRevenue,"$1,050.50",$900\nCost,"1,234,567",(1 200)\nFee,12 €,-£3.5\n',
      ),
    ).toEqual([
      [
        ["NPS", null],
        [0.42, "0%"],
        [0.455, "0.0%"],
      ],
      [
        ["Revenue", null],
        [1050.5, "$#,##0.00"],
        [900, "$0"],
      ],
      [
        ["Cost", null],
        [1234567, "#,##0"],
        [-1200, "#,##0;(#,##0)"],
      ],
      [
        ["Fee", null],
        [12, '0 "€"'],
        [-3.5, '"£"0.0'],
      ],
    ]);
  });

  it("as a negative with its minus after it, as SAP exports write them", () => {
    expect(cells('Line;Plan;Ist\nZinsen;"12.000,00-";20.382,44-\nSteuern;500-;1.234,5\n')).toEqual([
      [
        ["Zinsen", null],
        [-12000, "#,##0.00;#,##0.00-"],
        [-20382.44, "#,##0.00;#,##0.00-"],
      ],
      [
        ["Steuern", null],
        [-500, "0;0-"],
        [1234.5, "#,##0.0"],
      ],
    ]);
    expect(parseCsv('KPI,Actual,Note\nCost,"1,234.50-",-12-\nFee,7.5-,(3-)\n').rows.slice(1)).toEqual([
      ["Cost", -1234.5, "-12-"],
      ["Fee", -7.5, "(3-)"],
    ]);
  });

  it("leaves plain numbers General and text that only looks numeric as text", () => {
    expect(cells("KPI;Actual;Code\nA;1050;1,2,3\nB;0,5;$\nC;-7;(12)%\n")).toEqual([
      [
        ["A", null],
        [1050, null],
        ["1,2,3", null],
      ],
      [
        ["B", null],
        [0.5, null],
        ["$", null],
      ],
      [
        ["C", null],
        [-7, null],
        ["(12)%", null],
      ],
    ]);
  });
});

describe("the decimal separator of a CSV export", () => {
  it.each([
    ["1.050,5", 1050.5],
    ["1 050,5", 1050.5],
    ["1\u00a0050,5", 1050.5],
    ["1050,5", 1050.5],
    ["0,447", 0.447],
    ["1.234.567", 1234567],
    ["1,050.5", 1050.5],
    ["1,234,567", 1234567],
    ["1'050.5", 1050.5],
  ])("reads %p, which can be read one way only, as %p", (written, value) => {
    const csv = parseCsv(`KPI;Actual\nA;${written}\n`);
    expect(csv.rows[1]).toEqual(["A", value]);
    expect(csv.ambiguities).toEqual([]);
  });

  it("reads a quoted US thousands separator as one, in a file separated by commas", () => {
    const csv = parseCsv('KPI,Actual,Target\nRevenue,"1,050","1,000.5"\nCost,"2,300",900\n');
    expect(csv.rows.slice(1)).toEqual([
      ["Revenue", 1050, 1000.5],
      ["Cost", 2300, 900],
    ]);
    expect(csv.formats[1]).toEqual([null, "#,##0", "#,##0.0"]);
    expect(csv.ambiguities).toEqual([]);
  });

  it("settles a number that reads either way by its column before its file", () => {
    // Actual writes decimal commas ("12,5"); Target writes a point ("2.5"): each column its own.
    const csv = parseCsv("KPI;Actual;Target\nA;1,050;1.050\nB;12,5;2.5\n");
    expect(csv.rows.slice(1)).toEqual([
      ["A", 1.05, 1.05],
      ["B", 12.5, 2.5],
    ]);
    // Column C writes nothing that settles it; the file's other numbers show the decimal comma.
    const byFile = parseCsv("KPI;Actual;Target\nA;0,5;1.050\nB;1,25;2.000\n");
    expect(byFile.rows.slice(1).map((r) => r[2])).toEqual([1050, 2000]);
    expect(byFile).toMatchObject({ decimalComma: true, ambiguities: [] });
  });

  it("warns of the first unsettled number of each column, reading it as its delimiter's convention", () => {
    const commas = parseCsv('KPI,Actual,Target\nA,"1,050",5\nB,"2,300",7\n');
    expect(commas.rows.slice(1).map((r) => r[1])).toEqual([1050, 2300]);
    expect(commas.ambiguities).toEqual([
      { row: 2, col: 2, text: "1,050", more: 1, readAs: 1050, otherReading: 1.05 },
    ]);
    const semicolons = parseCsv("KPI;Actual;Target\nA;1,050;1.500\n");
    expect(semicolons.rows[1]).toEqual(["A", 1.05, 1500]);
    expect(semicolons.ambiguities).toEqual([
      { row: 2, col: 2, text: "1,050", more: 0, readAs: 1.05, otherReading: 1050 },
      { row: 2, col: 3, text: "1.500", more: 0, readAs: 1500, otherReading: 1.5 },
    ]);
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

describe("a CSV of any size", () => {
  it("reads a million rows (no spread of a row-sized array into a call)", () => {
    const text = `KPI,Actual\n${"Revenue,1050\n".repeat(1_000_000)}`;
    const csv = parseCsv(text);
    expect(csv.rows).toHaveLength(1_000_001);
    expect(csv.rows[1_000_000]).toEqual(["Revenue", 1050]);
  });

  it("refuses more rows than a sheet has, saying so", () => {
    expect(() => parseCsv("1\n".repeat(MAX_CSV_ROWS + 1))).toThrow(
      new CsvLimitError(
        "it has more than 1,048,576 rows, the most a sheet holds; split it into files of fewer rows",
      ),
    );
    expect(() => parseCsv(",".repeat(MAX_CSV_COLUMNS))).toThrow(/more than the 16,384 columns/);
  });

  it("keeps a row of General cells as nulls", () => {
    const csv = parseCsv("a,b\nx,42%\n");
    expect(csv.formats[0]?.[1] ?? null).toBeNull();
    expect(csv.formats[1]?.[1]).toBe("0%");
  });
});
