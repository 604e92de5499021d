import { kpiHistories, scorecardHistory } from "../../src/app/history";
import { evaluateScorecard } from "../../src/engine/evaluate";
import { kpiKey } from "../../src/model/scorecard";
import { book, HEADER, score, tableSheet } from "../helpers/book";

const SERIES_HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];

/** Revenue for `months` months from 2025-01, with an actual that grows by 2 a month against 100. */
function revenue(months: number) {
  const rows: (string | number | null)[][] = [];
  for (let m = 0; m < months; m++) {
    const period = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    rows.push([period, "Financial", "Grow", "Revenue", 80 + 2 * m, 100, "higher"]);
  }
  return score(book(tableSheet("Data", "Monthly", [SERIES_HEADER, ...rows]))).model;
}

describe("the scorecard's history", () => {
  it("scores the last twelve periods up to the scored one, oldest first", () => {
    const model = revenue(15);
    const history = scorecardHistory(model, "2026-02");
    expect(history.map((h) => h.period)).toEqual([
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });

  it("gives each period the result the engine gives when that period is chosen", () => {
    const model = revenue(6);
    for (const { period, result } of scorecardHistory(model, "2025-06")) {
      const alone = evaluateScorecard(model, { period });
      expect(alone.ok && alone.result).toEqual(result);
    }
  });

  it("holds only the periods there are, when fewer than asked", () => {
    expect(scorecardHistory(revenue(3), "2025-03", 12).map((h) => h.period)).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
    ]);
    expect(scorecardHistory(revenue(6), "2025-06", 2).map((h) => h.period)).toEqual(["2025-05", "2025-06"]);
  });

  it("is empty for a single-period table and for a period of another granularity", () => {
    const single = score(
      book(tableSheet("Data", "Kpis", [HEADER, ["F", "O", "Revenue", 95, 100, null, null, "higher", 1]])),
    );
    expect(scorecardHistory(single.model, single.result.period)).toEqual([]);
    expect(scorecardHistory(revenue(6), "2025-Q2")).toEqual([]);
    expect(scorecardHistory(revenue(6), null)).toEqual([]);
  });
});

describe("a KPI's points across the history", () => {
  it("are its actual, target, status and score in each period", () => {
    const model = revenue(12);
    const points = kpiHistories(scorecardHistory(model, "2025-12", 3)).get(
      kpiKey("Financial", "Grow", "Revenue"),
    )!;
    expect(points.map((p) => [p.period, p.actual, p.target, p.status])).toEqual([
      ["2025-10", 98, 100, "amber"],
      ["2025-11", 100, 100, "green"],
      ["2025-12", 102, 100, "green"],
    ]);
    expect(points.every((p) => typeof p.score === "number")).toBe(true);
  });

  it("show no data for a period in which the KPI has none", () => {
    const rows = [
      ["2025-01", "F", "O", "Revenue", 90, 100, "higher"],
      ["2025-02", "F", "O", "Revenue", null, 100, "higher"],
      ["2025-02", "F", "O", "Costs", 40, 50, "lower"],
    ];
    const { model } = score(book(tableSheet("Data", "Monthly", [SERIES_HEADER, ...rows])));
    const points = kpiHistories(scorecardHistory(model, "2025-02")).get(kpiKey("F", "O", "Revenue"))!;
    expect(points.map((p) => [p.period, p.actual, p.status])).toEqual([
      ["2025-01", 90, "amber"],
      ["2025-02", null, "none"],
    ]);
  });
});
