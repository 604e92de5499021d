import { biggestMovers, movementOf } from "../../src/engine/movers";
import type { CellValue } from "../../src/model/snapshot";
import { allKpis, book, score, sheet } from "../helpers/book";

// Every fixture is built inside its test: a mutation run switches a mutant on per test, and a value
// computed once in a describe block would be computed before any mutant is on.

const HEADER: CellValue[] = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];

/** A scorecard of two months (2026-01, 2026-02): each KPI's actual before and now. */
function twoMonths(
  kpis: readonly (readonly [string, number, number, string, (number | null)?, (number | null)?])[],
) {
  const rows: CellValue[][] = [[...HEADER, "Tolerance %"]];
  for (const [name, before, now, polarity, targetBefore = 100, targetNow = targetBefore] of kpis) {
    rows.push(["2026-01", "F", "O", name, before, targetBefore, polarity, polarity === "band" ? 10 : null]);
    rows.push(["2026-02", "F", "O", name, now, targetNow, polarity, polarity === "band" ? 10 : null]);
  }
  return score(book(sheet("Data", rows))).result;
}

const kpiNamed = (result: ReturnType<typeof twoMonths>, name: string) =>
  allKpis(result).find((k) => k.kpi.name === name)!;
const names = (result: ReturnType<typeof twoMonths>, count: number) =>
  biggestMovers(result, count).map((m) => m.kpi.kpi.name);

describe("a KPI's movement into the scored period", () => {
  it("is the change from the period before and that change relative to the earlier value's size", () => {
    const result = twoMonths([["Costs", -40, -50, "higher"]]);
    const movement = movementOf(kpiNamed(result, "Costs"), result.period);
    expect(movement).toMatchObject({ previous: -40, current: -50, change: -10, trend: "worse" });
    expect(movement?.relative).toBeCloseTo(-10 / 40, 12);
  });

  it("has no relative size for a move from 0", () => {
    const result = twoMonths([["Incidents", 0, 5, "lower"]]);
    expect(movementOf(kpiNamed(result, "Incidents"), result.period)).toMatchObject({
      previous: 0,
      current: 5,
      change: 5,
      relative: null,
      trend: "worse",
    });
  });

  it("is none where the engine gives the KPI no trend, even with an actual in both periods", () => {
    // A band KPI without a target in either period has no trend: nothing says which way is better.
    const result = twoMonths([["Stock days", 20, 30, "band", null]]);
    const stock = kpiNamed(result, "Stock days");
    expect(stock.trend).toBe("none");
    expect(movementOf(stock, result.period)).toBeNull();
    expect(biggestMovers(result, 3)).toEqual([]);
  });

  it("is none for a single-period scorecard", () => {
    const { result } = score(
      book(
        sheet("Data", [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["F", "O", "Sales", 5, 10],
        ]),
      ),
    );
    expect(result.period).toBeNull();
    expect(movementOf(allKpis(result)[0]!, result.period)).toBeNull();
  });
});

describe("the biggest movers", () => {
  it("put a move from 0, which has no relative size, after every move that has one", () => {
    const result = twoMonths([
      ["From zero", 0, 5, "higher"],
      ["Half up", 10, 15, "higher"],
      ["Tenth up", 10, 11, "higher"],
    ]);
    expect(names(result, 3)).toEqual(["Half up", "Tenth up", "From zero"]);
  });

  it("keep the scorecard's order between KPIs that moved by the same relative size", () => {
    const kpis = ["A", "B", "C", "D", "E", "F", "G"].map(
      (name, i) => [name, 10 * (i + 1), 11 * (i + 1), i % 2 ? "lower" : "higher"] as const,
    );
    const result = twoMonths(kpis);
    expect(names(result, 7)).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
    expect(names(result, 3)).toEqual(["A", "B", "C"]);
  });

  it("leave out a band KPI that crossed its target to the same distance: its value moved, but it is flat", () => {
    // 95 → 105 around the target 100: 5 off either way.
    const result = twoMonths([
      ["Stock days", 95, 105, "band"],
      ["Sales", 100, 101, "higher"],
    ]);
    const stock = movementOf(kpiNamed(result, "Stock days"), result.period);
    expect(stock).toMatchObject({ change: 10, trend: "flat" });
    expect(names(result, 3)).toEqual(["Sales"]);
  });

  it("leave out a KPI whose value did not change, even when its band target moved towards it", () => {
    // 95 both months; the target moved from 80 to 100, so the KPI is closer to it: better, unmoved.
    const result = twoMonths([
      ["Stock days", 95, 95, "band", 80, 100],
      ["Sales", 100, 101, "higher"],
    ]);
    const stock = kpiNamed(result, "Stock days");
    expect(stock.trend).toBe("better");
    expect(movementOf(stock, result.period)).toMatchObject({ change: 0, trend: "better" });
    expect(names(result, 3)).toEqual(["Sales"]);
  });
});
