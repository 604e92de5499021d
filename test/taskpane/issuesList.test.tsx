/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { issue } from "../../src/engine/issues";
import { buildReport } from "../../src/app/report";
import { IssuesList } from "../../src/taskpane/views/IssuesList";
import { book, score, sheet } from "../helpers/book";

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

describe("the pane's issue list, worded for the pane", () => {
  it("never names bsc or its flags, for issues that tell bsc's users a flag", () => {
    const rows = [
      ["Month", "KPI", "Actual", "Target"],
      ["03/04/2026", "Sales", 5, 4],
      ["Mar", "Cost", 5, 4],
    ];
    const { result, model } = score(book(sheet("Data", rows)));
    const report = buildReport(result, model.layout);
    render(<IssuesList issues={report.issues} onSelectCell={() => undefined} />);
    const lines = screen.getAllByRole("listitem").map((i) => i.textContent ?? "");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/say so in the set-up\.$/);
    expect(lines[1]).toMatch(/give the year \(the set-up's Year\)/);
    for (const line of lines) expect(line).not.toMatch(/bsc|--/);
  });
});
