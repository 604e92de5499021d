import { issue } from "../../src/engine/issues";
import { emptyDefinition, parseDefinition, serializeDefinition } from "../../src/model/definition";
import { DEFINITION_SHEET_MARKER, type OwnedSheets } from "../../src/model/ownership";
import { PALETTES } from "../../src/plan/palette";
import type { PlanCell, SheetPlan } from "../../src/plan/plan";
import { productSheetName, renderDefinitionPlan, renderPlan } from "../../src/plan/render";
import { SUMMARY_HEADER_ROW, summaryStyles } from "../../src/plan/summary";
import { book, score, sheet, tableSheet } from "../helpers/book";

const NO_OWNED: OwnedSheets = { summary: null, definition: null };

describe("the name of a product sheet", () => {
  it("is the wanted name when no sheet has it", () => {
    expect(productSheetName("Scorecard", null, ["Data"])).toBe("Scorecard");
  });
  it("is 'Name (2)' when a user's sheet has the name, compared without case", () => {
    expect(productSheetName("Scorecard", null, ["Data", "SCORECARD"])).toBe("Scorecard (2)");
  });
  it("is 'Name (3)' when '(2)' is taken too, in another case", () => {
    expect(productSheetName("Scorecard", null, ["scorecard", "SCORECARD (2)"])).toBe("Scorecard (3)");
  });
  it("keeps the product's own sheet's name: that sheet is replaced, not avoided", () => {
    expect(productSheetName("Scorecard", "Scorecard", ["Data", "Scorecard"])).toBe("Scorecard");
  });
  it("stays within Excel's 31 characters, shortening the name before the suffix", () => {
    const wanted = "A summary sheet name of 31 char";
    expect(wanted).toHaveLength(31);
    const name = productSheetName(wanted, null, [wanted]);
    expect(name).toBe("A summary sheet name of 31 (2)"); // no double space where the cut fell
    expect(name.length).toBeLessThanOrEqual(31);
  });
});

const HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Owner", "Unit", "Comment"];
const monthly = () =>
  book(
    tableSheet("Data", "Monthly", [
      HEADER,
      ["2026-01", "Financial", "Grow", "Revenue", 90, 100, "Ann", "USD k", "Q1 push"],
      ["2026-02", "Financial", "Grow", "Revenue", 96, 100, "Ann", "USD k", "Q1 push"],
      ["2026-01", "Financial", "Grow", "Units", 40, 40, null, null, null],
      ["2026-02", "Financial", "Grow", "Units", 40, 40, null, null, null],
      ["2026-01", "Customer", "Keep", "Retention", 5, 4, "Bo", null, null],
      ["2026-02", "Customer", "Keep", "Retention", 3, 4, "Bo", null, null],
      ["2026-01", "Customer", "Keep", "NPS", 50, 40, null, null, null],
      ["2026-02", "Customer", "Keep", "NPS", null, 40, null, null, null],
    ]),
  );

function rendered(definition = emptyDefinition(), sheetNames = ["Data"], owned = NO_OWNED) {
  const workbook = monthly();
  const { model, result } = score(workbook, { definition });
  return {
    result,
    ...renderPlan({ sheetNames, owned, model, result, definition, refreshedAt: "2026-03-01 09:00" }),
  };
}

const cellsOf = (s: SheetPlan) => new Map(s.cells.map((c) => [`${c.row},${c.col}`, c]));
const at = (cells: Map<string, PlanCell>, row: number, col: number) => cells.get(`${row},${col}`);
/** The summary's header row, as the sheet has it. */
const headersOf = (s: SheetPlan) =>
  s.cells
    .filter((c) => c.row === SUMMARY_HEADER_ROW)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.value as string);
/** A row of the summary by its columns' headers, so a test does not depend on which optional columns there are. */
const rowOf = (s: SheetPlan, row: number): Record<string, string | number | null> => {
  const cells = cellsOf(s);
  return Object.fromEntries(headersOf(s).map((h, i) => [h, at(cells, row, i + 1)?.value ?? null]));
};
const colOf = (s: SheetPlan, header: string) => headersOf(s).indexOf(header) + 1;
const FIRST = SUMMARY_HEADER_ROW + 1;

describe("the Dashboard's status table on a live Scorecard sheet", () => {
  it("counts each perspective's KPI rows there by status, the counts of the refresh cached", () => {
    const { plan, result } = rendered();
    const dashboard = plan.sheets.find((s) => s.role === "dashboard")!;
    const counts = dashboard.cells.filter((c) => c.formula !== undefined);
    expect(counts).toHaveLength(result.perspectives.length * 4);
    expect(counts[0]!.formula).toMatch(
      /^COUNTIFS\(Scorecard!\$[A-Z]+\$11:\$[A-Z]+\$\d+,"On target",Scorecard!/,
    );
    const kpis = result.perspectives[0]!.objectives.flatMap((o) => o.kpis);
    expect(counts[0]!.value).toBe(kpis.filter((k) => k.status === "green").length);
    // A sheet of values has none.
    const values = rendered({
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, summaryAsValues: true },
    });
    expect(values.plan.sheets.flatMap((s) => s.cells).some((c) => c.formula !== undefined)).toBe(false);
  });
});

describe("the summary sheet", () => {
  it("has the title, period, overall score and status, KPI counts, red KPIs, movers, source and refresh time on top", () => {
    const { plan, result } = rendered();
    const cells = cellsOf(plan.sheets[0]!);
    expect(at(cells, 1, 1)).toEqual({ row: 1, col: 1, value: "Balanced Scorecard", style: "title" });
    expect([at(cells, 2, 1)?.value, at(cells, 2, 2)?.value]).toEqual(["Period", "2026-02"]);
    // Formulas over the perspectives' rows, each with the engine's value cached.
    expect(at(cells, 3, 2)).toEqual({
      row: 3,
      col: 2,
      value: result.score,
      formula: expect.stringContaining("ISNUMBER(H10)"),
      style: "figure",
      numberFormat: "0.00",
    });
    expect(at(cells, 3, 3)).toEqual({
      row: 3,
      col: 3,
      value: { green: "On target", amber: "Watch", red: "Off target", none: "No data" }[result.status],
      formula: expect.stringContaining("B3"),
      style: `status-${result.status}`,
    });
    expect([2, 3, 4, 5].map((c) => at(cells, 4, c)?.value)).toEqual([
      "1 On target",
      "1 Watch",
      "1 Off target",
      "1 No data",
    ]);
    expect([at(cells, 5, 1)?.value, at(cells, 5, 2)?.value]).toEqual(["Off target", "Retention"]);
    // Retention fell from 5 to 3 (−40 %), Revenue rose from 90 to 96 (+6.7 %); Units stayed at 40.
    expect([at(cells, 6, 1)?.value, at(cells, 6, 2)?.value]).toEqual([
      "Biggest movers",
      "Retention ▼ −40.0% (worse); Revenue ▲ +6.7% (better)",
    ]);
    expect(at(cells, 7, 1)?.value).toContain("Source Data!A1:I9. Refreshed 2026-03-01 09:00.");
    expect(at(cells, 7, 1)?.style).toBe("note");
  });

  it("has a header row of every column, styled, frozen above the data, technical columns last", () => {
    const { plan } = rendered();
    const summary = plan.sheets[0]!;
    expect(headersOf(summary)).toEqual([
      "Scorecard item",
      "Owner",
      "Unit",
      "Actual",
      "Target",
      "Threshold",
      "Variance",
      "Score (0-10)",
      "Status",
      "Trend",
      "Comment",
      "Weight",
      "Source cell",
      "Fixed at refresh",
    ]);
    expect(summary.cells.filter((c) => c.row === SUMMARY_HEADER_ROW).every((c) => c.style === "header")).toBe(
      true,
    );
    expect(summary.frozenRows).toBe(SUMMARY_HEADER_ROW);
    expect(summary.columnWidths).toHaveLength(14);
  });

  it("lists perspectives, objectives and KPIs in order, indented by their style, with score, status and trend", () => {
    const { plan } = rendered();
    const summary = plan.sheets[0]!;
    const cells = cellsOf(summary);
    const rows = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => {
      const r = rowOf(summary, FIRST + i);
      return [r["Scorecard item"], at(cells, FIRST + i, 1)?.style, r["Status"], r["Trend"]];
    });
    expect(rows).toEqual([
      ["Financial", "perspective", "Watch", null],
      ["Grow", "objective", "Watch", null],
      ["Revenue", "kpi", "Watch", "▲ Better"],
      ["Units", "kpi", "On target", "► Flat"],
      ["Customer", "perspective", "Off target", null],
      ["Keep", "objective", "Off target", null],
      // Retention fell, and a fall is worse for a KPI scored higher-is-better.
      ["Retention", "kpi", "Off target", "▼ Worse"],
      ["NPS", "kpi", "No data", "–"],
    ]);
    expect(Object.values(rowOf(summary, FIRST + 8)).every((v) => v === null)).toBe(true);
  });

  it("groups objectives and KPIs in an outline under their perspective", () => {
    const { plan } = rendered();
    expect(plan.sheets[0]!.rowOutline).toEqual([
      { row: FIRST + 1, level: 1 },
      { row: FIRST + 2, level: 2 },
      { row: FIRST + 3, level: 2 },
      { row: FIRST + 5, level: 1 },
      { row: FIRST + 6, level: 2 },
      { row: FIRST + 7, level: 2 },
    ]);
  });

  it("shows a KPI's owner, numbers, variance, weight, unit, comment and source cell, linked to the cell", () => {
    const { plan } = rendered();
    const summary = plan.sheets[0]!;
    const revenue = FIRST + 2;
    expect(rowOf(summary, revenue)).toEqual({
      "Scorecard item": "Revenue",
      Owner: "Ann",
      Unit: "USD k",
      Actual: 96,
      Target: 100,
      Threshold: 90,
      Variance: -4,
      "Score (0-10)": expect.closeTo(10 / 3 + ((10 / 3) * 6) / 10, 12),
      Status: "Watch",
      Trend: "▲ Better",
      Comment: "Q1 push",
      Weight: 1,
      "Source cell": "Data!E3",
      // Live: its formulas read the table, so nothing is fixed at the refresh.
      "Fixed at refresh": null,
    });
    const source = colOf(summary, "Source cell");
    expect(summary.hyperlinks).toContainEqual({ row: revenue, col: source, location: "Data!E3" });
    expect(at(cellsOf(summary), revenue, source)?.style).toBe("link");
  });

  it("prints landscape, one page wide, the header row on every page, the technical columns left out", () => {
    const { plan } = rendered();
    const summary = plan.sheets[0]!;
    expect(summary.print).toEqual({
      orientation: "landscape",
      fitToPagesWide: 1,
      area: { top: 1, left: 1, bottom: FIRST + 7, right: colOf(summary, "Comment") },
      titleRows: { first: SUMMARY_HEADER_ROW, last: SUMMARY_HEADER_ROW },
      header: { left: "Balanced Scorecard", right: "Period 2026-02" },
      footer: { left: "Refreshed 2026-03-01 09:00", right: "Page &P of &N" },
    });
  });

  it("marks a worse trend, and shows an objective's owner", () => {
    const rows = [
      ["Perspective", "Objective", "KPI", "Actual", "Target", "Period"],
      ["F", "O", "K", 9, 10, "2026-01"],
      ["F", "O", "K", 8, 10, "2026-02"],
    ];
    const workbook = book(tableSheet("Data", "T", rows));
    const definition = {
      ...emptyDefinition(),
      objectives: [{ perspective: "F", name: "O", owner: "Cy", drives: [] }],
    };
    const { model, result } = score(workbook, { definition });
    const { plan } = renderPlan({
      sheetNames: ["Data"],
      owned: NO_OWNED,
      model,
      result,
      definition,
      refreshedAt: "now",
    });
    expect(rowOf(plan.sheets[0]!, FIRST + 1)["Owner"]).toBe("Cy");
    expect(rowOf(plan.sheets[0]!, FIRST + 2)["Trend"]).toBe("▼ Worse");
    expect(at(cellsOf(plan.sheets[0]!), FIRST + 2, colOf(plan.sheets[0]!, "Trend"))?.style).toBe(
      "trend-worse",
    );
  });

  it("styles each level and status, and scores with two decimals", () => {
    const { plan } = rendered();
    const summary = plan.sheets[0]!;
    const cells = cellsOf(summary);
    const score = colOf(summary, "Score (0-10)");
    const status = colOf(summary, "Status");
    expect(at(cells, FIRST, score)).toMatchObject({ style: "perspective", numberFormat: "0.00" });
    expect(at(cells, FIRST + 2, score)?.style).toBeUndefined();
    expect(at(cells, FIRST + 2, score)?.numberFormat).toBe("0.00");
    expect(at(cells, FIRST + 2, status)?.style).toBe("status-amber");
    expect(at(cells, FIRST + 7, status)?.style).toBe("status-none");
    // The perspective band is filled across the printed row, even where it has no value; not the technical columns.
    const comment = colOf(summary, "Comment");
    expect(at(cells, FIRST, comment)).toEqual({
      row: FIRST,
      col: comment,
      value: null,
      style: "perspective",
    });
    expect(at(cells, FIRST + 2, comment)?.style).toBeUndefined();
    expect(at(cells, FIRST, colOf(summary, "Source cell"))).toBeUndefined();
  });

  it("shows numbers in the KPI's own number format, but not 'General'", () => {
    const workbook = book(
      sheet(
        "Data",
        [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["F", "O", "Margin", 0.45, 0.5],
          ["F", "O", "Count", 4, 5],
        ],
        {
          formats: [
            [null, null, null, null, null],
            [null, null, null, "0.0%", "0.0%"],
            [null, null, null, "General", "General"],
          ],
        },
      ),
    );
    const { model, result } = score(workbook);
    const { plan } = renderPlan({
      sheetNames: ["Data"],
      owned: NO_OWNED,
      model,
      result,
      definition: emptyDefinition(),
      refreshedAt: "now",
    });
    const summary = plan.sheets[0]!;
    const cells = cellsOf(summary);
    const numbers = ["Actual", "Target", "Threshold", "Variance"].map((h) => colOf(summary, h));
    expect(numbers.map((c) => at(cells, FIRST + 2, c)?.numberFormat)).toEqual([
      "0.0%",
      "0.0%",
      "0.0%",
      "0.0%",
    ]);
    expect(numbers.map((c) => at(cells, FIRST + 3, c)?.numberFormat)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("says 'Single period' and names tagged ranges as its source when there is no table", () => {
    const definition = {
      ...emptyDefinition(),
      tagged: [
        {
          perspective: "F",
          objective: "O",
          name: "Cash",
          actualName: "cash_actual",
          targetName: null,
          target: 10,
        },
      ],
    };
    const workbook = {
      sheets: [sheet("Treasury", [[12]])],
      names: [{ name: "cash_actual", sheet: "Treasury", box: { top: 1, left: 1, bottom: 1, right: 1 } }],
    };
    const { model, result } = score(workbook, { definition });
    const { plan } = renderPlan({
      sheetNames: ["Treasury"],
      owned: NO_OWNED,
      model,
      result,
      definition,
      refreshedAt: "now",
    });
    const cells = cellsOf(plan.sheets[0]!);
    expect(at(cells, 2, 2)?.value).toBe("Single period");
    expect(at(cells, 7, 1)?.value).toMatch(/^Source Tagged ranges\. /);
    expect(plan.conditionalFormats.filter((f) => f.sheet !== "Scorecard")).toEqual([]);
    expect(plan.clearConditionalFormatsOn).toEqual([]);
  });
});

describe("the write plan of a refresh", () => {
  it("writes a visible summary and a very hidden definition, each marked by its name", () => {
    const { plan, issues } = rendered();
    expect(plan.sheets.map((s) => [s.role, s.name, s.visibility, s.markerName, s.replaces])).toEqual([
      ["summary", "Scorecard", "visible", "_bsc_summary", null],
      ["definition", "BSC Definition", "veryHidden", "_bsc_definition", null],
      ["dashboard", "Dashboard", "visible", "_bsc_dashboard", null],
    ]);
    expect(issues).toEqual([]);
    expect(plan.clearConditionalFormatsOn).toEqual(["Data"]);
    expect(plan.conditionalFormats.filter((f) => f.sheet !== "Scorecard").map((f) => f.sheet)).toEqual([
      "Data",
    ]);
    // The live status words take their colours from rules over the overall status and the Status column.
    const live = plan.conditionalFormats.filter((f) => f.sheet === "Scorecard");
    expect(live.map((f) => f.ranges[0])).toEqual(["C3", expect.stringMatching(/^[A-Z]+10(:|$)/)]);
    expect(live[0]!.rules.map((r) => r.status)).toEqual(["green", "amber", "red", "none"]);
  });

  it("draws the strategy map when asked, redraws one the workbook has, and draws none otherwise", () => {
    const roles = (r: ReturnType<typeof renderPlan>) =>
      r.plan.sheets.map((s) => [s.role, s.name, s.replaces]);
    const workbook = monthly();
    const { model, result } = score(workbook);
    const base = { model, result, definition: emptyDefinition(), refreshedAt: "2026-03-01 09:00" };
    const drawn = renderPlan({ ...base, sheetNames: ["Data"], owned: NO_OWNED, strategyMap: true });
    expect(roles(drawn).at(-1)).toEqual(["strategyMap", "Strategy Map", null]);
    const redrawn = renderPlan({
      ...base,
      sheetNames: ["Data", "Map"],
      owned: { ...NO_OWNED, strategyMap: "Map" },
    });
    expect(roles(redrawn).at(-1)).toEqual(["strategyMap", "Strategy Map", "Map"]);
    const none = renderPlan({ ...base, sheetNames: ["Data"], owned: NO_OWNED });
    expect(none.plan.sheets.map((s) => s.role)).not.toContain("strategyMap");
  });

  it("defines every style any of its sheets' cells names, the strategy map's among them", () => {
    const workbook = monthly();
    const { model, result } = score(workbook);
    const { plan } = renderPlan({
      model,
      result,
      definition: emptyDefinition(),
      refreshedAt: "2026-03-01 09:00",
      sheetNames: ["Data"],
      owned: NO_OWNED,
      strategyMap: true,
    });
    const named = new Set(plan.sheets.flatMap((s) => s.cells.flatMap((c) => (c.style ? [c.style] : []))));
    expect(named.size).toBeGreaterThan(10);
    for (const style of named) expect([style, plan.styles[style] !== undefined]).toEqual([style, true]);
  });

  it("passes on what reading the product's own sheets found (a marker on a user's sheet)", () => {
    const found = issue("marker-not-ours", null, { name: "_bsc_summary", sheet: "Budget" });
    const { issues } = rendered(emptyDefinition(), ["Data", "Budget"], { ...NO_OWNED, issues: [found] });
    expect(issues).toContainEqual(found);
  });

  it("replaces the product's own sheets under their current names", () => {
    const { plan } = rendered(emptyDefinition(), ["Data", "My scorecard", "Defs", "Charts"], {
      summary: "My scorecard",
      definition: "Defs",
      dashboard: "Charts",
    });
    expect(plan.sheets.map((s) => [s.name, s.replaces])).toEqual([
      ["Scorecard", "My scorecard"],
      ["Defs", "Defs"],
      ["Dashboard", "Charts"],
    ]);
  });

  it("writes the summary beside a user's sheet of the same name, and says so", () => {
    const { plan, issues } = rendered(emptyDefinition(), [
      "Data",
      "Scorecard",
      "BSC Definition",
      "Dashboard",
    ]);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Scorecard (2)", "BSC Definition (2)", "Dashboard (2)"]);
    expect(issues).toEqual([
      expect.objectContaining({ code: "sheet-name-taken", severity: "info", cell: null }),
    ]);
    expect(issues[0]!.message).toContain('"Scorecard (2)"');
  });

  it("never gives the definition the name just chosen for the summary", () => {
    const definition = {
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, summarySheetName: "BSC Definition" },
    };
    const { plan } = rendered(definition);
    expect(plan.sheets.map((s) => s.name)).toEqual(["BSC Definition", "BSC Definition (2)", "Dashboard"]);
  });

  it("writes no empty cell after a definition of exactly two cells' length, and a column wide enough to read it", () => {
    const base = serializeDefinition({ ...emptyDefinition(), perspectives: [{ name: "x" }] }).length;
    const definition = { ...emptyDefinition(), perspectives: [{ name: "x".repeat(1 + 60_000 - base) }] };
    expect(serializeDefinition(definition)).toHaveLength(60_000);
    const sheet = renderDefinitionPlan(["Data"], NO_OWNED, definition).sheets[0]!;
    expect(sheet.cells.map((c) => c.row)).toEqual([1, 2, 3]);
    expect(sheet.columnWidths).toEqual([100]);
  });

  it("stores the definition as JSON below a marker, split into cells of 30,000 characters", () => {
    const long = "x".repeat(70_000);
    const definition = {
      ...emptyDefinition(),
      perspectives: [{ name: long }],
    };
    const plan = renderDefinitionPlan(["Data"], NO_OWNED, definition);
    expect(plan.conditionalFormats.filter((f) => f.sheet !== "Scorecard")).toEqual([]);
    expect(plan.clearConditionalFormatsOn).toEqual([]);
    const cells = plan.sheets[0]!.cells;
    expect(cells[0]).toEqual({ row: 1, col: 1, value: DEFINITION_SHEET_MARKER });
    expect(cells.slice(1).map((c) => [c.row, c.col, String(c.value).length])).toEqual([
      [2, 1, 30_000],
      [3, 1, 30_000],
      [4, 1, expect.any(Number)],
    ]);
    const json = cells
      .slice(1)
      .map((c) => c.value)
      .join("");
    expect(parseDefinition(json)).toEqual({ ok: true, definition });
  });
});

describe("summary styles", () => {
  it("colour each status with the palette's fill and text colour", () => {
    for (const palette of ["standard", "colorblind"] as const) {
      const styles = summaryStyles(PALETTES[palette]);
      for (const status of ["green", "amber", "red", "none"] as const) {
        expect(styles[`status-${status}`]).toEqual({
          bold: true,
          fill: PALETTES[palette][status].fill,
          color: PALETTES[palette][status].color,
          align: "center",
        });
      }
    }
  });
  it("set the header, title and level styles", () => {
    const styles = summaryStyles(PALETTES.standard);
    expect(styles.title).toEqual({ bold: true, size: 16 });
    expect(styles.header).toMatchObject({ bold: true, fill: "1F3864", color: "FFFFFF" });
    // Excel indents only a left-, right- or distributed-aligned cell.
    expect(styles.objective).toEqual({ bold: true, indent: 1, align: "left" });
    expect(styles.kpi).toEqual({ indent: 2, align: "left" });
  });
});

describe("a scorecard kept on a sheet per perspective", () => {
  it("colours each sheet's Actual cells and names every sheet as the source", () => {
    const workbook = book(
      sheet("Financial", [
        ["KPI", "Actual", "Target"],
        ["Revenue", 90, 100],
      ]),
      sheet("Customer", [
        ["KPI", "Actual", "Target"],
        ["NPS", 41, 40],
        ["Retention", 0.1, 0.2],
      ]),
    );
    const { model, result } = score(workbook);
    const { plan } = renderPlan({
      sheetNames: ["Financial", "Customer"],
      owned: NO_OWNED,
      model,
      result,
      definition: emptyDefinition(),
      refreshedAt: "2026-03-01 09:00",
    });
    expect(plan.clearConditionalFormatsOn).toEqual(["Financial", "Customer"]);
    expect(
      plan.conditionalFormats.filter((f) => f.sheet !== "Scorecard").map((c) => [c.sheet, c.ranges]),
    ).toEqual([
      ["Financial", ["B2"]],
      ["Customer", ["B2:B3"]],
    ]);
    const summary = plan.sheets.find((s) => s.role === "summary")!;
    expect(summary.cells.find((c) => c.row === 7 && c.col === 1)?.value).toMatch(
      /^Source Financial!A1:C2, Customer!A1:C3\. /,
    );
  });
});

describe("the summary of a table kept for many entities", () => {
  it("shows the entities side by side below the scorecard, each KPI's status in its colour", () => {
    const workbook = book(
      sheet("Export", [
        ["Site", "Objective", "KPI", "Actual", "Target", "Polarity"],
        ["North", "Flow", "Beds", 90, 100, "higher"],
        ["North", "Flow", "Waits", 12, 10, "lower"],
        ["South", "Flow", "Beds", 101, 100, "higher"],
      ]),
    );
    const { model, result } = score(workbook);
    const { plan } = renderPlan({
      sheetNames: ["Export"],
      owned: NO_OWNED,
      model,
      result,
      definition: emptyDefinition(),
      refreshedAt: "2026-03-01 09:00",
    });
    const summary = plan.sheets.find((s) => s.role === "summary")!;
    const cells = cellsOf(summary);
    const top = summary.cells.find((c) => c.value === "By entity")!.row;
    const line = (row: number) => [1, 2, 3].map((col) => at(cells, row, col)?.value ?? null);
    expect([0, 1, 2, 3, 4, 5].map((i) => line(top + i))).toEqual([
      ["By entity", "North", "South"],
      ["Overall", "Off target", "On target"],
      ["Export", null, null],
      ["Flow", null, null],
      ["Beds", "Watch", "On target"],
      ["Waits", "Off target", "–"],
    ]);
    expect(at(cells, top + 5, 2)?.style).toBe("status-red");
    expect(at(cells, top + 5, 3)?.style).toBeUndefined();
  });
});
