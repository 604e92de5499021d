import { STATUS_MEANINGS, PALETTES } from "../../src/plan/palette";
import type { PlanCell } from "../../src/plan/plan";
import { movementOf } from "../../src/engine/movers";
import {
  SUMMARY_HEADER_ROW,
  summaryCells,
  summarySheet,
  summaryStyles,
  trendLabel,
} from "../../src/plan/summary";
import { SUMMARY_SHEET_STAMP } from "../../src/model/ownership";
import type { CellValue } from "../../src/model/snapshot";
import { book, score, sheet } from "../helpers/book";
import { emptyDefinition } from "../../src/model/definition";
import type { KpiResult, ScorecardResult } from "../../src/engine/evaluate";

const REFRESHED = "2026-11-30 12:00 UTC";

const summaryOf = (rows: CellValue[][], formats?: (string | null)[][]) => {
  const { result } = score(book(sheet("Data", rows, formats ? { formats } : {})));
  return summaryCells(result, "Data!A1:F3", REFRESHED);
};
const at = (cells: readonly PlanCell[], row: number, col: number) =>
  cells.filter((c) => c.row === row && c.col === col);
const rowOf = (cells: readonly PlanCell[], name: string) =>
  cells.find((c) => c.col === 1 && c.value === name && c.row > SUMMARY_HEADER_ROW)?.row as number;

const TIDY: CellValue[][] = [
  ["Perspective", "Objective", "KPI", "Actual", "Target", "Owner"],
  ["Financial", "Grow", "Revenue", 105, 100, ""],
  ["Financial", "Grow", "Margin", 0.3, 0.4, "Ana"],
];

describe("the summary sheet's cells", () => {
  it("head the sheet with the stamp, period, overall score, KPIs by status, red KPIs, movers and a note", () => {
    const cells = summaryOf(TIDY).filter((c) => c.row < SUMMARY_HEADER_ROW);
    const { result } = score(book(sheet("Data", TIDY)));
    expect(result.status).not.toBe("none");
    expect(cells).toEqual([
      { row: 1, col: 1, value: SUMMARY_SHEET_STAMP, style: "title" },
      { row: 2, col: 1, value: "Period", style: "label" },
      { row: 2, col: 2, value: "Single period" },
      { row: 3, col: 1, value: "Overall score", style: "label" },
      { row: 3, col: 2, value: result.score, style: "figure", numberFormat: "0.00" },
      { row: 3, col: 3, value: STATUS_MEANINGS[result.status], style: `status-${result.status}` },
      { row: 4, col: 1, value: "KPIs by status", style: "label" },
      { row: 4, col: 2, value: `1 ${STATUS_MEANINGS.green}`, style: "status-green" },
      { row: 4, col: 3, value: `0 ${STATUS_MEANINGS.amber}`, style: "status-amber" },
      { row: 4, col: 4, value: `1 ${STATUS_MEANINGS.red}`, style: "status-red" },
      { row: 4, col: 5, value: `0 ${STATUS_MEANINGS.none}`, style: "status-none" },
      { row: 5, col: 1, value: "Off target", style: "label" },
      { row: 5, col: 2, value: "Margin" },
      { row: 6, col: 1, value: "Biggest movers", style: "label" },
      { row: 6, col: 2, value: "No earlier period to compare" },
      {
        row: 7,
        col: 1,
        value: `Source Data!A1:F3. Refreshed ${REFRESHED}. Regenerated on every refresh: edit the source table, not this sheet.`,
        style: "note",
      },
      // The red KPI without an analysis in a Commentary table (followUpSheet.test.ts).
      { row: 8, col: 1, value: "Needs commentary", style: "label" },
      { row: 8, col: 2, value: "Margin" },
    ]);
  });

  it("name the first red KPIs and count the rest, or say 'None'", () => {
    const reds = Array.from({ length: 8 }, (_, i) => ["F", "O", `K${i + 1}`, 1, 100]);
    const cells = summaryOf([TIDY[0]!.slice(0, 5), ...reds]);
    expect(at(cells, 5, 2)[0]?.value).toBe("K1, K2, K3, K4, K5, K6 and 2 more");
    const none = summaryOf([TIDY[0]!, TIDY[1]!]);
    expect(at(none, 5, 2)[0]?.value).toBe("None");
  });

  it("name the three biggest movers since the period before, largest relative change first", () => {
    const rows: CellValue[][] = [
      ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
    ];
    const kpis: [string, number, number, string][] = [
      ["Small", 100, 101, "higher"],
      ["Costs", 50, 60, "lower"],
      ["Flat", 10, 10, "higher"],
      ["Halved", 8, 4, "higher"],
      ["Grew", 10, 12, "higher"],
    ];
    for (const [name, before, now, polarity] of kpis) {
      rows.push(["2026-01", "F", "O", name, before, 100, polarity]);
      rows.push(["2026-02", "F", "O", name, now, 100, polarity]);
    }
    const cells = summaryOf(rows);
    expect(at(cells, 6, 2)[0]?.value).toBe(
      "Halved ▼ −50.0% (worse); Costs ▲ +20.0% (worse); Grew ▲ +20.0% (better)",
    );
  });

  it("leave out the owner, unit, tolerance and comment columns when no row fills them; weight and source cell last", () => {
    const headers = (cells: readonly PlanCell[]) =>
      cells.filter((c) => c.row === SUMMARY_HEADER_ROW).map((c) => c.value);
    expect(headers(summaryOf([TIDY[0]!.slice(0, 5), TIDY[1]!.slice(0, 5)]))).toEqual([
      "Scorecard item",
      "Actual",
      "Target",
      "Threshold",
      "Variance",
      "Score (0-10)",
      "Status",
      "Trend",
      "Weight",
      "Source cell",
    ]);
    expect(headers(summaryOf(TIDY))).toContain("Owner");
  });

  it("show a band KPI's tolerance under Tolerance, and a red flag under Threshold", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target", "Polarity", "Tolerance", "Threshold"],
      ["F", "O", "Stock days", 31, 30, "band", 5, null],
      ["F", "O", "Sales", 90, 100, "higher", null, 80],
    ];
    const cells = summaryOf(rows);
    const header = (name: string) => cells.find((c) => c.row === SUMMARY_HEADER_ROW && c.value === name)!.col;
    const [band, sales] = [rowOf(cells, "Stock days"), rowOf(cells, "Sales")];
    // The tolerance the status was judged by, in the KPI's units: 5 % of the target 30.
    expect(at(cells, band, header("Tolerance"))[0]?.value).toBeCloseTo(1.5, 12);
    expect(at(cells, band, header("Threshold"))).toEqual([]);
    expect(at(cells, sales, header("Threshold"))[0]?.value).toBe(80);
    expect(at(cells, sales, header("Tolerance"))).toEqual([]);
  });

  it("band a perspective's printed row in its style, not its technical columns, and leave out a KPI's empty owner", () => {
    const cells = summaryOf(TIDY);
    const perspective = rowOf(cells, "Financial");
    const header = cells.filter((c) => c.row === SUMMARY_HEADER_ROW).map((c) => c.value);
    header.forEach((name, i) => {
      const cell = at(cells, perspective, i + 1)[0];
      if (name === "Weight" || name === "Source cell") expect(cell?.style).toBeUndefined();
      else if (name === "Status") expect(cell?.style).toMatch(/^status-/);
      else expect(cell?.style).toBe("perspective");
    });
    const owner = header.indexOf("Owner") + 1;
    expect(at(cells, rowOf(cells, "Revenue"), owner)).toEqual([]);
    expect(at(cells, rowOf(cells, "Margin"), owner)[0]?.value).toBe("Ana");
  });

  it("hold no entity matrix for a scorecard without entities", () => {
    expect(summaryOf(TIDY).some((c) => c.value === "By entity")).toBe(false);
  });

  it("show a KPI's numbers in its source cell's format, and in none for General", () => {
    const formats = [[], [null, null, null, "0.0%", "0.0%"], [null, null, null, "General", "General"]];
    const cells = summaryOf(TIDY, formats);
    const cols = ["Actual", "Target", "Variance"].map(
      (h) => cells.find((c) => c.row === SUMMARY_HEADER_ROW && c.value === h)!.col,
    );
    const revenue = rowOf(cells, "Revenue");
    for (const col of cols) expect(at(cells, revenue, col)[0]?.numberFormat).toBe("0.0%");
    const margin = rowOf(cells, "Margin");
    for (const col of cols) expect(at(cells, margin, col)[0]).not.toHaveProperty("numberFormat");
  });
});

describe("the summary sheet's layout", () => {
  it("outlines objectives at level 1 and KPIs at level 2, perspectives as the summary rows", () => {
    const { result } = score(book(sheet("Data", TIDY)));
    const sheetPlan = summarySheet(result, "Data!A1:F3", REFRESHED);
    const top = SUMMARY_HEADER_ROW + 1;
    expect(sheetPlan.rowOutline).toEqual([
      { row: top + 1, level: 1 },
      { row: top + 2, level: 2 },
      { row: top + 3, level: 2 },
    ]);
  });

  it("links each KPI's source cell to the cell, and prints without the technical columns", () => {
    const { result } = score(book(sheet("Data", TIDY)));
    const sheetPlan = summarySheet(result, "Data!A1:F3", REFRESHED);
    const source = sheetPlan.columns.findIndex((c) => c.key === "source") + 1;
    expect(sheetPlan.hyperlinks).toEqual([
      { row: SUMMARY_HEADER_ROW + 3, col: source, location: "Data!D2" },
      { row: SUMMARY_HEADER_ROW + 4, col: source, location: "Data!D3" },
    ]);
    expect(sheetPlan.columns.slice(-2).map((c) => [c.key, c.printed])).toEqual([
      ["weight", false],
      ["source", false],
    ]);
    expect(sheetPlan.print.area).toEqual({
      top: 1,
      left: 1,
      bottom: SUMMARY_HEADER_ROW + 4,
      right: sheetPlan.columns.filter((c) => c.printed).length,
    });
  });

  it("widens columns B to E for the headline's status counts, whichever table columns they are", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target", "Owner", "Unit"],
      ["F", "O", "Sales", 90, 100, "Ann", "USD k"],
    ];
    const { result } = score(book(sheet("Data", rows)));
    const sheetPlan = summarySheet(result, "x", REFRESHED);
    const unit = sheetPlan.columns.findIndex((c) => c.key === "unit");
    expect(unit).toBe(2);
    expect(sheetPlan.columns[unit]!.width).toBeLessThan(12);
    expect(sheetPlan.columnWidths.slice(1, 5).every((w) => w >= 12)).toBe(true);
    expect(sheetPlan.columnWidths[0]).toBe(sheetPlan.columns[0]!.width);
    expect(sheetPlan.columnWidths.at(-1)).toBe(sheetPlan.columns.at(-1)!.width);
  });

  it("escapes an ampersand in the printed header's own text", () => {
    const { result } = score(book(sheet("Data", TIDY)));
    expect(summarySheet(result, "x", "R&D time").print.footer.left).toBe("Refreshed R&&D time");
  });
});

describe("a trend's label", () => {
  it("points the way the value moved and says whether that is better or worse", () => {
    const rows: CellValue[][] = [
      ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
    ];
    for (const [name, before, now, polarity] of [
      ["Costs up", 50, 60, "lower"],
      ["Costs down", 60, 50, "lower"],
      ["Sales up", 50, 60, "higher"],
      ["Same", 50, 50, "higher"],
    ] as const) {
      rows.push(["2026-01", "F", "O", name, before, 100, polarity]);
      rows.push(["2026-02", "F", "O", name, now, 100, polarity]);
    }
    const { result } = score(book(sheet("Data", rows)));
    const labels = result.perspectives[0]!.objectives[0]!.kpis.map((k) => [
      k.kpi.name,
      trendLabel(k, movementOf(k, result.period)),
    ]);
    expect(labels).toEqual([
      ["Costs up", "▲ Worse"],
      ["Costs down", "▼ Better"],
      ["Sales up", "▲ Better"],
      ["Same", "► Flat"],
    ]);
  });
});

describe("the entities side by side", () => {
  // Built in each test, not once for the block: a mutation run switches its mutants on per test.
  let cells: PlanCell[];
  let top: number;
  beforeEach(() => {
    cells = summaryOf([
      ["Site", "Objective", "KPI", "Actual", "Target"],
      ["North", "Flow", "Beds", 90, 100],
      ["South", "Flow", "Beds", 101, 100],
      ["South", "Flow", "Waits", 5, 10],
    ]);
    top = cells.find((c) => c.value === "By entity")?.row as number;
  });

  it("head the matrix 'By entity' with each entity's name, then each one's overall status", () => {
    expect(at(cells, top, 1)).toEqual([{ row: top, col: 1, value: "By entity", style: "header" }]);
    expect([at(cells, top, 2)[0]?.value, at(cells, top, 3)[0]?.value]).toEqual(["North", "South"]);
    expect(at(cells, top, 2)[0]?.style).toBe("header");
    expect(at(cells, top + 1, 1)).toEqual([{ row: top + 1, col: 1, value: "Overall", style: "label" }]);
    const north = at(cells, top + 1, 2)[0];
    expect(north?.style).toBe(
      `status-${Object.entries(STATUS_MEANINGS).find(([, w]) => w === north?.value)?.[0]}`,
    );
  });

  it("list the perspective, objective and KPI names in their styles, '–' where an entity lacks the KPI", () => {
    const below = cells.filter((c) => c.row > top + 1);
    expect(below.filter((c) => c.col === 1).map((c) => [c.value, c.style])).toEqual([
      ["Data", "perspective"],
      ["Flow", "objective"],
      ["Beds", "kpi"],
      ["Waits", "kpi"],
    ]);
    const waits = below.find((c) => c.value === "Waits")?.row as number;
    expect(at(cells, waits, 2)).toEqual([{ row: waits, col: 2, value: "–" }]);
    expect(at(cells, waits, 3)[0]?.style).toMatch(/^status-/);
  });
});

describe("the summary's styles", () => {
  it("are bold labels, a dark header with white wrapped text and a rule below, a tinted perspective band, grey italic notes", () => {
    const styles = summaryStyles(PALETTES.standard);
    expect(styles).toMatchObject({
      title: { bold: true, size: 16 },
      label: { bold: true },
      header: { bold: true, fill: "1F3864", color: "FFFFFF", borderBottom: true, wrap: true },
      perspective: { bold: true, fill: "D9E1F2" },
      objective: { bold: true, indent: 1, align: "left" },
      kpi: { indent: 2, align: "left" },
      link: { color: "0563C1", underline: true },
      note: { italic: true, color: "595959" },
    });
    expect(styles["status-green"]).toEqual({
      bold: true,
      fill: PALETTES.standard.green.fill,
      color: PALETTES.standard.green.color,
      align: "center",
    });
  });

  it("set the overall score as a bold figure, left-aligned beside its label", () => {
    expect(summaryStyles(PALETTES.standard).figure).toEqual({ bold: true, align: "left" });
  });

  it("colour a better trend in the palette's green text and a worse one in its red text", () => {
    for (const palette of Object.values(PALETTES)) {
      const styles = summaryStyles(palette);
      expect(styles["trend-better"]).toEqual({ color: palette.green.color });
      expect(styles["trend-worse"]).toEqual({ color: palette.red.color });
    }
  });
});

/** A scorecard of two months (2026-01, 2026-02): each KPI's actual before (null: no row) and now. */
function twoMonths(kpis: readonly (readonly [string, number | null, number, string, number?, number?])[]) {
  const rows: CellValue[][] = [
    ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity", "Tolerance %"],
  ];
  for (const [name, before, now, polarity, targetBefore = 100, targetNow = targetBefore] of kpis) {
    const tolerance = polarity === "band" ? 10 : null;
    if (before !== null) rows.push(["2026-01", "F", "O", name, before, targetBefore, polarity, tolerance]);
    rows.push(["2026-02", "F", "O", name, now, targetNow, polarity, tolerance]);
  }
  return score(book(sheet("Data", rows))).result;
}
const headerCol = (cells: readonly PlanCell[], name: string) =>
  cells.find((c) => c.row === SUMMARY_HEADER_ROW && c.value === name)?.col as number;

describe("the summary's headline, rule by rule", () => {
  it("names all of exactly six red KPIs without counting any more", () => {
    const reds = Array.from({ length: 6 }, (_, i) => ["F", "O", `K${i + 1}`, 1, 100]);
    const cells = summaryOf([TIDY[0]!.slice(0, 5), ...reds]);
    expect(at(cells, 5, 2)[0]?.value).toBe("K1, K2, K3, K4, K5, K6");
  });

  it("says no KPI moved when the scorecard has an earlier period but every KPI held its value", () => {
    const result = twoMonths([
      ["Sales", 100, 100, "higher"],
      ["Costs", 40, 40, "lower"],
    ]);
    expect(result.period).toBe("2026-02");
    const cells = summarySheet(result, "x", REFRESHED).cells;
    expect(at(cells, 6, 2)[0]?.value).toBe("No KPI moved since the period before");
  });

  it("says a mover rose from 0 instead of giving it a percentage", () => {
    const result = twoMonths([["Incidents", 0, 3, "lower"]]);
    const cells = summarySheet(result, "x", REFRESHED).cells;
    expect(at(cells, 6, 2)[0]?.value).toBe("Incidents ▲ from 0 (worse)");
  });
});

/** The summary of a table whose objective Customer / Keep has the owner Ana (set in the definition). */
function summaryWithKeepOwnedByAna(rows: CellValue[][]): PlanCell[] {
  const definition = {
    ...emptyDefinition(),
    objectives: [{ perspective: "Customer", name: "Keep", owner: "Ana", drives: [] }],
  };
  const { result } = score(book(sheet("Data", rows)), { definition });
  return summarySheet(result, "x", REFRESHED).cells;
}

describe("the summary's table, rule by rule", () => {
  it("writes each cell once: a perspective's band holds its name and score, not blanks over them", () => {
    const { result } = score(book(sheet("Data", TIDY)));
    const cells = summarySheet(result, "x", REFRESHED).cells;
    expect(new Set(cells.map((c) => `${c.row},${c.col}`)).size).toBe(cells.length);
    const row = rowOf(cells, "Financial");
    expect(at(cells, row, 1)).toEqual([{ row, col: 1, value: "Financial", style: "perspective" }]);
    const perspectiveScore = result.perspectives[0]!.score;
    expect(perspectiveScore).not.toBeNull();
    expect(at(cells, row, headerCol(cells, "Score (0-10)"))).toEqual([
      {
        row,
        col: headerCol(cells, "Score (0-10)"),
        value: perspectiveScore,
        style: "perspective",
        numberFormat: "0.00",
      },
    ]);
  });

  it("has an Owner column when only an objective has an owner, in one objective of one perspective", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Customer", "Keep", "Churn", 5, 10],
      ["Customer", "Win", "Leads", 5, 10],
      ["Financial", "Grow", "Sales", 5, 10],
    ];
    const cells = summaryWithKeepOwnedByAna(rows);
    const owner = headerCol(cells, "Owner");
    expect(owner).toBeDefined();
    expect(at(cells, rowOf(cells, "Keep"), owner)[0]?.value).toBe("Ana");
    expect(at(cells, rowOf(cells, "Win"), owner)).toEqual([]);
  });

  it("names a KPI's owner only where it differs from its objective's owner", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target", "Owner"],
      ["Customer", "Keep", "Churn", 5, 10, "Ana"],
      ["Customer", "Keep", "Complaints", 5, 10, "Bo"],
    ];
    const cells = summaryWithKeepOwnedByAna(rows);
    const owner = headerCol(cells, "Owner");
    expect(at(cells, rowOf(cells, "Keep"), owner)[0]?.value).toBe("Ana");
    expect(at(cells, rowOf(cells, "Churn"), owner)).toEqual([]);
    expect(at(cells, rowOf(cells, "Complaints"), owner)[0]?.value).toBe("Bo");
  });

  it("colours a better or worse trend's label, and leaves a flat or missing trend in plain text", () => {
    const result = twoMonths([
      ["Up", 10, 12, "higher"],
      ["Down", 12, 10, "higher"],
      ["Same", 10, 10, "higher"],
      ["New", null, 10, "higher"],
    ]);
    const cells = summarySheet(result, "x", REFRESHED).cells;
    const trend = headerCol(cells, "Trend");
    const trendCell = (name: string) => {
      const { value, style } = at(cells, rowOf(cells, name), trend)[0]!;
      return { value, style };
    };
    expect(trendCell("Up")).toEqual({ value: "▲ Better", style: "trend-better" });
    expect(trendCell("Down")).toEqual({ value: "▼ Worse", style: "trend-worse" });
    expect(trendCell("Same")).toEqual({ value: "► Flat", style: undefined });
    expect(trendCell("New")).toEqual({ value: "–", style: undefined });
  });

  it("links a source cell only where it names its sheet: a link needs one", () => {
    const { result } = score(book(sheet("Data", TIDY)));
    // Every adapter names the sheet; a result from elsewhere may not, and then nothing is linked.
    const [revenue, margin] = result.perspectives[0]!.objectives[0]!.kpis as [KpiResult, KpiResult];
    const unnamed: ScorecardResult = {
      ...result,
      perspectives: [
        {
          ...result.perspectives[0]!,
          objectives: [
            { ...result.perspectives[0]!.objectives[0]!, kpis: [{ ...revenue, cell: "D2" }, margin] },
          ],
        },
      ],
    };
    const plan = summarySheet(unnamed, "x", REFRESHED);
    const source = headerCol(plan.cells, "Source cell");
    expect(at(plan.cells, rowOf(plan.cells, "Revenue"), source)).toEqual([
      { row: rowOf(plan.cells, "Revenue"), col: source, value: "D2" },
    ]);
    expect(at(plan.cells, rowOf(plan.cells, "Margin"), source)[0]?.style).toBe("link");
    expect(plan.hyperlinks).toEqual([{ row: rowOf(plan.cells, "Margin"), col: source, location: "Data!D3" }]);
  });

  it("widens exactly columns B to E to the headline's width, and leaves every other column its own", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target", "Unit"],
      ["F", "O", "Sales", 90, 100, "USD k"],
    ];
    const { result } = score(book(sheet("Data", rows)));
    const { columns, columnWidths } = summarySheet(result, "x", REFRESHED);
    // B (Unit) and E (Threshold) are narrower than the headline's counts need, and so is F.
    expect(columns.slice(1, 6).map((c) => c.key)).toEqual([
      "unit",
      "actual",
      "target",
      "threshold",
      "variance",
    ]);
    expect([columns[1]!.width, columns[4]!.width, columns[5]!.width].every((w) => w < 12)).toBe(true);
    expect(columnWidths.slice(1, 5)).toEqual([12, 12, 12, 12]);
    columns.forEach((c, i) => {
      if (i < 1 || i > 4) expect(columnWidths[i]).toBe(c.width);
    });
  });
});

describe("the summary's print setup, rule by rule", () => {
  it("prints as wide as the entity matrix when it has more entities than the table has printed columns", () => {
    const sites = Array.from({ length: 12 }, (_, i) => [`Site ${i + 1}`, "Flow", "Beds", 90 + i, 100]);
    const { result } = score(
      book(sheet("Data", [["Site", "Objective", "KPI", "Actual", "Target"], ...sites])),
    );
    expect(result.entities).toHaveLength(12);
    const plan = summarySheet(result, "x", REFRESHED);
    expect(plan.columns.filter((c) => c.printed).length).toBeLessThan(13);
    expect(plan.print.area.right).toBe(13);
  });

  it("prints the table's printed columns when the entity matrix is narrower", () => {
    const rows: CellValue[][] = [
      ["Site", "Objective", "KPI", "Actual", "Target"],
      ["North", "Flow", "Beds", 90, 100],
      ["South", "Flow", "Beds", 101, 100],
    ];
    const { result } = score(book(sheet("Data", rows)));
    const plan = summarySheet(result, "x", REFRESHED);
    const printed = plan.columns.filter((c) => c.printed).length;
    expect(printed).toBeGreaterThan(3);
    expect(plan.print.area.right).toBe(printed);
  });

  it("names the scored period in the page header, and no period for a single-period scorecard", () => {
    expect(summarySheet(twoMonths([["Sales", 1, 2, "higher"]]), "x", REFRESHED).print.header.right).toBe(
      "Period 2026-02",
    );
    const { result } = score(book(sheet("Data", TIDY)));
    expect(summarySheet(result, "x", REFRESHED).print.header).not.toHaveProperty("right");
  });
});

describe("a trend's label, rule by rule", () => {
  it("points sideways for a better trend whose value did not move (its band target moved towards it)", () => {
    // 95 both months; the target moved from 80 to 100: closer to it, so better, though unmoved.
    const result = twoMonths([["Stock days", 95, 95, "band", 80, 100]]);
    const stock = result.perspectives[0]!.objectives[0]!.kpis[0]!;
    expect(stock.trend).toBe("better");
    const cells = summarySheet(result, "x", REFRESHED).cells;
    expect(at(cells, rowOf(cells, "Stock days"), headerCol(cells, "Trend"))[0]?.value).toBe("► Better");
    expect(trendLabel(stock, null)).toBe("► Better");
  });
});

describe("the headline's note (row 7)", () => {
  it("fits the printed page's width on every kind of sheet, a long source name included", () => {
    const { result } = score(book(sheet("Data", TIDY)));
    // Excel's longest sheet name (31 characters, quoted) and a wide range.
    const source = "'Key performance indicators 2026'!A1:AB12000";
    const refreshed = "2026-11-30 12:00:00 UTC";
    const kinds = [
      summarySheet(result, source, refreshed),
      summarySheet(result, source, refreshed, [], { rollup: "weighted", fiscalYearStartMonth: 1 }),
      summarySheet(result, source, refreshed, [], undefined, "too large"),
      summarySheet(result, source, refreshed, [], undefined, "published"),
    ];
    const notes = kinds.map((k) => String(at(k.cells, 7, 1)[0]?.value));
    expect(new Set(notes).size).toBe(4);
    expect(notes[3]).toContain("This period is published: figures stay as published");
    for (const note of notes) {
      expect(note).toContain(source);
      expect(note.length).toBeLessThanOrEqual(180);
    }
  });
});
