import fc from "fast-check";
import type { ScorecardResult } from "../../src/engine/evaluate";
import type { Issue } from "../../src/engine/issues";
import { detectTables } from "../../src/model/detect";
import { readScorecard } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { emptyDefinition, type TaggedKpi } from "../../src/model/definition";
import { allKpis, book, score, sheet, tableSheet } from "../helpers/book";
import { propertyRuns } from "../helpers/runs";
import { layoutText } from "../../src/app/outcomeText";

/** What a manager reads of a scorecard, without the cells it came from. */
function report(result: ScorecardResult) {
  return {
    period: result.period,
    score: result.score,
    status: result.status,
    perspectives: result.perspectives.map((p) => ({
      name: p.name,
      score: p.score,
      status: p.status,
      objectives: p.objectives.map((o) => ({
        name: o.name,
        score: o.score,
        status: o.status,
        kpis: o.kpis.map((k) => ({ name: k.kpi.name, actual: k.actual, target: k.target, status: k.status })),
      })),
    })),
  };
}

interface Line {
  readonly perspective: string;
  readonly objective: string;
  readonly kpi: string;
  readonly actual: number;
  readonly target: number;
}

/** A small scorecard: two perspectives, three objectives, five KPIs. */
const LINES: readonly Line[] = [
  { perspective: "Financial", objective: "Grow revenue", kpi: "Revenue", actual: 1050, target: 1000 },
  { perspective: "Financial", objective: "Grow revenue", kpi: "New accounts", actual: 12, target: 20 },
  { perspective: "Financial", objective: "Control cost", kpi: "Cost ratio", actual: 0.52, target: 0.5 },
  { perspective: "Customer", objective: "Delight customers", kpi: "NPS", actual: 41, target: 40 },
  { perspective: "Customer", objective: "Delight customers", kpi: "Churn", actual: 0.3, target: 0.1 },
];

const tidyRows = (lines: readonly Line[]): CellValue[][] => [
  ["Perspective", "Objective", "KPI", "Actual", "Target"],
  ...lines.map((l) => [l.perspective, l.objective, l.kpi, l.actual, l.target]),
];

/** Perspective and objective written once per group (as merged cells read), blank rows between groups. */
function mergedRows(lines: readonly Line[]): CellValue[][] {
  const rows: CellValue[][] = [
    ["Quarterly scorecard"],
    [],
    ["Perspective", "Objective", "KPI", "Actual", "Target"],
  ];
  lines.forEach((l, i) => {
    const before = lines[i - 1];
    const newPerspective = before?.perspective !== l.perspective;
    const newObjective = newPerspective || before?.objective !== l.objective;
    if (i > 0 && newPerspective) rows.push([]);
    rows.push([
      newPerspective ? l.perspective : null,
      newObjective ? l.objective : null,
      l.kpi,
      l.actual,
      l.target,
    ]);
  });
  return rows;
}

/** No Perspective column: a heading row names each perspective above its KPIs. */
function perspectiveHeadingRows(lines: readonly Line[]): CellValue[][] {
  const rows: CellValue[][] = [["KPI", "Objective", "Actual", "Target", "Notes"]];
  lines.forEach((l, i) => {
    if (lines[i - 1]?.perspective !== l.perspective) rows.push([l.perspective]);
    rows.push([l.kpi, l.objective, l.actual, l.target, i === 0 ? "from the ledger" : null]);
  });
  return rows;
}

/** Neither column: perspective and objective headings, one under the other, and a total per group. */
function twoLevelHeadingRows(lines: readonly Line[]): CellValue[][] {
  const rows: CellValue[][] = [["Metric_Name", "value_rounded", "Budget"]];
  lines.forEach((l, i) => {
    const before = lines[i - 1];
    const newPerspective = before?.perspective !== l.perspective;
    if (newPerspective) rows.push([l.perspective]);
    if (newPerspective || before?.objective !== l.objective) rows.push([l.objective]);
    rows.push([l.kpi, l.actual, l.target]);
  });
  rows.push(["Total", 1103.82, 1060.6]);
  return rows;
}

/** The notes of directions inferred from KPI names (Cost ratio, Churn), stated in their own test below. */
const withoutDirectionNotes = (issues: readonly Issue[]): Issue[] =>
  issues.filter((i) => i.code !== "polarity-inferred");

describe("layouts: the same scorecard laid out as finance teams do scores the same", () => {
  const tidy = report(score(book(tableSheet("Data", "Kpis", tidyRows(LINES)))).result);

  it("reads perspective and objective cells written once per group, across blank rows, under a title", () => {
    const { model, result } = score(book(sheet("Data", mergedRows(LINES))));
    expect(report(result)).toEqual(tidy);
    expect(withoutDirectionNotes(model.issues)).toEqual([]);
    expect(model.layout).toMatchObject({
      address: "Data!A3:E9",
      perspectiveFrom: "column",
      objectiveFrom: "column",
      rows: 5,
      scored: 5,
      kpis: 5,
    });
  });

  it("notes the KPIs whose names say less is better, in every layout as in the tidy table", () => {
    const { model } = score(book(sheet("Data", mergedRows(LINES))));
    const notes = model.issues.filter((i) => i.code === "polarity-inferred").map((i) => i.message);
    expect(notes).toEqual([
      expect.stringContaining('"Cost ratio": the name says'),
      expect.stringContaining('"Churn": the name says'),
    ]);
  });

  it("reads perspective heading rows where there is no Perspective column", () => {
    const { model, result } = score(book(sheet("Data", perspectiveHeadingRows(LINES))));
    expect(report(result)).toEqual(tidy);
    expect(withoutDirectionNotes(model.issues)).toEqual([]);
    expect(model.layout).toMatchObject({ perspectiveFrom: "headings", headings: 2, scored: 5 });
  });

  it("reads perspective and objective headings where there is neither column, and leaves the total out", () => {
    const { model, result } = score(book(sheet("Export", twoLevelHeadingRows(LINES))));
    expect(report(result)).toEqual(tidy);
    expect(model.layout).toMatchObject({
      perspectiveFrom: "headings",
      objectiveFrom: "headings",
      headings: 5,
      totals: 1,
      leftOut: 0,
    });
    expect(withoutDirectionNotes(model.issues)).toEqual([
      expect.objectContaining({ code: "total-row", severity: "info", cell: "Export!A12" }),
    ]);
  });

  it("scores the same whatever the groups' blank rows and merged cells, for any scorecard", () => {
    const name = fc.constantFrom("Alpha", "Beta", "Gamma", "Delta");
    const line = fc.record({
      perspective: fc.constantFrom("Financial", "Customer", "People"),
      objective: name,
      kpi: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => /^[A-Za-z]+$/.test(s)),
      actual: fc.integer({ min: 0, max: 200 }),
      target: fc.integer({ min: 1, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (raw) => {
        // Grouped and unique, as a table kept by hand would be.
        const seen = new Set<string>();
        const lines = [...raw]
          .sort(
            (a, b) => a.perspective.localeCompare(b.perspective) || a.objective.localeCompare(b.objective),
          )
          .filter((l) => {
            const key = `${l.perspective}/${l.objective}/${l.kpi}`.toLowerCase();
            if (seen.has(key) || /^(sub ?)?totals?$/i.test(l.kpi)) return false;
            seen.add(key);
            return true;
          });
        const expected = report(score(book(sheet("Data", tidyRows(lines)))).result);
        expect(report(score(book(sheet("Data", mergedRows(lines)))).result)).toEqual(expected);
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

describe("layouts: nothing is dropped silently", () => {
  it("names every row it leaves out, and counts each row once", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Revenue", 10, 9],
      [null, null, null, 4, 4],
      ["Financial", "Grow", "Revenue", 11, 9],
      [],
      ["Subtotal", null, null, 10, 9],
      [null, "Save", "Cost", 3, 4],
    ];
    const { model } = score(book(sheet("Data", rows)));
    expect(model.issues.map((i) => [i.code, i.cell])).toEqual([
      ["missing-name", "Data!C3"],
      ["duplicate-kpi", "Data!C4"],
      ["total-row", "Data!A6"],
      ["polarity-inferred", "Data!C7"],
    ]);
    const l = model.layout!;
    expect(l.rows).toBe(l.scored + l.headings + l.totals + l.leftOut);
    expect(l).toMatchObject({ rows: 5, scored: 2, totals: 1, leftOut: 2 });
  });

  it("takes a row adding up the rows above it, with no name, for a total", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Sell", "North", 10, 9],
      ["Financial", "Sell", "South", 5, 4],
      [null, null, null, 15, 13],
    ];
    const { model } = score(book(sheet("Data", rows)));
    expect(model.kpis.map((k) => k.name)).toEqual(["North", "South"]);
    expect(model.issues).toEqual([expect.objectContaining({ code: "total-row", cell: "Data!D4" })]);
  });

  it("keeps a KPI named like a total of something else, and a KPI named Total revenue", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Total revenue", 10, 9],
      ["Financial", "Grow", "Revenue total", 10, 9],
      ["Financial", "Grow", "Grow total", 20, 18],
    ];
    const { model } = score(book(sheet("Data", rows)));
    expect(model.kpis.map((k) => k.name)).toEqual(["Total revenue", "Revenue total"]);
    expect(model.issues).toEqual([expect.objectContaining({ code: "total-row", cell: "Data!C4" })]);
  });

  it("does not carry an objective over into the next perspective", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Revenue", 10, 9],
      ["Customer", null, "NPS", 40, 30],
    ];
    const { model } = score(book(sheet("Data", rows)));
    expect(model.kpis.map((k) => k.name)).toEqual(["Revenue"]);
    expect(model.issues).toEqual([expect.objectContaining({ code: "missing-name", cell: "Data!B3" })]);
  });

  it("puts KPIs under the sheet's name and their own name where there are no groups at all", () => {
    const { model } = score(
      book(
        sheet("Treasury", [
          ["KPI", "Actual", "Target"],
          ["Cash days", 40, 45],
        ]),
      ),
    );
    expect(model.kpis[0]).toMatchObject({ perspective: "Treasury", objective: "Cash days" });
    expect(model.layout).toMatchObject({ perspectiveFrom: "sheet", objectiveFrom: "kpi" });
  });
});

describe("layouts: where a block starts and ends", () => {
  it("finds a header row below 20 title and note rows", () => {
    const rows: CellValue[][] = [
      ...Array.from({ length: 20 }, (_, i): CellValue[] => [`Note ${i + 1}`]),
      ["Metric Name", "Result", "Goal"],
      ["Cash days", 40, 45],
    ];
    const [t] = detectTables(book(sheet("Data", rows)), new Set());
    expect(t).toMatchObject({ headerRow: 21, lastDataRow: 22, columns: { kpi: 1, actual: 2, target: 3 } });
  });

  it("ends a block at the next table's header, and leaves notes after a gap out of it", () => {
    const rows: CellValue[][] = [
      ["KPI", "Actual", "Target"],
      ["Cash days", 40, 45],
      [],
      ["Debt ratio", 0.4, 0.5],
      [],
      ["Source: ledger export"],
      [],
      ["Perspective", "Weight"],
      ["Financial", 2],
    ];
    const tables = detectTables(book(sheet("Data", rows)), new Set());
    expect(tables.map((t) => [t.kind, t.headerRow, t.lastDataRow])).toEqual([
      ["scorecard", 1, 4],
      ["perspectives", 8, 9],
    ]);
  });
});

describe("layouts: periods across the columns", () => {
  const MONTHS = ["Jan-26", "Feb-26", "Mar-26"];
  /** Monthly actuals per KPI; null: not reported yet. Targets are constant per KPI. */
  const SERIES = [
    {
      perspective: "Financial",
      objective: "Grow revenue",
      kpi: "Revenue",
      target: 100,
      actuals: [90, 104, 99],
    },
    {
      perspective: "Financial",
      objective: "Control cost",
      kpi: "Cost ratio",
      target: 0.5,
      actuals: [0.6, 0.55, null],
    },
    {
      perspective: "Customer",
      objective: "Delight customers",
      kpi: "NPS",
      target: 40,
      actuals: [30, 38, 45],
    },
  ];
  const POLARITY: Readonly<Record<string, string>> = { "Cost ratio": "lower" };

  const longRows = (): CellValue[][] => [
    ["Perspective", "Objective", "KPI", "Month", "Actual", "Target", "Polarity"],
    ...SERIES.flatMap((s) =>
      MONTHS.map((m, i) => [
        s.perspective,
        s.objective,
        s.kpi,
        m,
        s.actuals[i] ?? null,
        s.target,
        POLARITY[s.kpi] ?? null,
      ]),
    ),
  ];

  const everyPeriod = (rows: CellValue[][], name = "Data") =>
    ["2026-01", "2026-02", "2026-03"].map((period) =>
      report(score(book(sheet(name, rows)), { evaluate: { period } }).result),
    );

  it("reads one row per KPI with its target in a column, as the same table kept long", () => {
    const wide: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Polarity", "Target", ...MONTHS, "Q1 total"],
      ...SERIES.map((s) => [
        s.perspective,
        s.objective,
        s.kpi,
        POLARITY[s.kpi] ?? null,
        s.target,
        ...s.actuals,
        1,
      ]),
    ];
    expect(everyPeriod(wide)).toEqual(everyPeriod(longRows()));
    const { model } = score(book(sheet("Data", wide)));
    expect(model.layout).toMatchObject({ shape: "wide", rows: 3, scored: 3, kpis: 3, periods: 3 });
    expect(model.kpis[0]!.observations.map((o) => o.actualCell)).toEqual(["Data!F2", "Data!G2", "Data!H2"]);
  });

  it("reads paired Actual and Budget rows, leaving the prior-year row out as a comparison", () => {
    const wide: CellValue[][] = [["Monthly pack"], ["KPI", "Polarity", "Jan 2026", "Feb 2026", "Mar 2026"]];
    for (const s of SERIES) {
      wide.push([s.perspective]);
      wide.push([`${s.kpi} Actual`, POLARITY[s.kpi] ?? null, ...s.actuals]);
      wide.push([`${s.kpi} - Budget`, null, s.target, s.target, s.target]);
      wide.push([`${s.kpi} (PY)`, null, 1, 1, 1]);
    }
    // Objectives are the KPIs' own names here, as the layout has no place for them.
    const withoutObjectives = (r: ReturnType<typeof report>) =>
      r.perspectives.map((p) => ({
        name: p.name,
        kpis: p.objectives.flatMap((o) => o.kpis),
        status: p.status,
      }));
    const longWithoutObjectives = longRows().map((row, i) =>
      i === 0 ? row : [row[0], row[2], ...row.slice(2)],
    );
    expect(everyPeriod(wide).map(withoutObjectives)).toEqual(
      everyPeriod(longWithoutObjectives).map(withoutObjectives),
    );
    const { model } = score(book(sheet("Data", wide)));
    expect(model.issues.map((i) => [i.code, i.cell])).toEqual([
      ["comparison-row", "Data!A6"],
      ["comparison-row", "Data!A10"],
      ["comparison-row", "Data!A14"],
    ]);
    expect(model.layout).toMatchObject({ shape: "wide", rows: 12, headings: 3, scored: 6, leftOut: 3 });
  });

  it("reads a column saying Actual or Target, with the KPI's name written once", () => {
    const wide: CellValue[][] = [["Perspective", "Objective", "Metric", "Type", "Polarity", ...MONTHS]];
    for (const s of SERIES) {
      wide.push([s.perspective, s.objective, s.kpi, "Actual", POLARITY[s.kpi] ?? null, ...s.actuals]);
      wide.push([null, null, null, "Target", null, s.target, s.target, s.target]);
    }
    expect(everyPeriod(wide)).toEqual(everyPeriod(longRows()));
    const { model } = score(book(sheet("Data", wide)));
    expect(model.kpis[1]!.observations[0]).toMatchObject({ actualCell: "Data!F4", targetCell: "Data!F5" });
  });

  it("reads months as dates and warns of a month written twice", () => {
    const jan = 46023; // 2026-01-01
    const wide: CellValue[][] = [
      ["KPI", "Target", { date: jan }, { date: jan + 31 }, { date: jan + 31 }],
      ["Revenue", 100, 90, 104, 1],
    ];
    const { model } = score(book(sheet("Data", wide)));
    expect(model.granularity).toBe("month");
    expect(model.kpis[0]!.observations.map((o) => o.actual)).toEqual([
      { kind: "number", value: 90 },
      { kind: "number", value: 104 },
    ]);
    expect(model.issues).toEqual([expect.objectContaining({ code: "duplicate-header", cell: "Data!E1" })]);
  });
});

describe("layouts: a sheet per perspective", () => {
  const perspectiveSheet = (perspective: string, title: boolean) =>
    sheet(perspective, [
      ...(title ? [[`${perspective} KPIs`], []] : []),
      ["Objective", "KPI", "Actual", "Target"],
      ...LINES.filter((l) => l.perspective === perspective).map((l) => [
        l.objective,
        l.kpi,
        l.actual,
        l.target,
      ]),
    ]);

  it("reads each sheet's table under the sheet's name, as one scorecard", () => {
    const tidy = report(score(book(tableSheet("Data", "Kpis", tidyRows(LINES)))).result);
    const { model, result } = score(
      book(
        perspectiveSheet("Financial", true),
        perspectiveSheet("Customer", false),
        sheet("Notes", [["Hello"]]),
      ),
    );
    expect(report(result)).toEqual(tidy);
    expect(model.tables.map((t) => t.sheet)).toEqual(["Financial", "Customer"]);
    expect(model.layout).toMatchObject({
      address: "Financial!A3:D6, Customer!A1:D3",
      perspectiveFrom: "sheet",
      rows: 5,
      kpis: 5,
    });
  });

  it("asks which table where a sheet's table has a Perspective column of its own", () => {
    const withColumn = sheet("All", tidyRows(LINES));
    const reading = readScorecard(
      book(perspectiveSheet("Financial", false), perspectiveSheet("Customer", false), withColumn),
      null,
      new Set(),
    );
    expect(reading).toMatchObject({ ok: false, fatal: { code: "ambiguous-table" } });
    if (!reading.ok)
      expect(reading.fatal.message).toContain("a sheet per perspective (Financial!A1:D4, Customer!A1:D3)");
  });

  it("refuses sheets that mix monthly and single-period tables, naming the table", () => {
    const monthly = sheet("Customer", [
      ["KPI", "Month", "Actual", "Target"],
      ["NPS", "2026-01", 40, 41],
    ]);
    const reading = readScorecard(book(perspectiveSheet("Financial", false), monthly), null, new Set());
    expect(reading).toMatchObject({ ok: false, fatal: { code: "period-mixed", cell: "Customer!A1:D2" } });
  });
});

describe("layouts: when nothing fits", () => {
  it("names the closest header rows first, with the headers found and the columns missing", () => {
    const reading = readScorecard(
      book(
        sheet("Notes", [["Target", "Comment"]]),
        sheet("Export", [
          ["Service", "Metric_Name", "value_rounded", "Reporting_Month"],
          ["A", "Beds", 3, "2026-01"],
        ]),
      ),
      null,
      new Set(),
    );
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.fatal.message).toContain(
      "Nearest: Export!A1:D2 has Entity (Service), KPI (Metric_Name), Actual (value_rounded) and Period (Reporting_Month), but no Target; Notes!A1:B1 has Target (Target) and Comment (Comment), but no KPI and Actual.",
    );
  });
});

describe("tagged ranges that follow periods", () => {
  const tag = (extra: Partial<TaggedKpi> = {}): TaggedKpi => ({
    perspective: "Financial",
    objective: "Liquidity",
    name: "Cash",
    actualName: "CashActual",
    targetName: null,
    target: 100,
    ...extra,
  });
  const treasury = sheet("Treasury", [
    ["Month", "Jan-26", "Feb-26", "Mar-26", "Apr-26"],
    ["Cash", 90, 120, 80, null],
    ["Plan", 100, 100, 110, 110],
  ]);
  const names = [
    { name: "CashActual", sheet: "Treasury", box: { top: 2, left: 2, bottom: 2, right: 5 } },
    { name: "CashPlan", sheet: "Treasury", box: { top: 3, left: 2, bottom: 3, right: 5 } },
  ];
  const scoreTag = (t: TaggedKpi, period?: string) =>
    score(
      { sheets: [treasury], names },
      { definition: { ...emptyDefinition(), tagged: [t] }, ...(period ? { evaluate: { period } } : {}) },
    );

  it("scores the period asked for, not always the last cell, with its trend", () => {
    const feb = allKpis(scoreTag(tag(), "2026-02").result)[0]!;
    expect(feb).toMatchObject({
      actual: 120,
      target: 100,
      status: "green",
      cell: "Treasury!C2",
      trend: "better",
    });
    const latest = scoreTag(tag());
    expect(latest.result.period).toBe("2026-03");
    expect(allKpis(latest.result)[0]).toMatchObject({ actual: 80, cell: "Treasury!D2", trend: "worse" });
  });

  it("reads each period's target from the target range's cell at the same place", () => {
    const kpi = allKpis(scoreTag(tag({ targetName: "CashPlan", target: null }), "2026-03").result)[0]!;
    expect(kpi).toMatchObject({ actual: 80, target: 110 });
  });

  it("adds up the fiscal year to date for a Sum KPI", () => {
    const kpi = allKpis(scoreTag(tag({ aggregation: "sum", target: 250 }), "2026-03").result)[0]!;
    expect(kpi.actual).toBe(290);
  });

  it("takes the last value of a range without period labels, as before", () => {
    const plain = sheet("Treasury", [["Cash", 90, 120, 80, null]]);
    const { result } = score(
      {
        sheets: [plain],
        names: [{ name: "CashActual", sheet: "Treasury", box: { top: 1, left: 2, bottom: 1, right: 5 } }],
      },
      { definition: { ...emptyDefinition(), tagged: [tag()] } },
    );
    expect(result.period).toBeNull();
    expect(allKpis(result)[0]).toMatchObject({ actual: 80, cell: "Treasury!D1" });
  });

  it("warns and takes the last value where the labels do not match the table's periods", () => {
    const table = sheet("Data", [
      ["KPI", "Actual", "Target"],
      ["Revenue", 1, 1],
    ]);
    const { model } = score(
      { sheets: [table, treasury], names },
      { definition: { ...emptyDefinition(), tagged: [tag()] } },
    );
    expect(model.issues).toEqual([
      expect.objectContaining({ code: "tag-periods-ignored", cell: "Treasury!B2" }),
    ]);
    expect(model.kpis[1]!.observations).toHaveLength(1);
  });
});

describe("layouts: choosing between tables", () => {
  it("lists each candidate with where it is and its layout", () => {
    const long = tableSheet("Data", "Kpis", tidyRows(LINES));
    const wide = sheet("Pack", [
      ["KPI", "Target", "Jan-26", "Feb-26"],
      ["Revenue", 100, 90, 95],
    ]);
    const reading = readScorecard(book(long, wide), null, new Set());
    expect(reading).toMatchObject({ ok: false, fatal: { code: "ambiguous-table" } });
    if (!reading.ok)
      expect(reading.fatal.message).toBe(
        "The workbook has several scorecard tables (Kpis (Data!A1:E6), Pack (Pack!A1:D2, periods across the columns)); choose one with --table.",
      );
  });
});

describe("layouts: the same KPIs for many entities (sites, departments, regions)", () => {
  const rows: CellValue[][] = [
    ["Site", "Metric_Group", "Metric_Name", "Reporting_Month", "value_rounded", "Target", "Polarity"],
    ["North", "Flow", "Beds", "2026-01", 90, 100, null],
    ["North", "Flow", "Waits", "2026-01", 12, 10, "lower"],
    ["South", "Flow", "Beds", "2026-01", 101, 100, null],
    ["South", "Flow", "Waits", "2026-01", 9, 10, "lower"],
    [null, "Flow", "Beds", "2026-02", 70, 100, null],
  ];

  it("scores one scorecard per entity, and a consolidated one rolled up from them", () => {
    const { model, result } = score(book(sheet("Export", rows)), { evaluate: { period: "2026-01" } });
    expect(model.entities).toEqual(["North", "South"]);
    expect(model.kpis.map((k) => `${k.entity}: ${k.name}`)).toEqual([
      "North: Beds",
      "North: Waits",
      "South: Beds",
      "South: Waits",
    ]);
    const statuses = (perspectives: typeof result.perspectives) =>
      perspectives.flatMap((p) =>
        p.objectives.flatMap((o) => o.kpis.map((k) => `${k.kpi.name} ${k.status}`)),
      );
    expect(result.entities.map((e) => [e.name, e.status, statuses(e.perspectives)])).toEqual([
      ["North", "red", ["Beds amber", "Waits red"]],
      ["South", "green", ["Beds green", "Waits green"]],
    ]);
    // Each consolidated KPI is the entities' roll-up: the average of their scores (SCORING.md).
    const north = result.entities[0]!.perspectives[0]!.objectives[0]!.kpis;
    const south = result.entities[1]!.perspectives[0]!.objectives[0]!.kpis;
    const consolidated = allKpis(result);
    consolidated.forEach((k, i) => {
      expect(k.score).toBeCloseTo(((north[i]!.score ?? 0) + (south[i]!.score ?? 0)) / 2, 12);
      expect(k.actual).toBeNull();
    });
  });

  it("counts each KPI once however many entities report it, and the entities apart", () => {
    const { model } = score(book(sheet("Export", rows)));
    expect(model.layout).toMatchObject({ rows: 5, kpis: 2, entities: 2, periods: 2 });
    expect(layoutText(model.layout!)).toBe(
      "Read Export!A1:G6: 5 rows → 2 KPIs × 2 entities × 2 periods; the sheet's name as the perspective, objectives from their column.",
    );
  });

  it("fills a blank entity cell from the one above, as a merged cell reads", () => {
    const { model } = score(book(sheet("Export", rows)));
    expect(model.kpis.find((k) => k.entity === "South" && k.name === "Beds")!.observations).toHaveLength(2);
    expect(withoutDirectionNotes(model.issues)).toEqual([]);
  });
});

describe("layouts: an entity's own scorecard", () => {
  it("holds only the perspectives and objectives it has KPIs in", () => {
    const { result } = score(
      book(
        sheet("Export", [
          ["Region", "Perspective", "Objective", "KPI", "Actual", "Target"],
          ["North", "Financial", "Grow", "Revenue", 10, 9],
          ["North", "Customer", "Delight", "NPS", 40, 40],
          ["South", "Financial", "Grow", "Revenue", 8, 9],
          ["South", "Financial", "Save", "Cost", 8, 9],
        ]),
      ),
    );
    const shape = (ps: typeof result.perspectives) =>
      ps.map((p) => `${p.name}: ${p.objectives.map((o) => o.name).join(", ")}`);
    expect(result.entities.map((e) => shape(e.perspectives))).toEqual([
      ["Financial: Grow", "Customer: Delight"],
      ["Financial: Grow, Save"],
    ]);
    expect(shape(result.perspectives)).toEqual(["Financial: Grow, Save", "Customer: Delight"]);
  });
});
