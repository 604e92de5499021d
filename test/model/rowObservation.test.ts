/**
 * A long table's row reads its numbers and makes its cells' addresses on its prototype, when
 * asked for (longLayout.ts): they read as before, and a copy made by observationWith keeps them.
 */
import { readScorecard } from "../../src/model/read";
import { observationWith } from "../../src/model/drafts";
import { book, tableSheet } from "../helpers/book";

const rows = [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Threshold", "Tolerance %", "Polarity"],
  ["2026-01", "Financial", "Grow", "Revenue", 90, 100, 80, null, "higher"],
  ["2026-02", "Financial", "Grow", "Revenue", 95, 100, 80, null, "higher"],
];

it("a long table's observations name their cells, and keep them when copied with a change", () => {
  const reading = readScorecard(book(tableSheet("P&L 2026", "Kpis", rows)), null, new Set());
  if (!reading.ok) throw new Error(reading.fatal.code);
  const [, second] = reading.model.kpis[0]!.observations;
  const cells = (o: typeof second) => [
    o!.actualCell,
    o!.targetCell,
    o!.thresholdCell,
    o!.toleranceCell,
    o!.polarityCell,
  ];
  const expected = ["'P&L 2026'!E3", "'P&L 2026'!F3", "'P&L 2026'!G3", "'P&L 2026'!H3", "'P&L 2026'!I3"];
  expect(cells(second)).toEqual(expected);
  expect([second!.actual, second!.target, second!.threshold, second!.tolerance]).toEqual([
    { kind: "number", value: 95 },
    { kind: "number", value: 100 },
    { kind: "number", value: 80 },
    { kind: "blank" },
  ]);
  expect(second!.polarityText).toBe("higher");
  const restated = observationWith(second!, { actual: { kind: "number", value: 97 } });
  expect(cells(restated)).toEqual(expected);
  expect(restated.actual).toEqual({ kind: "number", value: 97 });
  expect(restated.target).toEqual({ kind: "number", value: 100 });
  expect(restated.polarityText).toBe("higher");
  expect(restated.row).toBe(3);
  expect(second!.actual).toEqual({ kind: "number", value: 95 });
});
