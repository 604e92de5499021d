/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import type { ComponentProps } from "react";
import { type CellValue } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { createScorecard } from "./paneHelpers";
import { book, sheet } from "../helpers/book";

// Each drawing of a KPI's row draws its sparkline once, and nothing else draws one: the count of
// Sparkline's renders is the count of rows drawn.
const drawnSparklines = jest.fn();
jest.mock("../../src/taskpane/views/Charts", () => {
  const actual = jest.requireActual<typeof import("../../src/taskpane/views/Charts")>(
    "../../src/taskpane/views/Charts",
  );
  return {
    ...actual,
    Sparkline: (props: ComponentProps<typeof actual.Sparkline>) => {
      drawnSparklines();
      return actual.Sparkline(props);
    },
  };
});

const HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];

/** Three KPIs under one objective, two months each. */
function threeKpis(): MemoryWorkbook {
  const rows: CellValue[][] = [HEADER];
  for (const period of ["2026-01", "2026-02"])
    for (const kpi of ["Revenue", "Expenses", "Margin"])
      rows.push([period, "Financial", "Profit", kpi, 90, 100, kpi === "Expenses" ? "lower" : "higher"]);
  return new MemoryWorkbook(
    book(
      sheet("Data", rows, {
        tables: [
          {
            name: "Monthly",
            box: { top: 1, left: 1, bottom: rows.length, right: HEADER.length },
            hasHeaderRow: true,
            hasTotalsRow: false,
          },
        ],
      }),
    ),
  );
}

const tree = () => within(screen.getByRole("tree"));

describe("the tree's redraw", () => {
  it("draws again only the rows a choice changes, not the whole tree", async () => {
    const user = await createScorecard(threeKpis());
    expect(document.querySelectorAll("[data-kpi]")).toHaveLength(3);
    drawnSparklines.mockClear();
    // Choosing a KPI marks its row: only that row is drawn again.
    await user.click(tree().getByText("Expenses"));
    expect(drawnSparklines).toHaveBeenCalledTimes(1);
    drawnSparklines.mockClear();
    // Choosing another moves the mark: the row that loses it and the row that gets it.
    await user.click(tree().getByText("Margin"));
    expect(drawnSparklines).toHaveBeenCalledTimes(2);
  });
});
