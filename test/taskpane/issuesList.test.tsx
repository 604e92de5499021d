/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { issue } from "../../src/engine/issues";
import { IssuesList } from "../../src/taskpane/views/IssuesList";

describe("the pane's issue list", () => {
  it("shows one line per cause, with its cells, and selects them all", async () => {
    const issues = [
      ...[2, 3, 4, 5].map((row) => issue("period-unreadable", `Data!F${row}`, { value: `0${row}-2021` })),
      ...[1, 2].map(() => issue("no-target", null, { kpi: "Sales" })),
    ];
    const selected: string[] = [];
    render(
      <IssuesList issues={issues} onSelectCell={(sheet, address) => selected.push(`${sheet}!${address}`)} />,
    );
    const items = screen.getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual([
      'Error · Data!F2:F5 (4 cells)"02-2021" … is not a period (use a date, 2026-03, Mar 2026, Q1 2026, 2026-W05 or FY2026); the row is left out.',
      'Warning · 2 timesNo target for "Sales"; it is shown as no data.',
    ]);
    await userEvent.click(screen.getByRole("button"));
    expect(selected).toEqual(["Data!F2:F5"]);
  });
});
