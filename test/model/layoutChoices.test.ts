import { emptyDefinition, type Definition } from "../../src/model/definition";
import { tableFromRange, type ColumnMapping, type SourceLayout } from "../../src/model/detect";
import { readScorecard } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { allKpis, book, score, sheet } from "../helpers/book";

/** A definition holding what a user chose by hand in the set-up (or with bsc's switches). */
const chosen = (columns: ColumnMapping, layout: SourceLayout): Definition => ({
  ...emptyDefinition(),
  source: { table: "", sheet: "", columns, ...layout },
});

const fatalOf = (rows: CellValue[][], definition: Definition) => {
  const reading = readScorecard(book(sheet("Data", rows)), definition, new Set());
  if (reading.ok) throw new Error("expected the reading to stop");
  return reading.fatal;
};

const statuses = (rows: CellValue[][], definition: Definition | null, name = "Data") =>
  allKpis(score(book(sheet(name, rows)), definition ? { definition } : {}).result).map(
    (k) => `${k.kpi.name} ${k.status} ${k.actual}`,
  );

/** The tidy original every hand-made reading below must give. */
const TIDY: CellValue[][] = [
  ["Perspective", "Objective", "KPI", "Actual", "Target"],
  ["Financial", "Grow", "Revenue", 90, 100],
  ["Customer", "Delight", "NPS", 50, 40],
];

describe("a range chosen by hand", () => {
  // Headers the product has no word for: only the user can say what each column is.
  const odd: CellValue[][] = [
    ["Quarterly pack", null, null, null, null],
    [null, null, null, null, null],
    ["Area", "Aim", "Measure X", "Figure", "Goal B"],
    ["Financial", "Grow", "Revenue", 90, 100],
    ["Customer", "Delight", "NPS", 50, 40],
  ];
  const columns: ColumnMapping = {
    perspective: "Area",
    objective: "Aim",
    kpi: "Measure X",
    actual: "Figure",
  };

  it("scores a block whose headers name no role as the tidy table does, once each role is named", () => {
    const expected = statuses(TIDY, null);
    expect(statuses(odd, chosen({ ...columns, target: "Goal B" }, { range: "Data!A3:E5" }))).toEqual(
      expected,
    );
  });

  it("runs down from a header row chosen alone, as a found block does", () => {
    const expected = statuses(TIDY, null);
    expect(statuses(odd, chosen({ ...columns, target: "Goal B" }, { range: "Data!A3:E3" }))).toEqual(
      expected,
    );
  });

  it("reads only the rows inside the range when it spans more than the header", () => {
    const kpis = statuses(odd, chosen({ ...columns, target: "Goal B" }, { range: "data!A3:E4" }));
    expect(kpis).toEqual([statuses(TIDY, null)[0]]);
  });

  it("names the columns still missing, at the range's first header cell", () => {
    const fatal = fatalOf(odd, chosen(columns, { range: "Data!A3:E5" }));
    expect(fatal.code).toBe("range-unusable");
    expect(fatal.cell).toBe("Data!A3");
    expect(fatal.message).toBe(
      "The chosen range Data!A3:E5 has no Target column in its first row, which is read as the header row: choose the header that holds each.",
    );
  });

  it.each([
    ["B4:M40", "names no sheet: write it as Data!B4:M40"],
    ["Data!B4:", "is not a reference such as Data!B4:M40"],
    ["Budget!A1:E5", "names a sheet the workbook does not have (Budget)"],
  ])("refuses %s: it %s", (range, reason) => {
    const fatal = fatalOf(TIDY, chosen({}, { range }));
    expect(fatal.message).toBe(`The chosen range ${range} ${reason}.`);
  });

  it.each(["Data!A:E", "'Data'!$A:$E", "data!E:A"])(
    "reads whole columns (%s) from their first row naming two or more of them, down to the block's end",
    (range) => {
      const expected = statuses(TIDY, null);
      expect(statuses(odd, chosen({ ...columns, target: "Goal B" }, { range }))).toEqual(expected);
    },
  );

  it("refuses whole columns where no row among the first names two of them, saying how to choose", () => {
    const fatal = fatalOf([["Title only"], [1, 2, 3]], chosen({}, { range: "Data!A:C" }));
    expect(fatal.message).toBe(
      "The chosen range Data!A:C has no row naming two or more of its columns in its first 30 rows: choose the header row, such as Data!B4:M4.",
    );
  });

  it("wins over the tables found by their headers", () => {
    const twoTables: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Revenue", 90, 100],
      [],
      [],
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Customer", "Delight", "NPS", 50, 40],
    ];
    expect(statuses(twoTables, chosen({}, { range: "Data!A5:E6" }))).toEqual([statuses(TIDY, null)[1]]);
  });
});

describe("periods across the columns, said by hand", () => {
  // "Value" reads as an Actual column, so the block is taken for a long table on its own.
  const wide: CellValue[][] = [
    ["KPI", "Value", "Target", "Jan-26", "Feb-26"],
    ["Revenue", "see note", 100, 80, 90],
    ["NPS", null, 40, 45, 50],
  ];

  it("reads each period header's column as that period's values", () => {
    const definition = chosen({}, { range: "Data!A1:E3", periodsAcross: true });
    const { model, result } = score(book(sheet("Data", wide)), { definition });
    expect(model.layout?.shape).toBe("wide");
    expect(model.layout?.periods).toBe(2);
    // February's figures are the tidy table's.
    expect(allKpis(result).map((k) => `${k.kpi.name} ${k.status} ${k.actual}`)).toEqual(statuses(TIDY, null));
  });

  it("are found without being said when two or more periods head the columns, beside an Actual-named column", () => {
    expect(score(book(sheet("Data", wide))).model.layout?.shape).toBe("wide");
  });

  it("applies to the table found by its headers when no range is given, one period being enough then", () => {
    // This month alone across: read as a long table (Value its Actual) unless told.
    const thisMonth: CellValue[][] = [
      ["KPI", "Value", "Target", "Feb-26"],
      ["Revenue", "see note", 100, 90],
    ];
    expect(score(book(sheet("Data", thisMonth))).model.layout?.shape).toBe("long");
    const definition = chosen({}, { periodsAcross: true });
    const { model, result } = score(book(sheet("Data", thisMonth)), { definition });
    expect(model.layout).toMatchObject({ shape: "wide", periods: 1 });
    expect(allKpis(result).map((k) => k.actual)).toEqual([90]);
  });

  it("says so when no header of the row is a period", () => {
    const fatal = fatalOf(TIDY, chosen({}, { range: "Data!A1:E3", periodsAcross: true }));
    expect(fatal.message).toBe(
      "The chosen range Data!A1:E3 has no period headers across row 1 (such as Jan-26, 2026-01 or Q1 2026).",
    );
    const noKpi = fatalOf(
      [["Name", "Jan-26", "Feb-26"]],
      chosen({}, { range: "Data!A1:C1", periodsAcross: true }),
    );
    expect(noKpi.message).toContain("has no KPI column and no period headers across row 1");
  });
});

describe("the sheet's name as the perspective", () => {
  const rows: CellValue[][] = [
    ["Perspective", "KPI", "Actual", "Target"],
    ["Grow revenue", null, null, null],
    [null, "Revenue", 90, 100],
    ["Cut cost", null, null, null],
    [null, "Cost", 80, 100],
  ];

  it("names every KPI's perspective after its sheet, and heading rows then name objectives", () => {
    const { model } = score(book(sheet("Financial", rows)), {
      definition: chosen({ perspective: "" }, { sheetAsPerspective: true }),
    });
    expect(model.kpis.map((k) => `${k.perspective} / ${k.objective} / ${k.name}`)).toEqual([
      "Financial / Grow revenue / Revenue",
      "Financial / Cut cost / Cost",
    ]);
  });

  it("leaves a Perspective column unread, whatever the mapping says of it", () => {
    const { model } = score(book(sheet("Financial", rows)), {
      definition: chosen({}, { sheetAsPerspective: true }),
    });
    expect(new Set(model.kpis.map((k) => k.perspective))).toEqual(new Set(["Financial"]));
    expect(model.layout?.perspectiveFrom).toBe("sheet");
  });

  it("is not the reading without the switch", () => {
    const { model } = score(book(sheet("Financial", rows)));
    expect(model.kpis.map((k) => k.perspective)).toEqual(["Grow revenue", "Cut cost"]);
  });
});

describe("tableFromRange", () => {
  it("keeps the range's columns and rows as the block, whatever its header words", () => {
    const table = tableFromRange(book(sheet("Data", TIDY)), "'Data'!B1:E2");
    expect(table).toMatchObject({
      sheet: "Data",
      source: "range",
      headerRow: 1,
      lastDataRow: 2,
      left: 2,
      right: 5,
      shape: "long",
      kind: "scorecard",
    });
  });

  it("reads a block of Perspective and Objective columns alone as a scorecard table still to be mapped", () => {
    const table = tableFromRange(
      book(
        sheet("Data", [
          ["Perspective", "Objective"],
          ["Financial", "Grow"],
        ]),
      ),
      "Data!A1:B2",
    );
    expect(table).toMatchObject({ kind: "scorecard", columns: { perspective: 1, objective: 2 } });
  });
});
