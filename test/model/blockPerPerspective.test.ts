import { emptyDefinition } from "../../src/model/definition";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { layoutText } from "../../src/app/outcomeText";
import { book, score, sheet } from "../helpers/book";

/** Columns A to J left empty: a dashboard's blocks start at K, as the user's file has them. */
const atK = (rows: readonly (readonly CellValue[])[]): CellValue[][] =>
  rows.map((r) => (r.length ? [...Array<CellValue>(10).fill(null), ...r] : []));

/** Two blocks stacked from K7, a blank row or two between them, each headed by its corner cell. */
const dashboard = (finance: string, customer: string, customerValues = ["PY", "Actual", "Plan"]) =>
  sheet(
    "Dashboard",
    atK([
      [finance, "PY", "Actual", "Plan"],
      ["Sales", 90, 98, 91],
      ["Expenses", 82, 88, 82],
      [],
      [],
      [customer, ...customerValues],
      ["Customers", 543, 583, 555],
      ["Satisfaction %", 0.66, 0.7, 0.8],
    ]),
    { top: 7 },
  );

const fatalOf = (reading: ScorecardReading) => {
  if (reading.ok) throw new Error("the reading did not fail");
  return reading.fatal;
};

describe("a block per perspective", () => {
  it("reads blocks stacked on one sheet as one scorecard, each block's corner label its perspective", () => {
    const { model } = score(book(dashboard("Finance", "Customer")));
    expect(model.perspectives.map((p) => p.name)).toEqual(["Finance", "Customer"]);
    expect(model.kpis.map((k) => [k.perspective, k.name])).toEqual([
      ["Finance", "Sales"],
      ["Finance", "Expenses"],
      ["Customer", "Customers"],
      ["Customer", "Satisfaction %"],
    ]);
    expect(model.layout).toMatchObject({
      address: "Dashboard!K7:N9, Dashboard!K12:N14",
      perspectiveFrom: "corner",
      kpis: 4,
    });
    expect(layoutText(model.layout as NonNullable<typeof model.layout>)).toContain(
      "each block's corner label as its perspective",
    );
  });

  it("brings back every block from a stored definition naming one (the sheet as perspective if it says so); --table takes one", () => {
    const workbook = book(dashboard("Finance", "Customer"));
    const stored = {
      ...emptyDefinition(),
      source: { table: "Dashboard (2)", sheet: "Dashboard", columns: {} },
    };
    expect(score(workbook, { definition: stored }).model.perspectives.map((p) => p.name)).toEqual([
      "Finance",
      "Customer",
    ]);
    const sheetNamed = { ...stored, source: { ...stored.source, sheetAsPerspective: true } };
    expect(score(workbook, { definition: sheetNamed }).model.perspectives.map((p) => p.name)).toEqual([
      "Dashboard",
    ]);
    const one = score(workbook, { read: { table: "Dashboard (2)" } }).model;
    expect(one.kpis.map((k) => [k.perspective, k.name])).toEqual([
      ["Dashboard", "Customers"],
      ["Dashboard", "Satisfaction %"],
    ]);
  });

  it("leaves a table split by a blank row, its corner header KPI both times, two choices", () => {
    const fatal = fatalOf(readScorecard(book(dashboard("KPI", "KPI")), null, new Set()));
    expect(fatal.code).toBe("ambiguous-table");
    expect(fatal.message).toContain("Dashboard (Dashboard!K7:N9), Dashboard (2) (Dashboard!K12:N14)");
  });

  it("leaves blocks with the same corner label, or different value headers, two choices", () => {
    for (const workbook of [
      book(dashboard("Finance", "Finance")),
      book(dashboard("Finance", "Customer", ["Actual", "Target", "PY"])),
    ]) {
      expect(fatalOf(readScorecard(workbook, null, new Set())).code).toBe("ambiguous-table");
    }
  });

  it("names the blocks as one choice where another sheet holds a scorecard too", () => {
    // Found by its content as the blocks are: a sheet whose KPI column is headed by a plain word.
    const other = sheet("People", [
      ["People", "PY", "Actual", "Plan"],
      ["Headcount", 10, 12, 11],
    ]);
    const fatal = fatalOf(readScorecard(book(dashboard("Finance", "Customer"), other), null, new Set()));
    expect(fatal.message).toContain("a block per perspective (Dashboard!K7:N9, Dashboard!K12:N14)");
  });

  it("reads a heading row inside a block as an objective, and a block's total as a total", () => {
    const { model } = score(
      book(
        sheet("Dashboard", [
          ["Finance", "Actual", "Target"],
          ["Grow revenue"],
          ["Sales", 98, 91],
          ["Finance total", 98, 91],
          [],
          ["Customer", "Actual", "Target"],
          ["Customers", 583, 555],
        ]),
      ),
    );
    expect(model.kpis.map((k) => [k.perspective, k.objective, k.name])).toEqual([
      ["Finance", "Grow revenue", "Sales"],
      ["Customer", "Customers", "Customers"],
    ]);
    expect(model.layout).toMatchObject({ totals: 1, headings: 1 });
  });
});
