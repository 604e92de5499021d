import type { CellValue } from "../../src/model/snapshot";
import { PALETTES } from "../../src/plan/palette";
import { trafficLightFormats } from "../../src/plan/trafficLights";
import { book, score, sheet } from "../helpers/book";
import { engineStatusByCell, paintedCells } from "../helpers/spreadsheet";

/**
 * Traffic lights on the layouts real files come in (issue 19), evaluated by HyperFormula: every
 * actual cell is painted as the engine scores it, including KPIs whose direction was inferred
 * (a cost over budget is never green).
 */

function expectPaintedAsScored(rows: CellValue[][]) {
  const workbook = book(sheet("Data", rows));
  const { model } = score(workbook);
  const { plans } = trafficLightFormats(model.table!, model.kpis, PALETTES.standard);
  const painted = paintedCells(workbook.sheets[0]!, plans);
  const engine = engineStatusByCell(workbook, null);
  expect(engine.size).toBeGreaterThan(0);
  for (const [cell, status] of engine) expect([cell, painted.get(cell) ?? "none"]).toEqual([cell, status]);
  return { painted, model };
}

describe("traffic lights on files as they come", () => {
  it("paint a long table's cost lines, with no Polarity column, lower-is-better", () => {
    const { painted } = expectPaintedAsScored([
      ["Line item", "Actual", "Budget"],
      ["Marketing costs", 756, 620],
      ["Revenue", 1000, 900],
    ]);
    expect(painted.get("Data!B2")).toBe("red");
    expect(painted.get("Data!B3")).toBe("green");
  });

  it("paint KPIs as columns by their partner columns", () => {
    expectPaintedAsScored([
      ["Month", "Sales", "Sales Target", "Complaints", "Complaints Goal"],
      ["2024-01", 100, 120, 5, 4],
      ["2024-02", 130, 120, 3, 4],
      ["2024-03", 110, 120, 4.2, 4],
    ]);
  });

  it("paint each period's actual by its own target column (Jan-24 Actual beside Jan-24 Budget)", () => {
    const { painted } = expectPaintedAsScored([
      ["KPI", "Jan-24 Actual", "Jan-24 Budget", "Feb-24 Actual", "Feb-24 Budget"],
      ["Revenue", 100, 90, 80, 95],
      ["Travel costs", 10, 12, 15, 12],
    ]);
    expect(painted.get("Data!D3")).toBe("red");
  });

  it("paint the actual rows of pairs (Measure Names / Measure Values)", () => {
    expectPaintedAsScored([
      ["Month", "KPI", "Measure Names", "Measure Values"],
      ["2024-01", "Sales", "Actual", 100],
      ["2024-01", "Sales", "Target", 120],
      ["2024-02", "Sales", "Actual", 130],
      ["2024-02", "Sales", "Target", 120],
    ]);
  });
});

describe("traffic lights under two header rows", () => {
  it("paint each month's actual by the budget beside it", () => {
    const { painted } = expectPaintedAsScored([
      ["Pack 2024"],
      [null, "Jan", null, "Feb", null],
      ["KPI", "Actual", "Budget", "Actual", "Budget"],
      ["Revenue", 100, 90, 80, 95],
      ["Travel costs", 10, 12, 15, 12],
    ]);
    expect(painted.get("Data!D5")).toBe("red");
  });
});
