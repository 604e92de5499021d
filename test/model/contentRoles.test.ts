import { evaluateScorecard } from "../../src/engine/evaluate";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { ScorecardModel } from "../../src/model/scorecard";
import type { CellValue, WorkbookSnapshot } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * Roles read from what the columns hold, where the header words alone make no scorecard
 * (WORKBOOK.md, "Reading real files"): a KPI column headed by any word or none, the better of two
 * period columns, one KPI's series, KPIs as columns with their target partners, and totals among
 * the entities.
 */

const read = (workbook: WorkbookSnapshot, table?: string): ScorecardReading =>
  readScorecard(workbook, null, new Set(), table === undefined ? {} : { table });

function modelOf(reading: ScorecardReading): ScorecardModel {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  return reading.model;
}

const names = (m: ScorecardModel): string[] => [...new Set(m.kpis.map((k) => k.name))];

const monthly = (header: readonly CellValue[], rows: readonly (readonly CellValue[])[]) =>
  book(sheet("Data", [header, ...rows]));

describe("a KPI column headed by a word the reader does not know", () => {
  const rows = [
    ["2024-01", "Sales", 100, 90],
    ["2024-01", "Calls", 40, 50],
    ["2024-02", "Sales", 95, 100],
    ["2024-02", "Calls", 55, 50],
  ];

  it.each(["Table", "category", "Line item", "Posten"])(
    "is the column of names beside Actual and Target (%s)",
    (word) => {
      const model = modelOf(read(monthly(["Period", word, "Actual", "Plan"], rows)));
      expect(names(model)).toEqual(["Sales", "Calls"]);
      expect(model.layout?.periods).toBe(2);
      expect(model.layout?.inferred.join(" ")).toContain(`KPI from "${word}"`);
    },
  );

  it("is read when the column has no header at all, left of the Actual and Plan headers", () => {
    const model = modelOf(
      read(
        book(
          sheet("Pack", [
            [null, "Actual", "Plan"],
            ["Revenue", 120, 100],
            ["Gross margin", 30, 35],
          ]),
        ),
      ),
    );
    expect(names(model)).toEqual(["Revenue", "Gross margin"]);
    expect(model.layout?.address).toBe("Pack!A1:C3");
    expect(model.layout?.inferred.join(" ")).toContain("unheaded column");
  });

  it("takes the column with the most names where a class column stands beside it", () => {
    const model = modelOf(
      read(
        monthly(
          ["Type", "Line", "Actual", "Budget"],
          [
            ["Revenue", "Product sales", 100, 90],
            ["Revenue", "Services", 40, 50],
            ["Expense", "Marketing", 756, 620],
          ],
        ),
      ),
    );
    expect(names(model)).toEqual(["Product sales", "Services", "Marketing"]);
  });

  it("leaves a workbook whose table is a scorecard by its words to that table", () => {
    const model = modelOf(
      read(
        book(
          sheet("Scorecard", [
            ["KPI", "Actual", "Target"],
            ["NPS", 40, 50],
          ]),
          sheet("Pack", [
            ["Line item", "Actual", "Budget"],
            ["Travel", 10, 12],
          ]),
        ),
      ),
    );
    expect(names(model)).toEqual(["NPS"]);
  });

  it("finds no scorecard in a block with a target and no actual", () => {
    const reading = read(monthly(["Line item", "Budget"], [["Travel", 12]]));
    expect(reading.ok).toBe(false);
  });
});

describe("two period columns", () => {
  it("takes the one whose values read as periods, and says so", () => {
    const model = modelOf(
      read(
        monthly(
          ["month", "period", "category", "actual", "plan"],
          [
            ["Jan", "Jan 2024", "Sales", 100, 90],
            ["Feb", "Feb 2024", "Sales", 80, 100],
          ],
        ),
      ),
    );
    expect(model.layout?.periods).toBe(2);
    expect(model.kpis[0]?.observations.map((o) => o.period?.index)).toEqual([1, 2]);
    expect(model.layout?.inferred.join(" ")).toContain('Period from "period"');
    expect(model.issues.filter((i) => i.code === "duplicate-header")).toEqual([]);
  });
});

describe("one KPI's series", () => {
  it("with no KPI column is one KPI named after its sheet", () => {
    const model = modelOf(
      read(
        book(
          sheet("Revenue", [
            ["Month", "Actual", "Target"],
            ["2024-01", 10, 12],
            ["2024-02", 13, 12],
          ]),
        ),
      ),
    );
    expect(names(model)).toEqual(["Revenue"]);
    expect(model.kpis[0]?.observations).toHaveLength(2);
    expect(model.layout?.inferred.join(" ")).toContain('named "Revenue" after its sheet');
    const evaluation = evaluateScorecard(model);
    expect(evaluation.ok && evaluation.result.period).toBe("2024-02");
  });
});

describe("KPIs as columns", () => {
  const header = [
    "Month",
    "Sales",
    "Sales Target",
    "Target Calls",
    "Calls",
    "Churn %",
    "Churn % Goal",
    "Notes",
  ];
  const rows = [
    ["2024-01", 100, 120, 40, 50, 3, 2, "launch"],
    ["2024-02", 130, 120, 40, 30, 2, 2, null],
    ["Total", 230, 240, 80, 80, null, null, null],
  ];

  it("pairs each KPI's column with its target's, by name, whichever side the word stands", () => {
    const model = modelOf(read(monthly(header, rows)));
    expect(model.layout?.shape).toBe("columns");
    expect(names(model)).toEqual(["Sales", "Calls", "Churn %"]);
    const calls = model.kpis.find((k) => k.name === "Calls");
    expect(calls?.observations.map((o) => [o.actualCell, o.targetCell])).toEqual([
      ["Data!E2", "Data!D2"],
      ["Data!E3", "Data!D3"],
    ]);
  });

  it("leaves the total row out and says so", () => {
    const model = modelOf(read(monthly(header, rows)));
    expect(model.layout?.totals).toBe(1);
    expect(model.issues).toContainEqual(expect.objectContaining({ code: "total-row", cell: "Data!A4" }));
  });

  it("scores the latest month", () => {
    const evaluation = evaluateScorecard(modelOf(read(monthly(header, rows))));
    if (!evaluation.ok) throw new Error("not scored");
    expect(evaluation.result.period).toBe("2024-02");
    const sales = evaluation.result.perspectives[0]?.objectives.find((o) => o.name === "Sales");
    expect(sales?.kpis[0]?.status).toBe("green");
  });

  it('reads "Sales Actual" beside "Sales Budget" as Sales', () => {
    const model = modelOf(
      read(
        monthly(
          ["Week", "Sales Actual", "Sales Budget"],
          [
            ["2024-01", 5, 6],
            ["2024-02", 7, 6],
          ],
        ),
      ),
    );
    expect(names(model)).toEqual(["Sales"]);
  });
});

describe("KPIs as columns, a row per period and unit", () => {
  const header = ["Month", "Region", "Actual_Revenue", "Budget_Revenue"];

  it("makes each unit an entity of its own, its red row kept, the units' total row left out", () => {
    const model = modelOf(
      read(
        monthly(header, [
          ["2024-01", "North", 100, 100],
          ["2024-01", "South", 50, 100],
          ["2024-01", "Total", 150, 200],
        ]),
      ),
    );
    expect(model.kpis.map((k) => [k.entity, k.name, k.observations.map((o) => o.actualCell)])).toEqual([
      ["North", "Revenue", ["Data!C2"]],
      ["South", "Revenue", ["Data!C3"]],
    ]);
    expect(model.issues).toContainEqual(expect.objectContaining({ code: "entity-total", cell: "Data!B4" }));
  });

  it("says of a second row of one period, with no unit to tell them apart, that it is left out", () => {
    const model = modelOf(
      read(
        monthly(
          ["Month", "Actual_Revenue", "Budget_Revenue"],
          [
            ["2024-01", 100, 100],
            ["2024-01", 50, 100],
          ],
        ),
      ),
    );
    expect(model.kpis[0]?.observations.map((o) => o.actualCell)).toEqual(["Data!B2"]);
    expect(model.issues).toContainEqual(
      expect.objectContaining({
        code: "duplicate-kpi",
        cell: "Data!A3",
        message: '"Revenue" appears twice in 2024-01; the row at Data!B2 is used and this one is left out.',
      }),
    );
  });
});

describe("totals among the entities", () => {
  it.each(["Total", "Grand total", "All", "Group", "Gesamt"])("a %s row is left out, not a unit", (total) => {
    const model = modelOf(
      read(
        monthly(
          ["Site", "KPI", "Month", "Actual", "Target"],
          [
            ["North", "Revenue", "2024-01", 10, 12],
            ["South", "Revenue", "2024-01", 8, 12],
            [total, "Revenue", "2024-01", 18, 24],
          ],
        ),
      ),
    );
    expect(model.entities).toEqual(["North", "South"]);
    expect(model.layout?.totals).toBe(1);
    expect(model.issues).toContainEqual(expect.objectContaining({ code: "entity-total", cell: "Data!A4" }));
  });
});

describe("a table chosen by name", () => {
  const hidden = (visibility: "hidden" | "veryHidden", header: readonly CellValue[]) => ({
    ...sheet("Calc", [header, ["Sales", 10, 1, 12]], {
      tables: [
        {
          name: "ActualSalesSC",
          box: { top: 1, left: 1, bottom: 2, right: 4 },
          hasHeaderRow: true,
          hasTotalsRow: false,
        },
      ],
    }),
    visibility,
  });

  it("is found on a hidden sheet, and the Read line says where", () => {
    const model = modelOf(
      read(book(hidden("hidden", ["KPI", "Actual", "Returns", "Target"])), "ActualSalesSC"),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["Sales"]);
    expect(model.layout?.inferred).toContain('the table is on the hidden sheet "Calc"');
  });

  it("that is no scorecard is said to be there, with what it holds and lacks, not to be missing", () => {
    // Two columns of numbers beside the goal: which is the actual, the reader does not guess.
    const reading = read(book(hidden("veryHidden", ["Name", "Sold", "Returned", "Goal"])), "ActualSalesSC");
    if (reading.ok) throw new Error("read");
    expect(reading.fatal.code).toBe("table-not-scorecard");
    expect(reading.fatal.message).toContain('The table "ActualSalesSC" on the hidden sheet "Calc"');
    expect(reading.fatal.message).toContain("has Target (Goal), but no KPI and Actual");
  });
});

describe("KPIs as columns on a sheet per person or unit", () => {
  const unit = (name: string, sales: number) =>
    sheet(name, [
      ["Week", "Calls", "Calls Goal", "Sales", "Sales Target"],
      ["2024-W01", 40, 50, sales, 100],
      ["2024-W02", 55, 50, sales + 10, 100],
    ]);

  it("reads each sheet as an entity of one scorecard, the same KPIs for each", () => {
    const model = modelOf(read(book(unit("Ann", 90), unit("Bo", 120))));
    expect(model.entities).toEqual(["Ann", "Bo"]);
    expect(names(model)).toEqual(["Calls", "Sales"]);
    expect(model.layout?.kpis).toBe(2);
    const evaluation = evaluateScorecard(model);
    if (!evaluation.ok) throw new Error("not scored");
    expect(evaluation.result.period).toBe("2024-W02");
    expect(evaluation.result.entities.map((e) => e.name)).toEqual(["Ann", "Bo"]);
  });

  it("reads sheets with different KPIs as a sheet per perspective", () => {
    const other = sheet("Service", [
      ["Week", "Tickets", "Tickets Target"],
      ["2024-W01", 40, 50],
    ]);
    const model = modelOf(read(book(unit("Sales team", 90), other)));
    expect(model.entities).toEqual([]);
    expect(model.perspectives.map((p) => p.name)).toEqual(["Sales team", "Service"]);
  });
});

describe("a column that groups the lines rather than naming units", () => {
  const rows = [
    ["Month", "Department", "Category", "Budget Amount", "Actual Amount"],
    ["2024-01", "Marketing", "Digital Ads", 100, 120],
    ["2024-01", "Operations", "Utilities", 50, 45],
    ["2024-01", "Sales", "Product sales", 500, 550],
    ["2024-02", "Marketing", "Digital Ads", 100, 90],
    ["2024-02", "Operations", "Utilities", 50, 70],
    ["2024-02", "Sales", "Product sales", 500, 450],
  ];

  it("is read as perspectives where no KPI repeats across its values, and the Read line says so", () => {
    const model = modelOf(read(monthly(rows[0] as CellValue[], rows.slice(1))));
    expect(model.entities).toEqual([]);
    expect(model.perspectives.map((p) => p.name)).toEqual(["Marketing", "Operations", "Sales"]);
    expect(model.layout?.inferred.join(" ")).toContain('"Department" groups the KPIs');
  });

  it("makes a departmental budget's lines spending, lower is better, unless a line says revenue", () => {
    const model = modelOf(read(monthly(rows[0] as CellValue[], rows.slice(1))));
    const polarity = Object.fromEntries(model.kpis.map((k) => [k.name, k.polarity]));
    expect(polarity).toEqual({ "Digital Ads": "lower", Utilities: "lower", "Product sales": "higher" });
    expect(model.issues).toContainEqual(
      expect.objectContaining({
        code: "polarity-inferred",
        message: expect.stringContaining("departmental budget"),
      }),
    );
    const evaluation = evaluateScorecard(model);
    if (!evaluation.ok) throw new Error("not scored");
    const utilities = evaluation.result.perspectives
      .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .find((k) => k.kpi.name === "Utilities");
    expect(utilities?.status).toBe("red");
  });

  it("stays the entities where the same KPIs repeat under its values", () => {
    const model = modelOf(
      read(
        monthly(
          ["Department", "KPI", "Actual", "Budget"],
          [
            ["IT", "Headcount", 10, 12],
            ["HR", "Headcount", 5, 6],
          ],
        ),
      ),
    );
    expect(model.entities).toEqual(["IT", "HR"]);
  });
});

describe("an actual column headed by no known word", () => {
  it("is the one column of numbers beside the target, and the Read line says so", () => {
    const model = modelOf(
      read(
        monthly(
          ["Indicator", "Month", "Rate", "Standard"],
          [
            ["Falls per 1,000 bed days", "Jan-24", 3, 2],
            ["Falls per 1,000 bed days", "Feb-24", 1, 2],
          ],
        ),
      ),
    );
    expect(model.kpis[0]?.observations.map((o) => o.actualCell)).toEqual(["Data!C2", "Data!C3"]);
    expect(model.layout?.inferred.join(" ")).toContain('Actual from "Rate"');
  });

  it("is not guessed where a column of years or a variance stands beside it", () => {
    const model = modelOf(
      read(monthly(["Line", "Year", "Spent", "Budget", "Variance"], [["Travel", 2024, 10, 12, -2]])),
    );
    expect(model.kpis[0]?.observations[0]?.actualCell).toBe("Data!C2");
  });
});

describe("an OKR sheet", () => {
  it("scores each key result under its objective, its current value against its target", () => {
    const model = modelOf(
      read(
        monthly(
          ["Objective", "Key Result", "Owner", "Start", "Current", "Target"],
          [
            ["Grow revenue", "Reach 1M ARR", "Ann", 200000, 650000, 1000000],
            ["Delight customers", "NPS above 50", "Bo", 30, 45, 50],
          ],
        ),
      ),
    );
    expect(model.objectives.map((o) => o.name)).toEqual(["Grow revenue", "Delight customers"]);
    expect(model.kpis.map((k) => [k.name, k.baseline])).toEqual([
      ["Reach 1M ARR", 200000],
      ["NPS above 50", 30],
    ]);
  });
});

describe("a total among the entities of a wide table", () => {
  it("is left out, not a unit", () => {
    const model = modelOf(
      read(
        monthly(
          ["Region", "Metric", "Q1 2024", "Q2 2024", "Target"],
          [
            ["North", "Sales", 10, 12, 11],
            ["South", "Sales", 8, 9, 11],
            ["Total", "Sales", 18, 21, 22],
          ],
        ),
      ),
    );
    expect(model.entities).toEqual(["North", "South"]);
    expect(model.layout?.totals).toBe(1);
  });
});

describe("several scorecard tables and none chosen", () => {
  it("are refused, with the largest offered as a --table suggestion that reads", () => {
    const table = (name: string, rows: number) =>
      sheet(name, [
        ["Perspective", "KPI", "Actual", "Target"],
        ...Array.from({ length: rows }, (_, i) => ["Financial", `${name} ${i}`, i, 1]),
      ]);
    const reading = read(book(table("Small", 2), table("Large", 5)));
    if (reading.ok) throw new Error("read");
    expect(reading.fatal.code).toBe("ambiguous-table");
    expect(reading.suggestion).toEqual({ mapping: {}, table: "Large" });
    expect(modelOf(read(book(table("Small", 2), table("Large", 5)), "Large")).kpis).toHaveLength(5);
  });
});

describe("actual and target on rows of their own (a BI export's Measure Names / Measure Values)", () => {
  const rows = [
    ["Month", "Region", "KPI", "Measure Names", "Measure Values"],
    ["2024-01", "North", "Sales", "Actual", 100],
    ["2024-01", "North", "Sales", "Target", 120],
    ["2024-02", "North", "Sales", "Actual", 130],
    ["2024-02", "North", "Sales", "Target", 120],
    ["2024-02", "North", "Sales", "Forecast", 125],
    ["2024-02", "South", "Sales", "Actual", 90],
    ["2024-02", "South", "Sales", "Budget", 100],
  ];

  it("pairs each KPI's actual row with its target row in the same period, each value from its own cell", () => {
    const model = modelOf(read(monthly(rows[0] as CellValue[], rows.slice(1))));
    expect(model.layout?.shape).toBe("pairs");
    expect(model.entities).toEqual(["North", "South"]);
    const north = model.kpis.find((k) => k.entity === "North");
    expect(north?.observations.map((o) => [o.actualCell, o.targetCell])).toEqual([
      ["Data!E2", "Data!E3"],
      ["Data!E4", "Data!E5"],
    ]);
    expect(model.issues).toContainEqual(expect.objectContaining({ code: "comparison-row", cell: "Data!D6" }));
  });

  it("never takes one of its data rows for a header row, though a cell of it says Target", () => {
    const model = modelOf(read(monthly(rows[0] as CellValue[], rows.slice(1))));
    expect(model.layout?.address).toBe("Data!A1:E8");
    const evaluation = evaluateScorecard(model);
    if (!evaluation.ok) throw new Error("not scored");
    expect(evaluation.result.period).toBe("2024-02");
  });
});

describe("periods across with an actual and a target column each", () => {
  it.each([
    [["KPI", "Jan-24 Actual", "Jan-24 Budget", "Feb-24 Actual", "Feb-24 Budget"], "2024-2"],
    [["Indicador", "2023 Meta", "2023 Real", "2024 Meta", "2024 Real"], "2024-1"],
    [["Kennzahl", "Ist Q1 2024", "Soll Q1 2024", "Ist Q2 2024", "Soll Q2 2024"], "2024-2"],
  ])("reads %j as a wide table, each period's target from its own column", (header, latest) => {
    const model = modelOf(read(monthly(header, [["Sales", 10, 12, 14, 12]])));
    expect(model.layout?.shape).toBe("wide");
    const observations = model.kpis[0]?.observations ?? [];
    expect(observations).toHaveLength(2);
    expect(`${observations[1]?.period?.year}-${observations[1]?.period?.index}`).toBe(latest);
    const targetFirst = String(header[1]).match(/Meta|Soll/) !== null;
    expect(observations.map((o) => o.actual.kind === "number" && o.actual.value)).toEqual(
      targetFirst ? [12, 12] : [10, 14],
    );
  });
});

describe("two header rows: the periods over their Actual and Budget columns", () => {
  const rows: CellValue[][] = [
    ["Monthly pack 2024"],
    [null, "Jan", null, "Feb", null],
    ["KPI", "Actual", "Budget", "Actual", "Budget"],
    ["Revenue", 100, 90, 80, 95],
    ["Travel costs", 10, 12, 15, 12],
  ];

  it("reads each period's actual and its budget beside it, the year from the title", () => {
    const model = modelOf(read(book(sheet("Pack", rows))));
    expect(model.layout?.shape).toBe("wide");
    expect(model.issues.filter((i) => i.code === "duplicate-header")).toEqual([]);
    const revenue = model.kpis.find((k) => k.name === "Revenue");
    expect(revenue?.observations.map((o) => [o.period?.index, o.actualCell, o.targetCell])).toEqual([
      [1, "Pack!B4", "Pack!C4"],
      [2, "Pack!D4", "Pack!E4"],
    ]);
  });
});

describe("public budget files", () => {
  it("read a column of years under a year's header as the period", () => {
    const model = modelOf(
      read(
        monthly(
          ["Ejercicio", "Indicador", "Real", "Meta"],
          [
            [2023, "Cobertura", 85, 90],
            [2024, "Cobertura", 93, 92],
          ],
        ),
      ),
    );
    expect(model.kpis[0]?.observations.map((o) => o.period?.year)).toEqual([2023, 2024]);
    expect(model.layout?.inferred.join(" ")).toContain('Period from "Ejercicio" (a column of years)');
  });

  it("read a budget's stage or total around its word as the target, and execution as the actual", () => {
    const model = modelOf(
      read(
        monthly(
          ["Objeto Gasto", "Descripción", "Presupuesto Ordinario", "Ejecución"],
          [
            ["0-01-01-01", "Sueldos para cargos fijos", 378, 163],
            ["0-03-01-02", "Anualidades", 141, 59],
          ],
        ),
      ),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["Sueldos para cargos fijos", "Anualidades"]);
    expect(model.kpis[0]?.observations[0]?.targetCell).toBe("Data!C2");
  });
});

describe("an expense budget given at several stages", () => {
  const rows = [
    ["Objeto Gasto", "Descripción", "Presupuesto Ordinario", "Total Presupuesto", "Ejecución"],
    ["0-01-01-01", "Sueldos para cargos fijos", 378, 400, 163],
    ["0-03-01-02", "Anualidades", 141, 141, 150],
  ];

  it("takes the budget in force as the target, and says which it left", () => {
    const model = modelOf(read(monthly(rows[0] as CellValue[], rows.slice(1))));
    expect(model.kpis[0]?.observations[0]?.targetCell).toBe("Data!D2");
    expect(model.issues).toContainEqual(
      expect.objectContaining({ code: "budget-in-force", cell: "Data!C1" }),
    );
  });

  it("scores its lines as spending, lower is better, as a header naming its lines as expenses says", () => {
    const model = modelOf(read(monthly(rows[0] as CellValue[], rows.slice(1))));
    expect(model.kpis.map((k) => k.polarity)).toEqual(["lower", "lower"]);
  });
});
