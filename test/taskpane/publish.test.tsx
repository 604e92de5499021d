/**
 * @jest-environment jsdom
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { readHistory } from "../../src/model/historySheet";
import { ownedSheets } from "../../src/model/ownership";
import type { CellValue } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, tableSheet } from "../helpers/book";
import { createScorecard, storedDefinition } from "./paneHelpers";

const rows = (november: number): CellValue[][] => [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
  ["2026-11", "Financial", "Grow", "Revenue", november, 100, "higher"],
  ["2026-12", "Financial", "Grow", "Revenue", 95, 100, "higher"],
];

afterEach(cleanup);

describe("Publish period in the pane", () => {
  it("asks first, publishes the period shown, says so, and offers the way back", async () => {
    const port = new MemoryWorkbook(book(tableSheet("Data", "Monthly", rows(100))));
    const user = await createScorecard(port);
    const section = await screen.findByRole("region", { name: "Publish period" });
    await user.click(within(section).getByRole("button", { name: "Publish 2026-12…" }));
    // Nothing is published until the user confirms.
    expect(storedDefinition(port)?.published).toBeUndefined();
    const question = within(section).getByRole("group", { name: "Publish 2026-12?" });
    expect(question.textContent).toMatch(/freezes its rows in the History sheet/);
    await user.click(within(question).getByRole("button", { name: "Cancel" }));
    expect(within(section).queryByRole("group")).toBeNull();

    await user.click(within(section).getByRole("button", { name: "Publish 2026-12…" }));
    await user.click(within(section).getByRole("button", { name: "Publish 2026-12" }));
    await waitFor(() =>
      within(screen.getByRole("status")).getByText(
        /^2026-12 published: its rows in the History sheet are kept as they are · scorecard refreshed\./,
      ),
    );
    expect(storedDefinition(port)?.published?.map((p) => p.period)).toEqual(["2026-12"]);
    const snapshot = await port.readSnapshot();
    const history = readHistory(snapshot, ownedSheets(snapshot));
    expect(
      history.filter((r) => r.level === "KPI").map((r) => [r.period, r.actual, r.published !== ""]),
    ).toEqual([["2026-12", 95, true]]);
    // The keyboard stays in the section, now on the way back.
    const unpublish = await within(screen.getByRole("region", { name: "Publish period" })).findByRole(
      "button",
      {
        name: "Unpublish 2026-12",
      },
    );
    await waitFor(() => expect(document.activeElement).toBe(unpublish));

    await user.click(unpublish);
    await waitFor(() =>
      within(screen.getByRole("status")).getByText(/^2026-12 unpublished: later refreshes record it/),
    );
    expect(storedDefinition(port)?.published).toBeUndefined();
  });

  it("lists a restatement of a published period, and choosing it selects its cell", async () => {
    const port = new MemoryWorkbook(book(tableSheet("Data", "Monthly", rows(100))));
    const user = await createScorecard(port);
    await user.selectOptions(screen.getByRole("combobox", { name: "Period" }), "2026-11");
    const section = await screen.findByRole("region", { name: "Publish period" });
    await user.click(within(section).getByRole("button", { name: "Publish 2026-11…" }));
    await user.click(within(section).getByRole("button", { name: "Publish 2026-11" }));
    await waitFor(() => expect(storedDefinition(port)?.published?.map((p) => p.period)).toEqual(["2026-11"]));
    cleanup();

    // November's actual changed in the table since: the pane opened again says it.
    const snapshot = await port.readSnapshot();
    const changed = new MemoryWorkbook({
      ...snapshot,
      sheets: snapshot.sheets.map((s) => (s.name === "Data" ? tableSheet("Data", "Monthly", rows(80)) : s)),
    });
    render(<App port={changed} />);
    const list = await screen.findByRole("list", { name: "Restated since published" });
    const line = within(list).getByRole("button", {
      name: /^Revenue 2026-11: 100 when published, now 80 \(Data!E2\)/,
    });
    await userEvent.setup().click(line);
    expect(changed.selected.at(-1)).toEqual({ sheet: "Data", address: "E2" });
  });
});
