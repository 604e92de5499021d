import type { CellValue } from "../../src/model/snapshot";
import { splitSeries } from "../../src/model/wide";
import { book, score, sheet } from "../helpers/book";

/** Reads one sheet "Data" holding a wide table (periods across the columns). */
const read = (rows: CellValue[][]) => score(book(sheet("Data", rows))).model;

const codes = (rows: CellValue[][]) => read(rows).issues.map((i) => `${i.code} ${i.cell}`);

const numberOf = (reading: { kind: string; value?: number }) =>
  reading.kind === "number" ? reading.value : reading.kind;

/** Each KPI as name → [actual, target] per period read. */
const pairs = (rows: CellValue[][]) =>
  read(rows).kpis.map((k) => [
    k.entity === null ? k.name : `${k.entity} ${k.name}`,
    k.observations.map((o) => [numberOf(o.actual), numberOf(o.target)]),
  ]);

describe("splitting a KPI's name from the series word at its end", () => {
  it("keeps a bracketed part inside the name: only a closing bracket at the very end is dropped", () => {
    expect(splitSeries("Sales (EU) Actual")).toEqual({ base: "Sales (EU)", series: "actual" });
  });

  it("drops the spaces after a closing bracket at the end", () => {
    expect(splitSeries("Revenue (Budget)  ")).toEqual({ base: "Revenue", series: "target" });
  });

  it.each(["Net impact", "Service contract", "Market outlook2"])(
    "takes a series word only when a space, dash, colon or bracket stands right before it: %s is a name",
    (name) => {
      expect(splitSeries(name)).toBeNull();
    },
  );

  it.each(["(Budget)", "– Actual", ": Plan"])("does not split %s, which leaves no name", (name) => {
    expect(splitSeries(name)).toBeNull();
  });
});

describe("a series column in a wide table", () => {
  it("reads its words whatever their case and punctuation: Actual, BUDGET, Prior – Year", () => {
    const rows: CellValue[][] = [
      ["KPI", "Version", "Jan-26", "Feb-26"],
      ["Revenue", "ACTUAL", 90],
      ["Revenue", "Budget", 100],
      ["Revenue", "Prior – Year", 80],
    ];
    expect(pairs(rows)).toEqual([["Revenue", [[90, 100]]]]);
    const issues = read(rows).issues;
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["comparison-row Data!A4"]);
    expect(issues[0]!.message).toContain('The "Prior – Year" row of "Revenue" is a comparison');
  });

  it("reads its abbreviations written with a dot: Act., Bud.", () => {
    const rows: CellValue[][] = [
      ["KPI", "Version", "Jan-26", "Feb-26"],
      ["Revenue", "Act.", 90],
      ["Revenue", "Bud.", 100],
    ];
    expect(pairs(rows)).toEqual([["Revenue", [[90, 100]]]]);
  });

  it("names a comparison found in the KPI's name by the whole name", () => {
    const issues = read([
      ["KPI", "Target", "Jan-26", "Feb-26"],
      ["Revenue", 100, 90],
      ["Revenue (PY)", null, 80],
    ]).issues;
    expect(issues.map((i) => i.message)).toEqual([
      'The "Revenue (PY)" row of "Revenue" is a comparison, not a target; it is left out of the scorecard.',
    ]);
  });

  it("is found in the table's last column, with just two series words", () => {
    expect(
      pairs([
        ["KPI", "Jan-26", "Feb-26", "Version"],
        ["Revenue", 90, 95, "Actual"],
        ["Revenue", 100, 100, "Budget"],
      ]),
    ).toEqual([
      [
        "Revenue",
        [
          [90, 100],
          [95, 100],
        ],
      ],
    ]);
  });

  it("counts the last row too: a column whose last cell says something else holds no series", () => {
    // Version says Actual, Plan, Ann: Ann is no series word, so each row is a KPI of its own.
    expect(
      pairs([
        ["KPI", "Target", "Version", "Jan-26", "Feb-26"],
        ["Revenue", 100, "Actual", 90, 91],
        ["Cost", 10, "Plan", 9, 8],
        ["Margin", 5, "Ann", 4, 3],
      ]),
    ).toEqual([
      [
        "Revenue",
        [
          [90, 100],
          [91, 100],
        ],
      ],
      [
        "Cost",
        [
          [9, 10],
          [8, 10],
        ],
      ],
      [
        "Margin",
        [
          [4, 5],
          [3, 5],
        ],
      ],
    ]);
  });

  it("counts its last row's series word: Actual then Budget in the last row pairs them", () => {
    expect(
      pairs([
        ["KPI", "Version", "Jan-26", "Feb-26"],
        ["Revenue", "Actual", 90],
        ["Revenue", "Budget", 100],
      ]),
    ).toEqual([["Revenue", [[90, 100]]]]);
  });

  it("passes over blank cells: a row without a series word is its KPI's actual", () => {
    const rows: CellValue[][] = [
      ["KPI", "Target", "Version", "Jan-26", "Feb-26"],
      ["Revenue", null, "Actual", 90, 91],
      ["Revenue", null, "Budget", 100, 100],
      ["Visits", 10, null, 5, 6],
    ];
    expect(pairs(rows)).toEqual([
      [
        "Revenue",
        [
          [90, 100],
          [91, 100],
        ],
      ],
      [
        "Visits",
        [
          [5, 10],
          [6, 10],
        ],
      ],
    ]);
    expect(codes(rows)).toEqual([]);
  });

  it("is not an empty column before it", () => {
    expect(
      pairs([
        ["KPI", "Spare", "Version", "Jan-26", "Feb-26"],
        ["Revenue", null, "Actual", 90],
        ["Revenue", null, "Budget", 100],
      ]),
    ).toEqual([["Revenue", [[90, 100]]]]);
  });

  it("is never a column with a known header, even one whose every cell is a series word", () => {
    const model = read([
      ["KPI", "Target", "Comment", "Jan-26", "Feb-26"],
      ["Revenue", 100, "Forecast", 90],
      ["Cost", 10, "Forecast", 9],
    ]);
    expect(model.kpis.map((k) => [k.name, k.comment])).toEqual([
      ["Revenue", "Forecast"],
      ["Cost", "Forecast"],
    ]);
  });

  it("lets a blank KPI name stand for the one above, as a pair's second row often does", () => {
    expect(
      pairs([
        ["KPI", "Version", "Jan-26", "Feb-26"],
        ["Revenue", "Actual", 90],
        [null, "Budget", 100],
      ]),
    ).toEqual([["Revenue", [[90, 100]]]]);
  });

  it("is what lets a blank name stand for the one above: without one, a row without a name is said to be so", () => {
    expect(
      codes([
        ["KPI", "Target", "Jan-26", "Feb-26"],
        ["Revenue", 100, 90],
        [null, 50, 40],
      ]),
    ).toEqual(["missing-name Data!A3"]);
  });
});

describe("what a wide table's problems say", () => {
  it("names a second column of the same period by its header", () => {
    const issues = read([
      ["KPI", "Target", "Jan-26", "Jan-26", "Feb-26"],
      ["Revenue", 100, 90, 91],
    ]).issues;
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["duplicate-header Data!D1"]);
    expect(issues[0]!.message).toMatch(/^The column "Jan-26" is another 2026-0?1 column/);
  });

  it("names a KPI's second actual row, without a period, and the row that is used", () => {
    const issues = read([
      ["KPI", "Version", "Jan-26", "Feb-26"],
      ["Revenue", "Actual", 90],
      ["Revenue", "Budget", 100],
      ["Revenue", "Actual", 91],
    ]).issues;
    expect(issues.map((i) => i.message)).toEqual([
      '"Revenue" appears twice; the row at Data!A2 is used and this one is left out.',
    ]);
  });
});

describe("KPIs of a wide table", () => {
  it("are told apart by entity: the same KPI of two entities is two KPIs", () => {
    const rows: CellValue[][] = [
      ["Entity", "KPI", "Version", "Jan-26", "Feb-26"],
      ["North", "Revenue", "Actual", 90],
      ["North", "Revenue", "Budget", 100],
      ["South", "Revenue", "Actual", 70],
      ["South", "Revenue", "Budget", 80],
    ];
    expect(pairs(rows)).toEqual([
      ["North Revenue", [[90, 100]]],
      ["South Revenue", [[70, 80]]],
    ]);
    expect(codes(rows)).toEqual([]);
  });

  it("have a period where the actual or the target is filled, and none where both are blank", () => {
    const model = read([
      ["KPI", "Version", "Jan-26", "Feb-26", "Mar-26"],
      ["Revenue", "Actual", 90, null, null],
      ["Revenue", "Budget", null, 100, null],
    ]);
    expect(
      model.kpis[0]!.observations.map((o) => [o.actualCell, numberOf(o.actual), numberOf(o.target)]),
    ).toEqual([
      ["Data!C2", 90, "blank"],
      ["Data!D2", "blank", 100],
    ]);
  });
});
