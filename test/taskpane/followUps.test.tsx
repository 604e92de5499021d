/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrategyMapView } from "../../src/taskpane/views/StrategyMapView";
import { type CellValue } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, score, sheet } from "../helpers/book";
import { createScorecard, storedDefinition } from "./paneHelpers";

const DATA: CellValue[][] = [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target"],
  ["2026-12", "Financial", "Grow revenue", "Revenue", 50, 100],
  ["2026-12", "Financial", "Grow revenue", "Margin", 95, 100],
];
const NOTES: CellValue[][] = [
  ["Period", "KPI", "Analysis", "Action", "Action owner", "Due"],
  ["2026-12", "Revenue", "Two deals slipped.", "Call buyers", "Ann", "2020-01-31"],
];
const INITIATIVES: CellValue[][] = [
  ["Objective", "Initiative", "Owner", "Due", "% complete", "Status"],
  ["Grow revenue", "New CRM", "Ann", "2020-06-30", 0.6, "Red"],
];

const workbook = () =>
  new MemoryWorkbook(book(sheet("Data", DATA), sheet("Notes", NOTES), sheet("Initiatives", INITIATIVES)));

/** Every text the Scorecard sheet holds. */
const sheetTexts = (port: MemoryWorkbook): string[] =>
  (port.sheet("Scorecard")?.values ?? []).flat().filter((v): v is string => typeof v === "string");

describe("commentary and initiatives in the pane", () => {
  it("shows each initiative under its objective, with its progress and flags", async () => {
    await createScorecard(workbook());
    const tree = screen.getByRole("tree", { name: "Perspectives, objectives and KPIs" });
    const item = within(tree).getByRole("treeitem", { name: /^Initiative New CRM/ });
    expect(item.getAttribute("aria-label")).toBe(
      "Initiative New CRM: 60%, due 2020-06-30, overdue, off track, Off target",
    );
    expect(item.textContent).toContain("Off target");
  });

  it("shows a KPI's commentary for the period in its details, the late action marked", async () => {
    const user = await createScorecard(workbook());
    await user.click(within(screen.getByRole("tree")).getByText("Revenue"));
    const section = await screen.findByRole("region", { name: "Commentary for 2026-12 on Revenue" });
    expect(section.textContent).toContain("Two deals slipped.");
    const action = within(section).getByRole("listitem");
    expect(action.textContent).toBe("Call buyers — Ann, due 2020-01-31 Overdue");
  });

  it("shows a Due that is no day as the table wrote it, for an action and an initiative", async () => {
    const notes = [
      NOTES[0]!,
      ["2026-12", "Revenue", "Two deals slipped.", "Call buyers", "Ann", "next week"],
    ];
    const initiatives = [INITIATIVES[0]!, ["Grow revenue", "New CRM", "Ann", "soon", 0.6, "Red"]];
    const user = await createScorecard(
      new MemoryWorkbook(book(sheet("Data", DATA), sheet("Notes", notes), sheet("Initiatives", initiatives))),
    );
    const tree = screen.getByRole("tree", { name: "Perspectives, objectives and KPIs" });
    expect(
      within(tree)
        .getByRole("treeitem", { name: /^Initiative New CRM/ })
        .getAttribute("aria-label"),
    ).toBe('Initiative New CRM: 60%, due "soon" (not a date), off track, Off target');
    await user.click(within(tree).getByText("Revenue"));
    const section = await screen.findByRole("region", { name: "Commentary for 2026-12 on Revenue" });
    expect(within(section).getByRole("listitem").textContent).toBe(
      'Call buyers — Ann, due "next week" (not a date)',
    );
  });

  it("keeps commentary written in the details, refusing a date that is no day, and writes it on the sheet", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(within(screen.getByRole("tree")).getByText("Margin"));
    await user.click(await screen.findByRole("button", { name: "Add commentary" }));
    const form = screen.getByRole("form", { name: "Add commentary on Margin" });
    await user.type(within(form).getByRole("textbox", { name: "Analysis" }), "Mix shifted to services.");
    await user.type(within(form).getByRole("textbox", { name: "Action" }), "Reprice support");
    await user.type(within(form).getByRole("textbox", { name: "Action owner" }), "Bo");
    await user.type(within(form).getByRole("textbox", { name: "Due" }), "31/12");
    await user.click(within(form).getByRole("button", { name: "Save commentary" }));
    expect(within(form).getByText("Write the date as 2026-12-31.")).toBeTruthy();
    expect(storedDefinition(port)?.commentary).toBeUndefined();

    const due = within(form).getByRole("textbox", { name: "Due" });
    await user.clear(due);
    await user.type(due, "2027-01-15");
    await user.click(within(form).getByRole("button", { name: "Save commentary" }));
    await waitFor(() =>
      expect(storedDefinition(port)?.commentary).toEqual([
        {
          period: "2026-12",
          perspective: "Financial",
          objective: "Grow revenue",
          kpi: "Margin",
          analysis: "Mix shifted to services.",
          actions: [{ action: "Reprice support", owner: "Bo", due: "2027-01-15", done: false }],
        },
      ]),
    );
    expect(sheetTexts(port)).toEqual(
      expect.arrayContaining([
        "Margin (Grow revenue)",
        "Mix shifted to services.",
        "Action: Reprice support",
      ]),
    );
    // Explained now: only Revenue's table commentary and Margin's were asked for.
    expect(sheetTexts(port)).not.toContain("Needs commentary");
  });

  it("marks an action written in the pane done, no longer overdue; a table's action has no such button", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    await user.click(within(screen.getByRole("tree")).getByText("Revenue"));
    await user.click(await screen.findByRole("button", { name: "Add commentary" }));
    const form = screen.getByRole("form", { name: "Add commentary on Revenue" });
    await user.type(within(form).getByRole("textbox", { name: "Action" }), "Late follow-up");
    await user.type(within(form).getByRole("textbox", { name: "Due" }), "2020-02-01");
    await user.click(within(form).getByRole("button", { name: "Save commentary" }));
    const section = await screen.findByRole("region", { name: "Commentary for 2026-12 on Revenue" });
    await waitFor(() => expect(section.textContent).toContain("Late follow-up"));
    // The table's action ("Call buyers") is closed in its Status cell, not here.
    expect(within(section).queryByRole("button", { name: "Mark Call buyers done" })).toBeNull();
    await user.click(within(section).getByRole("button", { name: "Mark Late follow-up done" }));
    await waitFor(() =>
      expect(storedDefinition(port)?.commentary?.[0]?.actions).toEqual([
        { action: "Late follow-up", owner: "", due: "2020-02-01", done: true },
      ]),
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "Commentary for 2026-12 on Revenue" }))
          .getAllByRole("listitem")
          .map((li) => li.textContent),
      ).toEqual(["Call buyers — Ann, due 2020-01-31 Overdue", "Late follow-up — due 2020-02-01 (done)"]),
    );
  });

  it("lists the KPIs needing commentary on the sheet until the setting turns the list off", async () => {
    const port = workbook();
    const user = await createScorecard(port);
    expect(sheetTexts(port)).toEqual(expect.arrayContaining(["Needs commentary", "Margin"]));
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    const box = await screen.findByRole("checkbox", { name: /Needs commentary/ });
    expect(box).toHaveProperty("checked", true);
    await user.click(box);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(storedDefinition(port)?.settings.needsCommentary).toBe(false));
    await waitFor(() => expect(sheetTexts(port)).not.toContain("Needs commentary"));
  });

  it("counts an objective's initiatives on its map box and lists them, with its commentary, when it is chosen", async () => {
    const { model, result } = score(
      book(
        sheet("Data", DATA),
        sheet("Notes", [
          ["Period", "Objective", "Analysis"],
          ["2026-12", "Grow revenue", "Pipeline thin after Q3."],
        ]),
        sheet("Initiatives", INITIATIVES),
      ),
      { evaluate: { today: "2026-12-07" } },
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <StrategyMapView result={result} objectives={model.objectives} palette="standard" />
      </FluentProvider>,
    );
    const box = screen.getByRole("button", { name: /^Grow revenue/ });
    expect(box.getAttribute("aria-label")).toMatch(/2 KPIs, 1 initiative, 1 flagged$/);
    expect(box.textContent).toContain("1 init. ⚑1");
    // The name starts with what the box shows, its count of initiatives included (speech input).
    expect(box.getAttribute("aria-label")).toMatch(/^Grow revenue . [\d.]+ · 1 init\. ⚑1, /);
    await userEvent.setup().click(box);
    const details = screen.getByRole("region", { name: "KPIs of Grow revenue" });
    expect(details.textContent).toContain("Pipeline thin after Q3.");
    expect(within(details).getByRole("list", { name: "Initiatives of Grow revenue" }).textContent).toBe(
      "New CRM: 60% (overdue, off track)",
    );
  });
});
