import type { CellValue } from "../../src/model/snapshot";
import { emptyDefinition, type TaggedKpi } from "../../src/model/definition";
import { splitSeries } from "../../src/model/wide";
import { book, score, sheet } from "../helpers/book";

/** Each KPI as "perspective / objective / name", in the order read. */
const tree = (rows: CellValue[][], name = "Data") =>
  score(book(sheet(name, rows))).model.kpis.map((k) => `${k.perspective} / ${k.objective} / ${k.name}`);

const codes = (rows: CellValue[][], name = "Data") =>
  score(book(sheet(name, rows))).model.issues.map((i) => `${i.code} ${i.cell}`);

describe("heading rows", () => {
  it("take a known perspective word for a perspective even after perspective/objective pairs", () => {
    const rows: CellValue[][] = [
      ["KPI", "Actual", "Target"],
      ["Financial"],
      ["Grow"],
      ["Revenue", 1, 1],
      ["Save"],
      ["Cost", 1, 1],
      ["Learning & Growth"],
      ["Training hours", 1, 1],
    ];
    expect(tree(rows)).toEqual([
      "Financial / Grow / Revenue",
      "Financial / Save / Cost",
      "Learning & Growth / Training hours / Training hours",
    ]);
  });

  it("name the objective where the table has a Perspective column, and the perspective where it has an Objective column", () => {
    expect(
      tree([
        ["Perspective", "KPI", "Actual", "Target"],
        ["Financial", "Revenue", 1, 1],
        [null, "Grow"],
        [null, "Margin", 1, 1],
      ]),
    ).toEqual(["Financial / Revenue / Revenue", "Financial / Grow / Margin"]);
    expect(
      tree([
        ["Objective", "KPI", "Actual", "Target"],
        [null, "Customer"],
        ["Delight", "NPS", 1, 1],
      ]),
    ).toEqual(["Customer / Delight / NPS"]);
  });

  it("are rows with only an objective cell, in a table with both columns", () => {
    expect(
      tree([
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow", "Revenue", 1, 1],
        [null, "Save"],
        [null, null, "Cost", 1, 1],
      ]),
    ).toEqual(["Financial / Grow / Revenue", "Financial / Save / Cost"]);
  });

  it("hold text, not a number written as text, and a KPI with only its name is still a KPI where both columns exist", () => {
    const { model } = score(
      book(
        sheet("Data", [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Financial", "Grow", "Revenue", 1, 1],
          [null, null, "New KPI"],
        ]),
      ),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["Revenue", "New KPI"]);
    expect(tree([["KPI", "Actual", "Target"], ["2026"], ["Revenue", 1, 1]])).toEqual([
      "Data / 2026 / 2026",
      "Data / Revenue / Revenue",
    ]);
  });

  it("count as headings only where a KPI below takes its name from them", () => {
    const { model } = score(
      book(
        sheet("Data", [
          ["Perspective", "KPI", "Actual", "Target"],
          ["Financial", "Revenue", 1, 1],
        ]),
      ),
    );
    expect(model.layout).toMatchObject({ perspectiveFrom: "column", objectiveFrom: "kpi", headings: 0 });
  });
});

describe("total rows", () => {
  /** The issues of a row named `label` below a KPI's. */
  const below = (label: string) =>
    codes([
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Revenue", 1, 1],
      ["Financial", "Grow", label, 1, 1],
    ]);

  it.each([
    "Total",
    "TOTALS",
    "Grand total",
    "Sub-total",
    "subtotal",
    "Total Financial",
    "Financial Subtotal",
    "Total for Grow",
    "Total of Data",
    // The six other languages' total words, and a subtotal opened by "=" (a budget's statement).
    "Summe",
    "Zwischensumme",
    "Gesamt",
    "Grow gesamt",
    "Totale",
    "Totale generale",
    "Totaal",
    "Suma",
    "Total general",
    "Sous-total",
    "Total général",
    "= Erträge",
    "=Ordentliches Ergebnis",
  ])("leave out a row named %s", (label) => {
    expect(below(label)).toEqual(["total-row Data!C3"]);
  });

  it.each([
    "Total revenue",
    "Summe der Erträge",
    "Gesamtkosten",
    '=HYPERLINK("http://x.invalid","x")',
    "+ Steuern",
  ])("keep a KPI named %s", (label) => {
    expect(below(label).filter((c) => c.startsWith("total-row"))).toEqual([]);
  });

  it("name the cell holding the word when the KPI cell is blank", () => {
    expect(
      codes([
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow", "Revenue", 1, 1],
        [null, "Total", null, 1, 1],
      ]),
    ).toEqual(["total-row Data!B3"]);
  });

  it("add up only the rows of their own group, two or more of them", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Revenue", 10, 1],
      ["Financial", "Keep", "Visits", 5, 1],
      [null, null, null, 15, 1],
    ];
    // 15 is Revenue + Visits, but they sit under two objectives: no total, a row without a name.
    expect(codes(rows)).toEqual(["missing-name Data!C4"]);
    expect(
      codes([
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow", "Revenue", 10, 1],
        [null, null, null, 10, 1],
      ]),
    ).toEqual(["missing-name Data!C3"]);
  });
});

describe("rows of a wide table", () => {
  it.each([
    ["Revenue Actual", "Revenue", "actual"],
    ["Revenue: Plan", "Revenue", "target"],
    ["Revenue (Budget)", "Revenue", "target"],
    ["Revenue – Target", "Revenue", "target"],
    ["Revenue act", "Revenue", "actual"],
    ["Revenue - Prior Year", "Revenue", "comparison"],
    ["Churn (PY)", "Churn", "comparison"],
  ])("reads %s as %s's %s", (name, base, series) => {
    expect(splitSeries(name)).toEqual({ base, series });
  });

  it.each(["Actual", "Target margin", "Revenue", "Budgetary control", "Contract"])(
    "does not split %s",
    (name) => {
      expect(splitSeries(name)).toBeNull();
    },
  );

  it("prefers a paired target row over the Target column, and takes thresholds from the row holding them", () => {
    const { model } = score(
      book(
        sheet("Data", [
          ["KPI", "Target", "Threshold", "Jan-26", "Feb-26"],
          ["Revenue Actual", 50, null, 90, 95],
          ["Revenue Budget", null, 80, 100, 100],
        ]),
      ),
    );
    expect(model.kpis[0]!.observations.map((o) => [o.target, o.threshold, o.targetCell])).toEqual([
      [{ kind: "number", value: 100 }, { kind: "number", value: 80 }, "Data!D3"],
      [{ kind: "number", value: 100 }, { kind: "number", value: 80 }, "Data!E3"],
    ]);
  });

  it("reports a second actual row of a KPI, and a comparison named in a series column", () => {
    expect(
      codes([
        ["KPI", "Version", "Jan-26", "Feb-26"],
        ["Revenue", "Actual", 90, 95],
        ["Revenue", "Budget", 100, 100],
        ["Revenue", "Actual", 91, 96],
        ["Revenue", "PY", 80, 85],
      ]),
    ).toEqual(["duplicate-kpi Data!A4", "comparison-row Data!A5"]);
  });

  it("takes a column for series words only when two or more cells say so and none says anything else", () => {
    const { model } = score(
      book(
        sheet("Data", [
          ["KPI", "Target", "Owner", "Jan-26", "Feb-26"],
          ["Revenue", 100, "Actual", 90, 95],
          ["Cost", 10, "Ann", 9, 12],
        ]),
      ),
    );
    expect(model.kpis.map((k) => [k.name, k.owner])).toEqual([
      ["Revenue", "Actual"],
      ["Cost", "Ann"],
    ]);
  });

  it("orders a KPI's periods by date whatever the columns' order, and reads months written as dates", () => {
    const { model } = score(
      book(
        sheet("Data", [
          ["KPI", "Target", "Mar-26", "Jan-26", "Feb-26"],
          ["Revenue", 100, 3, 1, 2],
        ]),
      ),
    );
    expect(
      model.kpis[0]!.observations.map((o) => (o.actual.kind === "number" ? o.actual.value : null)),
    ).toEqual([1, 2, 3]);
  });
});

describe("tagged series", () => {
  const tag: TaggedKpi = {
    perspective: "Financial",
    objective: "Liquidity",
    name: "Cash",
    actualName: "Cash",
    targetName: "CashTarget",
    target: null,
  };
  const scoreWith = (
    rows: CellValue[][],
    box: { top: number; left: number; bottom: number; right: number },
  ) =>
    score(
      {
        sheets: [sheet("T", rows)],
        names: [
          { name: "Cash", sheet: "T", box },
          { name: "CashTarget", sheet: "T", box: { top: 1, left: 5, bottom: 1, right: 5 } },
        ],
      },
      { definition: { ...emptyDefinition(), tagged: [tag] } },
    ).model.kpis[0]!;

  it("reads a range down a column with the periods in the column to its left, one target cell for all", () => {
    const kpi = scoreWith(
      [
        ["2026-01", 5, null, null, 6],
        ["2026-02", 7],
      ],
      { top: 1, left: 2, bottom: 2, right: 2 },
    );
    expect(kpi.observations.map((o) => [o.actualCell, o.targetCell])).toEqual([
      ["T!B1", "T!E1"],
      ["T!B2", "T!E1"],
    ]);
  });

  it("is one value where a label repeats, where the range is a block, or where nothing lies above it", () => {
    const repeated = scoreWith(
      [
        [null, "Jan-26", "Jan-26", null, 6],
        [null, 1, 2],
      ],
      { top: 2, left: 2, bottom: 2, right: 3 },
    );
    expect(repeated.observations.map((o) => o.period)).toEqual([null]);
    const block = scoreWith(
      [
        ["Jan-26", "Feb-26", null, null, 6],
        [1, 2],
        [3, 4],
      ],
      { top: 2, left: 1, bottom: 3, right: 2 },
    );
    expect(block.observations).toHaveLength(1);
    const topRow = scoreWith([[1, 2, null, null, 6]], { top: 1, left: 1, bottom: 1, right: 2 });
    expect(topRow.observations.map((o) => o.actualCell)).toEqual(["T!B1"]);
  });
});
