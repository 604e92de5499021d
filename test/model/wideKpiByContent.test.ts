import { tableFromRange } from "../../src/model/detect";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { ScorecardModel } from "../../src/model/scorecard";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * A table of periods across whose KPI column no header word names ("Table", a blank corner): the
 * column of names left of the periods whose rows pair up as "Sales Act" / "Sales Plan" is the KPI
 * column, as a long table's column of names beside Actual and Target is (roles.ts).
 */

const reading = (rows: CellValue[][]): ScorecardReading =>
  readScorecard(book(sheet("Finance", rows)), null, new Set(), {});

function modelOf(rows: CellValue[][]): ScorecardModel {
  const read = reading(rows);
  if (!read.ok) throw new Error(`fatal: ${read.fatal.message}`);
  return read.model;
}

/** Each KPI (of each entity) as "name actual/target …", a pair per period read. */
const pairs = (model: ScorecardModel): string[] =>
  model.kpis.map((k) =>
    [
      k.entity === null ? k.name : `${k.entity} ${k.name}`,
      ...k.observations.map((o) =>
        [o.actual, o.target].map((v) => (v.kind === "number" ? v.value : v.kind)).join("/"),
      ),
    ].join(" "),
  );

const budgetRows = (corner: CellValue): CellValue[][] => [
  [corner, "Jan-26", "Feb-26"],
  ["Sales Act", 100, 120],
  ["Sales Plan", 110, 110],
  ["Expenses Actual", 50, 70],
  ["Expenses Plan", 60, 60],
];

const expected = ["Sales 100/110 120/110", "Expenses 50/60 70/60"];

describe("the KPI column of a wide table found by its paired names", () => {
  it.each(["Table", "Line item"])("is the column headed %s, and the Read line says why", (corner) => {
    const model = modelOf(budgetRows(corner));
    expect(pairs(model)).toEqual(expected);
    expect(model.layout?.inferred.join(" ")).toContain(
      `KPI from "${corner}": the column of names left of the periods across, its rows paired as actual and target`,
    );
  });

  it("is the unheaded column left of the header run", () => {
    const model = modelOf(budgetRows(null));
    expect(pairs(model)).toEqual(expected);
    expect(model.layout?.inferred.join(" ")).toContain(
      "KPI from the unheaded column of names left of the periods across",
    );
  });

  it("is the unheaded column left of a range the user chose, which the table takes in", () => {
    const table = tableFromRange(book(sheet("Finance", budgetRows(null))), "Finance!B1:C5");
    if (!("sheet" in table)) throw new Error(`unusable: ${table.message}`);
    expect([table.left, table.columns.kpi]).toEqual([1, 1]);
  });

  it("passes over a column of entities' names with no series word, and a Total column right of the periods", () => {
    const model = modelOf([
      ["Table", "State", "Jan-26", "Feb-26", "Total"],
      ["Sales Act", "AZ", 100, 120, 220],
      ["Sales Act", "NY", 200, 190, 390],
      ["Sales Plan", "AZ", 110, 110, 220],
      ["Sales Plan", "NY", 180, 200, 380],
    ]);
    expect(pairs(model)).toEqual(["AZ Sales 100/110 120/110", "NY Sales 200/180 190/200"]);
  });

  it("is no column of names whose rows carry no series word (a guard: no KPI column is read)", () => {
    const read = reading([
      ["Region", "Jan-26", "Feb-26"],
      ["North", 100, 120],
      ["South", 110, 110],
    ]);
    expect(read.ok).toBe(false);
  });
});
