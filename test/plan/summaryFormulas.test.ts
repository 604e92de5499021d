/**
 * The Scorecard sheet's formulas evaluated by a real spreadsheet engine (HyperFormula, set to
 * SCORING.md's 2⁻⁴⁸ comparisons) on random scorecards: every polarity, threshold and tolerance
 * (cells, overrides, blanks, spaces, text), weights of 0, no-data actuals (blank, text, TRUE,
 * errors), every aggregation over the fiscal year to date, weighted and worst-child roll-ups.
 * The cached values must be what the formulas give; and after actuals are edited in the source
 * table, what the formulas give must be what the engine gives for the edited table.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import type { ScorecardResult } from "../../src/engine/evaluate";
import type { RollupMethod, Status } from "../../src/engine/types";
import { emptyDefinition, type Definition } from "../../src/model/definition";
import type { CellValue, WorkbookSnapshot } from "../../src/model/snapshot";
import { STATUS_MEANINGS } from "../../src/plan/palette";
import { summarySheet, type SummarySheet } from "../../src/plan/summary";
import { kpiRowFormulas, kpiSource } from "../../src/plan/summaryFormulas";
import { parseReference } from "../../src/model/address";
import { book, HEADER as BOOK_HEADER, score, tableSheet } from "../helpers/book";
import { propertyRuns } from "../helpers/runs";
import { spreadsheetInput } from "../helpers/spreadsheet";

const HEADER = ["Period", ...BOOK_HEADER, "Aggregation"];
const PERIODS = ["2026-01", "2026-02", "2026-03", "2026-04"];

interface Settings {
  readonly rollup: RollupMethod;
  readonly fiscalYearStartMonth: number;
}

/** The engine's and the sheet's view of one scorecard. */
function scorecard(rows: CellValue[][], definition: Definition, period?: string) {
  // A single-period table has no Period column.
  const header = rows[0]?.[0] === null ? HEADER.slice(1) : HEADER;
  const table = rows.map((r) => (header === HEADER ? r : r.slice(1)));
  const workbook = book(tableSheet("Data", "T", [header, ...table]));
  const { model, result } = score(workbook, {
    definition,
    ...(period ? { evaluate: { period } } : {}),
  });
  return { workbook, model, result };
}

/** The sheet's cells as HyperFormula takes them: formulas as typed, texts as text. */
function summaryInput(board: SummarySheet): (string | number | null)[][] {
  const grid: (string | number | null)[][] = [];
  for (const c of board.cells) {
    const row = (grid[c.row - 1] ??= []);
    row[c.col - 1] =
      c.formula !== undefined ? `=${c.formula}` : typeof c.value === "string" ? `'${c.value}` : c.value;
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** Every figure of the sheet the engine decides, by cell: overall, each row's score and status, each KPI's numbers. */
function engineFigures(result: ScorecardResult, board: SummarySheet): Map<string, number | string> {
  const col = (key: string) => board.columns.findIndex((c) => c.key === key) + 1;
  const figures = new Map<string, number | string>();
  const put = (row: number, column: number, value: number | null) => {
    if (column > 0) figures.set(`${row},${column}`, value ?? "");
  };
  const word = (s: Status) => STATUS_MEANINGS[s];
  figures.set("3,2", result.score ?? "");
  figures.set("3,3", word(result.status));
  const kpis = result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
  (["green", "amber", "red", "none"] as const).forEach((s, i) =>
    figures.set(`4,${i + 2}`, `${kpis.filter((k) => k.status === s).length} ${word(s)}`),
  );
  let row = 9;
  const scored = (item: { score: number | null; status: Status }) => {
    row++;
    put(row, col("score"), item.score);
    figures.set(`${row},${col("status")}`, word(item.status));
  };
  for (const p of result.perspectives) {
    scored(p);
    for (const o of p.objectives) {
      scored(o);
      for (const k of o.kpis) {
        scored(k);
        put(row, col("actual"), k.actual);
        put(row, col("target"), k.target);
        put(row, col(k.kpi.polarity === "band" ? "tolerance" : "threshold"), k.threshold);
        put(row, col("variance"), k.variance);
      }
    }
  }
  return figures;
}

const close = (a: unknown, b: unknown): boolean =>
  typeof a === "number" && typeof b === "number"
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
    : a === b;

/** What HyperFormula makes of every figure, beside what the engine says it must be. */
function mismatches(hf: HyperFormula, sheet: number, expected: Map<string, number | string>): string[] {
  const out: string[] = [];
  for (const [at, want] of expected) {
    const [row, col] = at.split(",").map(Number) as [number, number];
    const got = hf.getCellValue({ sheet, row: row - 1, col: col - 1 });
    const value = got === null ? "" : got;
    if (!close(value, want))
      out.push(`row ${row} col ${col}: sheet ${JSON.stringify(value)}, engine ${JSON.stringify(want)}`);
  }
  return out;
}

/** Figures a finance table holds: HyperFormula keeps no subnormal number. */
const noSubnormal = (x: number): number => (Math.abs(x) < 1e-9 ? 0 : x);
const number = fc.oneof(
  fc.integer({ min: -50, max: 200 }),
  fc.double({ min: -200, max: 200, noNaN: true }).map(noSubnormal),
);
/** An actual or target cell as a finance table holds one: mostly numbers, some blanks and oddities. */
const figure = fc.oneof(
  { weight: 10, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "", " ", "n/a", true, { error: "#N/A" }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 150 }).map((n) => String(n)) },
);
const kpiArb = fc.record({
  polarity: fc.constantFrom<CellValue>("higher", "lower", "band", null, "Lower is better", "Stabilize"),
  aggregation: fc.constantFrom<CellValue>("Last", null, "Sum", "Average", "Min", "Max"),
  weight: fc.constantFrom(1, 1, 2, 0, 0.5),
  threshold: fc.oneof(
    { weight: 4, arbitrary: fc.constant<CellValue>(null) },
    { weight: 3, arbitrary: number },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(" ", "x", true, "", { error: "#DIV/0!" }) },
  ),
  tolerance: fc.oneof(
    { weight: 4, arbitrary: fc.constant<CellValue>(null) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 0.5, noNaN: true }).map(noSubnormal) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(15, 0, -0.1, " ", "x", 1) },
  ),
  /** Which periods have a row. */
  present: fc.array(fc.boolean(), { minLength: PERIODS.length, maxLength: PERIODS.length }),
  actuals: fc.array(figure, { minLength: PERIODS.length, maxLength: PERIODS.length }),
  targets: fc.array(figure, { minLength: PERIODS.length, maxLength: PERIODS.length }),
  override: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.record({ threshold: number }) },
    {
      weight: 1,
      arbitrary: fc.record({ tolerance: fc.double({ min: 0, max: 0.4, noNaN: true }).map(noSubnormal) }),
    },
  ),
});
const scorecardArb = fc.record({
  periods: fc.boolean(),
  /** KPIs by perspective, then objective. */
  tree: fc.array(fc.array(fc.array(kpiArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), {
    minLength: 1,
    maxLength: 2,
  }),
  objectiveWeights: fc.array(fc.constantFrom(1, 0, 3), { minLength: 4, maxLength: 4 }),
  perspectiveWeights: fc.array(fc.constantFrom(1, 0, 2), { minLength: 2, maxLength: 2 }),
  settings: fc.record<Settings>({
    rollup: fc.constantFrom<RollupMethod>("weighted", "worst"),
    fiscalYearStartMonth: fc.constantFrom(1, 2, 3),
  }),
  /** Edits to actual cells after the refresh: which (by index, wrapped), and what to (a number as text would fix its row: not typed here). */
  edits: fc.array(
    fc.tuple(
      fc.nat(),
      fc.oneof(
        { weight: 6, arbitrary: number },
        { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "", "n/a", true, { error: "#N/A" }) },
      ),
    ),
    { maxLength: 5 },
  ),
});
type Generated = typeof scorecardArb extends fc.Arbitrary<infer T> ? T : never;

function tableOf(g: Generated): { rows: CellValue[][]; definition: Definition } {
  const rows: CellValue[][] = [];
  const definition: Definition = {
    ...emptyDefinition(),
    settings: { ...emptyDefinition().settings, ...g.settings },
    perspectives: [],
    objectives: [],
    kpis: [],
  };
  g.tree.forEach((objectives, pi) => {
    const perspective = `P${pi}`;
    definition.perspectives.push({ name: perspective, weight: g.perspectiveWeights[pi] ?? 1 });
    objectives.forEach((kpis, oi) => {
      const objective = `O${pi}${oi}`;
      definition.objectives.push({
        perspective,
        name: objective,
        weight: g.objectiveWeights[pi * 2 + oi] ?? 1,
        drives: [],
      });
      kpis.forEach((k, ki) => {
        const name = `K${pi}${oi}${ki}`;
        if (k.override) definition.kpis.push({ perspective, objective, name, ...k.override });
        const periods = g.periods ? PERIODS : [null];
        periods.forEach((period, i) => {
          if (g.periods && !k.present[i] && k.present.some(Boolean)) return;
          rows.push([
            period,
            perspective,
            objective,
            name,
            k.actuals[i] ?? null,
            k.targets[i] ?? null,
            k.threshold,
            k.tolerance,
            k.polarity,
            k.weight,
            k.aggregation,
          ]);
        });
      });
    });
  });
  return { rows, definition };
}

/** The sheet's formulas on a HyperFormula holding the table and the Scorecard sheet. */
function loaded(
  workbook: WorkbookSnapshot,
  board: SummarySheet,
): { hf: HyperFormula; data: number; summary: number } {
  const data = workbook.sheets[0]!;
  const hf = HyperFormula.buildFromSheets(
    { Data: data.values.map((r) => r.map(spreadsheetInput)), Scorecard: summaryInput(board) },
    { licenseKey: "gpl-v3", precisionEpsilon: 2 ** -48 },
  );
  return { hf, data: hf.getSheetId("Data")!, summary: hf.getSheetId("Scorecard")! };
}

describe("the Scorecard sheet's formulas, evaluated by a spreadsheet engine", () => {
  it("give the engine's figures, cached and after actuals are edited (random scorecards)", () => {
    fc.assert(
      fc.property(scorecardArb, (g) => {
        const { rows, definition } = tableOf(g);
        const { workbook, result } = scorecard(rows, definition);
        const board = summarySheet(result, "Data", "now", [], g.settings);
        const { hf, data, summary } = loaded(workbook, board);
        try {
          // The cached values are what the formulas give.
          const cached = new Map(
            board.cells
              .filter((c) => c.formula !== undefined)
              .map((c) => [`${c.row},${c.col}`, c.value ?? ""] as const),
          );
          expect(mismatches(hf, summary, cached)).toEqual([]);
          expect(mismatches(hf, summary, engineFigures(result, board))).toEqual([]);

          // Edit actual cells of the KPIs whose rows are live, as a user would, and recalculate.
          const liveCells = result.perspectives
            .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
            .flatMap((k) => {
              const source = kpiSource(k, result.period, g.settings);
              return source.live ? source.actual : [];
            });
          if (liveCells.length === 0 || g.edits.length === 0) return;
          const edited = rows.map((r) => [...r]);
          for (const [index, value] of g.edits) {
            const cell = liveCells[index % liveCells.length]!;
            const { top, left } = parseReference(cell)!.box;
            edited[top - 2]![HEADER.indexOf("Actual")] = value;
            hf.setCellContents({ sheet: data, row: top - 1, col: left - 1 }, [[spreadsheetInput(value)]]);
          }
          // The sheet keeps the refresh's period: a new one needs a refresh.
          const after = scorecard(edited, definition, result.period ?? undefined).result;
          expect(mismatches(hf, summary, engineFigures(after, board))).toEqual([]);
        } finally {
          hf.destroy();
        }
      }),
      { numRuns: propertyRuns(120) },
    );
  });
});

describe("the Scorecard sheet's formulas and Excel's limits", () => {
  it("keep every formula within Excel's 8,192 characters: a parent of too many children holds values", () => {
    const rows: CellValue[][] = Array.from({ length: 120 }, (_, i) => [
      null,
      "P",
      "Big",
      `K${i}`,
      i,
      100,
      null,
      null,
      "higher",
      1,
      "Last",
    ]);
    rows.push([null, "P", "Small", "Alone", 90, 100, null, null, "higher", 1, "Last"]);
    const { result } = scorecard(rows, emptyDefinition());
    const board = summarySheet(result, "Data", "now", [], { rollup: "weighted", fiscalYearStartMonth: 1 });
    const scoreCol = board.columns.findIndex((c) => c.key === "score") + 1;
    const cellAt = (row: number) => board.cells.find((c) => c.row === row && c.col === scoreCol);
    expect(Math.max(...board.cells.map((c) => c.formula?.length ?? 0))).toBeLessThanOrEqual(8192);
    // Row 10 the perspective, 11 the objective of 120 KPIs, 12 its first KPI, 132 the small objective.
    expect(cellAt(11)).not.toHaveProperty("formula");
    expect(cellAt(11)?.value).toBeCloseTo(result.perspectives[0]!.objectives[0]!.score!, 12);
    expect(cellAt(12)?.formula).toBeDefined();
    expect(cellAt(132)?.formula).toBeDefined();
    expect(cellAt(10)?.formula).toBeDefined();
  });

  it("leave a KPI row of values where its formulas would be too long (a Sum over a year of weeks)", () => {
    const cells = (n: number) =>
      Array.from({ length: n }, (_, i) => `'A sheet with a rather long name here'!E${i + 2}`);
    const source = (n: number) =>
      ({
        live: true,
        polarity: "higher",
        aggregation: "sum",
        actual: cells(n),
        target: cells(n),
        threshold: { threshold: null, tolerance: null },
      }) as const;
    const at = { actual: "B12", target: "C12", limit: "D12", score: "G12" };
    expect(kpiRowFormulas(source(12), at)).toBeDefined();
    expect(kpiRowFormulas(source(53), at)).toBeUndefined();
  });
});
