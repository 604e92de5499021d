/**
 * @jest-environment jsdom
 */
import { screen, waitFor } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, sheet } from "../helpers/book";
import { createScorecard } from "./paneHelpers";

/** The tree's rows Tab stops on: exactly one, the row last focused (Fluent's roving tabindex). */
const tabStops = () =>
  screen.getAllByRole("treeitem").filter((t) => t.getAttribute("tabindex") === "0").length;

describe("the KPI tree's Tab stop", () => {
  // Opening the strategy map loads its code on demand; a refresh after it took the tree's Tab
  // stop away, and the keyboard could no longer reach any KPI.
  it.each([false, true])("is kept by a refresh (strategy map opened first: %s)", async (mapOpen) => {
    const port = new MemoryWorkbook(
      book(
        sheet("Scorecard data", [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Customer", "Keep customers", "Retention", 0.9, 0.95],
          ["Internal", "Ship on time", "On-time delivery", 0.97, 0.95],
        ]),
      ),
    );
    const user = await createScorecard(port);
    await waitFor(() => expect(tabStops()).toBe(1));
    if (mapOpen) {
      await user.click(screen.getByRole("button", { name: "Strategy map" }));
      await screen.findByRole("group", { name: /^Strategy map:/ });
    }
    await user.click(screen.getByRole("button", { name: /^Refresh/ }));
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    await screen.findByText(/Last refreshed/);
    expect(tabStops()).toBe(1);
  });
});
