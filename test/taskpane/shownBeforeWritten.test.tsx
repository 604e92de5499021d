/**
 * @jest-environment jsdom
 */
/**
 * A create shows the scorecard as soon as it is scored (issue 21, item 6): the tree is drawn, has
 * the focus and can be used while the write goes on, with a progress line, and Refresh and the
 * download held back until the scorecard is written.
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WritePlan } from "../../src/plan/plan";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, tableSheet } from "../helpers/book";

/** A workbook whose writes wait until the test lets them through. */
class HeldWorkbook extends MemoryWorkbook {
  private release: (() => void) | null = null;
  writing = false;

  override async applyPlan(plan: WritePlan): Promise<void> {
    this.writing = true;
    await new Promise<void>((resume) => (this.release = resume));
    await super.applyPlan(plan);
    this.writing = false;
  }

  letWrite(): void {
    this.release?.();
  }
}

afterEach(cleanup);

it("draws the tree, with the focus in it, before the create's write is done; Refresh and the download wait for it", async () => {
  const port = new HeldWorkbook(
    book(
      tableSheet("Data", "Kpis", [
        ["Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
        ["Financial", "Grow revenue", "Revenue", 1050, 1000, "higher"],
        ["Customer", "Delight", "NPS", 35, 40, "higher"],
      ]),
    ),
  );
  const downloadable: boolean[] = [];
  const user = userEvent.setup();
  render(<App port={port} onScorecard={(exists) => downloadable.push(exists)} />);
  await user.click(await screen.findByRole("button", { name: "Create scorecard" }));

  const tree = await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
  // The write is held until letWrite: the tree drawn now is drawn before it is done. The write
  // itself may start a moment after the tree shows (its plan loads on demand).
  await waitFor(() => expect(port.writing).toBe(true));
  expect(within(tree).getByText("Revenue")).toBeTruthy();
  expect(screen.getByRole("progressbar", { name: "Writing the scorecard…" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Refresh" }).getAttribute("aria-disabled")).toBe("true");
  expect(downloadable.at(-1)).toBe(false);
  await waitFor(() => expect(document.activeElement).toBe(within(tree).getAllByRole("treeitem")[0]));
  // The tree answers the keyboard meanwhile: the next row takes the focus.
  await user.keyboard("{ArrowDown}");
  const second = within(tree).getAllByRole("treeitem")[1];
  expect(document.activeElement).toBe(second);

  port.letWrite();
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  expect(port.writing).toBe(false);
  expect(port.sheet("Scorecard")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Refresh" }).getAttribute("aria-disabled")).not.toBe("true");
  expect(downloadable.at(-1)).toBe(true);
  // The write that followed left the user where they went.
  expect(document.activeElement?.textContent).toBe(second?.textContent);
});
