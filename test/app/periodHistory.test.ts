import {
  mergeHistory,
  periodRows,
  withPublishedValues,
  type PublishedPeriod,
} from "../../src/app/periodHistory";
import { runScorecard } from "../../src/app/scorecard";
import { renderPlan } from "../../src/plan/render";
import { definitionFrom } from "../../src/model/definition";
import { readHistory, type HistoryRow } from "../../src/model/historySheet";
import { ownedSheets } from "../../src/model/ownership";
import type { CellValue, WorkbookSnapshot } from "../../src/model/snapshot";
import { cellAt } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { evaluateScorecard, type EvaluateOptions } from "../../src/engine/evaluate";
import type { ScorecardModel } from "../../src/model/scorecard";
import { book, score, sheet } from "../helpers/book";

const read = (workbook: WorkbookSnapshot) => score(workbook).model;
const evaluate = (workbook: WorkbookSnapshot, options: EvaluateOptions = {}) =>
  score(workbook, { evaluate: options }).result;

const HEAD = ["Period", "Entity", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];

/** The Data sheet; a row without an entity is written without the Entity column (E is then the actual). */
const monthly = (rows: readonly (readonly CellValue[])[], formats?: (string | null)[][]) => {
  const entities = rows.some((r) => r[1] !== null);
  const drop = <T>(r: readonly T[]) => (entities ? [...r] : r.filter((_, i) => i !== 1));
  return sheet("Data", [drop(HEAD), ...rows.map(drop)], formats ? { formats: formats.map(drop) } : {});
};

const THREE_MONTHS: CellValue[][] = [
  ["2026-10", null, "Financial", "Grow", "Revenue", 1200, 1250, "higher"],
  ["2026-11", null, "Financial", "Grow", "Revenue", 1321, 1250, "higher"],
  ["2026-12", null, "Financial", "Grow", "Revenue", 1300, 1250, "higher"],
];

const row = (over: Partial<HistoryRow>): HistoryRow => ({
  period: "2026-11",
  level: "KPI",
  perspective: "Financial",
  objective: "Grow",
  kpi: "Revenue",
  entity: "",
  actual: 1321,
  target: 1250,
  threshold: 1125,
  score: 8,
  status: "On target",
  trend: "Better",
  source: "Data!F3",
  recorded: "2026-12-02 10:00:00 UTC",
  published: "",
  analysis: "",
  format: null,
  ...over,
});

const published = (...periods: string[]): PublishedPeriod[] =>
  periods.map((period) => ({ period, at: "2026-12-02T10:00:00.000Z" }));

describe("periodRows", () => {
  it("records the scorecard, each perspective, objective and KPI of the scored period", () => {
    const result = evaluate(book(monthly(THREE_MONTHS)), { period: "2026-11" });
    const rows = periodRows(result, "2026-12-02 10:00:00 UTC");
    expect(rows.map((r) => [r.level, r.perspective, r.objective, r.kpi])).toEqual([
      ["Scorecard", "", "", ""],
      ["Perspective", "Financial", "", ""],
      ["Objective", "Financial", "Grow", ""],
      ["KPI", "Financial", "Grow", "Revenue"],
    ]);
    expect(rows[3]).toMatchObject({
      period: "2026-11",
      actual: 1321,
      target: 1250,
      status: "On target",
      trend: "Better",
      source: "Data!E3",
      recorded: "2026-12-02 10:00:00 UTC",
      published: "",
    });
    expect(rows.every((r) => r.period === "2026-11")).toBe(true);
  });

  it("with entities: the whole (its KPIs rolled up, no source cell) then each entity's own rows", () => {
    const result = evaluate(
      book(
        monthly([
          ["2026-11", "North", "Financial", "Grow", "Revenue", 90, 100, "higher"],
          ["2026-11", "South", "Financial", "Grow", "Revenue", 110, 100, "higher"],
        ]),
      ),
    );
    const kpis = periodRows(result, "t").filter((r) => r.level === "KPI");
    expect(kpis.map((r) => [r.entity, r.actual, r.source])).toEqual([
      ["", null, ""],
      ["North", 90, "Data!F2"],
      ["South", 110, "Data!F3"],
    ]);
  });

  it("keeps the period's commentary in the Analysis column: the analysis, then each action", () => {
    const definition = definitionFrom({
      schemaVersion: 1,
      commentary: [
        {
          period: "2026-11",
          perspective: "Financial",
          objective: "Grow",
          kpi: "Revenue",
          analysis: "Two large orders slipped.",
          actions: [{ action: "Call the buyers", owner: "Maria", due: "2026-12-15" }],
        },
        { period: "2026-10", perspective: "Financial", objective: "Grow", analysis: "Not this month." },
      ],
    });
    const { result } = score(book(monthly(THREE_MONTHS)), { definition, evaluate: { period: "2026-11" } });
    const rows = periodRows(result, "t");
    expect(rows.find((r) => r.level === "KPI")?.analysis).toBe(
      "Two large orders slipped.\nAction: Call the buyers (Maria, due 2026-12-15)",
    );
    expect(rows.filter((r) => r.level !== "KPI").map((r) => r.analysis)).toEqual(["", "", ""]);
  });

  it("records nothing for a table without periods", () => {
    const single = sheet("Data", [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Revenue", 1, 1],
    ]);
    expect(periodRows(evaluate(book(single)), "t")).toEqual([]);
  });
});

describe("mergeHistory", () => {
  const old = [row({ period: "2026-10", actual: 1 }), row({ period: "2026-11", actual: 2 })];

  it("replaces the refreshed period's rows, keeps the others', in period order", () => {
    const merged = mergeHistory(old, [row({ period: "2026-11", actual: 3 }), row({ period: "2026-09" })], []);
    expect(merged.map((r) => [r.period, r.actual])).toEqual([
      ["2026-09", 1321],
      ["2026-10", 1],
      ["2026-11", 3],
    ]);
  });

  it("never replaces a published period's rows, and marks them with the time it was published", () => {
    const merged = mergeHistory(old, [row({ period: "2026-11", actual: 3 })], published("2026-11"));
    expect(merged.map((r) => [r.period, r.actual, r.published])).toEqual([
      ["2026-10", 1, ""],
      ["2026-11", 2, "2026-12-02 10:00:00 UTC"],
    ]);
  });

  it("clears the mark of a period no longer published", () => {
    const marked = old.map((r) => ({ ...r, published: "2026-12-02 10:00:00 UTC" }));
    expect(mergeHistory(marked, [], []).map((r) => r.published)).toEqual(["", ""]);
  });
});

describe("withPublishedValues", () => {
  const formats = [[], ...THREE_MONTHS.map(() => [null, null, null, null, null, "#,##0", "#,##0", null])];

  it("puts the published values in place of the table's and names each change with its cell", () => {
    const changed = THREE_MONTHS.map((r) => [...r]);
    (changed[1] as CellValue[])[5] = 1295;
    (changed[1] as CellValue[])[6] = 1300;
    const model = read(book(monthly(changed, formats)));
    const { model: frozen, restatements } = withPublishedValues(
      model,
      [row({ period: "2026-11", actual: 1321, target: 1250 })],
      published("2026-11"),
    );
    expect(restatements.map((i) => [i.cell, i.message.split(". ")[0]])).toEqual([
      ["Data!E3", "Revenue 2026-11: 1,321 when published, now 1,295 (Data!E3)"],
      ["Data!F3", "Revenue target 2026-11: 1,250 when published, now 1,300 (Data!F3)"],
    ]);
    const november = frozen.kpis[0]?.observations[1];
    expect(november?.actual).toEqual({ kind: "number", value: 1321 });
    expect(november?.target).toEqual({ kind: "number", value: 1250 });
    // December trends against the published 1,321 (fell), not the restated 1,295 (rose).
    expect(evaluateTrend(model)).toBe("better");
    expect(evaluateTrend(frozen)).toBe("worse");
    expect(frozen.issues).toEqual(expect.arrayContaining(restatements));
  });

  it("says nothing and changes nothing where the table still says what was published", () => {
    const model = read(book(monthly(THREE_MONTHS)));
    const out = withPublishedValues(model, [row({ period: "2026-11" })], published("2026-11"));
    expect(out.restatements).toEqual([]);
    expect(out.model.kpis[0]).toBe(model.kpis[0]);
  });

  it("leaves an unpublished period's rows out of it, and a KPI summed over the year alone", () => {
    const model = read(book(monthly(THREE_MONTHS)));
    expect(withPublishedValues(model, [row({ actual: 1 })], published("2026-10")).restatements).toEqual([]);
    const summed = { ...model, kpis: model.kpis.map((k) => ({ ...k, aggregation: "sum" as const })) };
    expect(withPublishedValues(summed, [row({ actual: 1 })], published("2026-11")).restatements).toEqual([]);
  });

  it("says a published KPI's row gone from the table, naming where it was", () => {
    const model = read(book(monthly([THREE_MONTHS[0]!, THREE_MONTHS[2]!])));
    const { model: frozen, restatements } = withPublishedValues(
      model,
      [row({ period: "2026-11", source: "'KPI Data'!H150", format: "#,##0" })],
      published("2026-11"),
    );
    expect(restatements.map((i) => [i.code, i.cell, i.message.split(". ")[0]])).toEqual([
      [
        "restated-row-gone",
        "'KPI Data'!H150",
        "Revenue 2026-11: 1,321 when published, now no row in the table (it was at KPI Data!H150)",
      ],
    ]);
    // The limit SCORING.md states: no row to stand in for, so December has no trend.
    expect(evaluateTrend(frozen)).toBe("none");
  });

  it("names the entity whose published value changed", () => {
    const model = read(
      book(
        monthly([
          ["2026-11", "North", "Financial", "Grow", "Revenue", 90, 100, "higher"],
          ["2026-11", "South", "Financial", "Grow", "Revenue", 110, 100, "higher"],
        ]),
      ),
    );
    const { restatements } = withPublishedValues(
      model,
      [
        row({ entity: "South", actual: 120, target: 100 }),
        row({ entity: "", actual: 5, target: 5, source: "" }),
      ],
      published("2026-11"),
    );
    expect(restatements.map((i) => i.message.split(". ")[0])).toEqual([
      "Revenue of South 2026-11: 120 when published, now 110 (Data!F3)",
    ]);
  });
});

/** The first KPI's trend in 2026-12, as the engine judges it from the model. */
function evaluateTrend(model: ScorecardModel): string {
  const evaluation = evaluateScorecard(model, { period: "2026-12" });
  if (!evaluation.ok) throw new Error(evaluation.fatal.message);
  return evaluation.result.perspectives[0]?.objectives[0]?.kpis[0]?.trend ?? "none";
}

describe("the History sheet in the write plan", () => {
  const input = () => {
    const { model, result } = score(book(monthly(THREE_MONTHS)));
    return {
      sheetNames: ["Data"],
      owned: { summary: null, definition: null, history: "Scorecard History" },
      model,
      result,
      definition: definitionFrom({ schemaVersion: 1 }),
      refreshedAt: "now",
    };
  };
  const history = (plan: ReturnType<typeof renderPlan>["plan"]) =>
    plan.sheets.find((s) => s.role === "history");

  it("is rewritten with the rows given, in place of the product's sheet, marked by its name", () => {
    const sheet = history(renderPlan({ ...input(), periodRecords: [row({})] }).plan);
    expect(sheet).toMatchObject({
      name: "Scorecard History",
      replaces: "Scorecard History",
      markerName: "_bsc_history",
    });
    expect(sheet?.cells.filter((c) => c.row === 4).map((c) => c.value)).toEqual([
      "2026-11",
      "KPI",
      "Financial",
      "Grow",
      "Revenue",
      1321,
      1250,
      1125,
      8,
      "On target",
      "Better",
      "Data!F3",
      "2026-12-02 10:00:00 UTC",
    ]);
  });

  it("is left alone where a plan is made without its rows (a consolidation): never emptied", () => {
    expect(history(renderPlan(input()).plan)).toBeUndefined();
  });
});

describe("the History sheet through a memory workbook", () => {
  const historyOf = (snapshot: WorkbookSnapshot) => readHistory(snapshot, ownedSheets(snapshot));
  const withData = (snapshot: WorkbookSnapshot, rows: CellValue[][]): WorkbookSnapshot => ({
    ...snapshot,
    sheets: snapshot.sheets.map((s) => (s.name === "Data" ? monthly(rows) : s)),
  });

  it("is read back on the next refresh: each month's rows kept, the published month frozen", async () => {
    let port = new MemoryWorkbook(book(monthly(THREE_MONTHS)));
    const at = (iso: string) => new Date(iso);
    await runScorecard(port, { period: "2026-10", now: at("2026-11-02T09:00:00Z") }, true);
    await runScorecard(port, { period: "2026-11", now: at("2026-12-02T09:00:00Z") }, true);
    const outcome = await runScorecard(
      port,
      { period: "2026-11", publish: { period: "2026-11" }, now: at("2026-12-02T10:00:00Z") },
      true,
    );
    expect(outcome.ok && outcome.notice).toMatch(/^2026-11 is published/);

    const changed = THREE_MONTHS.map((r) => [...r]);
    (changed[1] as CellValue[])[5] = 1295;
    port = new MemoryWorkbook(withData(await port.readSnapshot(), changed));
    const december = await runScorecard(port, { now: at("2027-01-04T09:00:00Z") }, true);
    expect(december.ok && december.report.issues.map((i) => i.code)).toContain("restated");

    const snapshot = await port.readSnapshot();
    const history = historyOf(snapshot);
    const revenue = history
      .filter((r) => r.level === "KPI")
      .map((r) => [r.period, r.actual, r.trend, r.published]);
    expect(revenue).toEqual([
      ["2026-10", 1200, "", ""],
      ["2026-11", 1321, "Better", "2026-12-02 10:00:00 UTC"],
      ["2026-12", 1300, "Worse", ""],
    ]);
    const historySheet = snapshot.sheets.find((s) => s.name === "Scorecard History");
    expect(historySheet && cellAt(historySheet, 1, 1)).toBe("Balanced Scorecard history");
    expect(historySheet && cellAt(historySheet, 3, 1)).toBe("Period");
  });

  it("never takes a user's sheet named Scorecard History for its own, nor reads it as the scorecard", async () => {
    const users = sheet("Scorecard History", [["My notes"], ["keep me"]]);
    const port = new MemoryWorkbook(book(monthly(THREE_MONTHS), users));
    await runScorecard(port, {}, true);
    await runScorecard(port, {}, true);
    const snapshot = await port.readSnapshot();
    expect(snapshot.sheets.find((s) => s.name === "Scorecard History")?.values).toEqual([
      ["My notes"],
      ["keep me"],
    ]);
    expect(historyOf(snapshot).map((r) => r.period)).toEqual(["2026-12", "2026-12", "2026-12", "2026-12"]);
    expect(ownedSheets(snapshot).history).toBe("Scorecard History (2)");
  });
});
