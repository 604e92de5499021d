import { propertyRuns } from "../helpers/runs";
import fc from "fast-check";
import { scoreKpi } from "../../src/engine/kpi";
import { rollUp, type WeightedChild } from "../../src/engine/rollup";
import { STATUS_ORDER, type Polarity, type ThresholdSpec } from "../../src/engine/types";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const polarity = fc.constantFrom<Polarity>("higher", "lower", "band");
const spec: fc.Arbitrary<ThresholdSpec> = fc.oneof(
  fc.constant({ kind: "default" } as const),
  fc.double({ min: 0, max: 2, noNaN: true }).map((fraction) => ({ kind: "tolerance", fraction }) as const),
  finite.map((value) => ({ kind: "absolute", value }) as const),
);

/** Moving the actual toward "better" by `step` (for band: toward the target). */
function better(p: Polarity, a: number, t: number, step: number): number {
  if (p === "higher") return a + step;
  if (p === "lower") return a - step;
  const d = Math.abs(a - t);
  const closer = Math.max(0, d - step);
  return a >= t ? t + closer : t - closer;
}

describe("scoring properties", () => {
  it("never gives a better actual a worse status or a lower score", () => {
    fc.assert(
      fc.property(
        polarity,
        finite,
        finite,
        spec,
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (p, a, t, s, step) => {
          const before = scoreKpi(a, t, p, s);
          const after = scoreKpi(better(p, a, t, step), t, p, s);
          if (!before.ok || !after.ok) return before.ok === after.ok;
          return (
            STATUS_ORDER[after.status] >= STATUS_ORDER[before.status] && after.score! >= before.score! - 1e-9
          );
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });

  it("keeps every score in [0, 10]", () => {
    fc.assert(
      fc.property(polarity, finite, finite, spec, (p, a, t, s) => {
        const r = scoreKpi(a, t, p, s);
        return !r.ok || (r.score! >= 0 && r.score! <= 10);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it("puts a parent's score between its scored children's lowest and highest", () => {
    const childArb: fc.Arbitrary<WeightedChild> = fc
      .record({
        score: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
        weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })),
      })
      .map((c) => ({ ...c, status: c.score === null ? "none" : "amber" }));
    fc.assert(
      fc.property(
        fc.array(childArb, { maxLength: 12 }),
        fc.constantFrom("weighted" as const, "worst" as const),
        (children, method) => {
          const counted = children
            .filter((c) => c.score !== null && c.weight > 0)
            .map((c) => c.score as number);
          const parent = rollUp(children, method);
          if (counted.length === 0) return parent.score === null && parent.status === "none";
          return parent.score! >= Math.min(...counted) - 1e-9 && parent.score! <= Math.max(...counted) + 1e-9;
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });
});
