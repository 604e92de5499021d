/**
 * @jest-environment jsdom
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, sheet } from "../helpers/book";
import { storedDefinition } from "./paneHelpers";

/**
 * The set-up on files as they come (issue 19): it opens with the reader's guess filled in, asks
 * for the year of months that name none, and lists the directions it inferred to be confirmed or
 * switched before the scorecard is created; each choice is stored in the definition.
 */

describe("the set-up, where the file cannot say everything", () => {
  it("opens with the reader's suggested block and columns when no table is found", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("Pack", [
          ["Line item", "Amount", "Budget"],
          ["Travel", 10, 12],
          ["Training", 100, 90],
        ]),
      ),
    );
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    expect(screen.getByRole("combobox", { name: "KPI (required)" })).toHaveProperty("value", "Line item");
    expect(screen.getByRole("combobox", { name: "Actual (required)" })).toHaveProperty("value", "Amount");
    const preview = screen.getByRole("list", { name: "KPI preview" });
    expect(within(preview).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Create scorecard" })).toHaveProperty("disabled", false);
  });

  it("asks for the year of months written without one, and scores them once given", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("Data", [
          ["KPI", "Month", "Actual", "Target"],
          ["Visits", "Jan", 10, 12],
          ["Visits", "Feb", 14, 12],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    const year = screen.getByRole("textbox", { name: /Year of the months/ });
    await user.clear(year);
    await user.type(year, "2023");
    await waitFor(() =>
      expect(within(screen.getByRole("list", { name: "KPI preview" })).getAllByRole("listitem")).toHaveLength(
        1,
      ),
    );
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    // Stored by the write that follows the tree.
    await waitFor(() => expect(storedDefinition(port)?.source?.year).toBe(2023));
  });

  it("lists the directions it inferred, and stores each as confirmed or switched", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("Data", [
          ["KPI", "Actual", "Target"],
          ["Marketing costs", 756, 620],
          ["Debtor days", 40, 45],
          ["Revenue", 100, 90],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    const section = await screen.findByRole("region", { name: "Which way is better" });
    const groups = within(section).getAllByRole("radiogroup");
    expect(groups).toHaveLength(2);
    const debtorDays = within(section).getByRole("radiogroup", { name: /Debtor days/ });
    await user.click(within(debtorDays).getByRole("radio", { name: "Higher is better" }));
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    await waitFor(() =>
      expect(storedDefinition(port)?.kpis.map((k) => [k.name, k.polarity])).toEqual([
        ["Marketing costs", "lower"],
        ["Debtor days", "higher"],
      ]),
    );
  });

  it("asks a KPI's direction once, whatever the entity, on a sheet per department", async () => {
    // Each department's sheet names its perspective: the KPI is still one KPI, and one choice.
    const department = (name: string) => [
      ["Objective", "KPI", "Department", "Actual", "Target"],
      ["Serve faster", "Average processing time", name, 12, 10],
      ["Serve faster", "Files handled", name, 120, 100],
    ];
    const port = new MemoryWorkbook(
      book(
        sheet("01", department("Ain")),
        sheet("02", department("Aisne")),
        sheet("03", department("Allier")),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    const section = await screen.findByRole("region", { name: "Which way is better" });
    const groups = within(section).getAllByRole("radiogroup");
    expect(groups).toHaveLength(1);
    await user.click(within(groups[0] as HTMLElement).getByRole("radio", { name: "Higher is better" }));
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    // The choice is stored for the KPI as each sheet names it, so every department reads it.
    await waitFor(() =>
      expect(storedDefinition(port)?.kpis.map((k) => [k.perspective, k.name, k.polarity])).toEqual([
        ["01", "Average processing time", "higher"],
        ["02", "Average processing time", "higher"],
        ["03", "Average processing time", "higher"],
      ]),
    );
  });
});
