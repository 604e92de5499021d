import { emptyDefinition, type Definition } from "../../src/model/definition";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { ScorecardModel } from "../../src/model/scorecard";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * A long table's Period column read as a whole (WORKBOOK.md, "Reading real files"): the year of
 * "Jan" from a Year column, a title or the sheet's name, or the user; the day order of 01/02/2024
 * from the column; never a row dropped without a word.
 */

const withSource = (extra: { year?: number; dayOrder?: "mdy" | "dmy" }): Definition => ({
  ...emptyDefinition(),
  source: { table: "", sheet: "", columns: {}, ...extra },
});

const read = (rows: readonly (readonly CellValue[])[], name = "Data", definition: Definition | null = null) =>
  readScorecard(book(sheet(name, rows)), definition, new Set());

function modelOf(reading: ScorecardReading): ScorecardModel {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  return reading.model;
}

const periodsOf = (m: ScorecardModel): string[] =>
  (m.kpis[0]?.observations ?? []).map((o) => `${o.period?.year}-${o.period?.index}`);

const YEARLESS = [
  ["KPI", "Month", "Actual", "Target"],
  ["Sales", "Jan", 10, 12],
  ["Sales", "Feb", 14, 12],
];

describe("months written without a year", () => {
  it("stop the reading with a sentence naming the cells, and this year offered, when nothing gives the year", () => {
    const reading = readScorecard(book(sheet("Data", YEARLESS)), null, new Set(), { yearToTry: 2026 });
    if (reading.ok) throw new Error("read without a year");
    expect(reading.fatal).toMatchObject({ code: "months-across-no-year", cell: "Data!B2" });
    expect(reading.fatal.message).toContain('The months in Data!B2:B3 ("Jan" … "Feb") name no year');
    expect(reading.suggestion).toEqual({ mapping: {}, year: 2026 });
  });

  it("leave out, each with its error, the rows without a year where others have one", () => {
    const model = modelOf(
      read([
        ["Year", "KPI", "Month", "Actual", "Target"],
        [2024, "Sales", "Jan", 10, 12],
        [null, "Sales", "Feb", 14, 12],
      ]),
    );
    expect(model.issues.map((i) => [i.code, i.cell])).toEqual([["period-no-year", "Data!C3"]]);
  });

  it("across the columns stop the reading too, and read with the year the title gives", () => {
    const wide = [
      ["KPI", "Jan", "Feb", "Mar", "Target"],
      ["Sales", 10, 12, 14, 12],
    ];
    const reading = readScorecard(book(sheet("Data", wide)), null, new Set(), { yearToTry: 2026 });
    if (reading.ok) throw new Error("read without a year");
    expect(reading.fatal.message).toContain("The months across Data!B1:D1");
    expect(reading.suggestion).toEqual({ mapping: {}, year: 2026 });
    const titled = modelOf(read([["Sales 2023"], ...wide]));
    expect(periodsOf(titled)).toEqual(["2023-1", "2023-2", "2023-3"]);
  });

  it("take the year the user gave", () => {
    expect(periodsOf(modelOf(read(YEARLESS, "Data", withSource({ year: 2024 }))))).toEqual([
      "2024-1",
      "2024-2",
    ]);
  });

  it("take the year the sheet's name says", () => {
    expect(periodsOf(modelOf(read(YEARLESS, "Budget 2025")))).toEqual(["2025-1", "2025-2"]);
  });

  it("take the year a title row above the table says", () => {
    const rows = [["Sales pack FY2024"], [], ...YEARLESS];
    expect(periodsOf(modelOf(read(rows)))).toHaveLength(2);
  });

  it("take each row's year from a Year column, in any of the seven languages", () => {
    for (const header of ["Year", "Año", "Jahr", "Année", "Anno", "Jaar"]) {
      const rows = [
        [header, "KPI", "Mes", "Actual", "Target"],
        [2023, "Sales", "dic", 9, 12],
        [2024, "Sales", "ene", 10, 12],
      ];
      expect(periodsOf(modelOf(read(rows)))).toEqual(["2023-12", "2024-1"]);
    }
  });
});

describe("dates whose day order no day above 12 settles", () => {
  const rows = [
    ["KPI", "Date", "Actual", "Target"],
    ["Sales", "01/02/2024", 10, 12],
    ["Sales", "01/03/2024", 14, 12],
  ];

  it("are read in the order that puts each row in a period of its own, with a warning at each cell", () => {
    const model = modelOf(read(rows));
    expect(periodsOf(model)).toEqual(["2024-2", "2024-3"]);
    expect(model.issues.map((i) => [i.code, i.cell])).toEqual([
      ["period-day-order", "Data!B2"],
      ["period-day-order", "Data!B3"],
    ]);
    expect(model.issues[0]?.message).toContain("day/month");
  });

  it("follow the order the user gave", () => {
    const model = modelOf(read(rows, "Data", withSource({ dayOrder: "mdy" })));
    expect(model.issues.filter((i) => i.code === "duplicate-kpi")).toHaveLength(1);
  });

  it("are settled by the column where one date has a day above 12, with no warning", () => {
    const model = modelOf(
      read([
        ["KPI", "Date", "Actual", "Target"],
        ["Sales", "1/31/2024", 10, 12],
        ["Sales", "2/01/2024", 14, 12],
      ]),
    );
    expect(periodsOf(model)).toEqual(["2024-1", "2024-2"]);
    expect(model.issues.filter((i) => i.code === "period-day-order")).toEqual([]);
  });
});

describe("the file's convention for dates no day above 12 settles", () => {
  const rows = [
    ["KPI", "Date", "Actual", "Target"],
    ["Sales", "02/01/2024", 10, 12],
    ["Sales", "02/03/2024", 14, 12],
  ];

  it("decides where both orders put each row in a period of its own, with a warning saying why", () => {
    const reading = readScorecard(book(sheet("Data", rows)), null, new Set(), { fileDayOrder: "dmy" });
    const model = modelOf(reading);
    expect(periodsOf(model)).toEqual(["2024-1", "2024-3"]);
    expect(model.issues[0]?.message).toContain("decimal comma");
  });

  it("gives way to the order that keeps each row in a period of its own", () => {
    const collide = [
      rows[0] as CellValue[],
      ["Sales", "02/01/2024", 10, 12],
      ["Sales", "03/01/2024", 14, 12],
    ];
    const model = modelOf(
      readScorecard(book(sheet("Data", collide)), null, new Set(), { fileDayOrder: "dmy" }),
    );
    expect(periodsOf(model)).toEqual(["2024-2", "2024-3"]);
  });
});
