import { emptyDefinition, type Definition } from "../../src/model/definition";
import { roleOfHeader } from "../../src/model/headers";
import { numberedPeriodOf, readPeriodCell, readPeriodColumn } from "../../src/model/periodText";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * Periods numbered under the header that names them, and targets named with how often they are
 * set: sales exports write a Quarter column of 1–4 and a Week column of 5, 6, 7 with the year
 * nowhere, beside "Quarterly Targets" (docs/realworld-corpus.md). The year is asked for, as for
 * month names without one; never a row left out for a number the header explains.
 */

const withYear = (year: number): Definition => ({
  ...emptyDefinition(),
  source: { table: "", sheet: "", columns: {}, year },
});

const read = (
  rows: readonly (readonly CellValue[])[],
  definition: Definition | null = null,
): ScorecardReading => readScorecard(book(sheet("Data", rows)), definition, new Set(), { yearToTry: 2026 });

describe("the kind of period a header numbers", () => {
  it.each([
    ["Quarter", "quarter"],
    ["Trimestre", "quarter"],
    ["Quartal", "quarter"],
    ["Kwartaal", "quarter"],
    ["Week", "week"],
    ["Semana", "week"],
    ["Semaine", "week"],
    ["KW", "week"],
    ["Settimana", "week"],
    ["Month", "month"],
    ["Mês", "month"],
    ["Maand", "month"],
    ["Period", null],
    ["Quarterly Targets", null],
  ])("%s numbers %s", (header, kind) => {
    expect(numberedPeriodOf(header)).toBe(kind);
  });

  it("reads a quarter's or a week's number in its range, and nothing outside it", () => {
    const quarter = (v: CellValue) => readPeriodCell(v, { numbered: "quarter" });
    expect(quarter(3)).toEqual({ kind: "yearless", granularity: "quarter", index: 3 });
    expect(quarter("04")).toEqual({ kind: "yearless", granularity: "quarter", index: 4 });
    expect([0, 5, 2.5, "3a"].map(quarter)).toEqual([null, null, null, null]);
    expect(readPeriodCell(53, { numbered: "week" })).toEqual({
      kind: "yearless",
      granularity: "week",
      index: 53,
    });
    expect(readPeriodCell(54, { numbered: "week" })).toBeNull();
    // Without the header's word a bare number is no period.
    expect(readPeriodCell(3)).toBeNull();
  });

  it("says what every cell names without a year: months, quarters or weeks, or none where one has a year", () => {
    expect(readPeriodColumn([1, 2, 4], { numbered: "quarter" }).allYearless).toBe("quarter");
    expect(readPeriodColumn(["Jan", "Feb"]).allYearless).toBe("month");
    expect(readPeriodColumn(["Jan", "Feb 2024"]).allYearless).toBeNull();
    expect(readPeriodColumn([1, 2], { numbered: "quarter", year: 2024 }).allYearless).toBeNull();
  });
});

describe("a long table of numbered quarters or weeks with no year", () => {
  const QUARTERS = [
    ["Channel", "Quarter", "Value", "Quarterly Targets"],
    ["Online", 1, 74562, 72500],
    ["In-Person", 1, 77576, 75000],
    ["Online", 4, 61908, 60000],
    ["In-Person", 4, 43223, 60000],
  ];

  it("asks the year of the quarters, naming them, and offers one that scores the table", () => {
    const reading = read(QUARTERS);
    if (reading.ok) throw new Error("read without a year");
    expect(reading.fatal).toMatchObject({ code: "months-across-no-year", cell: "Data!B2" });
    expect(reading.fatal.message).toContain('The quarters in Data!B2:B5 ("1" … "4") name no year');
    expect(reading.suggestion).toMatchObject({ year: 2026 });
  });

  it("scores the quarters of the year given, the targets read from 'Quarterly Targets'", () => {
    const reading = read(QUARTERS, withYear(2024));
    if (!reading.ok) throw new Error(reading.fatal.message);
    expect(reading.model.kpis.map((k) => k.name)).toEqual(["Online", "In-Person"]);
    const latest = reading.model.kpis.map((k) => {
      const o = k.observations[k.observations.length - 1];
      return [o?.period, o?.actual, o?.target].map((v) => (v && "value" in v ? v.value : v));
    });
    expect(latest).toEqual([
      [{ granularity: "quarter", year: 2024, index: 4 }, 61908, 60000],
      [{ granularity: "quarter", year: 2024, index: 4 }, 43223, 60000],
    ]);
  });

  it("reads numbered weeks the same way (Semana, Spanish)", () => {
    const rows = [
      ["Indicador", "Semana", "Real", "Meta semanal"],
      ["Ventas", 7, 4467, 3050],
      ["Ventas", 8, 3055, 3550],
    ];
    const asked = read(rows);
    if (asked.ok) throw new Error("read without a year");
    expect(asked.fatal.message).toContain("The weeks in Data!B2:B3");
    const reading = read(rows, withYear(2024));
    if (!reading.ok) throw new Error(reading.fatal.message);
    const last = reading.model.kpis[0]?.observations.at(-1);
    expect(last?.period).toMatchObject({ granularity: "week", year: 2024, index: 8 });
    expect([last?.actual, last?.target]).toEqual([
      { kind: "number", value: 3055 },
      { kind: "number", value: 3550 },
    ]);
  });
});

describe("a target or actual named with how often it is set", () => {
  it.each([
    ["Quarterly Targets", "target"],
    ["Monthly Target", "target"],
    ["Annual Budget", "target"],
    ["Monthly Actual", "actual"],
    ["Meta mensual", "target"],
    ["Presupuesto anual", "target"],
    ["Objectif trimestriel", "target"],
    ["Obiettivo annuale", "target"],
    ["Jahresziel", "target"],
    ["Jaarbudget", "target"],
  ])("%s is the %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it("while a period word before no role's word names nothing", () => {
    expect(["Monthly Sales", "Quarterly", "Annual Report", "Semana"].map(roleOfHeader)).toEqual([
      null,
      null,
      null,
      "period",
    ]);
  });
});
