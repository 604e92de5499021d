/**
 * @jest-environment jsdom
 */
import { screen, waitFor, within } from "@testing-library/react";
import { type CellValue } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, sheet } from "../helpers/book";
import { createScorecard, storedDefinition } from "./paneHelpers";

const DATA: CellValue[][] = [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target"],
  ["2026-12", "Financial", "Grow revenue", "Revenue", 50, 100],
];

/** Every text the Scorecard sheet holds. */
const sheetTexts = (port: MemoryWorkbook): string[] =>
  (port.sheet("Scorecard")?.values ?? []).flat().filter((v): v is string => typeof v === "string");

describe("an initiative added in the pane", () => {
  it("is refused at its field until it is right, then kept, listed under its objective and written on the sheet", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("Data", DATA),
        sheet("Initiatives", [
          ["Objective", "Initiative"],
          ["Grow revenue", "Price study"],
        ]),
      ),
    );
    const user = await createScorecard(port);
    await user.click(within(screen.getByRole("tree")).getByText("Revenue"));
    const section = await screen.findByRole("region", { name: "Initiatives of Grow revenue" });
    expect(within(section).getByRole("listitem").textContent).toBe("Price study");
    await user.click(within(section).getByRole("button", { name: "Add initiative" }));
    const form = screen.getByRole("form", { name: "Add an initiative to Grow revenue" });
    await user.type(within(form).getByRole("textbox", { name: "Due" }), "next month");
    await user.type(within(form).getByRole("textbox", { name: "% complete" }), "140");
    await user.click(within(form).getByRole("button", { name: "Save initiative" }));
    expect(within(form).getByText("Name the initiative.")).toBeTruthy();
    expect(within(form).getByText("Write the date as 2026-12-31.")).toBeTruthy();
    expect(within(form).getByText("Type a percentage from 0 to 100.")).toBeTruthy();
    expect(storedDefinition(port)?.initiatives).toBeUndefined();

    await user.type(within(form).getByRole("textbox", { name: "Initiative" }), "New CRM");
    await user.type(within(form).getByRole("textbox", { name: "Owner" }), "Ann");
    const due = within(form).getByRole("textbox", { name: "Due" });
    await user.clear(due);
    await user.type(due, "2020-06-30");
    const complete = within(form).getByRole("textbox", { name: "% complete" });
    await user.clear(complete);
    await user.type(complete, "60%");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Status" }), "red");
    await user.type(within(form).getByRole("textbox", { name: "Budget" }), "100");
    await user.click(within(form).getByRole("button", { name: "Save initiative" }));
    await waitFor(() =>
      expect(storedDefinition(port)?.initiatives).toEqual([
        {
          perspective: "Financial",
          objective: "Grow revenue",
          name: "New CRM",
          owner: "Ann",
          start: null,
          due: "2020-06-30",
          complete: 0.6,
          status: "red",
          budget: 100,
          spend: null,
        },
      ]),
    );
    const tree = screen.getByRole("tree", { name: "Perspectives, objectives and KPIs" });
    await waitFor(() =>
      expect(within(tree).getByRole("treeitem", { name: /^Initiative New CRM/ })).toBeTruthy(),
    );
    expect(sheetTexts(port)).toEqual(
      expect.arrayContaining(["Price study", "New CRM", "Overdue, Off track"]),
    );
  });
});
