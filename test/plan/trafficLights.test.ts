import fc from "fast-check";
import { trafficLightFormats } from "../../src/plan/trafficLights";
import { PALETTES } from "../../src/plan/palette";
import { isProductRule } from "../../src/plan/plan";
import { parseReference } from "../../src/model/address";
import type { CellValue } from "../../src/model/snapshot";
import { cellAt } from "../../src/model/snapshot";
import { emptyDefinition } from "../../src/model/definition";
import { allKpis, book, HEADER, score, tableSheet } from "../helpers/book";
import { evaluateFormula, parseFormula, ruleApplies } from "../helpers/formula";

const colours = PALETTES.standard;

/** The colour the rules give each data row, by evaluating them the way a spreadsheet does. */
function coloursByRow(rows: CellValue[][], definition = emptyDefinition()) {
  const workbook = book(tableSheet("Data", "T", [HEADER, ...rows]));
  const { model, result } = score(workbook, { definition });
  const sheet = workbook.sheets[0]!;
  const plans = trafficLightFormats(model.table!, model.kpis, colours);
  const byRow = new Map<number, string>();
  for (const plan of plans) {
    const areas = plan.ranges.map((r) => parseReference(r)!.box);
    const anchor = areas[0]!.top;
    for (const area of areas) {
      for (let row = area.top; row <= area.bottom; row++) {
        const applied = plan.rules.filter((rule) =>
          ruleApplies(
            evaluateFormula(parseFormula(rule.formula), (r, c) => cellAt(sheet, r, c), row, anchor),
          ),
        );
        expect(applied.length).toBeLessThanOrEqual(1);
        byRow.set(row, applied[0]?.status ?? "none");
      }
    }
  }
  return { byRow, result, plans };
}

describe("traffic lights on the Actual column", () => {
  it("cover the column with one rule per status, not one rule per cell", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ["F", "O", `K${i}`, i, 25, null, null, null, null]);
    const { plans } = coloursByRow(rows);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.ranges).toEqual(["D2:D51"]);
    expect(plans[0]!.rules.map((r) => r.status)).toEqual(["green", "amber", "red"]);
    expect(plans[0]!.rules.every((r) => isProductRule(r.formula))).toBe(true);
  });

  it("give each row the engine's status (vendor examples)", () => {
    const { byRow } = coloursByRow([
      ["F", "O", "A", 100, 100, null, null, "higher", null],
      ["F", "O", "B", 95, 100, null, null, "higher", null],
      ["F", "O", "C", 89.9, 100, null, null, "higher", null],
      ["F", "O", "D", 119, 150, null, null, "lower", null],
      ["F", "O", "E", 600, 700, 500, null, "Up", null],
      ["F", "O", "F", 33.5, 30, 3, null, "band", null],
      ["F", "O", "G", null, 30, null, null, "band", null],
      ["F", "O", "H", 95, 100, 110, null, "higher", null],
    ]);
    expect([...byRow.values()]).toEqual(["green", "amber", "red", "green", "amber", "amber", "none", "none"]);
  });

  it("use fixed values for KPIs whose threshold the stored definition overrides", () => {
    const definition = {
      ...emptyDefinition(),
      kpis: [{ perspective: "F", objective: "O", name: "B", threshold: 99 }],
    };
    const { byRow, plans } = coloursByRow(
      [
        ["F", "O", "A", 95, 100, null, null, null, null],
        ["F", "O", "B", 95, 100, null, null, null, null],
      ],
      definition,
    );
    expect(plans.map((p) => p.ranges)).toEqual([["D2"], ["D3"]]);
    expect([...byRow.values()]).toEqual(["amber", "red"]);
  });

  const cellArb = (numbers: fc.Arbitrary<number>) =>
    fc.oneof(
      { weight: 6, arbitrary: numbers },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom("n/a", "—") },
      { weight: 1, arbitrary: fc.constant({ error: "#N/A" }) },
    );
  const value = fc.oneof(
    fc.integer({ min: -200, max: 200 }),
    fc.double({ min: -200, max: 200, noNaN: true }),
  );
  const row = fc.tuple(
    cellArb(value),
    cellArb(value),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: value },
      { weight: 1, arbitrary: fc.constant("x") },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.double({ min: 0, max: 0.5, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(15, -0.1, "x") },
    ),
    fc.constantFrom("", "higher", "Lower is better", "band", "Stabilize", "↓", "sideways", { error: "#N/A" }),
  );

  it("agree with the engine on every row of random tables (blanks, text, errors, every polarity)", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (generated) => {
        const rows = generated.map(
          ([a, t, th, tol, p], i) => ["F", "O", `K${i}`, a, t, th, tol, p, 1] as CellValue[],
        );
        const { byRow, result } = coloursByRow(rows);
        const engine = allKpis(result).map((k) => k.status);
        expect([...byRow.values()]).toEqual(engine);
      }),
      { numRuns: 300 },
    );
  });
});

describe("traffic lights for KPIs the stored definition overrides", () => {
  it("give a KPI whose only override is its polarity rules of that polarity", () => {
    const definition = {
      ...emptyDefinition(),
      kpis: [{ perspective: "F", objective: "O", name: "Costs", polarity: "lower" as const }],
    };
    const { byRow, plans, result } = coloursByRow(
      [
        ["F", "O", "Revenue", 95, 100, null, null, null, null],
        ["F", "O", "Costs", 95, 100, null, null, null, null],
      ],
      definition,
    );
    expect(allKpis(result).map((k) => k.status)).toEqual(["amber", "green"]);
    expect(plans.map((p) => p.ranges)).toEqual([["D2"], ["D3"]]);
    expect([...byRow.values()]).toEqual(["amber", "green"]);
  });

  it("give a KPI whose only override is its tolerance rules with that tolerance", () => {
    const definition = {
      ...emptyDefinition(),
      kpis: [{ perspective: "F", objective: "O", name: "B", tolerance: 0.02 }],
    };
    const { byRow, result } = coloursByRow(
      [
        ["F", "O", "A", 95, 100, null, 0.1, null, null],
        ["F", "O", "B", 95, 100, null, 0.1, null, null],
      ],
      definition,
    );
    expect(allKpis(result).map((k) => k.status)).toEqual(["amber", "red"]);
    expect([...byRow.values()]).toEqual(["amber", "red"]);
  });

  it("fold an overridden KPI's rows into areas in sheet order, whatever the table's period order", () => {
    const header = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target"];
    const workbook = book(
      tableSheet("Data", "T", [
        header,
        ["2026-03", "F", "O", "B", 1, 1],
        ["2026-02", "F", "O", "B", 1, 1],
        ["2026-01", "F", "O", "B", 1, 1],
        ["2026-01", "F", "O", "A", 1, 1],
        ["2026-02", "F", "O", "A", 1, 1],
      ]),
    );
    const definition = {
      ...emptyDefinition(),
      kpis: [{ perspective: "F", objective: "O", name: "B", threshold: 0.5 }],
    };
    const { model } = score(workbook, { definition });
    const plans = trafficLightFormats(model.table!, model.kpis, colours);
    expect(plans.map((p) => p.ranges)).toEqual([["E5:E6"], ["E2:E4"]]);
    // Each rule's formula is relative to the first cell of its first area.
    expect(plans[1]!.rules[0]!.formula).toContain("$E2");
    expect(plans[1]!.rules[0]!.formula).not.toContain("$E4");
  });

  it("split rows that are not next to each other into several areas", () => {
    const definition = {
      ...emptyDefinition(),
      kpis: [{ perspective: "F", objective: "O", name: "B", threshold: 50 }],
    };
    const rows = ["A", "B", "A2", "A3", "B"].map((k, i) => ["F", "O", k, i, 100, null, null, null, null]);
    // The two "B" rows are one KPI appearing twice: the second is a duplicate and keeps the table's rules.
    const { plans } = coloursByRow(rows, definition);
    expect(plans.map((p) => p.ranges)).toEqual([["D2", "D4:D6"], ["D3"]]);
  });
});

describe("which rules are the product's", () => {
  it("are those whose formula begins with the product's term", () => {
    const { plans } = coloursByRow([["F", "O", "A", 1, 1, null, null, null, null]]);
    for (const rule of plans[0]!.rules) {
      expect(isProductRule(rule.formula)).toBe(true);
      expect(isProductRule(`=${rule.formula}`)).toBe(true);
    }
  });
  it("are not a user's rule that merely mentions the marker text", () => {
    expect(isProductRule('=$A2="bsc-traffic-light"')).toBe(false);
    expect(isProductRule('=OR(N("bsc-traffic-light")=0,$A2>1)')).toBe(false);
    expect(isProductRule('=$B2>AND(N("bsc-traffic-light")=0,TRUE)')).toBe(false);
    expect(isProductRule("")).toBe(false);
  });
});
