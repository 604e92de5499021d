import { evaluateScorecard } from "../../src/engine/evaluate";
import { biggestMovers } from "../../src/engine/movers";
import { readScorecard } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * With entities, the consolidated scorecard's trends and movers are judged as one entity's are,
 * on the units' values added up in the periods where every unit reports (issue 19: they were all
 * "–" and "No KPI moved" while each unit had its trend).
 */

const HEADER = ["Site", "KPI", "Month", "Actual", "Target", "Polarity"];

function consolidated(rows: readonly (readonly CellValue[])[]) {
  const reading = readScorecard(book(sheet("Data", [HEADER, ...rows])), null, new Set());
  if (!reading.ok) throw new Error(reading.fatal.message);
  const evaluation = evaluateScorecard(reading.model);
  if (!evaluation.ok) throw new Error(evaluation.fatal.message);
  return evaluation.result;
}

const kpiOf = (result: ReturnType<typeof consolidated>, name: string) =>
  result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).find((k) => k.kpi.name === name);

describe("the consolidated scorecard of several entities", () => {
  const rows = [
    ["North", "Revenue", "2024-01", 10, 12, "higher"],
    ["South", "Revenue", "2024-01", 8, 12, "higher"],
    ["North", "Revenue", "2024-02", 14, 12, "higher"],
    ["South", "Revenue", "2024-02", 9, 12, "higher"],
    ["North", "Costs", "2024-01", 5, 4, "lower"],
    ["South", "Costs", "2024-01", 5, 4, "lower"],
    ["North", "Costs", "2024-02", 6, 4, "lower"],
    ["South", "Costs", "2024-02", 5, 4, "lower"],
  ];

  it("gives each KPI the trend of the units' values added up, by its polarity", () => {
    const result = consolidated(rows);
    expect(kpiOf(result, "Revenue")?.trend).toBe("better");
    expect(kpiOf(result, "Costs")?.trend).toBe("worse");
  });

  it("lists its movers by the same values: 18 to 23 and 10 to 11", () => {
    const movers = biggestMovers(consolidated(rows), 3);
    expect(movers.map((m) => [m.kpi.kpi.name, m.previous, m.current, m.trend])).toEqual([
      ["Revenue", 18, 23, "better"],
      ["Costs", 10, 11, "worse"],
    ]);
  });

  it("gives no trend where a unit has no actual in the period before", () => {
    const result = consolidated(
      rows.filter((r) => !(r[0] === "South" && r[1] === "Revenue" && r[2] === "2024-01")),
    );
    expect(kpiOf(result, "Revenue")?.trend).toBe("none");
  });

  it("keeps its status the roll-up of the units' statuses", () => {
    const result = consolidated(rows);
    const units = result.entities.map(
      (e) => e.perspectives[0]?.objectives.find((o) => o.name === "Revenue")?.status,
    );
    expect(units).toEqual(["green", "red"]);
    expect(kpiOf(result, "Revenue")?.status).toBe("amber");
  });
});
