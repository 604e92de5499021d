import type { Definition } from "../../src/model/definition";
import { emptyDefinition } from "../../src/model/definition";
import { readScorecard, type ReadOptions, type ScorecardReading } from "../../src/model/read";
import type { ScorecardModel } from "../../src/model/scorecard";
import type { CellValue, TableSnapshot, WorkbookSnapshot } from "../../src/model/snapshot";
import { book, sheet, tableSheet } from "../helpers/book";

/**
 * The reading rules of src/model/read.ts that the model's mutation run found unstated
 * (issues 8 and 11): which table is read, what each cell of it gives, and what the
 * reader says about the rows it leaves out.
 */

type Source = NonNullable<Definition["source"]>;

/** A stored definition with the fields given over an empty one. */
const stored = (
  extra: Partial<Omit<Definition, "source">> & { source?: Partial<Source> } = {},
): Definition => {
  const { source, ...rest } = extra;
  return {
    ...emptyDefinition(),
    ...rest,
    source: source ? { table: "Data", sheet: "Data", columns: {}, ...source } : null,
  };
};

const read = (workbook: WorkbookSnapshot, definition: Definition | null = null, options: ReadOptions = {}) =>
  readScorecard(workbook, definition, new Set(), options);

/** The model of a reading that must succeed. */
function modelOf(reading: ScorecardReading): ScorecardModel {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  return reading.model;
}

/** The fatal problem of a reading that must fail. */
function fatalOf(reading: ScorecardReading) {
  if (reading.ok) throw new Error("the reading did not fail");
  return reading.fatal;
}

const names = (reading: ScorecardReading) => modelOf(reading).kpis.map((k) => k.name);
const issuesOf = (reading: ScorecardReading) =>
  modelOf(reading).issues.map((i) => ({ code: i.code, cell: i.cell, message: i.message }));

/** A KPI, Actual, Target block with one KPI row. */
const block = (kpi: string): CellValue[][] => [
  ["KPI", "Actual", "Target"],
  [kpi, 1, 2],
];

/** A Perspective, KPI, Actual, Target block with one KPI row: tables of it never form a sheet per perspective. */
const full = (kpi: string): CellValue[][] => [
  ["Perspective", "KPI", "Actual", "Target"],
  ["Financial", kpi, 1, 2],
];

const excelTable = (name: string, box: TableSnapshot["box"]): TableSnapshot => ({
  name,
  box,
  hasHeaderRow: true,
  hasTotalsRow: false,
});

describe("choosing the table with --table", () => {
  it("matches a table's name whatever the case and the spaces around either name", () => {
    const workbook = book(
      tableSheet("Data", "Sales", full("Revenue")),
      tableSheet("Other", "Costs", full("Cost")),
    );
    expect(names(read(workbook, null, { table: " sALES " }))).toEqual(["Revenue"]);
    expect(
      names(
        read(
          book(tableSheet(" Data ", "T1", full("Revenue")), tableSheet("Other", "T2", full("Cost"))),
          null,
          { table: "data" },
        ),
      ),
    ).toEqual(["Revenue"]);
  });

  it("names the tables the workbook has when --table names none of them", () => {
    const workbook = book(
      tableSheet("Data", "Sales", full("Revenue")),
      tableSheet("Other", "Costs", full("Cost")),
    );
    const fatal = fatalOf(read(workbook, null, { table: "Third" }));
    expect(fatal.message).toBe(
      'No scorecard table is called "Third"; the workbook has Sales (Data!A1:D2), Costs (Other!A1:D2).',
    );
  });

  it('says the workbook has "none" when --table is given and no scorecard table is found', () => {
    const fatal = fatalOf(read(book(sheet("Notes", [["Hello"]])), null, { table: "Sales" }));
    expect(fatal).toMatchObject({ code: "table-not-found" });
    expect(fatal.message).toBe('No scorecard table is called "Sales"; the workbook has none.');
  });

  it("takes the table --table names over the range the definition stores", () => {
    const workbook = book(tableSheet("A", "First", full("Alpha")), tableSheet("B", "Second", full("Beta")));
    const definition = stored({ source: { table: "First", sheet: "A", range: "A!A1:D2" } });
    expect(names(read(workbook, definition))).toEqual(["Alpha"]);
    expect(names(read(workbook, definition, { table: "Second" }))).toEqual(["Beta"]);
  });
});

describe("a sheet per perspective", () => {
  it("is not formed by one table alone: the ambiguity lists the tables in workbook order", () => {
    const workbook = book(
      sheet("A", block("Alpha")),
      sheet("B", [
        ["Perspective", "KPI", "Actual", "Target"],
        ["Financial", "Beta", 1, 2],
      ]),
    );
    const fatal = fatalOf(read(workbook));
    expect(fatal.code).toBe("ambiguous-table");
    expect(fatal.message).toBe(
      "The workbook has several scorecard tables (A (A!A1:C2), B (B!A1:D2)); choose one with --table.",
    );
  });

  it("is not formed by two tables on the same sheet", () => {
    const workbook = book(
      sheet("Data", [
        ["KPI", "Actual", "Target", null, null, "KPI", "Actual", "Target"],
        ["Revenue", 1, 2, null, null, "Cost", 3, 4],
      ]),
    );
    const fatal = fatalOf(read(workbook));
    expect(fatal.code).toBe("ambiguous-table");
    expect(fatal.message).toContain("(Data (Data!A1:C2), Data (2) (Data!F1:H2))");
  });

  it("is not formed by a long table and a wide one: they are two choices", () => {
    const workbook = book(
      sheet("A", block("Alpha")),
      sheet("B", [
        ["KPI", "Target", "Jan-26", "Feb-26"],
        ["Beta", 2, 1, 1],
      ]),
    );
    const fatal = fatalOf(read(workbook));
    expect(fatal.code).toBe("ambiguous-table");
    expect(fatal.message).toContain("(A (A!A1:C2), B (B!A1:D2, periods across the columns))");
  });

  it("is read whole when the stored table is one of its sheets", () => {
    const workbook = book(
      sheet("Financial", block("Revenue")),
      sheet("Customer", block("NPS")),
      sheet("All", [
        ["Perspective", "KPI", "Actual", "Target"],
        ["Financial", "Margin", 1, 2],
      ]),
    );
    expect(fatalOf(read(workbook)).code).toBe("ambiguous-table");
    const model = modelOf(read(workbook, stored({ source: { table: "Customer", sheet: "Customer" } })));
    expect(model.kpis.map((k) => `${k.perspective} / ${k.name}`)).toEqual([
      "Financial / Revenue",
      "Customer / NPS",
    ]);
  });

  it("stops on mixed periods: a sheet with months after a sheet without periods", () => {
    const workbook = book(
      sheet("Financial", block("Revenue")),
      sheet("Customer", [
        ["KPI", "Period", "Actual", "Target"],
        ["NPS", "2026-01", 1, 2],
      ]),
    );
    const fatal = fatalOf(read(workbook));
    expect(fatal).toMatchObject({ code: "period-mixed", cell: "Customer!A1:D2" });
    expect(fatal.message).toBe(
      "This table's periods are months, and the scorecard's other tables' none (a single period): give every table of the scorecard the same kind of period.",
    );
  });

  it("stops on mixed periods: a sheet without periods after a sheet with months", () => {
    const workbook = book(
      sheet("Financial", [
        ["KPI", "Period", "Actual", "Target"],
        ["Revenue", "2026-01", 1, 2],
      ]),
      sheet("Customer", block("NPS")),
    );
    const fatal = fatalOf(read(workbook));
    expect(fatal).toMatchObject({ code: "period-mixed", cell: "Customer!A1:C2" });
    expect(fatal.message).toBe(
      "This table's periods are none (a single period), and the scorecard's other tables' months: give every table of the scorecard the same kind of period.",
    );
  });

  it("adds up what was read on each sheet: rows, scored, headings, totals, left out, KPIs; the most periods and entities", () => {
    const workbook = book(
      sheet("Financial", [
        ["KPI", "Period", "Actual", "Target"],
        ["Revenue", "2026-01", 1, 2],
        ["Revenue", "2026-02", 1, 2],
        ["Revenue", "2026-03", 1, 2],
      ]),
      sheet("Customer", [
        ["Site", "KPI", "Period", "Actual", "Target"],
        [null, "Loyalty"],
        ["North", "NPS", "2026-01", 1, 2],
        ["South", "NPS", "2026-01", 3, 2],
        [null, "Total", "2026-01", 4, 4],
        [null, null, "2026-01", 9, 9],
      ]),
    );
    expect(modelOf(read(workbook)).layout).toEqual({
      shape: "long",
      inferred: [],
      address: "Financial!A1:D4, Customer!A1:E6",
      perspectiveFrom: "sheet",
      objectiveFrom: "kpi",
      rows: 8,
      scored: 5,
      headings: 1,
      totals: 1,
      leftOut: 1,
      kpis: 2,
      entities: 2,
      periods: 3,
    });
  });
});

describe("the message when no scorecard table is found", () => {
  it("offers no nearest block that lacks no column: an Excel table without a header row is not one", () => {
    // Its first row reads KPI, Actual, Target, but Excel takes that row for data: the table is not
    // read, and saying it lacks a column would name none ("but no .").
    const headerless: TableSnapshot = {
      ...excelTable("Kpis", { top: 1, left: 1, bottom: 2, right: 3 }),
      hasHeaderRow: false,
    };
    const fatal = fatalOf(read(book(sheet("Data", block("Revenue"), { tables: [headerless] }))));
    expect(fatal.code).toBe("no-scorecard-table");
    expect(fatal.message).not.toContain("Nearest");
    expect(fatal.message).not.toContain("but no .");
    expect(fatal.message).toContain("no header row that names a KPI, an Actual and a Target column together");
  });
});

describe("the stored table", () => {
  it("chooses the stored table on the stored sheet when two sheets hold a table of that name", () => {
    // Sheet A holds the Excel table "Data"; sheet Data holds the table "Other" and a plain block,
    // which is named after its sheet: "Data".
    const dataSheet = sheet(
      "Data",
      [
        ["KPI", "Actual", "Target", null, null, "KPI", "Actual", "Target"],
        ["Beta", 1, 2, null, null, "Gamma", 3, 4],
      ],
      { tables: [excelTable("Other", { top: 1, left: 1, bottom: 2, right: 3 })] },
    );
    const workbook = book(tableSheet("A", "Data", block("Alpha")), dataSheet);
    expect(names(read(workbook, stored({ source: { table: "Data", sheet: "Data" } })))).toEqual(["Gamma"]);
  });

  it("is found by its name alone when its sheet was renamed", () => {
    const workbook = book(tableSheet("A", "First", full("Alpha")), tableSheet("B", "Data", full("Beta")));
    expect(names(read(workbook, stored({ source: { table: "Data", sheet: "Old name" } })))).toEqual(["Beta"]);
  });
});

describe("the column mapping", () => {
  it("keeps a wide table's values under its period headers, whatever columns were named Actual and Period", () => {
    const workbook = book(
      sheet("Data", [
        ["KPI", "Result", "Month", "Target", "Jan-26", "Feb-26"],
        ["Revenue", "note", "x", 10, 5, 6],
      ]),
    );
    const definition = stored({
      source: { columns: { actual: "Result", period: "Month" }, periodsAcross: true },
    });
    const model = modelOf(read(workbook, definition));
    expect(model.table?.columns.actual).toBeUndefined();
    expect(model.table?.columns.period).toBeUndefined();
    expect(model.kpis[0]?.observations.map((o) => o.actual)).toEqual([
      { kind: "number", value: 5 },
      { kind: "number", value: 6 },
    ]);
  });

  it("leaves a role the user said the table has not unread, even beside a column headed only by punctuation (#)", () => {
    const workbook = book(
      sheet("Data", [
        ["#", "KPI", "Actual", "Target"],
        [1, "Revenue", 1, 2],
      ]),
    );
    const model = modelOf(read(workbook, stored({ source: { columns: { perspective: "" } } })));
    expect(model.table?.columns.perspective).toBeUndefined();
    expect(model.kpis.map((k) => k.perspective)).toEqual(["Data"]);
  });

  it("says which mapped header heads no column, and what the nearest block has, when no table is found", () => {
    const workbook = book(
      sheet("Data", [
        ["KPI", "Amount", "Target"],
        ["Revenue", 1, 2],
      ]),
    );
    const fatal = fatalOf(
      read(workbook, stored({ source: { columns: { perspective: "", actual: "Amt" } } })),
    );
    expect(fatal.code).toBe("mapped-header-missing");
    expect(fatal.message).toBe(
      'No column is headed "Amt" (named for actual). The nearest block, Data!A1:C2, has the headers KPI, Amount, Target: name one of them (bsc --map actual="…", or the task pane\'s set-up).',
    );
  });

  it.each([
    [{ kpi: "Metric_Name", objective: "Metric Name" }, "kpi", "objective"],
    [{ objective: "Metric_Name", kpi: "Metric_Name" }, "objective", "kpi"],
  ])("refuses one header named for two roles, in either order: %j", (columns, role, other) => {
    const workbook = book(
      sheet("Data", [
        ["Metric_Name", "Actual", "Target"],
        ["Revenue", 1, 2],
      ]),
    );
    const fatal = fatalOf(read(workbook, stored({ source: { columns } })));
    expect(fatal).toMatchObject({ code: "mapped-header-twice", cell: null });
    expect(fatal.message).toContain(`is named for both ${role} and ${other}, but a column serves one role`);
  });

  it("reads no Perspective column when the sheet's name is the perspective, even one mapped by hand", () => {
    const workbook = book(
      sheet("Financial", [
        ["Region", "KPI", "Actual", "Target"],
        ["North", "Revenue", 1, 2],
      ]),
    );
    const definition = stored({
      source: {
        table: "Financial",
        sheet: "Financial",
        columns: { perspective: "Region" },
        sheetAsPerspective: true,
      },
    });
    const model = modelOf(read(workbook, definition));
    expect(model.table?.columns.perspective).toBeUndefined();
    expect(model.kpis.map((k) => k.perspective)).toEqual(["Financial"]);
  });
});

/** One sheet "Data" holding the rows given, read with the stored definition given. */
const readRows = (rows: CellValue[][], definition: Definition | null = null) =>
  read(book(sheet("Data", rows)), definition);

describe("weights", () => {
  it("takes a weight of 0 as 0, without an issue: the KPI is left out of the roll-up on purpose", () => {
    const reading = readRows([
      ["KPI", "Actual", "Target", "Weight"],
      ["Revenue", 1, 2, 0],
    ]);
    expect(modelOf(reading).kpis[0]?.weight).toBe(0);
    expect(issuesOf(reading)).toEqual([]);
  });

  it("names the KPI and the cell's text when a weight is not a number of 0 or more", () => {
    const reading = readRows([
      ["KPI", "Actual", "Target", "Weight"],
      ["Revenue", 1, 2, "heavy"],
    ]);
    expect(modelOf(reading).kpis[0]?.weight).toBe(0);
    expect(issuesOf(reading)).toEqual([
      {
        code: "weight-invalid",
        cell: "Data!D2",
        message:
          'The weight of "Revenue" must be a number of 0 or more, not "heavy"; it is left out of the roll-up.',
      },
    ]);
  });

  it("gives a perspective whose weight cell is blank in the Perspectives table the weight 1, without an issue", () => {
    const reading = read(
      book(
        sheet("Data", [
          ["Perspective", "KPI", "Actual", "Target"],
          ["Financial", "Revenue", 1, 2],
        ]),
        sheet("Strategy", [
          ["Perspective", "Weight"],
          ["Financial", null],
        ]),
      ),
    );
    expect(modelOf(reading).perspectives).toEqual([{ name: "Financial", weight: 1 }]);
    expect(issuesOf(reading)).toEqual([]);
  });
});

describe("period cells", () => {
  it("leave out a row whose period cell is blank, naming the cell and saying it has no period", () => {
    const reading = readRows([
      ["KPI", "Period", "Actual", "Target"],
      ["Revenue", "2026-01", 1, 2],
      ["Revenue", null, 3, 4],
    ]);
    const model = modelOf(reading);
    expect(model.kpis[0]?.observations.map((o) => o.row)).toEqual([2]);
    expect(model.layout).toMatchObject({ rows: 2, scored: 1, leftOut: 1 });
    expect(issuesOf(reading)).toEqual([
      {
        code: "missing-name",
        cell: "Data!B3",
        message: "This row has no period; it is left out of the scorecard.",
      },
    ]);
  });

  it("leave out a row whose period cannot be read, quoting the cell's text", () => {
    const reading = readRows([
      ["KPI", "Period", "Actual", "Target"],
      ["Revenue", "2026-01", 1, 2],
      ["Revenue", "Someday", 3, 4],
    ]);
    expect(modelOf(reading).layout).toMatchObject({ rows: 2, scored: 1, leftOut: 1 });
    expect(issuesOf(reading)).toEqual([
      {
        code: "period-unreadable",
        cell: "Data!B3",
        message:
          '"Someday" is not a period (use a date, 2026-03, Mar 2026, Q1 2026, 2026-W05 or FY2026); the row is left out.',
      },
    ]);
  });

  it("stop the reading at the first period of another granularity, naming both granularities", () => {
    const fatal = fatalOf(
      readRows([
        ["KPI", "Period", "Actual", "Target"],
        ["Revenue", "2026-01", 1, 2],
        ["Revenue", "2026-Q2", 3, 4],
      ]),
    );
    expect(fatal).toMatchObject({ code: "period-mixed", cell: "Data!B3" });
    expect(fatal.message).toBe(
      "The table mixes quarter with month periods; use one granularity in the Period column.",
    );
  });
});

describe("duplicate KPIs", () => {
  it("name the period and the first row's actual cell when a KPI appears twice in one period", () => {
    const reading = readRows([
      ["KPI", "Period", "Actual", "Target"],
      ["Revenue", "2026-01", 1, 2],
      ["Revenue", "2026-01", 3, 4],
    ]);
    expect(issuesOf(reading)).toEqual([
      {
        code: "duplicate-kpi",
        cell: "Data!A3",
        message: '"Revenue" appears twice in 2026-01; the row at Data!C2 is used and this one is left out.',
      },
    ]);
  });

  it("name no period when the table has none", () => {
    const reading = readRows([
      ["KPI", "Actual", "Target"],
      ["Revenue", 1, 2],
      ["Revenue", 3, 4],
    ]);
    expect(issuesOf(reading).map((i) => i.message)).toEqual([
      '"Revenue" appears twice; the row at Data!B2 is used and this one is left out.',
    ]);
  });
});

describe("a KPI's attributes over several periods", () => {
  const owner = (rows: CellValue[][]) =>
    modelOf(readRows([["KPI", "Period", "Actual", "Target", "Owner"], ...rows])).kpis[0]?.owner;

  it("come from the row of the latest period, wherever that row stands", () => {
    expect(
      owner([
        ["Revenue", "2026-02", 1, 2, "Bob"],
        ["Revenue", "2026-01", 1, 2, "Ann"],
      ]),
    ).toBe("Bob");
    expect(
      owner([
        ["Revenue", "2026-01", 1, 2, "Ann"],
        ["Revenue", "2026-02", 1, 2, "Bob"],
      ]),
    ).toBe("Bob");
  });

  it("keep a value written on an earlier period when the latest row leaves the cell blank", () => {
    expect(
      owner([
        ["Revenue", "2026-01", 1, 2, "Ann"],
        ["Revenue", "2026-02", 1, 2, null],
      ]),
    ).toBe("Ann");
  });
});

describe("observations", () => {
  it("are in period order whatever the order of the rows", () => {
    const model = modelOf(
      readRows([
        ["KPI", "Period", "Actual", "Target"],
        ["Revenue", "2026-03", 3, 2],
        ["Revenue", "2026-01", 1, 2],
        ["Revenue", "2026-04", 4, 2],
        ["Revenue", "2026-02", 2, 2],
      ]),
    );
    expect(model.kpis[0]?.observations.map((o) => o.row)).toEqual([3, 5, 2, 4]);
  });
});

describe("the summary of what was read", () => {
  it("counts no entities for a table without an Entity column", () => {
    const model = modelOf(
      readRows([
        ["KPI", "Actual", "Target"],
        ["Revenue", 1, 2],
        ["Cost", 1, 2],
      ]),
    );
    expect(model.layout).toMatchObject({ rows: 2, scored: 2, kpis: 2, entities: 0, periods: 1 });
  });

  it("is null for a scorecard of tagged KPIs only, which is read without a table", () => {
    const workbook: WorkbookSnapshot = {
      sheets: [sheet("Treasury", [[5]])],
      names: [{ name: "Cash", sheet: "Treasury", box: { top: 1, left: 1, bottom: 1, right: 1 } }],
    };
    const tag = {
      perspective: "Financial",
      objective: "Liquidity",
      name: "Cash",
      actualName: "Cash",
      targetName: null,
      target: 10,
    };
    const model = modelOf(read(workbook, stored({ tagged: [tag] })));
    expect(model.kpis.map((k) => k.name)).toEqual(["Cash"]);
    expect(model.tables).toEqual([]);
    expect(model.layout).toBeNull();
  });
});

describe("a KPI's number format", () => {
  const formatOf = (rows: CellValue[][], formats: (string | null)[][]) =>
    modelOf(read(book(sheet("Data", rows, { formats })))).kpis[0]?.numberFormat;

  it("is its actual's, not its target's", () => {
    expect(
      formatOf(
        [
          ["KPI", "Actual", "Target"],
          ["Margin", 0.25, 0.3],
        ],
        [[], [null, "0.0%", "0%"]],
      ),
    ).toBe("0.0%");
  });

  it("is the latest numeric actual's: a formatted blank cell gives none", () => {
    expect(
      formatOf(
        [
          ["KPI", "Period", "Actual", "Target"],
          ["Margin", "2026-01", 0.25, 0.3],
          ["Margin", "2026-02", null, 0.3],
        ],
        [[], [null, null, "0.0%", null], [null, null, "0.00", null]],
      ),
    ).toBe("0.0%");
  });

  it("is its target's when no actual carries one", () => {
    expect(
      formatOf(
        [
          ["KPI", "Actual", "Target"],
          ["Revenue", 1200, 1000],
        ],
        [[], [null, null, "#,##0"]],
      ),
    ).toBe("#,##0");
  });

  it("is the period cells' in a wide table, not the Target column's", () => {
    expect(
      formatOf(
        [
          ["KPI", "Target", "Jan-26", "Feb-26"],
          ["Margin", 0.3, 0.2, 0.25],
        ],
        [[], [null, "0%", "0.0%", "0.0%"]],
      ),
    ).toBe("0.0%");
  });
});

describe("words a KPI's cells must hold", () => {
  it("quote an unknown polarity and name its KPI", () => {
    const reading = readRows([
      ["KPI", "Actual", "Target", "Polarity"],
      ["Revenue", 1, 2, "sideways"],
    ]);
    expect(modelOf(reading).kpis[0]?.polarity).toBeNull();
    expect(issuesOf(reading)).toContainEqual({
      code: "polarity-unknown",
      cell: "Data!D2",
      message:
        '"sideways" is not a polarity (use higher, lower or band) for "Revenue"; the KPI is not scored.',
    });
  });

  it("quote an unknown aggregation and name its KPI", () => {
    const reading = readRows([
      ["KPI", "Actual", "Target", "Aggregation"],
      ["Revenue", 1, 2, "median"],
    ]);
    expect(modelOf(reading).kpis[0]?.aggregation).toBeNull();
    expect(issuesOf(reading)).toContainEqual({
      code: "aggregation-unknown",
      cell: "Data!D2",
      message:
        '"median" is not an aggregation (use Last, Sum, Average, Min or Max) for "Revenue"; the KPI is not scored.',
    });
  });
});

/** A scorecard of Financial / Grow / Revenue and Customer / Delight / NPS, beside a Strategy sheet. */
const withStrategy = (strategy: CellValue[][]) =>
  read(
    book(
      sheet("Data", [
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow", "Revenue", 1, 2],
        ["Customer", "Delight", "NPS", 1, 2],
      ]),
      sheet("Strategy", strategy),
    ),
  );

describe("the Perspectives table", () => {
  it("skips a row without a perspective name and takes the first row of a perspective listed twice", () => {
    const reading = withStrategy([
      ["Perspective", "Weight"],
      ["Financial", 2],
      [null, 5],
      ["Financial", 3],
      ["Customer", 4],
    ]);
    expect(modelOf(reading).perspectives).toEqual([
      { name: "Financial", weight: 2 },
      { name: "Customer", weight: 4 },
    ]);
    expect(issuesOf(reading)).toEqual([]);
  });

  it("warns of a perspective no KPI uses, most often a typo, at its cell", () => {
    const reading = withStrategy([
      ["Perspective", "Weight"],
      ["Financial", 2],
      ["Finanical", 3],
      ["Customer", 1],
    ]);
    expect(issuesOf(reading)).toEqual([
      {
        code: "unknown-parent",
        cell: "Strategy!A3",
        message:
          '"Finanical" in the Perspectives table has no KPI in the scorecard table; check its spelling.',
      },
    ]);
  });
});

describe("the Objectives table", () => {
  it("skips a row without an objective name and takes the first row of an objective listed twice", () => {
    const reading = withStrategy([
      ["Perspective", "Objective", "Weight", "Drives"],
      ["Financial", "Grow", 2, null],
      ["Financial", null, 7, null],
      ["Financial", "Grow", 3, null],
      ["Customer", "Delight", 1, null],
    ]);
    expect(modelOf(reading).objectives.map((o) => [o.name, o.weight])).toEqual([
      ["Grow", 2],
      ["Delight", 1],
    ]);
    expect(issuesOf(reading)).toEqual([]);
  });

  it("reads Drives names split at semicolons, without the empty names of stray semicolons", () => {
    const reading = withStrategy([
      ["Perspective", "Objective", "Weight", "Drives"],
      ["Financial", "Grow", 2, null],
      ["Customer", "Delight", 1, "Grow; ;"],
    ]);
    expect(modelOf(reading).objectives.map((o) => [o.name, o.drives])).toEqual([
      ["Grow", []],
      ["Delight", ["Grow"]],
    ]);
    expect(issuesOf(reading)).toEqual([]);
  });

  it("warns of an objective no KPI uses, naming the objective alone, at its cell", () => {
    const reading = withStrategy([
      ["Perspective", "Objective", "Weight"],
      ["Financial", "Grow", 2],
      ["Financial", "Gorw", 2],
      ["Customer", "Delight", 1],
    ]);
    expect(issuesOf(reading)).toEqual([
      {
        code: "unknown-parent",
        cell: "Strategy!B3",
        message: '"Gorw" in the Objectives table has no KPI in the scorecard table; check its spelling.',
      },
    ]);
  });
});

describe("the stored definition's overrides", () => {
  const twoPerspectives = (definition: Definition) =>
    modelOf(
      readRows(
        [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Financial", "Grow", "Revenue", 1, 2],
          ["Customer", "Grow", "NPS", 1, 2],
        ],
        definition,
      ),
    );

  it("take the first override stored for a KPI when there are two", () => {
    const kpi = { perspective: "Financial", objective: "Grow", name: "Revenue" };
    const model = twoPerspectives(
      stored({
        kpis: [
          { ...kpi, polarity: "lower" },
          { ...kpi, polarity: "band" },
        ],
      }),
    );
    expect(model.kpis[0]).toMatchObject({ name: "Revenue", polarity: "lower", polarityOverride: "lower" });
  });

  it("give a stored perspective weight to that perspective only", () => {
    const model = twoPerspectives(stored({ perspectives: [{ name: "Customer", weight: 3 }] }));
    expect(model.perspectives).toEqual([
      { name: "Financial", weight: 1 },
      { name: "Customer", weight: 3 },
    ]);
  });

  it("give a stored objective weight to the objective of that name under that perspective only", () => {
    const model = twoPerspectives(
      stored({ objectives: [{ perspective: "Customer", name: "Grow", weight: 4, drives: [] }] }),
    );
    expect(model.objectives.map((o) => `${o.perspective} / ${o.name}: ${o.weight}`)).toEqual([
      "Financial / Grow: 1",
      "Customer / Grow: 4",
    ]);
  });
});
