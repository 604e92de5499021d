/**
 * @jest-environment jsdom
 */
import { screen, waitFor } from "@testing-library/react";
import { type CellValue } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, sheet } from "../helpers/book";
import { createScorecard, storedDefinition } from "./paneHelpers";

const DATA: CellValue[][] = [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target"],
  ["2026-12", "Financial", "Grow revenue", "Revenue", 50, 100],
  ["2026-12", "Financial", "Grow revenue", "Margin", 95, 100],
];

/** How many of the Scorecard sheet's cells are formulas. */
const scorecardFormulas = (port: MemoryWorkbook): number =>
  [...port.formulas.keys()].filter((cell) => cell.startsWith("Scorecard!")).length;

describe("the summary sheet's formulas in the pane's settings", () => {
  it("writes a live sheet by default, and plain values once the setting says so", async () => {
    const port = new MemoryWorkbook(book(sheet("Data", DATA)));
    const user = await createScorecard(port);
    expect(scorecardFormulas(port)).toBeGreaterThan(0);
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    const box = await screen.findByRole("checkbox", { name: /summary sheet as values/ });
    expect(box).toHaveProperty("checked", false);
    await user.click(box);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(storedDefinition(port)?.settings.summaryAsValues).toBe(true));
    await waitFor(() => expect(scorecardFormulas(port)).toBe(0));
    // The figures stay: only their formulas went.
    expect(port.sheet("Scorecard")!.values.flat()).toContain("Off target");
  });
});
