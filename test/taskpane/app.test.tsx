/**
 * @jest-environment jsdom
 */
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cellAt } from "../../src/model/snapshot";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { createScorecard, storedDefinition, unreadableDefinition } from "./paneHelpers";
import { book, sheet, tableSheet } from "../helpers/book";

const HEADER = [
  "Perspective",
  "Strategic Objective",
  "Metric",
  "Result (USD k)",
  "Goal",
  "Direction",
  "Owner",
];

function workbook() {
  return new MemoryWorkbook(
    book(
      tableSheet("Data", "Kpis", [
        HEADER,
        ["Financial", "Grow revenue", "Revenue", 1050, 1000, "higher", "Maria"],
        ["Financial", "Grow revenue", "Margin", 0.37, 0.4, "higher", "Maria"],
        ["Customer", "Delight", "NPS", null, 40, "higher", "Aisha"],
      ]),
      sheet("Notes", [["Churn by month"], [0.03, 0.025, 0.021]]),
    ),
  );
}

describe("the task pane", () => {
  it("on a first run, finds the table, shows the detected columns and a preview, and creates the scorecard", async () => {
    const port = workbook();
    const user = userEvent.setup();
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    expect(screen.getByRole("combobox", { name: "Actual (required)" })).toHaveProperty(
      "value",
      "Result (USD k)",
    );
    expect(screen.getByRole("combobox", { name: "KPI (required)" })).toHaveProperty("value", "Metric");
    const preview = screen.getByRole("list", { name: "KPI preview" });
    expect(
      within(preview)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "● On target Revenue: 1,050 / 1,000 in Financial › Grow revenue",
      "◆ Watch Margin: 0.37 / 0.4 in Financial › Grow revenue",
      "○ No data NPS: – / 40 in Customer › Delight",
    ]);
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    const tree = await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    expect(
      within(tree)
        .getAllByRole("treeitem")
        .map((i) => i.getAttribute("aria-level")),
    ).toContain("3");
    // Drawn as soon as it is scored; written by the time the pane says when it was refreshed.
    expect(await screen.findByText(/Last refreshed/)).toBeTruthy();
    expect(cellAt(port.sheet("Scorecard")!, 1, 1)).toBe("Balanced Scorecard");
    expect(storedDefinition(port)?.source).toMatchObject({ table: "Kpis", sheet: "Data" });
    // What create produced has the keyboard: the tree's first row.
    await waitFor(() => expect(document.activeElement).toBe(within(tree).getAllByRole("treeitem")[0]));
  });

  it("lets the user correct the column mapping before creating", async () => {
    const port = workbook();
    const user = userEvent.setup();
    render(<App port={port} />);
    await user.click(await screen.findByRole("button", { name: /^More columns \(optional\)/ }));
    const owner = screen.getByRole("combobox", { name: "Owner" });
    await user.selectOptions(owner, "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Target (required)" }), "");
    expect(screen.getByRole("button", { name: "Create scorecard" })).toHaveProperty("disabled", true);
    // Shown by the button it holds back, and said once, through the page's one polite region.
    const form = screen.getByRole("form", { name: "Set up the scorecard" });
    expect(within(form).getByText("Choose the Target column first.")).toBeTruthy();
    expect(within(screen.getByRole("status")).getByText("Choose the Target column first.")).toBeTruthy();
    expect(document.querySelectorAll("[aria-live]")).toHaveLength(2);
    await user.selectOptions(screen.getByRole("combobox", { name: "Target (required)" }), "Goal");
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree");
    // Stored by the write that follows the tree.
    await waitFor(() =>
      expect(storedDefinition(port)?.source?.columns).toMatchObject({
        owner: "",
        target: "Goal",
        actual: "Result (USD k)",
      }),
    );
  });

  it("shows the scorecard as a tree with status words, and choosing a KPI selects its cell", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    const tree = screen.getByRole("tree", { name: "Perspectives, objectives and KPIs" });
    const items = within(tree)
      .getAllByRole("treeitem")
      .map((i) => i.getAttribute("aria-level"));
    expect(items).toEqual(["1", "2", "3", "3", "1", "2", "3"]);
    const kpiItem = (name: string) =>
      (within(tree).getByText(name).closest('[role="treeitem"]') as HTMLElement).textContent;
    expect(kpiItem("Revenue")).toContain("On target");
    expect(kpiItem("Margin")).toContain("Watch");
    expect(kpiItem("NPS")).toContain("No data");
    await user.click(within(tree).getByText("Margin"));
    expect(port.selected.at(-1)).toEqual({ sheet: "Data", address: "D3" });
    expect(screen.getByRole("region", { name: "KPI Margin" })).toBeTruthy();
  });

  it("edits a KPI in place and keeps the edit in the stored definition", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(within(screen.getByRole("tree")).getByText("Margin"));
    await user.click(screen.getByRole("button", { name: "Edit KPI" }));
    const form = await screen.findByRole("form", { name: "Edit Margin" });
    const threshold = within(form).getByRole("textbox", { name: "Threshold (red flag)" });
    await user.clear(threshold);
    await user.type(threshold, "0.38");
    // The panel scrolls to the form at its foot; after the save its KPI's header is back in view.
    const details = screen.getByRole("region", { name: "KPI Margin" });
    details.scrollTop = 400;
    await user.click(within(form).getByRole("button", { name: "Save KPI" }));
    expect(details.scrollTop).toBe(0);
    await waitFor(() =>
      expect(storedDefinition(port)?.kpis).toEqual([
        expect.objectContaining({ name: "Margin", threshold: 0.38 }),
      ]),
    );
    const tree = await screen.findByRole("tree");
    const margin = within(tree).getByText("Margin").closest('[role="treeitem"]') as HTMLElement;
    await waitFor(() => expect(margin.textContent).toContain("Off target"));
    // Said, and kept after the refresh the save set off; the keyboard is back on the row saved.
    expect(
      within(screen.getByRole("status")).getByText(/^Threshold of Margin saved · scorecard refreshed\./),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(margin));
  });

  it("tags the current selection as a new KPI, kept as a workbook-scoped name", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(screen.getByRole("tab", { name: "Tag KPI" }));
    port.selection = { sheet: "Notes", address: "A2:C2" };
    await user.click(await screen.findByRole("button", { name: "Use selection as actual" }));
    expect(screen.getByRole("textbox", { name: "Actual" })).toHaveProperty("value", "Notes!A2:C2");
    await user.type(screen.getByRole("textbox", { name: "Target value" }), "0.02");
    await user.clear(screen.getByRole("combobox", { name: "Perspective" }));
    await user.type(screen.getByRole("combobox", { name: "Perspective" }), "Customer");
    await user.type(screen.getByRole("combobox", { name: "Objective (existing or new)" }), "Keep customers");
    await user.type(screen.getByRole("textbox", { name: "KPI name" }), "Churn");
    await user.selectOptions(screen.getByRole("combobox", { name: "Polarity" }), "lower");
    await user.type(screen.getByRole("textbox", { name: "Threshold (optional)" }), "0.03");
    await user.click(screen.getByRole("button", { name: "Tag KPI" }));
    const tree = await screen.findByRole("tree");
    await waitFor(() => expect(within(tree).getByText("Churn")).toBeTruthy());
    const names = (await port.readSnapshot()).names.map((n) => [n.name, n.sheet]);
    expect(names).toContainEqual(["BSC_Tag_1_Actual", "Notes"]);
    expect(storedDefinition(port)?.tagged).toEqual([
      expect.objectContaining({
        name: "Churn",
        actualName: "BSC_Tag_1_Actual",
        target: 0.02,
        polarity: "lower",
        threshold: 0.03,
      }),
    ]);
    const churn = within(tree).getByText("Churn").closest('[role="treeitem"]') as HTMLElement;
    expect(churn.textContent).toContain("Watch");
    expect(
      within(screen.getByRole("status")).getByText(/^KPI Churn tagged and saved · scorecard refreshed\./),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(churn));
  });

  it("tags cells typed as a reference where there is no selection, and changes the tagged KPI's target", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(screen.getByRole("tab", { name: "Tag KPI" }));
    await user.click(await screen.findByRole("button", { name: "Use selection as actual" }));
    expect(screen.getByText(/There is no selection here/)).toBeTruthy();
    const actual = screen.getByRole("textbox", { name: "Actual" });
    await user.type(actual, "Nowhere!A1");
    expect(screen.getByText(/no sheet called "Nowhere"/)).toBeTruthy();
    await user.clear(actual);
    await user.type(actual, "Notes!A2:C2");
    await user.type(screen.getByRole("textbox", { name: "Target value" }), "0.02");
    await user.type(screen.getByRole("combobox", { name: "Objective (existing or new)" }), "Keep customers");
    await user.type(screen.getByRole("textbox", { name: "KPI name" }), "Churn");
    await user.selectOptions(screen.getByRole("combobox", { name: "Polarity" }), "lower");
    await user.click(screen.getByRole("button", { name: "Tag KPI" }));
    const tree = await screen.findByRole("tree");
    await waitFor(() => expect(within(tree).getByText("Churn")).toBeTruthy());
    await user.click(within(tree).getByText("Churn"));
    await user.click(screen.getByRole("button", { name: "Edit KPI" }));
    const target = await screen.findByRole("textbox", { name: "Target" });
    await user.clear(target);
    await user.type(target, "0.025");
    await user.click(screen.getByRole("button", { name: "Save KPI" }));
    await waitFor(() =>
      expect(storedDefinition(port)?.tagged[0]).toMatchObject({
        name: "Churn",
        target: 0.025,
        targetName: null,
      }),
    );
    const churn = within(await screen.findByRole("tree"))
      .getByText("Churn")
      .closest('[role="treeitem"]') as HTMLElement;
    await waitFor(() => expect(churn.textContent).toContain("On target"));
  });

  it("refreshes with progress, then says what it found and when", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    const applied = port.plansApplied;
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(
      await screen.findByText(/Scorecard: .* \(watch\)\. 3 KPIs: 1 on target, 1 watch, 1 no data/),
    ).toBeTruthy();
    expect(port.plansApplied).toBe(applied + 1);
    expect(screen.getByText(/Last refreshed/)).toBeTruthy();
    // The keyboard stays on the button used, focusable while the refresh ran.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Refresh" }));
  });

  it("lists the issues, and choosing one selects its cell", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(screen.getByRole("tab", { name: /Issues \(1\)/ }));
    const list = screen.getByRole("list", { name: "Issues" });
    await user.click(within(list).getByRole("button", { name: /No actual for "NPS"/ }));
    expect(port.selected.at(-1)).toEqual({ sheet: "Data", address: "D4" });
  });

  it("keeps settings in the stored definition: scored period, roll-up, fiscal year, sheet name, palette", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Roll-up method" }), "worst");
    await user.selectOptions(screen.getByRole("combobox", { name: "Fiscal year starts in" }), "4");
    await user.selectOptions(screen.getByRole("combobox", { name: "Colours" }), "colorblind");
    const name = screen.getByRole("textbox", { name: "Summary sheet name" });
    await user.clear(name);
    await user.type(name, "Board/view");
    expect(screen.getByRole("button", { name: "Save settings" })).toHaveProperty("disabled", true);
    await user.clear(name);
    await user.type(name, "Board view");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() =>
      expect(storedDefinition(port)?.settings).toMatchObject({
        rollup: "worst",
        fiscalYearStartMonth: 4,
        summarySheetName: "Board view",
        palette: "colorblind",
      }),
    );
    await waitFor(() => expect(port.sheet("Board view")).toBeDefined());
    expect(port.sheet("Scorecard")).toBeUndefined();
    expect(await screen.findByText(/^Settings saved · scorecard refreshed\./)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Save settings" }));
  });

  it("is usable by keyboard: tab into the tree, move with the arrows, Enter chooses a KPI", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    const tree = screen.getByRole("tree");
    const first = within(tree).getAllByRole("treeitem")[0] as HTMLElement;
    act(() => first.focus());
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{Enter}");
    expect(port.selected.at(-1)).toEqual({ sheet: "Data", address: "D3" });
  });

  it("offers 'Show its inputs' only where the host supports it (ExcelApi 1.12, detected at run time)", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(within(screen.getByRole("tree")).getByText("Revenue"));
    expect(screen.queryByRole("button", { name: "Show its inputs" })).toBeNull();
    cleanup();
    const traced: unknown[] = [];
    render(<App port={port} showInputs={async (ref) => traced.push(ref) > 1} />);
    await user.click(within(await screen.findByRole("tree")).getByText("Revenue"));
    await user.click(screen.getByRole("button", { name: "Show its inputs" }));
    expect(traced).toEqual([{ sheet: "Data", address: "D2" }]);
    // The first call answers "no formula that reads other cells", and the pane says so.
    expect(await screen.findByText("Data!D2 holds no formula that reads other cells.")).toBeTruthy();
  });

  it("shows a failed call into Excel as a message, never as an unhandled rejection", async () => {
    const port = workbook();
    await createScorecard(port);
    cleanup();
    const user = userEvent.setup();
    render(
      <App
        port={port}
        showInputs={async () => {
          throw new Error("The request failed.");
        }}
      />,
    );
    await user.click(within(await screen.findByRole("tree")).getByText("Revenue"));
    await user.click(screen.getByRole("button", { name: "Show its inputs" }));
    expect(await screen.findByText(/Could not show the inputs of Data!D2/)).toBeTruthy();
  });

  it("says so in one sentence when the stored definition cannot be read", async () => {
    const port = unreadableDefinition();
    render(<App port={port} focusOnReady />);
    const sentence = /The stored scorecard definition cannot be read: it is not valid JSON/;
    // Said at once, through the assertive region, and shown with the keyboard on it.
    expect(await within(screen.getByRole("alert")).findByText(sentence)).toBeTruthy();
    const shown = (await screen.findAllByText(sentence)).find((e) => !screen.getByRole("alert").contains(e));
    await waitFor(() => expect(document.activeElement?.contains(shown!)).toBe(true));
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });
});

describe("the task pane's set-up on tables as finance teams keep them", () => {
  it("says which block it read and how its rows were taken", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("Pack", [
          ["Monthly pack"],
          [],
          ["Metric_Name", "Metric_Group", "value_rounded", "Budget"],
          ["Financial"],
          ["Revenue", "Grow", 105, 100],
          ["Customer"],
          ["NPS", "Loyalty", 41, 40],
          ["Total", null, 146, 140],
        ]),
      ),
    );
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    expect(screen.getByLabelText("What was read").textContent).toBe(
      "Read Pack!A3:D8: 5 rows → 2 KPIs; 2 heading rows, 1 total row left out; perspectives from heading rows, objectives from their column.",
    );
  });

  it("offers the nearest block when no table fits, its guess filled in, and creates the scorecard once its columns are named", async () => {
    const port = new MemoryWorkbook(
      book(
        // Two columns of numbers beside the goal: the user says which is the actual.
        sheet("Export", [
          ["Line", "Amount", "Prior", "Goal"],
          ["Revenue", 5, 6, 4],
          ["Cost", 3, 2, 4],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    expect(screen.getByText(/^No table has every column a scorecard needs/)).toBeTruthy();
    // It opens with the reader's guess filled in (the number column beside the goal), which the
    // user corrects.
    expect(screen.getByRole("combobox", { name: "KPI (required)" })).toHaveProperty("value", "Line");
    expect(screen.getByRole("combobox", { name: "Actual (required)" })).toHaveProperty("value", "Prior");
    await user.selectOptions(screen.getByRole("combobox", { name: "Actual (required)" }), "Amount");
    expect(screen.getByLabelText("What was read").textContent).toContain(
      "Read Export!A1:D3: 2 rows → 2 KPIs",
    );
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    // The definition is stored by the write that follows the tree.
    await waitFor(() =>
      expect(storedDefinition(port)?.source?.columns).toMatchObject({
        kpi: "Line",
        actual: "Amount",
        target: "Goal",
      }),
    );
  });
});

describe("the task pane's set-up, told the layout by hand", () => {
  // No header word here names a role: the reader finds no block, so the user names it.
  const odd = () =>
    new MemoryWorkbook(
      book(
        sheet("Financial", [
          ["Board pack"],
          [],
          ["Part", "Aim", "Measure X", "Figure", "Goal B"],
          ["Ignored", "Grow", "Revenue", 90, 100],
          ["Ignored", "Save", "Cost", 80, 100],
        ]),
      ),
    );

  it("takes a range from the selection, the columns named, the sheet as perspective, and stores them", async () => {
    const port = odd();
    await port.select({ sheet: "Financial", address: "A3:E5" });
    const user = userEvent.setup();
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    // The reader's own reason, as bsc check gives it.
    expect(screen.getByText(/^No scorecard table was found/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create scorecard" })).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("button", { name: "Use selection" }));
    expect(screen.getByRole("textbox", { name: "Range, header row on top" })).toHaveProperty(
      "value",
      "Financial!A3:E5",
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "KPI (required)" }), "Measure X");
    await user.selectOptions(screen.getByRole("combobox", { name: "Actual (required)" }), "Figure");
    await user.selectOptions(screen.getByRole("combobox", { name: "Target (required)" }), "Goal B");
    await user.click(screen.getByRole("button", { name: /^More columns \(optional\)/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Perspective" }), "Part");
    await user.click(screen.getByRole("checkbox", { name: "Each sheet's name is its perspective" }));
    expect(screen.getByRole("combobox", { name: "Perspective" })).toHaveProperty("disabled", true);
    expect(screen.getByLabelText("What was read").textContent).toBe(
      "Read Financial!A3:E5: 2 rows → 2 KPIs; the sheet's name as the perspective, each KPI its own objective.",
    );
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    const tree = await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    expect(within(tree).getAllByRole("treeitem", { name: /Financial/ }).length).toBeGreaterThan(0);
    expect(within(tree).queryByText("Ignored")).toBeNull();
    await waitFor(() =>
      expect(storedDefinition(port)?.source).toMatchObject({
        range: "Financial!A3:E5",
        sheetAsPerspective: true,
        columns: { kpi: "Measure X", actual: "Figure", target: "Goal B", perspective: "" },
      }),
    );
  });

  it("says what is wrong with a range typed by hand, at the field", async () => {
    const user = userEvent.setup();
    render(<App port={odd()} />);
    const range = await screen.findByRole("textbox", { name: "Range, header row on top" });
    await user.type(range, "Budget!A1:C4");
    expect(
      screen.getByText("The chosen range Budget!A1:C4 names a sheet the workbook does not have (Budget)."),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create scorecard" })).toHaveProperty("disabled", true);
  });

  it("reads the periods across the columns when told, and needs no Actual column then", async () => {
    // This month alone across: without the switch, "Value" is read as the Actual column.
    const port = new MemoryWorkbook(
      book(
        sheet("Data", [
          ["KPI", "Value", "Target", "Feb-26"],
          ["Revenue", "see note", 100, 90],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    expect(screen.getByRole("combobox", { name: "Actual (required)" })).toHaveProperty("value", "Value");
    await user.click(screen.getByRole("checkbox", { name: /^Periods run across the columns/ }));
    // Read across, Actual is no longer required: it goes among the optional columns, disabled.
    await user.click(screen.getByRole("button", { name: /^More columns \(optional\)/ }));
    expect(screen.getByRole("combobox", { name: "Actual" })).toHaveProperty("disabled", true);
    expect(screen.getByLabelText("What was read").textContent).toMatch(/^Read Data!A1:D2: 1 row → 1 KPI;/);
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    await waitFor(() => expect(storedDefinition(port)?.source).toMatchObject({ periodsAcross: true }));
  });

  it("keeps the choices made while another tab is open, and is opened again from Settings", async () => {
    const port = new MemoryWorkbook(
      book(
        // A header no role's words name ("Note" now names a comment, in Italian).
        sheet("Data", [
          ["KPI", "Actual", "Target", "Theme X"],
          ["Revenue", 90, 100, "Cost"],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    await user.click(screen.getByRole("button", { name: /^More columns \(optional\)/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Objective" }), "Theme X");
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    await user.click(screen.getByRole("tab", { name: "Set up" }));
    expect(screen.getByRole("combobox", { name: "Objective" })).toHaveProperty("value", "Theme X");
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });

    await user.click(screen.getByRole("tab", { name: "Settings" }));
    await user.click(await screen.findByRole("button", { name: "Choose the table and columns again" }));
    await screen.findByRole("heading", { name: "Create the scorecard" });
    await user.click(screen.getByRole("button", { name: /^More columns \(optional\)/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Objective" }), "");
    await user.click(screen.getByRole("button", { name: "Save the table and columns" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    // The tree is shown as soon as it is scored; the definition is stored by the write after it.
    await waitFor(() => expect(storedDefinition(port)?.source?.columns).toMatchObject({ objective: "" }));
  });

  it("takes Enter in the range field as no order to create the scorecard", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("Data", [
          ["Area", "Figure"],
          ["Revenue", 5],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    const range = await screen.findByRole("textbox", { name: "Range, header row on top" });
    await user.type(range, "Data!A1:B2{Enter}");
    expect(screen.getByRole("heading", { name: "Create the scorecard" })).toBeTruthy();
    expect(storedDefinition(port)).toBeNull();
  });
});

describe("the task pane on a table kept for many entities", () => {
  it("shows the consolidated scorecard, and each entity's own when chosen", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("Export", [
          ["Site", "Objective", "KPI", "Actual", "Target", "Polarity"],
          ["North", "Flow", "Beds", 90, 100, "higher"],
          ["North", "Flow", "Waits", 12, 10, "lower"],
          ["South", "Flow", "Beds", 101, 100, "higher"],
        ]),
      ),
    );
    const user = await createScorecard(port);
    const kpis = () =>
      within(screen.getByRole("tree", { name: "Perspectives, objectives and KPIs" }))
        .getAllByRole("treeitem")
        .filter((i) => i.getAttribute("aria-level") === "3")
        .map((i) => i.textContent?.match(/^(Beds|Waits)/)?.[0]);
    expect(kpis()).toEqual(["Beds", "Waits"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Entity" }), "South");
    expect(kpis()).toEqual(["Beds"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Entity" }), "");
    expect(kpis()).toEqual(["Beds", "Waits"]);
  });
});
