import fc from "fast-check";
import { emptyDefinition } from "../../src/model/definition";
import type { CellValue } from "../../src/model/snapshot";
import { PALETTES } from "../../src/plan/palette";
import { trafficLightFormats } from "../../src/plan/trafficLights";
import { book, score, sheet } from "../helpers/book";
import { propertyRuns } from "../helpers/runs";
import { engineStatusByCell, paintedCells } from "../helpers/spreadsheet";

const colours = PALETTES.standard;
const MONTHS = ["Jan-26", "Feb-26", "Mar-26", "Apr-26"];

/** Every period cell of every KPI's actual row: painted as the engine scores it in that period. */
function expectPaintedAsScored(rows: CellValue[][], actualRows: readonly number[], firstMonthCol: number) {
  const workbook = book(sheet("Data", rows));
  const { model } = score(workbook);
  const { plans } = trafficLightFormats(model.table!, model.kpis, colours);
  const painted = paintedCells(workbook.sheets[0]!, plans);
  const engine = engineStatusByCell(workbook, null);
  const cells: string[] = [];
  for (const row of actualRows)
    MONTHS.forEach((_, i) => cells.push(`Data!${String.fromCharCode(64 + firstMonthCol + i)}${row}`));
  const seen = cells.map((c) => [c, painted.get(c) ?? "none"]);
  const expected = cells.map((c) => [c, engine.get(c) ?? "none"]);
  expect(seen).toEqual(expected);
  return { plans, painted };
}

describe("traffic lights on a table with the periods across its columns", () => {
  it("colours each month's actual by the Target column of its row, and a month typed later too", () => {
    const rows: CellValue[][] = [
      ["KPI", "Polarity", "Target", "Threshold", ...MONTHS],
      ["Revenue", "higher", 100, 90, 95, 101, 80, null],
      ["Cost ratio", "lower", 0.5, null, 0.52, 0.6, 0.4, null],
      ["Temperature", "band", 20, 1, 20.5, 22, 25, null],
    ];
    const { plans } = expectPaintedAsScored(rows, [2, 3, 4], 5);
    expect(plans.flatMap((p) => p.ranges)).toEqual(["E2:H2", "E3:H3", "E4:H4"]);
    // April typed in after the refresh takes its colour from the same rule.
    const typed = rows.map((r) => [...r]);
    typed[1]![7] = 120;
    const painted = paintedCells(book(sheet("Data", typed)).sheets[0]!, plans);
    expect(painted.get("Data!H2")).toBe("green");
  });

  it("colours paired Actual/Budget rows by the budget below each month, one rule for them all", () => {
    const rows: CellValue[][] = [
      ["KPI", "Polarity", ...MONTHS],
      ["Revenue Actual", null, 95, 101, 80, null],
      ["Revenue Budget", null, 100, 100, 100, 100],
      ["Churn Actual", "lower", 0.1, 0.2, 0.12, 0.3],
      ["Churn Budget", null, 0.11, 0.11, 0.11, 0.11],
    ];
    const { plans } = expectPaintedAsScored(rows, [2, 4], 3);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.ranges).toEqual(["C2:F2", "C4:F4"]);
  });

  it("paints as the engine scores, for any numbers, blanks and polarities", () => {
    const value = fc.oneof(
      fc.integer({ min: -50, max: 150 }),
      fc.constant(null),
      fc.constantFrom(0.5, 99.9999999999, 100),
    );
    const kpi = fc.record({
      polarity: fc.constantFrom("higher", "lower", "band", null),
      target: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.constant(null)),
      threshold: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constant(null)),
      actuals: fc.array(value, { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(kpi, { minLength: 1, maxLength: 5 }), (kpis) => {
        const rows: CellValue[][] = [
          ["KPI", "Polarity", "Target", "Threshold", ...MONTHS],
          ...kpis.map((k, i) => [`K${i}`, k.polarity, k.target, k.threshold, ...k.actuals]),
        ];
        expectPaintedAsScored(
          rows,
          kpis.map((_, i) => i + 2),
          5,
        );
      }),
      { numRuns: propertyRuns(30) },
    );
  });
});

describe("traffic lights on a wide table, rule by rule", () => {
  it("leave a column between the months out of the coloured areas", () => {
    const rows: CellValue[][] = [
      ["KPI", "Target", "Jan-26", "Note", "Feb-26", "Mar-26"],
      ["Revenue", 100, 95, "late", 101, 80],
    ];
    const workbook = book(sheet("Data", rows));
    const { model } = score(workbook);
    const { plans } = trafficLightFormats(model.table!, model.kpis, colours);
    expect(plans.flatMap((p) => p.ranges)).toEqual(["C2", "E2:F2"]);
    const painted = paintedCells(workbook.sheets[0]!, plans);
    const engine = engineStatusByCell(workbook, null);
    for (const cell of ["Data!C2", "Data!E2", "Data!F2"]) expect(painted.get(cell)).toBe(engine.get(cell));
    expect(painted.get("Data!D2")).toBeUndefined();
  });

  it("set each month's colour at the refresh for a KPI with a number stored as text, and say so", () => {
    const rows: CellValue[][] = [
      ["KPI", "Target", ...MONTHS],
      ["Revenue", 100, 95, "101", 80, null],
      ["Churn", 100, 100, 50, 120, null],
    ];
    const workbook = book(sheet("Data", rows));
    const { model } = score(workbook);
    const { plans, issues } = trafficLightFormats(model.table!, model.kpis, colours);
    const fixedPlans = plans.filter((p) => p.rules.length === 1);
    expect(fixedPlans.map((p) => [p.rules[0]!.status, p.ranges])).toEqual([
      ["green", ["D2"]],
      ["amber", ["C2"]],
      ["red", ["E2"]],
    ]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["colour-fixed-text", "Data!D2"]]);
    // The other KPI keeps its live rule over every month.
    expect(plans.filter((p) => p.rules.length === 3).flatMap((p) => p.ranges)).toEqual(["C3:F3"]);
  });

  it("give one month's column a single-cell area, and rows with their targets at the same place one rule", () => {
    const rows: CellValue[][] = [
      ["KPI", "Target", "Jan-26"],
      ["Revenue", 100, 95],
      ["Volume", 50, 60],
    ];
    const workbook = book(sheet("Data", rows));
    const definition = {
      ...emptyDefinitionWith({ periodsAcross: true }),
    };
    const { model } = score(workbook, { definition });
    const { plans } = trafficLightFormats(model.table!, model.kpis, colours);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.ranges).toEqual(["C2", "C3"]);
  });

  it("paint nothing for a KPI whose rows have no target at all", () => {
    const rows: CellValue[][] = [
      ["KPI", ...MONTHS],
      ["Revenue", 95, 101, 80, null],
    ];
    const workbook = book(sheet("Data", rows));
    const { model } = score(workbook);
    expect(trafficLightFormats(model.table!, model.kpis, colours).plans).toEqual([]);
  });
});

function emptyDefinitionWith(layout: { periodsAcross: boolean }) {
  return { ...emptyDefinition(), source: { table: "", sheet: "", columns: {}, ...layout } };
}

describe("traffic lights on a wide table whose rows are not in the scorecard's order", () => {
  it("list the KPIs' rows top to bottom, one rule for them all, each month painted as scored", () => {
    // The scorecard puts Financial before Customer; the sheet has them the other way round.
    const rows: CellValue[][] = [
      ["Perspective", "KPI", "Polarity", "Target", ...MONTHS],
      ["Customer", "NPS", "higher", 40, 35, 41, 20, 45],
      ["Financial", "Revenue", "higher", 100, 95, 101, 80, 120],
      ["Customer", "Churn", "higher", 10, 9, 11, 12, 8],
    ];
    const { plans } = expectPaintedAsScored(rows, [2, 3, 4], 5);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.ranges).toEqual(["E2:H2", "E3:H3", "E4:H4"]);
  });

  it("fix the polarity of a KPI whose Polarity cell ends in a non-breaking space, which the sheet's TRIM keeps", () => {
    const rows: CellValue[][] = [
      ["KPI", "Polarity", "Target", ...MONTHS],
      ["Cost ratio", "lower\u00a0", 0.5, 0.52, 0.6, 0.4, 0.45],
    ];
    expectPaintedAsScored(rows, [2], 4);
    const workbook = book(sheet("Data", rows));
    const { model } = score(workbook);
    const { issues } = trafficLightFormats(model.table!, model.kpis, colours);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["colour-fixed-polarity", "Data!B2"]]);
    // One cell, met in each of the four months, is one cell: no "more of its rows".
    expect(issues[0]!.message).not.toMatch(/more/);
  });

  it("give no rule to a KPI with no actual and no target in any month yet", () => {
    const rows: CellValue[][] = [
      ["KPI", "Polarity", "Target", ...MONTHS],
      ["Revenue", "higher", 100, 95, 101, 80, 120],
      ["New KPI", "higher", null, null, null, null, null],
    ];
    const { plans } = expectPaintedAsScored(rows, [2], 4);
    expect(plans.flatMap((p) => p.ranges)).toEqual(["D2:G2"]);
  });
});

describe("traffic lights on a wide table whose KPIs differ", () => {
  it("give a KPI with a paired budget row and one with a Target column each their own rule", () => {
    const rows: CellValue[][] = [
      ["KPI", "Target", ...MONTHS],
      ["Revenue Actual", null, 95, 101, 80, null],
      ["Revenue Budget", null, 100, 100, 100, 100],
      ["NPS", 40, 41, 30, 39, null],
    ];
    const { plans } = expectPaintedAsScored(rows, [2, 4], 3);
    expect(plans.map((p) => p.ranges)).toEqual([["C2:F2"], ["C4:F4"]]);
  });

  it("follow a threshold stored in the definition, over the months of that KPI alone", () => {
    const rows: CellValue[][] = [
      ["KPI", "Target", ...MONTHS],
      ["Revenue", 100, 95, 101, 80, 99],
      ["Volume", 100, 95, 101, 80, 99],
    ];
    const workbook = book(sheet("Data", rows));
    const definition = {
      ...emptyDefinition(),
      kpis: [{ perspective: "Data", objective: "Revenue", name: "Revenue", threshold: 96 }],
    };
    const { model } = score(workbook, { definition });
    const { plans } = trafficLightFormats(model.table!, model.kpis, colours);
    const painted = paintedCells(workbook.sheets[0]!, plans);
    const engine = engineStatusByCell(workbook, definition);
    for (const row of [2, 3])
      for (const col of ["C", "D", "E", "F"])
        expect(painted.get(`Data!${col}${row}`)).toBe(engine.get(`Data!${col}${row}`));
    expect(painted.get("Data!C2")).toBe("red");
    expect(painted.get("Data!C3")).toBe("amber");
  });
});
