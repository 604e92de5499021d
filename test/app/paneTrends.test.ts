import { scorecardHistory } from "../../src/app/history";
import {
  directionOf,
  historyWindow,
  kpiGroups,
  kpiModelsOf,
  kpiPoints,
  periodsOf,
  pointsOf,
} from "../../src/app/paneTrends";
import { kpiKey } from "../../src/model/scorecard";
import { book, score, sheet, tableSheet } from "../helpers/book";

const HEADER = ["Period", "Site", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];

/** Two sites, three months: revenue grows in the North and falls in the South; costs rise. */
function sites() {
  const rows = [
    ["2026-01", "North", "Financial", "Grow", "Revenue", 90, 100, "higher"],
    ["2026-02", "North", "Financial", "Grow", "Revenue", 95, 100, "higher"],
    ["2026-03", "North", "Financial", "Grow", "Revenue", 101, 100, "higher"],
    ["2026-01", "South", "Financial", "Grow", "Revenue", 120, 100, "higher"],
    ["2026-02", "South", "Financial", "Grow", "Revenue", 110, 100, "higher"],
    ["2026-03", "South", "Financial", "Grow", "Revenue", 80, 100, "higher"],
    ["2026-02", "North", "Financial", "Grow", "Costs", 40, 50, "lower"],
    ["2026-03", "North", "Financial", "Grow", "Costs", 45, 50, "lower"],
  ];
  return score(book(tableSheet("Data", "Monthly", [HEADER, ...rows]))).model;
}

describe("what the pane draws from the history", () => {
  it("offers every period with data, in order", () => {
    expect(periodsOf(sites())).toEqual(["2026-01", "2026-02", "2026-03"]);
    const single = score(
      book(
        sheet("D", [
          ["KPI", "Actual", "Target"],
          ["Revenue", 1, 2],
        ]),
      ),
    ).model;
    expect(periodsOf(single)).toEqual([]);
  });

  it("offers, for the period picker, only the periods where some KPI has an actual, in calendar order", () => {
    const rows = [
      ["2026-03", "North", "Financial", "Grow", "Revenue", 101, 100, "higher"],
      ["2026-01", "North", "Financial", "Grow", "Revenue", 90, 100, "higher"],
      // Rows set out ahead for the months to come, with a target and no actual yet.
      ["2026-04", "North", "Financial", "Grow", "Revenue", null, 100, "higher"],
      ["2026-05", "North", "Financial", "Grow", "Revenue", null, 100, "higher"],
    ];
    const model = score(book(tableSheet("Data", "Monthly", [HEADER, ...rows]))).model;
    expect(periodsOf(model)).toEqual(["2026-01", "2026-03", "2026-04", "2026-05"]);
    expect(periodsOf(model, true)).toEqual(["2026-01", "2026-03"]);
  });

  it("gives each entity's points, and the consolidated scorecard's", () => {
    const model = sites();
    const history = scorecardHistory(model, "2026-03");
    const revenue = kpiKey("Financial", "Grow", "Revenue");
    const of = (entity: string) =>
      pointsOf(history, entity)
        .get(revenue)
        ?.map((p) => [p.actual, p.status]);
    expect(of("North")).toEqual([
      [90, "amber"],
      [95, "amber"],
      [101, "green"],
    ]);
    expect(of("South")).toEqual([
      [120, "green"],
      [110, "green"],
      [80, "red"],
    ]);
    // Consolidated, a KPI kept per entity has the entities' rolled-up status and no single value.
    expect(
      pointsOf(history, "")
        .get(revenue)
        ?.map((p) => p.actual),
    ).toEqual([null, null, null]);
    expect(pointsOf(history, "West").size).toBe(0);
  });

  it("tells which way the value moved, whatever its polarity: rising costs rose", () => {
    const model = sites();
    const north = kpiModelsOf(model, "North");
    const south = kpiModelsOf(model, "South");
    expect(directionOf(north.get(kpiKey("Financial", "Grow", "Costs")), "2026-03")).toBe("rose");
    expect(directionOf(north.get(kpiKey("Financial", "Grow", "Revenue")), "2026-03")).toBe("rose");
    expect(directionOf(south.get(kpiKey("Financial", "Grow", "Revenue")), "2026-03")).toBe("fell");
    expect(directionOf(south.get(kpiKey("Financial", "Grow", "Revenue")), "2026-01")).toBe("none");
    expect(directionOf(north.get(kpiKey("Financial", "Grow", "Costs")), "2026-02")).toBe("none");
    expect(directionOf(undefined, "2026-03")).toBe("none");
    expect(directionOf(north.get(kpiKey("Financial", "Grow", "Costs")), null)).toBe("none");
  });

  it("says the value stayed the same when it did", () => {
    const rows = [
      ["2026-01", "N", "F", "G", "Revenue", 100, 100, "higher"],
      ["2026-02", "N", "F", "G", "Revenue", 100, 100, "higher"],
    ];
    const model = score(book(tableSheet("Data", "T", [HEADER, ...rows]))).model;
    expect(directionOf(kpiModelsOf(model, "N").get(kpiKey("F", "G", "Revenue")), "2026-02")).toBe("same");
  });

  it("finds each KPI's model for the scorecard shown", () => {
    const model = sites();
    expect(kpiModelsOf(model, "South").get(kpiKey("Financial", "Grow", "Revenue"))?.entity).toBe("South");
    expect(kpiModelsOf(model, "South").has(kpiKey("Financial", "Grow", "Costs"))).toBe(false);
    expect(kpiModelsOf(model, "").get(kpiKey("Financial", "Grow", "Costs"))?.entity).toBe("North");
  });

  it("scores one KPI alone to the same points as the whole scorecard's history gives it", () => {
    const model = sites();
    const periods = historyWindow(periodsOf(model), "2026-03", 12);
    const groups = kpiGroups(model);
    for (const entity of ["", "North", "South"]) {
      const whole = pointsOf(scorecardHistory(model, "2026-03"), entity);
      for (const [key, group] of groups) {
        const alone = kpiPoints(model, group, entity, periods);
        const expected =
          whole.get(key) ??
          periods.map((period) => ({ period, actual: null, target: null, status: "none", score: null }));
        expect([entity, key, alone]).toEqual([entity, key, expected]);
      }
    }
    // Costs have no January row: that point is empty.
    const costs = kpiPoints(model, groups.get(kpiKey("Financial", "Grow", "Costs"))!, "North", periods);
    expect(costs.map((p) => [p.period, p.actual, p.status])).toEqual([
      ["2026-01", null, "none"],
      ["2026-02", 40, "green"],
      ["2026-03", 45, "green"],
    ]);
  });

  it("spans the last periods up to the scored one", () => {
    const periods = ["2026-01", "2026-02", "2026-03", "2026-04"];
    expect(historyWindow(periods, "2026-03", 2)).toEqual(["2026-02", "2026-03"]);
    expect(historyWindow(periods, "2026-03", 12)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(historyWindow(periods, "2025-12", 12)).toEqual([]);
    expect(historyWindow(periods, null, 12)).toEqual([]);
  });
});
