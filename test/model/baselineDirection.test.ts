import { allKpis, book, score, sheet } from "../helpers/book";
import type { CellValue } from "../../src/model/snapshot";
import { kpiDirection } from "../../src/model/direction";

/**
 * A target set below where a KPI started says the aim is to bring it down (a public programme's
 * results table: non-revenue water from 29 % to 25 %, TB notifications from 541 to 400), where no
 * Polarity cell, class cell, name or heading says anything (found on an unseen public export).
 */
const scored = (rows: CellValue[][]) => {
  const { result } = score(book(sheet("Results", rows)));
  const kpis = Object.fromEntries(allKpis(result).map((k) => [k.kpi.name, k]));
  const notes = result.issues
    .filter((i) => i.code === "polarity-inferred")
    .map((i) => `${i.cell}: ${i.message}`);
  return { kpis, notes };
};

describe("a KPI's direction from its target against its baseline", () => {
  it("a target below the baseline makes the KPI lower-is-better, said at the baseline's cell", () => {
    const { kpis, notes } = scored([
      ["Indicator", "Baseline", "Target", "Actual"],
      ["Non-revenue water (%)", 29, 25, 28],
      ["Households connected", 1200, 5000, 4100],
      ["Sewer blockage events", 8500, 2000, 5663],
      ["Clinics built", 10, 10, 9],
    ]);
    // Missed by going the wrong way: not green any more.
    expect(kpis["Non-revenue water (%)"]?.kpi.polarity).toBe("lower");
    expect(kpis["Non-revenue water (%)"]?.status).not.toBe("green");
    expect(kpis["Sewer blockage events"]?.kpi.polarity).toBe("lower");
    expect(kpis["Sewer blockage events"]?.status).toBe("red");
    // A target above the baseline, or the same: higher is better, as without a baseline.
    expect(kpis["Households connected"]?.kpi.polarity).toBe("higher");
    expect(kpis["Clinics built"]?.kpi.polarity).toBe("higher");
    expect(notes).toEqual([
      'Results!B2: Assumed lower is better for "Non-revenue water (%)": its target (25) is below its baseline (29): the aim is to bring it down; write higher in a Polarity column to change it.',
      'Results!B4: Assumed lower is better for "Sewer blockage events": its target (2000) is below its baseline (8500): the aim is to bring it down; write higher in a Polarity column to change it.',
    ]);
  });

  it("a Polarity cell, a class cell or a name that speaks wins over the baseline", () => {
    const { kpis } = scored([
      ["KPI", "Baseline", "Target", "Actual", "Polarity"],
      ["Revenue", 900, 800, 850, "higher"],
      ["Customer complaints", 10, 20, 15, ""],
    ]);
    expect(kpis["Revenue"]?.kpi.polarity).toBe("higher");
    // Its name says less is better, though the target allows more than the baseline.
    expect(kpis["Customer complaints"]?.kpi.polarity).toBe("lower");
  });

  it("is heard only where nothing else spoke", () => {
    const base = { kpi: "Water", kpiCell: "A2", entity: null, stored: null, polarityCell: null };
    const baselineTarget = { baseline: 29, target: 25, cell: "B2" };
    expect(kpiDirection({ ...base, baselineTarget })).toMatchObject({
      polarity: "lower",
      source: "baseline",
    });
    expect(kpiDirection({ ...base, baselineTarget: { ...baselineTarget, target: 29 } })).toMatchObject({
      polarity: "higher",
      source: "default",
    });
    expect(
      kpiDirection({ ...base, baselineTarget, sectionCell: { text: "Revenue", cell: "A1" } }),
    ).toMatchObject({ polarity: "higher", source: "class" });
  });
});
