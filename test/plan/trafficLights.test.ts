import { propertyRuns } from "../helpers/runs";
import fc from "fast-check";
import { trafficLightFormats } from "../../src/plan/trafficLights";
import { PALETTES } from "../../src/plan/palette";
import { isProductRule, PRODUCT_RULE_PREFIX } from "../../src/plan/plan";
import type { CellValue } from "../../src/model/snapshot";
import { emptyDefinition, type Definition } from "../../src/model/definition";
import { allKpis, book, HEADER, score, tableSheet } from "../helpers/book";
import { engineStatusByRow, paintedStatuses } from "../helpers/spreadsheet";

const colours = PALETTES.standard;

/** The colour the rules give each data row, as HyperFormula evaluates them. */
function coloursByRow(
  rows: CellValue[][],
  definition = emptyDefinition(),
  header: readonly string[] = HEADER,
) {
  const workbook = book(tableSheet("Data", "T", [header, ...rows]));
  const { model, result } = score(workbook, { definition });
  const { plans, issues } = trafficLightFormats(model.table!, model.kpis, colours);
  const painted = paintedStatuses(workbook.sheets[0]!, plans);
  const byRow = new Map<number, string>();
  for (let row = 2; row <= rows.length + 1; row++) byRow.set(row, painted.get(row) ?? "none");
  return { byRow, result, plans, issues };
}

/** The engine's status for each data row, as the traffic lights must paint it. */
function engineByRow(rows: CellValue[][], header: readonly string[], definition: Definition) {
  return engineStatusByRow(book(tableSheet("Data", "T", [header, ...rows])), definition);
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

  it("read a Threshold or Tolerance % of spaces or tabs as none given, as the engine does", () => {
    const rows: CellValue[][] = [
      ["F", "O", "A", 95, 100, " ", null, "higher", null],
      ["F", "O", "B", 95, 100, "  ", " \t", "higher", null],
      ["F", "O", "C", 80, 100, null, "  ", "higher", null],
    ];
    const { byRow } = coloursByRow(rows);
    expect([...byRow.values()]).toEqual(["amber", "amber", "red"]);
    expect([...engineByRow(rows, HEADER, emptyDefinition()).values()]).toEqual(["amber", "amber", "red"]);
  });

  it("guard every input with ISNUMBER and NOT(ISLOGICAL): LibreOffice holds TRUE as the number 1", () => {
    const { plans } = coloursByRow([["F", "O", "A", true, 100, null, null, "higher", null]]);
    for (const rule of plans.flatMap((p) => p.rules))
      for (const cell of ["$D2", "$E2"]) expect(rule.formula).toContain(`NOT(ISLOGICAL(${cell}))`);
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

  const value = fc.oneof(
    fc.integer({ min: -200, max: 200 }),
    fc.double({ min: -200, max: 200, noNaN: true }),
  );
  /** Cells as real workbooks hold them: numbers, blanks, text, errors, "" from a formula, booleans, numbers as text. */
  const cellArb = (numbers: fc.Arbitrary<number>) =>
    fc.oneof(
      { weight: 8, arbitrary: numbers },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.constantFrom("n/a", "—", true) },
      { weight: 1, arbitrary: fc.constant({ error: "#N/A" }) },
      { weight: 1, arbitrary: numbers.map((n) => String(Math.round(n))) },
    );
  const polarityArb = fc.constantFrom<CellValue>(
    "",
    null,
    "higher",
    "Lower is better",
    "  lower  ",
    "band",
    "Stabilize",
    "↓",
    "lower-is-better",
    "higher_is_better",
    "lower\u00a0is better",
    "sideways",
    { error: "#N/A" },
  );
  const rowArb = fc.record({
    kpi: fc.integer({ min: 0, max: 2 }),
    period: fc.constantFrom("2026-01", "2026-02", "2026-03"),
    actual: cellArb(value),
    target: cellArb(value),
    threshold: fc.oneof(
      { weight: 3, arbitrary: fc.constant<CellValue>(null) },
      { weight: 2, arbitrary: value },
      { weight: 1, arbitrary: fc.constantFrom<CellValue>("x", "", "90", true) },
    ),
    tolerance: fc.oneof(
      { weight: 3, arbitrary: fc.constant<CellValue>(null) },
      { weight: 2, arbitrary: fc.double({ min: 0, max: 0.5, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom<CellValue>(15, -0.1, "x", "", "0.2", "12%") },
    ),
    polarity: polarityArb,
  });
  const SERIES_HEADER = ["Period", ...HEADER.slice(0, 8)];

  it("paint every row with the status the engine gives its KPI in the row's period (random tables)", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 9 }), (generated) => {
        const rows = generated.map(
          (r) =>
            [
              r.period,
              "F",
              "O",
              `K${r.kpi}`,
              r.actual,
              r.target,
              r.threshold,
              r.tolerance,
              r.polarity,
            ] as CellValue[],
        );
        const { byRow } = coloursByRow(rows, emptyDefinition(), SERIES_HEADER);
        expect([...byRow]).toEqual([...engineByRow(rows, SERIES_HEADER, emptyDefinition())]);
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it("agree with the engine on every row of random one-period tables", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), (generated) => {
        const rows = generated.map(
          (r, i) =>
            ["F", "O", `K${i}`, r.actual, r.target, r.threshold, r.tolerance, r.polarity, 1] as CellValue[],
        );
        const { byRow, result } = coloursByRow(rows);
        expect([...byRow.values()]).toEqual(allKpis(result).map((k) => k.status));
      }),
      { numRuns: propertyRuns(200) },
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
    const { plans } = trafficLightFormats(model.table!, model.kpis, colours);
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
    // The two "B" rows are one KPI appearing twice: the second is a duplicate the engine leaves out,
    // and it gets no colour.
    const { plans, byRow } = coloursByRow(rows, definition);
    expect(plans.map((p) => p.ranges)).toEqual([["D2", "D4:D5"], ["D3"]]);
    expect(byRow.get(6)).toBe("none");
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
  it("are found after any spaces a spreadsheet left before the formula, but not with a space inside the term", () => {
    expect(isProductRule(`=  \t${PRODUCT_RULE_PREFIX}TRUE())`)).toBe(true);
    expect(isProductRule(`  ${PRODUCT_RULE_PREFIX}TRUE())`)).toBe(true);
    expect(isProductRule(PRODUCT_RULE_PREFIX.replace("AND(", "AND (") + "TRUE())")).toBe(false);
  });
});

describe("rows the sheet cannot read as the engine does", () => {
  const SERIES = ["Period", ...HEADER.slice(0, 8)];
  it("take the KPI's polarity when it is written on some of its rows only, and say so at the cell", () => {
    const rows: CellValue[][] = [
      ["2026-01", "F", "O", "Costs", 95, 100, null, null, null],
      ["2026-02", "F", "O", "Costs", 95, 100, null, null, "lower"],
    ];
    const { byRow, issues } = coloursByRow(rows, emptyDefinition(), SERIES);
    expect([...byRow.values()]).toEqual(["green", "green"]);
    expect([...byRow]).toEqual([...engineByRow(rows, SERIES, emptyDefinition())]);
    expect(issues).toEqual([
      expect.objectContaining({ code: "colour-fixed-polarity", cell: "Data!I2", severity: "warning" }),
    ]);
  });

  it("take the polarity the engine reads in a word the sheet cannot (hyphens, underscores, odd spaces)", () => {
    const rows: CellValue[][] = [
      ["F", "O", "A", 95, 100, null, null, "lower-is-better", null],
      ["F", "O", "B", 95, 100, null, null, "lower_is_better", null],
      ["F", "O", "C", 95, 100, null, null, "lower\u00a0is better", null],
      ["F", "O", "D", 95, 100, null, null, "Lower is better", null],
      // A non-breaking space or a tab at an end: the engine trims it, a spreadsheet's TRIM does not.
      ["F", "O", "E", 95, 100, null, null, "\u00a0lower", null],
      ["F", "O", "F", 95, 100, null, null, "lower\t", null],
    ];
    const { byRow, issues, plans } = coloursByRow(rows);
    expect([...byRow.values()]).toEqual(["green", "green", "green", "green", "green", "green"]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["colour-fixed-polarity", "Data!H2"],
      ["colour-fixed-polarity", "Data!H3"],
      ["colour-fixed-polarity", "Data!H4"],
      ["colour-fixed-polarity", "Data!H6"],
      ["colour-fixed-polarity", "Data!H7"],
    ]);
    // The canonical word stays live: its rule reads the Polarity cell.
    const live = plans.find((p) => p.ranges.includes("D5"))!;
    expect(live.rules[0]!.formula).toContain("TRIM($H");
  });

  it("take a Threshold stored as text as the number the engine reads, and say so", () => {
    const { byRow, issues } = coloursByRow([["F", "O", "A", 85, 100, "80", null, null, null]]);
    expect([...byRow.values()]).toEqual(["amber"]);
    expect(issues).toEqual([expect.objectContaining({ code: "colour-fixed-text", cell: "Data!F2" })]);
  });

  it("paint an actual stored as text with the engine's status", () => {
    const { byRow, issues } = coloursByRow([["F", "O", "A", "95", 100, null, null, null, null]]);
    expect([...byRow.values()]).toEqual(["amber"]);
    expect(issues).toEqual([expect.objectContaining({ code: "colour-fixed-text", cell: "Data!D2" })]);
  });

  it("let a stored tolerance win over the row's Threshold cell, as the engine does", () => {
    const definition = {
      ...emptyDefinition(),
      kpis: [{ perspective: "F", objective: "O", name: "A", tolerance: 0.2 }],
    };
    const { byRow, result } = coloursByRow([["F", "O", "A", 85, 100, 90, null, null, null]], definition);
    expect(allKpis(result)[0]!.status).toBe("amber");
    expect([...byRow.values()]).toEqual(["amber"]);
  });

  it("treat a Tolerance % a formula left empty as blank, as the engine does", () => {
    const { byRow, issues } = coloursByRow([["F", "O", "A", 95, 100, null, "", null, null]]);
    expect([...byRow.values()]).toEqual(["amber"]);
    expect(issues).toEqual([]);
  });

  it("give no colour to a row the engine leaves out", () => {
    const { byRow } = coloursByRow([
      ["F", "O", "A", 95, 100, null, null, null, null],
      ["F", "O", "", 95, 100, null, null, null, null],
      ["F", "O", "A", 50, 100, null, null, null, null],
    ]);
    expect([...byRow.values()]).toEqual(["amber", "none", "none"]);
  });
});

describe("traffic lights, rule by rule, as the engine scores", () => {
  const agree = (rows: CellValue[][], header: readonly string[] = HEADER, definition = emptyDefinition()) => {
    const { byRow, issues, plans } = coloursByRow(rows, definition, header);
    expect([...byRow]).toEqual([...engineByRow(rows, header, definition)]);
    return { byRow, issues, plans };
  };

  it("check the tolerance is a number of 0 or more where the table has a Tolerance % column and no Threshold", () => {
    const header = ["Perspective", "Objective", "KPI", "Actual", "Target", "Tolerance %"];
    const { byRow } = agree(
      [
        ["F", "O", "A", 95, 100, -5],
        ["F", "O", "B", 95, 100, 5],
        ["F", "O", "C", 80, 100, null],
      ],
      header,
    );
    expect([...byRow.values()]).toEqual(["none", "amber", "red"]);
  });

  it("paint no colour where the Tolerance % is text, as the engine scores it, with or without a Threshold column", () => {
    const withoutThreshold = ["Perspective", "Objective", "KPI", "Actual", "Target", "Tolerance %"];
    const { byRow } = agree([["F", "O", "A", 95, 100, "n/a"]], withoutThreshold);
    expect([...byRow.values()]).toEqual(["none"]);
    const both = agree([
      ["F", "O", "A", 95, 100, null, "n/a", null, null],
      ["F", "O", "B", 95, 100, 90, "n/a", null, null],
    ]);
    // A Threshold number wins over the text beside it.
    expect([...both.byRow.values()]).toEqual(["none", "amber"]);
  });

  it("keep a row live, with no warning, where a Threshold number stands beside a Tolerance % stored as text", () => {
    const { issues, plans } = agree([["F", "O", "A", 95, 100, 90, "5", null, null]]);
    expect(issues.filter((i) => i.code.startsWith("colour-fixed"))).toEqual([]);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.rules).toHaveLength(3);
  });

  it("hold no empty argument in a rule of a table without Threshold or Tolerance columns", () => {
    const header = ["Perspective", "Objective", "KPI", "Actual", "Target"];
    const { plans } = agree([["F", "O", "A", 95, 100]], header);
    for (const rule of plans.flatMap((p) => p.rules)) expect(rule.formula).not.toMatch(/,,|,\)|\(,/);
  });

  it("read a polarity with spaces around it or doubled inside as the sheet's TRIM does: live, no warning", () => {
    const { issues, plans } = agree([
      ["F", "O", "A", 95, 100, null, null, "  Lower  ", null],
      ["F", "O", "B", 95, 100, null, null, "lower  is  better", null],
    ]);
    expect(issues).toEqual([]);
    expect(plans.every((p) => p.rules.length === 3)).toBe(true);
  });

  it("paint no colour, and write no rule, for a polarity the engine cannot read", () => {
    const { byRow, plans } = agree([["F", "O", "A", 95, 100, null, null, "sideways", null]]);
    expect([...byRow.values()]).toEqual(["none"]);
    expect(plans).toEqual([]);
  });

  it.each([
    ["1", "amber"],
    ["150", "amber"],
    ["0.01", "red"],
    ["5", "red"],
    ["-5", "none"],
    // A tolerance of 0: green on the target, red anywhere short of it.
    ["0", "red"],
  ])("take a Tolerance %% of %s stored as text as the engine reads it: %s", (tolerance, status) => {
    // 50 against 100: amber only within a tolerance of 50 % or more (1 is 100 %, not 1 %).
    const { byRow, issues } = agree([["F", "O", "A", 50, 100, null, tolerance, null, null]]);
    expect(byRow.get(2)).toBe(status);
    expect(issues.some((i) => i.code === "colour-fixed-text")).toBe(status !== "none");
  });

  it("count the other cells stored as text in one warning per KPI", () => {
    const series = ["Period", ...HEADER.slice(0, 8)];
    const { issues } = agree(
      [
        ["2026-01", "F", "O", "A", "95", 100, null, null, null],
        ["2026-02", "F", "O", "A", "96", 100, null, null, null],
        ["2026-03", "F", "O", "A", "97", 100, null, null, null],
      ],
      series,
    );
    expect(issues.map((i) => i.message)).toEqual([
      '"95" of "A" is a number stored as text (and 2 more of its cells); its row\'s colour is set at each refresh. Store it as a number for colours that follow edits.',
    ]);
  });
});

describe("traffic lights and tagged KPIs", () => {
  it("colour the table's rows alone: a tagged KPI lives outside the table", () => {
    const workbook = {
      ...book(tableSheet("Data", "T", [HEADER, ["F", "O", "A", 95, 100, null, null, null, null]])),
      names: [{ name: "BSC_Tag_1_Actual", sheet: "Data", box: { top: 9, left: 4, bottom: 9, right: 4 } }],
    };
    const definition: Definition = {
      ...emptyDefinition(),
      tagged: [
        {
          perspective: "F",
          objective: "O",
          name: "Tagged",
          actualName: "BSC_Tag_1_Actual",
          targetName: null,
          target: 10,
        },
      ],
    };
    const { model } = score(workbook, { definition });
    expect(model.kpis.map((k) => k.source)).toEqual(["table", "tag"]);
    const { plans } = trafficLightFormats(model.table!, model.kpis, colours);
    expect(plans.flatMap((p) => p.ranges)).toEqual(["D2"]);
  });
});
