import { allKpis, book, HEADER, score, tableSheet } from "../helpers/book";
import { readScorecard } from "../../src/model/read";
import { evaluateScorecard } from "../../src/engine/evaluate";
import { emptyDefinition } from "../../src/model/definition";

const single = (...rows: (string | number | null | { error: string })[][]) =>
  book(tableSheet("Data", "Scorecard", [HEADER, ...rows]));

describe("a single-period scorecard", () => {
  // Scored inside each test (not while the file loads), so each test is traced to the code it ran.
  const scorecard = () =>
    score(
      single(
        ["Financial", "Grow revenue", "Revenue", 600, 700, 500, null, "higher", 1],
        ["Financial", "Grow revenue", "Margin", 900, 700, 500, null, "up", 1],
        ["Financial", "Cut costs", "Opex", 119, 150, null, null, "lower", 2],
        ["Customer", "Delight", "NPS", null, 40, null, null, "higher", 1],
        ["Customer", "Delight", "CSAT", 0.95, 0.9, null, null, "", 0],
      ),
    );
  it("has no period", () => {
    const { result } = scorecard();
    expect(result.period).toBeNull();
  });
  it("scores each KPI by SCORING.md", () => {
    const { result } = scorecard();
    expect(allKpis(result).map((k) => [k.kpi.name, k.status, k.score])).toEqual([
      ["Revenue", "amber", expect.closeTo(5, 12)],
      ["Margin", "green", 10],
      ["Opex", "green", 10],
      ["NPS", "none", null],
      ["CSAT", "green", expect.closeTo(10 / 3 + ((10 / 3) * (0.95 - 0.81)) / (0.9 - 0.81), 9)],
    ]);
  });
  it("rolls up objectives, perspectives and the scorecard by weighted average, leaving out no data and weight 0", () => {
    const { result } = scorecard();
    const [financial, customer] = result.perspectives;
    expect(financial!.objectives[0]!.score).toBeCloseTo(7.5, 12);
    expect(financial!.objectives[1]!.score).toBe(10);
    expect(financial!.score).toBeCloseTo(8.75, 12);
    expect(customer!.status).toBe("none");
    expect(result.score).toBeCloseTo(8.75, 12);
    expect(result.status).toBe("green");
  });
  it("warns about the missing actual, naming its cell", () => {
    const { result } = scorecard();
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "no-actual", cell: "Data!D5" }),
    );
    // A table without periods: the message names no period.
    expect(result.period).toBeNull();
    expect(result.issues.find((i) => i.code === "no-actual")!.message).toBe('No actual for "NPS".');
  });
});

describe("KPIs that cannot be scored", () => {
  const scorecard = () =>
    score(
      single(
        ["F", "O", "Text actual", "n/a", 10, null, null, null, null],
        ["F", "O", "Error actual", { error: "#DIV/0!" }, 10, null, null, null, null],
        ["F", "O", "No target", 5, null, null, null, null, null],
        ["F", "O", "Wrong side", 95, 100, 110, null, "higher", null],
        ["F", "O", "Bad polarity", 95, 100, null, null, "sideways", null],
        ["F", "O", "Text threshold", 95, 100, "ninety", null, null, null],
      ),
    );
  it("have status none and no score", () => {
    const { result } = scorecard();
    expect(allKpis(result).map((k) => [k.status, k.score])).toEqual(Array(6).fill(["none", null]));
  });
  it("each get an issue that names the cell", () => {
    const { result } = scorecard();
    const cells = result.issues.map((i) => [i.code, i.cell]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ["actual-not-numeric", "Data!D2"],
        ["actual-error", "Data!D3"],
        ["no-target", "Data!E4"],
        ["threshold-wrong-side", "Data!F5"],
        ["polarity-unknown", "Data!H6"],
        ["threshold-not-numeric", "Data!F7"],
      ]),
    );
    expect(result.issues.find((i) => i.code === "threshold-wrong-side")!.severity).toBe("error");
  });
});

describe("numbers stored as text", () => {
  it("are read where unambiguous, with a warning naming the cell", () => {
    const { result } = score(single(["F", "O", "Margin", "95%", "90%", null, null, null, null]));
    const [k] = allKpis(result);
    expect([k!.actual, k!.target, k!.status]).toEqual([0.95, 0.9, "green"]);
    expect(result.issues.filter((i) => i.code === "number-stored-as-text").map((i) => i.cell)).toEqual([
      "Data!D2",
      "Data!E2",
    ]);
  });
});

describe("Threshold and Tolerance % together", () => {
  it("uses the Threshold and warns", () => {
    const { result } = score(single(["F", "O", "K", 85, 100, 80, 0.05, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ threshold: 80, status: "amber" });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "threshold-and-tolerance", cell: "Data!F2" }),
    );
  });
  it("reads a tolerance of 15 as 15 %", () => {
    const { result } = score(single(["F", "O", "K", 85, 100, null, 15, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ threshold: 85, status: "amber" });
  });
});

describe("worst-child roll-up", () => {
  it("takes a parent's status from its worst child", () => {
    const definition = {
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, rollup: "worst" as const },
    };
    const { result } = score(
      single(
        ["F", "O", "A", 100, 100, null, null, null, null],
        ["F", "O", "B", 95, 100, null, null, null, null],
      ),
      { definition },
    );
    expect(result.perspectives[0]!.objectives[0]).toMatchObject({
      status: "amber",
      score: expect.closeTo(5, 12),
    });
  });
});

const SERIES_HEADER = [
  "Period",
  "Perspective",
  "Objective",
  "KPI",
  "Actual",
  "Target",
  "Polarity",
  "Aggregation",
];
const series = (...rows: (string | number | null)[][]) =>
  book(tableSheet("Data", "Monthly", [SERIES_HEADER, ...rows]));

describe("a monthly scorecard", () => {
  const workbook = series(
    ["2026-01", "F", "O", "Revenue", 90, 100, "higher", null],
    ["2026-02", "F", "O", "Revenue", 96, 100, "higher", null],
    ["2026-03", "F", "O", "Revenue", 101, 100, "higher", null],
    ["2026-01", "F", "O", "Costs", 50, 40, "lower", null],
    ["2026-02", "F", "O", "Costs", 45, 40, "lower", null],
    ["2026-03", "F", "O", "Costs", null, 40, "lower", null],
    ["2026-01", "C", "O", "New customers", 10, 10, "higher", "Sum"],
    ["2026-02", "C", "O", "New customers", 5, 10, "higher", "Sum"],
    ["2026-03", "C", "O", "New customers", 12, 10, "higher", "Sum"],
    ["2026-04", "C", "O", "New customers", null, 10, "higher", "Sum"],
  );
  it("scores the latest period in which any KPI has an actual", () => {
    expect(score(workbook).result.period).toBe("2026-03");
  });
  it("compares each KPI with its own value in the period before", () => {
    const kpis = allKpis(score(workbook).result);
    expect(kpis.map((k) => k.trend)).toEqual(["better", "none", "better"]);
  });
  it("aggregates Sum over the fiscal year to date, for actual and target alike", () => {
    const nc = allKpis(score(workbook).result)[2]!;
    expect([nc.actual, nc.target, nc.status]).toEqual([27, 30, "amber"]);
  });
  it("starts the fiscal year in the chosen month", () => {
    const definition = {
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, fiscalYearStartMonth: 2 },
    };
    const nc = allKpis(score(workbook, { definition }).result)[2]!;
    expect([nc.actual, nc.target]).toEqual([17, 20]);
  });
  it("scores a chosen period", () => {
    const { result } = score(workbook, { evaluate: { period: "2026-02" } });
    expect(result.period).toBe("2026-02");
    expect(allKpis(result)[1]).toMatchObject({ status: "red", actual: 45, threshold: 44, trend: "better" });
  });
  it("refuses a chosen period the table does not have", () => {
    const reading = readScorecard(workbook, null, new Set());
    if (!reading.ok) throw new Error("fatal");
    const evaluation = evaluateScorecard(reading.model, { period: "2027-01" });
    expect(evaluation).toMatchObject({ ok: false, fatal: { code: "period-not-found" } });
    if (!evaluation.ok) expect(evaluation.fatal.message).toContain("2026-01 to 2026-04");
  });
  it("names the scored period's cell of a KPI without an actual", () => {
    const { result } = score(workbook);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "no-actual", cell: "Data!E7" }));
  });
});

describe("period granularity", () => {
  it("may not mix months with quarters: an error names the first offending cell", () => {
    const reading = readScorecard(
      series(["2026-01", "F", "O", "A", 1, 1, null, null], ["2026-Q1", "F", "O", "B", 1, 1, null, null]),
      null,
      new Set(),
    );
    expect(reading).toMatchObject({ ok: false, fatal: { code: "period-mixed", cell: "Data!A3" } });
  });
  it("reads Excel dates and month names", () => {
    const { result } = score(
      series(
        [{ date: 46023 } as never, "F", "O", "A", 1, 1, null, null],
        ["Feb 2026", "F", "O", "A", 2, 1, null, null],
      ),
    );
    expect(result.period).toBe("2026-02");
    expect(allKpis(result)[0]!.trend).toBe("better");
  });
});

describe("what a scored KPI shows", () => {
  it("shows the variance as actual minus target", () => {
    const { result } = score(
      single(
        ["F", "O", "Under", 95, 100, null, null, null, null],
        ["F", "O", "Over", 130, 100, null, null, "lower", null],
      ),
    );
    expect(allKpis(result).map((k) => k.variance)).toEqual([-5, 30]);
  });
  it("shows actual and target but no variance when the target is missing", () => {
    const { result } = score(single(["F", "O", "K", 95, null, null, null, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ actual: 95, target: null, variance: null, status: "none" });
  });
  it("shows the threshold it judged by, even when that threshold is on the wrong side", () => {
    const { result } = score(single(["F", "O", "K", 95, 100, 110, null, "higher", null]));
    expect(allKpis(result)[0]).toMatchObject({ threshold: 110, status: "none", score: null });
  });
  it("names the actual's cell", () => {
    const { result } = score(single(["F", "O", "K", 95, 100, null, null, null, null]));
    expect(allKpis(result)[0]!.cell).toBe("Data!D2");
  });
});

describe("Tolerance % at its edges", () => {
  it("makes the threshold the target itself at tolerance 0: green when met, else red", () => {
    const { result } = score(
      single(
        ["F", "O", "Met", 100, 100, null, 0, null, null],
        ["F", "O", "Missed", 99.5, 100, null, 0, null, null],
      ),
    );
    expect(allKpis(result).map((k) => [k.threshold, k.status, k.score])).toEqual([
      [100, "green", 10],
      [100, "red", 0],
    ]);
    expect(result.issues).toEqual([]);
  });
  it("reads tolerance 1 as a share, 100 % of the target, with no note", () => {
    const { result } = score(single(["F", "O", "K", 50, 100, null, 1, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ threshold: 0, status: "amber" });
    expect(result.issues).toEqual([]);
  });
  it("reads tolerance 1.5 as 1.5 %, and says so at the cell", () => {
    const { result } = score(single(["F", "O", "K", 50, 100, null, 1.5, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ threshold: 98.5, status: "red" });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "tolerance-as-percent", cell: "Data!G2", severity: "warning" }),
    ]);
  });
  it("refuses a negative tolerance at its cell and leaves the KPI unscored", () => {
    const { result } = score(single(["F", "O", "K", 50, 100, null, -0.1, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ status: "none", score: null });
    expect(result.issues).toEqual([expect.objectContaining({ code: "tolerance-negative", cell: "Data!G2" })]);
  });
  it("refuses a text tolerance at its cell", () => {
    const { result } = score(single(["F", "O", "K", 50, 100, null, "some", null, null]));
    expect(allKpis(result)[0]!.status).toBe("none");
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "tolerance-not-numeric", cell: "Data!G2" }),
    ]);
  });
  it("uses the default threshold when both Threshold and Tolerance % are blank, without a warning", () => {
    const { result } = score(single(["F", "O", "K", 92, 100, null, null, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ threshold: 90, status: "amber" });
    expect(result.issues).toEqual([]);
  });
  it("gives no Threshold-and-Tolerance warning when only the Threshold is given", () => {
    const { result } = score(single(["F", "O", "K", 85, 100, 80, null, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ threshold: 80, status: "amber" });
    expect(result.issues).toEqual([]);
  });
  it("refuses an error value in Threshold at its cell", () => {
    const { result } = score(single(["F", "O", "K", 85, 100, { error: "#REF!" }, null, null, null]));
    expect(allKpis(result)[0]!.status).toBe("none");
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "threshold-not-numeric", cell: "Data!F2", severity: "error" }),
    ]);
  });
});

describe("fiscal-year-to-date KPIs without data", () => {
  it("warns of a Sum KPI with no actual in the year to date, naming the scored period's cell", () => {
    const { result } = score(
      series(
        ["2026-01", "F", "O", "Leads", null, 10, null, "Sum"],
        ["2026-02", "F", "O", "Leads", null, 10, null, "Sum"],
        ["2026-02", "F", "O", "Other", 5, 10, null, null],
      ),
    );
    const leads = allKpis(result)[0]!;
    expect(leads).toMatchObject({ status: "none", actual: null, target: 20 });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "no-actual", cell: "Data!E3", severity: "warning" }),
    ]);
  });
  it("warns of an Average KPI with no target in the year to date, naming the target's cell", () => {
    const { result } = score(
      series(
        ["2026-01", "F", "O", "Leads", 4, null, null, "Average"],
        ["2026-02", "F", "O", "Leads", 6, null, null, "Average"],
      ),
    );
    expect(allKpis(result)[0]).toMatchObject({ status: "none", actual: 5, target: null });
    expect(result.issues).toEqual([expect.objectContaining({ code: "no-target", cell: "Data!F3" })]);
  });
  it("skips blanks inside the year to date, and names text in any period's cell", () => {
    const { result } = score(
      series(
        ["2026-01", "F", "O", "Leads", 4, 10, null, "Sum"],
        ["2026-02", "F", "O", "Leads", "n/a", 10, null, "Sum"],
        ["2026-03", "F", "O", "Leads", null, 10, null, "Sum"],
        ["2026-04", "F", "O", "Leads", 6, 10, null, "Sum"],
      ),
    );
    expect(allKpis(result)[0]).toMatchObject({ actual: 10, target: 40 });
    expect(result.issues).toEqual([expect.objectContaining({ code: "actual-not-numeric", cell: "Data!E3" })]);
  });
  it("counts only the periods from the fiscal year's start up to the scored period", () => {
    const { result } = score(
      series(
        ["2025-12", "F", "O", "Leads", 100, 100, null, "Max"],
        ["2026-01", "F", "O", "Leads", 4, 10, null, "Max"],
        ["2026-02", "F", "O", "Leads", 9, 10, null, "Max"],
        ["2026-03", "F", "O", "Leads", 50, 10, null, "Max"],
      ),
      { evaluate: { period: "2026-02" } },
    );
    expect(allKpis(result)[0]).toMatchObject({ actual: 9, target: 10 });
  });
});

describe("KPIs without a row in the scored period", () => {
  it("are no data, with a warning at their latest earlier row", () => {
    const { result } = score(
      series(
        ["2026-01", "F", "O", "Quarterly", 4, 10, null, null],
        ["2026-01", "F", "O", "Monthly", 4, 10, null, null],
        ["2026-02", "F", "O", "Monthly", 6, 10, null, null],
      ),
    );
    expect(allKpis(result)[0]).toMatchObject({ status: "none", cell: "Data!E2" });
    expect(result.issues).toEqual([expect.objectContaining({ code: "no-row-in-period", cell: "Data!E2" })]);
  });
  it("have no trend when the period before has no row", () => {
    const { result } = score(
      series(["2026-01", "F", "O", "K", 4, 10, null, null], ["2026-03", "F", "O", "K", 6, 10, null, null]),
    );
    expect(allKpis(result)[0]).toMatchObject({ trend: "none", status: "red" });
  });
});

describe("numbers at the edge of what a spreadsheet holds", () => {
  it("refuses to score numbers that overflow when compared, naming the cell, never showing Infinity or NaN", () => {
    const { result } = score(
      single(
        ["F", "O", "Huge", 1.7e308, -1.7e308, null, null, null, null],
        ["F", "O", "Huge band", 1e308, -1.7e308, null, 0.9, "band", null],
        ["F", "O", "Fine", 5, 10, null, null, null, null],
      ),
    );
    const kpis = allKpis(result);
    for (const k of kpis)
      for (const v of [k.score, k.threshold, k.variance, k.actual, k.target])
        expect(v === null || Number.isFinite(v)).toBe(true);
    expect(kpis.map((k) => k.status)).toEqual(["none", "none", "red"]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "number-out-of-range", cell: "Data!D2", severity: "error" }),
      expect.objectContaining({ code: "number-out-of-range", cell: "Data!D3", severity: "error" }),
    ]);
    expect(result.issues[0]!.message).toMatch(/^The numbers of "Huge" are too large/);
    expect(Number.isFinite(result.score)).toBe(true);
  });
  it("scores large numbers that do not overflow", () => {
    const { result } = score(single(["F", "O", "Big", 1e300, 1e300, null, null, null, null]));
    expect(allKpis(result)[0]).toMatchObject({ status: "green", variance: 0 });
    expect(result.issues).toEqual([]);
  });
});

describe("period cells that are no plausible period", () => {
  it("leave the row out with an error at the cell, for a number past Excel's last date", () => {
    const reading = readScorecard(
      series(
        ["2026-01", "F", "O", "A", 1, 1, null, null],
        [99999999 as never, "F", "O", "A", 2, 1, null, null],
      ),
      null,
      new Set(),
    );
    if (!reading.ok) throw new Error(reading.fatal.message);
    expect(reading.model.issues).toEqual([
      expect.objectContaining({ code: "period-unreadable", cell: "Data!A3", severity: "error" }),
    ]);
    expect(reading.model.kpis[0]!.observations).toHaveLength(1);
  });
  it("reads the last date Excel has, 31 December 9999", () => {
    const { result } = score(series([2958465 as never, "F", "O", "A", 1, 1, null, null]));
    expect(result.period).toBe("9999-12");
  });
  it("refuses a date cell past 9999 or before 1900", () => {
    const reading = readScorecard(
      series(
        [{ date: 2958466 } as never, "F", "O", "A", 1, 1, null, null],
        [{ date: 0 } as never, "F", "O", "B", 1, 1, null, null],
      ),
      null,
      new Set(),
    );
    expect(reading.ok ? reading.model.issues.map((i) => [i.code, i.cell]) : reading.fatal).toEqual([
      ["period-unreadable", "Data!A2"],
      ["period-unreadable", "Data!A3"],
    ]);
  });
});
