import { STATUS_LABELS, PALETTES } from "../../src/plan/palette";
import type { PlanCell } from "../../src/plan/plan";
import { SUMMARY_HEADER_ROW, summaryCells, summaryStyles } from "../../src/plan/summary";
import { SUMMARY_SHEET_STAMP } from "../../src/model/ownership";
import type { CellValue } from "../../src/model/snapshot";
import { book, score, sheet } from "../helpers/book";

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
  it("head the sheet with the stamp, then the period, the overall score and the source, each labelled in bold", () => {
    const cells = summaryOf(TIDY).filter((c) => c.row < SUMMARY_HEADER_ROW);
    const { result } = score(book(sheet("Data", TIDY)));
    expect(cells).toEqual([
      { row: 1, col: 1, value: SUMMARY_SHEET_STAMP, style: "title" },
      { row: 2, col: 1, value: "Period", style: "label" },
      { row: 2, col: 2, value: "Single period" },
      { row: 3, col: 1, value: "Overall score", style: "label" },
      { row: 3, col: 2, value: result.score, numberFormat: "0.00" },
      { row: 3, col: 3, value: STATUS_LABELS[result.status], style: `status-${result.status}` },
      { row: 4, col: 1, value: "Source", style: "label" },
      { row: 4, col: 2, value: "Data!A1:F3" },
      {
        row: 5,
        col: 1,
        value: `Refreshed ${REFRESHED}. Regenerated on every refresh: edit the source table, not this sheet.`,
        style: "note",
      },
    ]);
  });

  it("band a perspective's row across every column in its style, and leave out a KPI's empty owner", () => {
    const cells = summaryOf(TIDY);
    const perspective = rowOf(cells, "Financial");
    for (const col of [3, 4, 5, 6, 7, 10, 12, 13, 14])
      expect(at(cells, perspective, col)).toEqual([
        { row: perspective, col, value: null, style: "perspective" },
      ]);
    expect(at(cells, perspective, 8)[0]?.style).toBe("perspective");
    expect(at(cells, rowOf(cells, "Revenue"), 3)).toEqual([]);
    expect(at(cells, rowOf(cells, "Margin"), 3)[0]?.value).toBe("Ana");
  });

  it("hold no entity matrix for a scorecard without entities", () => {
    expect(summaryOf(TIDY).some((c) => c.value === "By entity")).toBe(false);
  });

  it("show a KPI's numbers in its source cell's format, and in none for General", () => {
    const formats = [[], [null, null, null, "0.0%", "0.0%"], [null, null, null, "General", "General"]];
    const cells = summaryOf(TIDY, formats);
    const revenue = rowOf(cells, "Revenue");
    for (const col of [4, 5, 7]) expect(at(cells, revenue, col)[0]?.numberFormat).toBe("0.0%");
    const margin = rowOf(cells, "Margin");
    for (const col of [4, 5, 7]) expect(at(cells, margin, col)[0]).not.toHaveProperty("numberFormat");
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
      `status-${Object.entries(STATUS_LABELS).find(([, w]) => w === north?.value)?.[0]}`,
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
      objective: { bold: true, indent: 1 },
      kpi: { indent: 2 },
      note: { italic: true, color: "595959" },
    });
    expect(styles["status-green"]).toEqual({
      bold: true,
      fill: PALETTES.standard.green.fill,
      color: PALETTES.standard.green.color,
      align: "center",
    });
  });
});
