/**
 * @jest-environment jsdom
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import { type CellValue } from "../../src/model/snapshot";
import { PALETTES, type PaletteName } from "../../src/plan/palette";
import { StatusBadge } from "../../src/taskpane/views/StatusBadge";
import { FILTER_FROM, OPEN_ALL_UP_TO } from "../../src/taskpane/views/ScorecardView";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { createScorecard, storedDefinition } from "./paneHelpers";
import { book, sheet } from "../helpers/book";

const HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];

/**
 * Three months of a margin kept as a percentage and of expenses kept in thousands, with the
 * cells' number formats: the margin rose (better), the expenses rose (worse).
 */
function monthly(): MemoryWorkbook {
  const rows: CellValue[][] = [
    HEADER,
    ["2026-01", "Financial", "Profit", "Gross margin", 0.4, 0.44, "higher"],
    ["2026-02", "Financial", "Profit", "Gross margin", 0.43, 0.44, "higher"],
    ["2026-03", "Financial", "Profit", "Gross margin", 0.447, 0.44, "higher"],
    ["2026-01", "Financial", "Profit", "Expenses", 1200, 1400, "lower"],
    ["2026-02", "Financial", "Profit", "Expenses", 1300, 1400, "lower"],
    ["2026-03", "Financial", "Profit", "Expenses", 1500, 1400, "lower"],
  ];
  const formats = rows.map((r, i) => {
    const code = i === 0 ? null : r[3] === "Gross margin" ? "0.0%" : "#,##0";
    return [null, null, null, null, code, code, null];
  });
  return new MemoryWorkbook(
    book(
      sheet("Data", rows, {
        formats,
        tables: [
          {
            name: "Monthly",
            box: { top: 1, left: 1, bottom: rows.length, right: HEADER.length },
            hasHeaderRow: true,
            hasTotalsRow: false,
          },
        ],
      }),
    ),
  );
}

const row = (name: string) =>
  within(screen.getByRole("tree")).getByText(name).closest('[role="treeitem"]') as HTMLElement;

describe("the scorecard in the pane", () => {
  it("shows each KPI's actual and target in its cell's number format, and its trend by the value's direction", async () => {
    await createScorecard(monthly());
    const margin = row("Gross margin");
    expect(margin.textContent).toContain("44.7% / 44.0%");
    expect(margin.textContent).toContain("▲ rose, better");
    expect(margin.textContent).toContain("On target");
    // Rising expenses are a rise, and worse: the arrow points up, the words say worse.
    const expenses = row("Expenses");
    expect(expenses.textContent).toContain("1,500 / 1,400");
    expect(expenses.textContent).toContain("▲ rose, worse");
    expect(expenses.textContent).toContain("Watch");
  });

  it("marks the chosen KPI's row and shows its details, with its history as a chart", async () => {
    const port = monthly();
    const user = await createScorecard(port);
    await user.click(within(screen.getByRole("tree")).getByText("Expenses"));
    expect(row("Expenses").getAttribute("aria-selected")).toBe("true");
    expect(row("Gross margin").getAttribute("aria-selected")).toBe("false");
    const details = screen.getByRole("region", { name: "KPI Expenses" });
    const facts = Object.fromEntries(
      within(details)
        .getAllByRole("term")
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(facts).toMatchObject({
      Actual: "1,500",
      Target: "1,400",
      Threshold: "1,540",
      Trend: "▲ rose, worse",
    });
    expect(within(details).getByRole("img").getAttribute("aria-label")).toBe(
      "Expenses over 3 periods: 1,200 in 2026-01, 1,500 in 2026-03 against a target of 1,400; on target 2, watch 1.",
    );
    // Escape in the details closes them and takes the keyboard back to the KPI's row.
    within(details).getByRole("button", { name: "Edit KPI" }).focus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "KPI Expenses" })).toBeNull();
    expect(document.activeElement).toBe(row("Expenses"));
    await user.click(within(screen.getByRole("tree")).getByText("Expenses"));
    await user.click(screen.getByRole("button", { name: "Close the details of Expenses" }));
    expect(screen.queryByRole("region", { name: "KPI Expenses" })).toBeNull();
    expect(row("Expenses").getAttribute("aria-selected")).toBe("false");
  });

  it("refuses a threshold on the wrong side of the target at its field, saves nothing, and follows the edit it saves", async () => {
    const port = monthly();
    const user = await createScorecard(port);
    await user.click(within(screen.getByRole("tree")).getByText("Expenses"));
    await user.click(screen.getByRole("button", { name: "Edit KPI" }));
    const form = await screen.findByRole("form", { name: "Edit Expenses" });
    const threshold = within(form).getByRole("textbox", { name: "Threshold (red flag)" });
    await user.type(threshold, "1300");
    expect(
      within(form).getByText("With lower is better, the red flag must be at or above the target (1,400)."),
    ).toBeTruthy();
    expect(threshold.getAttribute("aria-invalid")).toBe("true");
    const applied = port.plansApplied;
    await user.click(within(form).getByRole("button", { name: "Save KPI" }));
    expect(port.plansApplied).toBe(applied);
    expect(storedDefinition(port)?.kpis).toEqual([]);
    expect(document.activeElement).toBe(threshold);

    const tolerance = within(form).getByRole("textbox", {
      name: "Tolerance % (used when there is no threshold)",
    });
    await user.type(tolerance, "-5");
    expect(within(form).getByText("A tolerance is 0 % or more.")).toBeTruthy();
    await user.clear(tolerance);

    await user.clear(threshold);
    await user.type(threshold, "1,600");
    await user.click(within(form).getByRole("button", { name: "Save KPI" }));
    await waitFor(() =>
      expect(storedDefinition(port)?.kpis).toEqual([
        expect.objectContaining({ name: "Expenses", threshold: 1600 }),
      ]),
    );
    // The details show the saved threshold, not the one before.
    const details = screen.getByRole("region", { name: "KPI Expenses" });
    await waitFor(() => expect(within(details).getByText("1,600")).toBeTruthy());
  });

  it("looks at another period on choosing it, and says the sheet shows the scored one", async () => {
    const user = await createScorecard(monthly());
    const period = screen.getByRole("combobox", { name: "Period" });
    expect(
      within(period)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["2026-01", "2026-02", "2026-03"]);
    await user.selectOptions(period, "2026-02");
    await waitFor(() => expect(row("Gross margin").textContent).toContain("43.0% / 44.0%"));
    expect(screen.getByRole("heading", { name: "Overall, 2026-02" })).toBeTruthy();
    // Said, as the heading's change in place is not: the period shown and its result.
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toMatch(
        /Overall, 2026-02: \d+\.\d\d \((On target|Watch|Off target)\)\. /,
      ),
    );
    expect(screen.getByText(/The Scorecard sheet shows 2026-03/)).toBeTruthy();
    await user.selectOptions(period, "2026-03");
    await waitFor(() => expect(row("Gross margin").textContent).toContain("44.7% / 44.0%"));
    expect(screen.queryByText(/The Scorecard sheet shows/)).toBeNull();
  });

  it(`opens only the perspectives of a scorecard of more than ${OPEN_ALL_UP_TO} KPIs`, async () => {
    const rows: CellValue[][] = [["Perspective", "Objective", "KPI", "Actual", "Target"]];
    for (let i = 0; i < OPEN_ALL_UP_TO + 1; i++)
      rows.push(["Financial", `Objective ${i % 10}`, `KPI ${i}`, i, 100]);
    const port = new MemoryWorkbook(
      book(
        sheet("Data", rows, {
          tables: [
            {
              name: "Many",
              box: { top: 1, left: 1, bottom: rows.length, right: 5 },
              hasHeaderRow: true,
              hasTotalsRow: false,
            },
          ],
        }),
      ),
    );
    const user = await createScorecard(port);
    const levels = () =>
      within(screen.getByRole("tree"))
        .getAllByRole("treeitem")
        .map((i) => i.getAttribute("aria-level"));
    expect(levels().filter((l) => l === "3")).toEqual([]);
    expect(levels().filter((l) => l === "2")).toHaveLength(10);
    await user.click(within(screen.getByRole("tree")).getByText("Objective 3"));
    const third = rows.filter((r) => r[1] === "Objective 3").length;
    await waitFor(() => expect(levels().filter((l) => l === "3")).toHaveLength(third));
  });

  it(`offers a search and a status filter from ${FILTER_FROM} KPIs, and opens the branches that match`, async () => {
    const rows: CellValue[][] = [["Perspective", "Objective", "KPI", "Actual", "Target", "Owner"]];
    for (let i = 0; i < OPEN_ALL_UP_TO + 1; i++)
      rows.push([
        "Financial",
        `Objective ${i % 10}`,
        `KPI ${i}`,
        i % 3 === 0 ? 50 : 100,
        100,
        `Owner ${i % 4}`,
      ]);
    const port = new MemoryWorkbook(book(sheet("Data", rows)));
    const user = await createScorecard(port);
    const search = screen.getByRole("searchbox", { name: "Search KPIs" });
    await user.type(search, "KPI 12");
    // KPI 12 and KPI 120 to 129, each in its objective, opened.
    await waitFor(() => expect(screen.getByText("11 KPIs match.")).toBeTruthy());
    const leaves = () =>
      within(screen.getByRole("tree"))
        .getAllByRole("treeitem")
        .filter((i) => i.getAttribute("aria-level") === "3")
        .map((i) => i.querySelector("[title]")?.textContent);
    expect(leaves()).toContain("KPI 12");
    expect(leaves()).toHaveLength(11);
    await user.clear(search);
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "red");
    const red = rows.filter((r, i) => i > 0 && r[3] === 50).length;
    await waitFor(() => expect(screen.getByText(`${red} KPIs match.`)).toBeTruthy());
  });

  it(`offers no search under ${FILTER_FROM} KPIs`, async () => {
    await createScorecard(monthly());
    expect(screen.queryByRole("searchbox")).toBeNull();
  });

  it("shows a KPI kept per entity, consolidated, by its entities, and the overview follows the entity chosen", async () => {
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
    expect(row("Beds").textContent).toContain("2 entities");
    expect(row("Beds").textContent).not.toContain("– / –");
    await user.click(within(screen.getByRole("tree")).getByText("Beds"));
    const byEntity = screen.getByRole("list", { name: "Beds by entity" });
    expect(
      within(byEntity)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["North: 90 / 100 ◆ Watch", "South: 101 / 100 ● On target"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Entity" }), "South");
    expect(screen.getByRole("heading", { name: "South" })).toBeTruthy();
    expect(screen.getByText("1 on target")).toBeTruthy();
    expect(row("Beds").textContent).toContain("101 / 100");
  });
});

describe("tagging a KPI", () => {
  it("says at each field what is missing or wrong, and tags nothing until it is right", async () => {
    const port = monthly();
    const user = await createScorecard(port);
    await user.click(screen.getByRole("tab", { name: "Tag KPI" }));
    const form = await screen.findByRole("form", { name: "Tag a KPI" });
    const field = (name: string) => within(form).getByRole("textbox", { name });
    expect(field("Actual").getAttribute("placeholder")).toBe("Select cells, or type Data!B2:M2");
    const applied = port.plansApplied;
    await user.click(within(form).getByRole("button", { name: "Tag KPI" }));
    expect(port.plansApplied).toBe(applied);
    const tagNames = async () =>
      (await port.readSnapshot()).names.filter((n) => n.name.startsWith("BSC_Tag"));
    expect(await tagNames()).toEqual([]);
    expect(within(form).getByText("Type the target: a KPI needs one.")).toBeTruthy();
    expect(within(form).getByText("Name the KPI.")).toBeTruthy();
    expect(field("Target value").getAttribute("aria-invalid")).toBe("true");

    await user.type(field("Actual"), "Data!E2:E4");
    await user.type(field("Target value"), "90%");
    await user.type(within(form).getByRole("combobox", { name: "Objective (existing or new)" }), "Profit");
    await user.type(field("KPI name"), "Cash margin");
    await user.type(field("Threshold (optional)"), "95%");
    expect(
      within(form).getByText("With higher is better, the red flag must be at or below the target (90%)."),
    ).toBeTruthy();
    await user.click(within(form).getByRole("button", { name: "Tag KPI" }));
    expect(port.plansApplied).toBe(applied);
    expect(await tagNames()).toEqual([]);
    expect(storedDefinition(port)?.tagged).toEqual([]);

    await user.clear(field("Threshold (optional)"));
    await user.type(field("Threshold (optional)"), "80%");
    await user.click(within(form).getByRole("button", { name: "Tag KPI" }));
    await waitFor(() =>
      expect(storedDefinition(port)?.tagged).toEqual([
        expect.objectContaining({ name: "Cash margin", target: 0.9, threshold: 0.8 }),
      ]),
    );
  });
});

describe("a status chip", () => {
  it.each(["standard", "colorblind"] as PaletteName[])(
    "says what the status means in the %s palette, with its shape, never a colour's name",
    (palette) => {
      const shown = (["green", "amber", "red", "none"] as const).map((status) => {
        const { container, unmount } = render(<StatusBadge status={status} palette={palette} />);
        const chip = container.firstElementChild as HTMLElement;
        const text = [chip.textContent, chip.style.background];
        unmount();
        return text;
      });
      const fill = (hex: string) => {
        const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
        return `rgb(${r}, ${g}, ${b})`;
      };
      const colours = PALETTES[palette];
      expect(shown).toEqual([
        ["● On target", fill(colours.green.fill)],
        ["◆ Watch", fill(colours.amber.fill)],
        ["■ Off target", fill(colours.red.fill)],
        ["○ No data", fill(colours.none.fill)],
      ]);
    },
  );
});
