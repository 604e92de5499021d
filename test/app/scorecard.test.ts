import { runScorecard } from "../../src/app/scorecard";
import { parseDefinition, serializeDefinition, emptyDefinition } from "../../src/model/definition";
import { cellAt } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, HEADER, sheet, tableSheet } from "../helpers/book";

const data = () =>
  tableSheet("Data", "Kpis", [HEADER, ["Financial", "Grow", "Revenue", 95, 100, null, null, "higher", 1]]);

describe("a refresh through a WorkbookPort", () => {
  it("reads, scores, writes the summary and the definition, and reports", async () => {
    const port = new MemoryWorkbook(book(data()));
    const outcome = await runScorecard(port, {}, true);
    expect(outcome).toMatchObject({ ok: true, report: { scorecard: { status: "amber" } } });
    const summary = port.sheet("Scorecard")!;
    expect(cellAt(summary, 1, 1)).toBe("Balanced Scorecard");
    const stored = port.sheet("BSC Definition")!;
    expect(stored.visibility).toBe("veryHidden");
    expect(parseDefinition(String(cellAt(stored, 2, 1)))).toMatchObject({
      ok: true,
      definition: { source: { table: "Kpis" } },
    });
    expect(port.conditionalFormats.get("Data")).toHaveLength(1);
  });

  it("is stable: a second refresh replaces the output instead of adding sheets or rules", async () => {
    const port = new MemoryWorkbook(book(data()));
    await runScorecard(port, {}, true);
    await runScorecard(port, {}, true);
    const names = (await port.readSnapshot()).sheets.map((s) => s.name);
    expect(names).toEqual(["Data", "Scorecard", "BSC Definition", "Dashboard"]);
    expect(port.conditionalFormats.get("Data")).toHaveLength(1);
  });

  it("draws the Dashboard's charts, and a table with periods gets a trend chart per KPI", async () => {
    const monthly = tableSheet("Data", "Monthly", [
      ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
      ["2026-01", "Financial", "Grow", "Revenue", 95, 100, "higher"],
      ["2026-02", "Financial", "Grow", "Revenue", 102, 100, "higher"],
    ]);
    const port = new MemoryWorkbook(book(monthly));
    await runScorecard(port, {}, true);
    expect(port.layouts.get("Dashboard")?.charts?.map((c) => c.name)).toEqual([
      "BSC status by perspective",
      "BSC trend 1",
    ]);
    expect(cellAt(port.sheet("Dashboard")!, 1, 1)).toBe("Balanced Scorecard dashboard");
  });

  it("writes nothing when only checking", async () => {
    const port = new MemoryWorkbook(book(data()));
    await runScorecard(port, {}, false);
    expect(port.plansApplied).toBe(0);
  });

  it("uses the settings of the stored definition: roll-up method and summary sheet name", async () => {
    const definition = {
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, summarySheetName: "Board", rollup: "worst" as const },
    };
    const stored = sheet("BSC Definition", [
      ["bsc-definition: scorecard settings kept by the Balanced Scorecard add-in"],
      [serializeDefinition(definition)],
    ]);
    const port = new MemoryWorkbook({
      sheets: [data(), { ...stored, visibility: "veryHidden" }],
      names: [
        { name: "_bsc_definition", sheet: "BSC Definition", box: { top: 1, left: 1, bottom: 1, right: 1 } },
      ],
    });
    await runScorecard(port, {}, true);
    expect(port.sheet("Board")).toBeDefined();
    expect(port.sheet("Scorecard")).toBeUndefined();
  });

  it("scores KPIs tagged on named ranges anywhere in the workbook", async () => {
    const definition = {
      ...emptyDefinition(),
      tagged: [
        {
          perspective: "Customer",
          objective: "Delight",
          name: "NPS",
          actualName: "NpsActual",
          targetName: null,
          target: 40,
          threshold: 30,
        },
      ],
    };
    const notes = sheet("Notes", [["NPS by month"], [35, 38, 42, null]]);
    const stored = sheet("BSC Definition", [
      ["bsc-definition: scorecard settings kept by the Balanced Scorecard add-in"],
      [serializeDefinition(definition as never)],
    ]);
    const port = new MemoryWorkbook({
      sheets: [data(), notes, { ...stored, visibility: "veryHidden" }],
      names: [
        { name: "_bsc_definition", sheet: "BSC Definition", box: { top: 1, left: 1, bottom: 1, right: 1 } },
        { name: "NpsActual", sheet: "Notes", box: { top: 2, left: 1, bottom: 2, right: 4 } },
      ],
    });
    const outcome = await runScorecard(port, {}, false);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    const customer = outcome.report.perspectives.find((p) => p.name === "Customer")!;
    expect(customer.objectives[0]!.kpis[0]).toMatchObject({
      name: "NPS",
      actual: 42,
      target: 40,
      threshold: 30,
      status: "green",
      cell: "Notes!C2",
    });
  });
});

describe("a refresh with a definition the pane has just edited", () => {
  it("scores with it and stores it, in one read and one write", async () => {
    const port = new MemoryWorkbook(book(data()));
    const definition = {
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, summarySheetName: "Board" },
    };
    const outcome = await runScorecard(port, { definition }, true);
    expect(outcome.ok).toBe(true);
    expect(port.plansApplied).toBe(1);
    expect(port.sheet("Board")).toBeDefined();
    const stored = parseDefinition(String(cellAt(port.sheet("BSC Definition")!, 2, 1)));
    expect(stored).toMatchObject({
      ok: true,
      definition: { settings: { summarySheetName: "Board" }, source: { table: "Kpis" } },
    });
  });
});

describe("a number stored as text", () => {
  it("is one warning at its cell in a refresh's report, though reading it and colouring its row both meet it", async () => {
    const port = new MemoryWorkbook(
      book(
        tableSheet("Data", "Kpis", [
          HEADER,
          ["Financial", "Grow", "Revenue", "1,100", 1000, null, null, "higher", 1],
        ]),
      ),
    );
    const outcome = await runScorecard(port, {}, true);
    if (!outcome.ok) throw new Error("the refresh failed");
    const atCell = outcome.report.issues.filter((i) => i.cell === "Data!D2");
    expect(atCell.map((i) => i.code)).toEqual(["number-stored-as-text"]);
    expect(atCell[0]?.message).toMatch(/stored as text .*colour/);
  });
});
