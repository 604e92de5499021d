import { emptyDefinition } from "../../src/model/definition";
import type { CellValue } from "../../src/model/snapshot";
import type { PlanCell } from "../../src/plan/plan";
import { PALETTES } from "../../src/plan/palette";
import { initiativesText, SHEET_MAP, strategyMapLayout } from "../../src/plan/strategyMap";
import { objectiveShapeName, strategyMapShapes } from "../../src/plan/strategyMapSheet";
import { FOLLOW_UP_STYLES, wrapText } from "../../src/plan/followUpSheet";
import { charsIn } from "../../src/plan/headlineLine";
import { SUMMARY_HEADER_ROW, summarySheet, summaryStyles } from "../../src/plan/summary";
import { book, score, sheet } from "../helpers/book";

const DATA: CellValue[][] = [
  ["Perspective", "Objective", "KPI", "Period", "Actual", "Target"],
  ["Financial", "Grow revenue", "Revenue", "2026-12", 50, 100],
  ["Financial", "Grow revenue", "Margin", "2026-12", 95, 100],
  ["Customer", "Delight customers", "NPS", "2026-12", 60, 50],
];
const NOTES: CellValue[][] = [
  ["Period", "KPI", "Objective", "Analysis", "Action", "Action owner", "Due", "Status"],
  ["2026-12", "Revenue", null, "Two deals slipped\nto January.", "Call buyers", "Ann", "2026-12-01", ""],
  [null, null, null, null, "Review pricing", "Bob", "2027-01-15", "Done"],
  ["2026-12", null, "Delight customers", "Survey under way.", "", "", "", ""],
];
const INITIATIVES: CellValue[][] = [
  ["Objective", "Initiative", "Owner", "Due", "% complete", "Status", "Budget", "Spend"],
  ["Grow revenue", "New CRM", "Ann", "2026-11-30", 0.6, "Red", 100, 130],
  ["Delight customers", "Loyalty app", "Di", "2027-06-30", 0.2, "Green", 100, 40],
];

function sheetOf(extra: ReturnType<typeof sheet>[], needsCommentary?: boolean) {
  const definition = emptyDefinition();
  const { result } = score(book(sheet("Data", DATA), ...extra), {
    definition: {
      ...definition,
      settings: { ...definition.settings, ...(needsCommentary === false ? { needsCommentary } : {}) },
    },
    evaluate: { today: "2026-12-07" },
  });
  return summarySheet(result, "Data!A1:F4", "2026-12-07 09:00 UTC");
}

/** Rows from `first` on, each as its cells' values left to right (blank cells left out). */
function rowsFrom(cells: readonly PlanCell[], first: number): (string | number | null)[][] {
  const last = Math.max(...cells.map((c) => c.row));
  const rows: (string | number | null)[][] = [];
  for (let row = first; row <= last; row++)
    rows.push(
      cells
        .filter((c) => c.row === row && c.value !== null)
        .sort((a, b) => a.col - b.col)
        .map((c) => c.value),
    );
  return rows;
}

describe("the Scorecard sheet's follow-ups", () => {
  const full = sheetOf([sheet("Notes", NOTES), sheet("Initiatives", INITIATIVES)]);
  const tableEnd = SUMMARY_HEADER_ROW + 7; // 2 perspectives, 2 objectives, 3 KPIs

  it("lists the red and amber KPIs without an analysis in the headline, not when the setting is off", () => {
    expect(full.cells.filter((c) => c.row === 8).map((c) => [c.col, c.value, c.style])).toEqual([
      [1, "Needs commentary", "label"],
      [2, "Margin", undefined],
    ]);
    const off = sheetOf([sheet("Notes", NOTES)], false);
    expect(off.cells.filter((c) => c.row === 8)).toEqual([]);
  });

  it("writes the period's commentary, then the initiatives under their objectives, below the table", () => {
    expect(rowsFrom(full.cells, tableEnd + 1)).toEqual([
      [],
      ["Commentary for 2026-12", "Owner", "Due", "Status"],
      ["Revenue (Grow revenue)"],
      ["Two deals slipped"],
      ["to January."],
      ["Action: Call buyers", "Ann", "2026-12-01", "Overdue"],
      ["Action: Review pricing", "Bob", "2027-01-15", "Done"],
      ["Delight customers (objective)"],
      ["Survey under way."],
      [],
      ["Initiatives", "Owner", "Due", "% complete", "Status", "Budget", "Spend", "Flags"],
      ["Grow revenue"],
      ["New CRM", "Ann", "2026-11-30", 0.6, "Off track", 100, 130, "Overdue, Off track, Over budget"],
      ["Delight customers"],
      ["Loyalty app", "Di", "2027-06-30", 0.2, "On track", 100, 40],
    ]);
  });

  it("wraps the analysis into rows of column A's width, colours a late action red, and prints the block", () => {
    const cell = (value: string) => full.cells.find((c) => c.value === value);
    expect(cell("to January.")?.style).toBe("follow-up-analysis");
    expect(summaryStyles(PALETTES.standard)["follow-up-analysis"]).toEqual(
      FOLLOW_UP_STYLES["follow-up-analysis"],
    );
    expect(
      wrapText("Two large invoices to public-sector clients are past 60 days; both escalated.", 36),
    ).toEqual(["Two large invoices to public-sector", "clients are past 60 days; both", "escalated."]);
    expect(wrapText("A\nB  C", 36)).toEqual(["A", "B C"]);
    expect(wrapText("x".repeat(50), 36)).toEqual(["x".repeat(50)]);
    expect(cell("Overdue")?.style).toBe("status-red");
    expect(cell("Overdue, Off track, Over budget")?.style).toBe("follow-up-flag");
    expect(full.cells.find((c) => c.value === 0.6)?.numberFormat).toBe("0%");
    const last = Math.max(...full.cells.map((c) => c.row));
    expect(full.print.area.bottom).toBe(last);
    expect(full.print.area.right).toBeGreaterThanOrEqual(8);
  });

  it("shows a Due that is no day as the user wrote it, flagged, for an action and an initiative", () => {
    const notes = [NOTES[0]!, ["2026-12", "Revenue", null, "", "Call buyers", "Ann", "next week", ""]];
    const initiatives = [INITIATIVES[0]!, ["Grow revenue", "New CRM", "Ann", "soon", 0.6, "Green", 100, 50]];
    const shown = sheetOf([sheet("Notes", notes), sheet("Initiatives", initiatives)]);
    const dues = shown.cells.filter((c) => c.col === 3 && c.style === "follow-up-flag");
    expect(dues.map((c) => [c.value, c.style])).toEqual([
      ["next week", "follow-up-flag"],
      ["soon", "follow-up-flag"],
    ]);
  });

  it("adds nothing below the table without follow-up tables", () => {
    const plain = sheetOf([]);
    expect(Math.max(...plain.cells.map((c) => c.row))).toBe(tableEnd);
    expect(plain.print.area.bottom).toBe(tableEnd);
  });
});

describe("the strategy map's boxes", () => {
  const { model, result } = score(
    book(sheet("Data", DATA), sheet("Notes", NOTES), sheet("Initiatives", INITIATIVES)),
    { evaluate: { today: "2026-12-07" } },
  );
  const map = strategyMapLayout(result, model.objectives, SHEET_MAP);

  it("count each objective's initiatives and the flagged ones", () => {
    expect(
      map.objectives.map((o) => [o.name, o.initiatives, o.initiativesFlagged, initiativesText(o)]),
    ).toEqual([
      ["Grow revenue", 1, 1, "1 initiative, 1 flagged"],
      ["Delight customers", 1, 0, "1 initiative"],
    ]);
  });

  it("say the count on the sheet's box under its status", () => {
    const { shapes } = strategyMapShapes(map, PALETTES.standard);
    const box = shapes.find((s) => s.name === objectiveShapeName(map.objectives[0]!.key));
    expect(box?.text.split("\n").slice(-1)).toEqual(["1 initiative, 1 flagged"]);
    const plain = strategyMapLayout(score(book(sheet("Data", DATA))).result, model.objectives, SHEET_MAP);
    expect(plain.objectives.every((o) => initiativesText(o) === "")).toBe(true);
  });
});

describe("the headline's Needs commentary line", () => {
  it("names six KPIs and counts the rest, and cuts a line of very long names", () => {
    const rows: CellValue[][] = [["KPI", "Actual", "Target"]];
    for (let i = 1; i <= 8; i++) rows.push([`K${i}`, 1, 100]);
    const many = summarySheet(score(book(sheet("Data", rows))).result, "Data!A1:C9", "now");
    expect(many.cells.find((c) => c.row === 8 && c.col === 2)?.value).toBe(
      "K1, K2, K3, K4, K5, K6 and 2 more",
    );
    const long = summarySheet(
      score(
        book(
          sheet("Data", [
            ["KPI", "Actual", "Target"],
            ["L".repeat(40_000), 1, 100],
          ]),
        ),
      ).result,
      "Data!A1:C2",
      "now",
    );
    const line = String(long.cells.find((c) => c.row === 8 && c.col === 2)?.value);
    // Cut where the printed page ends: the widths of B to the print area's last column.
    const room = charsIn(long.columnWidths.slice(1, long.print.area.right).reduce((a, w) => a + w, 0));
    expect([line.length, line.endsWith("…")]).toEqual([room, true]);
  });
});
