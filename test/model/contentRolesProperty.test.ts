import fc from "fast-check";
import type { ScorecardResult } from "../../src/engine/evaluate";
import type { CellValue } from "../../src/model/snapshot";
import { book, score, sheet } from "../helpers/book";
import { propertyRuns } from "../helpers/runs";

/**
 * Roles from content, as a property: whatever word heads the KPI column (or none, left of the
 * other headers), and whether the Actual is headed by a word the reader knows or by one it does
 * not, a scorecard reads as it does with its tidy headers.
 */

const report = (result: ScorecardResult) =>
  result.perspectives.map((p) =>
    p.objectives.map((o) => o.kpis.map((k) => [k.kpi.name, k.actual, k.target, k.status, k.score])),
  );

const UNKNOWN_WORDS = ["Table", "category", "Line item", "Posten", "Rubrique", "Voce", "Onderdeel"];
const UNKNOWN_VALUES = ["Amount", "Figure", "Rate", "Importe", "Betrag"];

const line = fc.record({
  name: fc.constantFrom("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"),
  month: fc.integer({ min: 1, max: 6 }),
  actual: fc.integer({ min: -50, max: 500 }),
  target: fc.integer({ min: 1, max: 400 }),
});

describe("a scorecard with its KPI or Actual column headed by a word the reader does not know", () => {
  it("scores as with its tidy headers", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { minLength: 1, maxLength: 12, selector: (l) => `${l.name} ${l.month}` }),
        fc.option(fc.constantFrom(...UNKNOWN_WORDS), { nil: null }),
        fc.option(fc.constantFrom(...UNKNOWN_VALUES), { nil: undefined }),
        (lines, kpiWord, actualWord) => {
          const rows = (header: readonly CellValue[]) => [
            header,
            ...lines.map((l) => [l.name, `2024-0${l.month}`, l.actual, l.target]),
          ];
          const tidy = score(book(sheet("Data", rows(["KPI", "Month", "Actual", "Target"]))));
          const odd = score(book(sheet("Data", rows([kpiWord, "Month", actualWord ?? "Actual", "Target"]))));
          expect(report(odd.result)).toEqual(report(tidy.result));
          expect(odd.result.period).toBe(tidy.result.period);
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });
});
