/**
 * The custom functions called as Excel calls them: scalars, ranges as rows of values, omitted
 * optional arguments as undefined or null, bad input answered with Excel's error values. Every
 * expected number is the engine's own (scoreKpi, rollUp, the refresh's result), never a literal.
 */
import { runScorecard } from "../../src/app/scorecard";
import * as scoringModule from "../../src/app/scoring";
import type { KpiResult } from "../../src/engine/evaluate";
import { scoreKpi } from "../../src/engine/kpi";
import { rollUp, statusFromScore } from "../../src/engine/rollup";
import type { ThresholdSpec } from "../../src/engine/types";
import { kpi, rollup, score, status } from "../../src/functions/functions";
import { STATUS_MEANINGS } from "../../src/plan/palette";
import { SharedRuntimeWorkbook } from "../../src/workbook/office/sharedRuntime";
import { FakeExcel } from "../office/fakeExcel";

/** Office's CustomFunctions global as office.js defines it in Excel's custom functions runtime. */
class ExcelFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A" };
const requirementSets = new Set(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.1"]);
let excel = new FakeExcel();

beforeAll(() => {
  Object.assign(globalThis, {
    // The shared runtime's page, which carries the news of a refresh between the add-in's scripts.
    window: new EventTarget(),
    CustomFunctions: { Error: ExcelFunctionError, ErrorCode },
    Office: {
      context: {
        requirements: { isSetSupported: (set: string, v: string) => requirementSets.has(`${set} ${v}`) },
      },
    },
    Excel: { run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => excel.run(batch) },
  });
});

/** What Excel shows for a call: its value, or its error value and message. */
function shown(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    if (error instanceof ExcelFunctionError) return { error: error.code, message: error.message };
    throw error;
  }
}
async function shownAsync(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ExcelFunctionError) return { error: error.code, message: error.message };
    throw error;
  }
}

const engine = (a: number, t: number, polarity: "higher" | "lower" | "band", spec?: ThresholdSpec) => {
  const scored = scoreKpi(a, t, polarity, spec);
  if (!scored.ok) throw new Error("the engine refused the case");
  return scored;
};

const DEFAULT: ThresholdSpec = { kind: "default" };

describe("BSC.SCORE and BSC.STATUS", () => {
  const cases: [string, unknown[], number, number, "higher" | "lower" | "band", ThresholdSpec][] = [
    ["higher is better, default red flag", [95, 100], 95, 100, "higher", DEFAULT],
    ["higher, at the target", [100, 100, undefined, "higher"], 100, 100, "higher", DEFAULT],
    [
      "lower is better with a red flag",
      [112, 100, 120, "lower"],
      112,
      100,
      "lower",
      { kind: "absolute", value: 120 },
    ],
    [
      "band with a tolerance",
      [103, 100, null, "band", 0.02],
      103,
      100,
      "band",
      { kind: "tolerance", fraction: 0.02 },
    ],
    [
      "a tolerance written as a percentage",
      [80, 100, null, null, 15],
      80,
      100,
      "higher",
      { kind: "tolerance", fraction: 0.15 },
    ],
    [
      "a polarity word a Polarity column takes",
      [0.33, 0.3, null, "Lower is better", 0.1],
      0.33,
      0.3,
      "lower",
      { kind: "tolerance", fraction: 0.1 },
    ],
    ["numbers stored as text", ["1,050", "1000"], 1050, 1000, "higher", DEFAULT],
    ["an actual far below the red flag", [10, 700, 500], 10, 700, "higher", { kind: "absolute", value: 500 }],
  ];

  it.each(cases)("%s: the engine's score and status word", (_name, args, a, t, polarity, spec) => {
    const expected = engine(a, t, polarity, spec);
    const call = args as Parameters<typeof score>;
    expect(score(...call)).toBe(expected.score);
    expect(status(...call)).toBe(STATUS_MEANINGS[expected.status]);
  });

  it("gives the README's examples: goal 700, red flag 500, actual 600 scores 5; 0.33 against 0.3 is Watch", () => {
    expect(score(600, 700, 500)).toBeCloseTo(5, 12);
    expect(score(600, 700, 500)).toBe(engine(600, 700, "higher", { kind: "absolute", value: 500 }).score);
    expect(status(0.33, 0.3, null, "lower", 0.1)).toBe("Watch");
  });

  it("gives no data, not a score, for a blank or non-numeric actual or target", () => {
    for (const args of [
      [null, 100],
      ["", 100],
      ["n/a", 100],
      [95, null],
      [true, 100],
    ] as Parameters<typeof score>[]) {
      expect(score(...args)).toBe("");
      expect(status(...args)).toBe("No data");
    }
  });

  it("answers #VALUE! with a sentence for a polarity it does not know", () => {
    expect(shown(() => score(95, 100, null, "upwards"))).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining('The polarity "upwards" is not one the scorecard knows'),
    });
    expect(shown(() => status(95, 100, null, "upwards"))).toMatchObject({ error: "#VALUE!" });
  });

  it("answers #VALUE! with the engine's sentence for a red flag on the wrong side or a negative tolerance", () => {
    expect(shown(() => score(95, 100, 120))).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("is on the wrong side of its target 100"),
    });
    expect(shown(() => status(95, 100, null, "higher", -0.1))).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("is negative"),
    });
    expect(shown(() => score(95, 100, "ten"))).toMatchObject({ error: "#VALUE!" });
  });

  it("refuses a value that is no cell (a data type) with #VALUE!", () => {
    expect(shown(() => score({ type: "Entity" }, 100))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("BSC.ROLLUP", () => {
  const children = (scores: number[], weights: number[]) =>
    scores.map((s, i) => ({ score: s, status: statusFromScore(s), weight: weights[i]! }));

  it("is the engine's weighted roll-up of a column of scores", () => {
    expect(rollup([[8], [5], [2]], [[2], [1], [1]])).toBe(rollUp(children([8, 5, 2], [2, 1, 1])).score);
    expect(rollup([[8, 5, 2]])).toBe(rollUp(children([8, 5, 2], [1, 1, 1])).score);
    expect(rollup([[8, 5, 2]], undefined)).toBeCloseTo(5, 12);
  });

  it("leaves out no-data scores and weight 0, renormalising the rest", () => {
    expect(rollup([[8], [""], [null], [2]], [[1], [5], [5], [0]])).toBe(8);
    expect(rollup([[score(null, 100)], [7]])).toBe(7);
  });

  it("is empty where no score counts", () => {
    expect(rollup([[""], [null]])).toBe("");
  });

  it("answers #VALUE! for weights that do not match the scores, a negative weight or a score beyond 0-10", () => {
    expect(shown(() => rollup([[8], [5]], [[1]]))).toEqual({
      error: "#VALUE!",
      message: "The weights must be as many as the scores: 1 weights for 2 scores.",
    });
    expect(shown(() => rollup([[8], [5]], [[1], [-1]]))).toMatchObject({ error: "#VALUE!" });
    expect(shown(() => rollup([[11]]))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("BSC.KPI, reading the workbook through the Office.js adapter", () => {
  const monthly = [
    ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
    ["2026-01", "Financial", "Grow", "Revenue", 95, 100, "higher"],
    ["2026-02", "Financial", "Grow", "Revenue", 104, 100, "higher"],
    ["2026-01", "Customer", "Keep", "Churn", 0.05, 0.04, "lower"],
    ["2026-02", "Customer", "Keep", "Churn", 0.043, 0.04, "lower"],
  ];

  const kpiOf = (
    result: { perspectives: readonly { objectives: readonly { kpis: readonly KpiResult[] }[] }[] },
    name: string,
  ) =>
    result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).find((k) => k.kpi.name === name)!;

  async function refreshed(rows = monthly) {
    excel = new FakeExcel();
    excel.addSheet("Data", rows);
    const outcome = await runScorecard(new SharedRuntimeWorkbook(excel.run), {}, true);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    return outcome.result;
  }

  it("gives each field of a KPI as the refresh scored it", async () => {
    const result = await refreshed();
    const revenue = kpiOf(result, "Revenue");
    expect(await kpi("Revenue")).toBe(revenue.score);
    expect(await kpi("revenue", "score", null, null)).toBe(revenue.score);
    expect(await kpi("Revenue", "status")).toBe(STATUS_MEANINGS[revenue.status]);
    expect(await kpi("Revenue", "actual")).toBe(104);
    expect(await kpi("Revenue", "target")).toBe(100);
    expect(await kpi("Revenue", "trend")).toBe(revenue.trend);
    expect(revenue.trend).toBe("better");
    expect(await kpi("Churn", "Status")).toBe(STATUS_MEANINGS[kpiOf(result, "Churn").status]);
  });

  it("scores another period as the engine does, given as text or as a date's serial number", async () => {
    await refreshed();
    const january = await runScorecard(new SharedRuntimeWorkbook(excel.run), { period: "2026-01" }, false);
    if (!january.ok) throw new Error("January does not score");
    expect(await kpi("Revenue", "score", "2026-01")).toBe(kpiOf(january.result, "Revenue").score);
    // 46023 is 1 January 2026 in Excel's date system.
    expect(await kpi("Churn", "actual", 46023)).toBe(0.05);
    expect(await shownAsync(() => kpi("Revenue", "score", "2025-01"))).toMatchObject({ error: "#N/A" });
  });

  it("scores another period once for every cell that names it, and again after a refresh", async () => {
    await refreshed();
    const scoring = jest.spyOn(scoringModule, "scoreModel");
    try {
      await Promise.all([kpi("Revenue", "score", "2026-01"), kpi("Churn", "actual", 46023)]);
      await kpi("Revenue", "status", "2026-01");
      expect(scoring).toHaveBeenCalledTimes(1);
      await runScorecard(new SharedRuntimeWorkbook(excel.run), {}, true);
      await kpi("Revenue", "score", "2026-01");
      expect(scoring).toHaveBeenCalledTimes(2);
    } finally {
      scoring.mockRestore();
    }
  });

  it("answers #N/A for a KPI, or an entity, that is not in the scorecard, and #VALUE! for a field it does not give", async () => {
    await refreshed();
    expect(await shownAsync(() => kpi("Profit"))).toEqual({
      error: "#N/A",
      message: 'No KPI named "Profit" in this workbook\'s scorecard.',
    });
    expect(await shownAsync(() => kpi("Revenue", "score", null, "North"))).toMatchObject({ error: "#N/A" });
    expect(await shownAsync(() => kpi("Revenue", "colour"))).toMatchObject({ error: "#VALUE!" });
  });

  it("gives one entity's KPI, or all entities' together, as the refresh scored them", async () => {
    const result = await refreshed([
      ["Entity", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
      ["North", "Financial", "Grow", "Revenue", 120, 100, "higher"],
      ["South", "Financial", "Grow", "Revenue", 80, 100, "higher"],
    ]);
    const north = result.entities.find((e) => e.name === "North")!;
    expect(await kpi("Revenue", "score", null, "north")).toBe(kpiOf(north, "Revenue").score);
    expect(await kpi("Revenue", "actual", null, "South")).toBe(80);
    expect(await kpi("Revenue")).toBe(kpiOf(result, "Revenue").score);
    expect(await kpi("Revenue", "status", null, "South")).toBe("Off target");
    expect(await shownAsync(() => kpi("Revenue", "score", null, "West"))).toEqual({
      error: "#N/A",
      message: 'No entity "West" in this scorecard (its entities: North, South).',
    });
  });

  it("answers #N/A where the workbook has no scorecard yet", async () => {
    excel = new FakeExcel();
    excel.addSheet("Data", monthly);
    // A refresh elsewhere in this runtime drops what an earlier test read.
    window.dispatchEvent(new Event("bsc-workbook-written"));
    expect(await shownAsync(() => kpi("Revenue"))).toEqual({
      error: "#N/A",
      message: expect.stringContaining("no scorecard yet"),
    });
  });

  it("reads the workbook once for many cells, and again after the add-in refreshes it", async () => {
    await refreshed();
    const before = excel.syncs;
    await Promise.all([kpi("Revenue"), kpi("Churn"), kpi("Revenue", "status")]);
    const oneReading = excel.syncs - before;
    await kpi("Revenue", "actual");
    expect(excel.syncs - before).toBe(oneReading);

    // The user changes February's revenue and refreshes: BSC.KPI follows.
    excel.sheet("Data").cells.get("2,4")!.value = 80;
    expect(await kpi("Revenue", "actual")).toBe(104);
    const result = await runScorecard(new SharedRuntimeWorkbook(excel.run), {}, true);
    if (!result.ok) throw new Error(result.fatal.message);
    expect(await kpi("Revenue", "actual")).toBe(80);
    expect(await kpi("Revenue")).toBe(kpiOf(result.result, "Revenue").score);
  });

  it("says so when Excel refuses to be read, and reads again at the next call", async () => {
    await refreshed();
    window.dispatchEvent(new Event("bsc-workbook-written"));
    excel.failAtSync = excel.syncs + 1;
    expect(await shownAsync(() => kpi("Revenue", "actual"))).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/^Excel could not read the workbook for BSC.KPI: .+\.$/),
    });
    excel.failAtSync = null;
    expect(await kpi("Revenue", "actual")).toBe(104);
  });

  it("needs the shared runtime, and says so where the host lacks it", async () => {
    requirementSets.delete("SharedRuntime 1.1");
    try {
      expect(await shownAsync(() => kpi("Revenue"))).toMatchObject({
        error: "#N/A",
        message: expect.stringContaining("SharedRuntime 1.1"),
      });
    } finally {
      requirementSets.add("SharedRuntime 1.1");
    }
  });
});
