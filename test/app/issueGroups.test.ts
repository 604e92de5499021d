import fc from "fast-check";
import { groupIssues, issueLine, issuePlace, issueSelection, mergedMessage } from "../../src/app/issueGroups";
import { outcomeSentence } from "../../src/app/outcomeText";
import { buildReport, reportJson } from "../../src/app/report";
import { issue, type Issue } from "../../src/engine/issues";
import { kpiDirection } from "../../src/model/direction";
import { reportText } from "../../src/cli/text";
import { book, score, sheet } from "../helpers/book";

const unreadable = (row: number, value: string, sheetName = "Data"): Issue =>
  issue("period-unreadable", `${sheetName}!F${row}`, { value });

describe("groupIssues: one line per cause", () => {
  it("groups the issues of one code in one column, keeping every cell", () => {
    const issues = Array.from({ length: 44 }, (_, i) =>
      unreadable(i + 2, `${String(i % 12).padStart(2, "0")}-2021`),
    );
    const [group, ...others] = groupIssues(issues);
    expect(others).toEqual([]);
    expect(group?.cells).toEqual(issues.map((i) => i.cell));
    expect(group?.count).toBe(44);
    expect(group?.cell).toBe("Data!F2");
    expect(issueLine(group!)).toBe(
      'Data!F2:F45 (44 cells): "00-2021" … is not a period (use a date, 2026-03, Mar 2026, Q1 2026, 2026-W05 or FY2026); the row is left out.',
    );
  });

  it("never groups restatements: each says its own values, even two in one column", () => {
    const restated = (row: number, kpi: string, was: string, now: string): Issue =>
      issue("restated", `Data!E${row}`, {
        kpi,
        period: "2026-11",
        which: "actual",
        was,
        now,
        where: `Data!E${row}`,
      });
    const groups = groupIssues([restated(2, "Revenue", "100", "80"), restated(3, "Costs", "50", "55")]);
    expect(groups.map((g) => [g.cells, g.message.split(". ")[0]])).toEqual([
      [["Data!E2"], "Revenue 2026-11: 100 when published, now 80 (Data!E2)"],
      [["Data!E3"], "Costs 2026-11: 50 when published, now 55 (Data!E3)"],
    ]);
  });

  it("keeps apart other codes, other columns and other sheets, in the order first found", () => {
    const issues = [
      unreadable(2, "x"),
      issue("no-actual", "Data!E3", { kpi: "A" }),
      unreadable(3, "y", "'P&L 2026'"),
      unreadable(4, "z"),
      issue("no-actual", "Data!D3", { kpi: "B" }),
    ];
    expect(groupIssues(issues).map((g) => [g.code, g.cells])).toEqual([
      ["period-unreadable", ["Data!F2", "Data!F4"]],
      ["no-actual", ["Data!E3"]],
      ["period-unreadable", ["'P&L 2026'!F3"]],
      ["no-actual", ["Data!D3"]],
    ]);
  });

  it("makes identical sentences with no cell one line that says how many", () => {
    const same = issue("no-target", null, { kpi: "Sales" });
    const [group, other] = groupIssues([
      same,
      same,
      same,
      same,
      same,
      issue("no-target", null, { kpi: "Calls" }),
    ]);
    expect(group?.count).toBe(5);
    expect(group?.cells).toEqual([]);
    expect(issueLine(group!)).toBe('No target for "Sales"; it is shown as no data. (5 times)');
    expect(issueLine(other!)).toBe('No target for "Calls"; it is shown as no data.');
  });

  it("keeps an issue on its own as it was, with its one cell", () => {
    const alone = issue("no-actual", "Data!E9", { kpi: "NPS" });
    expect(groupIssues([alone])).toEqual([{ ...alone, cells: ["Data!E9"], count: 1 }]);
    expect(issueLine(groupIssues([alone])[0]!)).toBe('Data!E9: No actual for "NPS".');
  });

  it("loses no issue and no cell, whatever the mix", () => {
    const anIssue = fc
      .tuple(
        fc.constantFrom("period-unreadable", "no-actual", "no-target") as fc.Arbitrary<
          "period-unreadable" | "no-actual" | "no-target"
        >,
        fc.option(
          fc.tuple(
            fc.constantFrom("Data", "'P&L'"),
            fc.constantFrom("E", "F"),
            fc.integer({ min: 2, max: 60 }),
          ),
        ),
        fc.constantFrom("A", "B"),
      )
      .map(([code, at, kpi]) => issue(code, at ? `${at[0]}!${at[1]}${at[2]}` : null, { kpi, value: kpi }));
    fc.assert(
      fc.property(fc.array(anIssue, { maxLength: 40 }), (issues) => {
        const groups = groupIssues(issues);
        const counted = groups.reduce((n, g) => n + (g.count ?? 0), 0);
        const cells = new Set(groups.flatMap((g) => g.cells ?? []));
        return (
          counted === issues.length &&
          cells.size === new Set(issues.flatMap((i) => (i.cell ? [i.cell] : []))).size &&
          groups.every((g) => issues.some((i) => i.code === g.code && i.cell === g.cell))
        );
      }),
    );
  });
});

describe("mergedMessage", () => {
  it("shows the first of each value that varies, and keeps those that do not", () => {
    expect(
      mergedMessage([
        'No target for "Sales" of "North" in 2026-03; it is shown as no data.',
        'No target for "Sales" of "South" in 2026-03; it is shown as no data.',
      ]),
    ).toBe('No target for "Sales" of "North" … in 2026-03; it is shown as no data.');
    expect(
      mergedMessage([
        'The tolerance 15 of "A" was read as 15 % (0.15).',
        'The tolerance 20 of "A" was read as 20 % (0.2).',
      ]),
    ).toBe('The tolerance 15 … of "A" was read as 15 … % (0.15 …).');
  });

  it("reads single-quoted values as values, but not an apostrophe within a word", () => {
    const notes = [
      ["Marketing", "Expense", "Data!B2"],
      ["IT", "Opex", "Data!B3"],
      ["Travel", "Expense", "Data!B4"],
    ].map(
      ([kpi, type, cell]) =>
        kpiDirection({ kpi: kpi!, kpiCell: null, classCell: { header: "Type", text: type!, cell: cell! } })
          .issue!,
    );
    expect(groupIssues(notes).map(issueLine)).toEqual([
      "Data!B2, B3, B4: Assumed lower is better for \"Marketing\" …: its Type cell 'Expense' … marks it as a cost; write higher in a Polarity column to change it.",
    ]);
    const ours = (sheet: string) =>
      `The name Rev marks "${sheet}" as the add-in's sheet, but the add-in did not make it.`;
    expect(mergedMessage([ours("A"), ours("B")])).toBe(
      `The name Rev marks "A" … as the add-in's sheet, but the add-in did not make it.`,
    );
  });

  it("reads a cell address as a value", () => {
    const twice = (kpi: string, row: number) =>
      issue("duplicate-kpi", `Data!D${row}`, { kpi, period: "2026-03", first: `Data!D${row - 1}` });
    expect(groupIssues([twice("NPS", 3), twice("Churn", 7)]).map(issueLine)).toEqual([
      'Data!D3, D7: "NPS" … appears twice in 2026-03; the row at Data!D2 … is used and this one is left out.',
    ]);
  });

  it("gives the first sentence when the sentences differ in their words", () => {
    expect(
      mergedMessage(['"A" appears twice; the row at Data!E2 is used', '"A" appears twice in 2026-01; x']),
    ).toBe('"A" appears twice; the row at Data!E2 is used');
    expect(mergedMessage([])).toBe("");
  });
});

describe("issuePlace and issueSelection", () => {
  const at = (...cells: string[]) => ({
    severity: "error" as const,
    code: "x",
    cell: cells[0] ?? null,
    message: "m",
    cells,
    count: cells.length,
  });

  it("name one cell, a few cells, a run of rows, or a range with gaps and its first cells", () => {
    expect(issuePlace(at("Data!F2"))).toBe("Data!F2");
    expect(issuePlace(at("Data!F2", "Data!F9", "Data!F14"))).toBe("Data!F2, F9, F14");
    expect(issuePlace(at("Data!F2", "Data!F3", "Data!F4", "Data!F5"))).toBe("Data!F2:F5 (4 cells)");
    expect(issuePlace(at("Data!F2", "Data!F9", "Data!F14", "Data!F20"))).toBe(
      "Data!F2:F20 (4 cells, first F2, F9, F14)",
    );
    expect(issuePlace(at("'P&L 2026'!B7", "'P&L 2026'!B8"))).toBe("'P&L 2026'!B7, B8");
    expect(issuePlace(at())).toBe("");
    expect(issuePlace(at("Data!A1:C9"))).toBe("Data!A1:C9");
  });

  it("name a column of 200,000 cells without spreading them into one call", () => {
    const cells = Array.from({ length: 200_000 }, (_, i) => `Data!F${i + 2}`);
    const column = { ...at(), cell: "Data!F2", cells, count: cells.length };
    expect(issuePlace(column)).toBe("Data!F2:F200001 (200000 cells)");
    expect(issueSelection(column)).toBe("Data!F2:F200001");
  });

  it("select every cell of a column group, else the first cell", () => {
    expect(issueSelection(at("Data!F9", "Data!F2", "Data!F14"))).toBe("Data!F2:F14");
    expect(issueSelection(at("Data!F9"))).toBe("Data!F9");
    expect(issueSelection(at("Data!F9", "Notes!F2"))).toBe("Data!F9");
    expect(issueSelection(at())).toBeNull();
  });
});

describe("bsc's report and the JSON report", () => {
  const rows = [
    ["Month", "KPI", "Actual", "Target"],
    ["2026-01", "Sales", 5, 4],
    ...Array.from({ length: 30 }, (_, i) => [
      `${String((i % 12) + 1).padStart(2, "0")}-20x${i}`,
      "Sales",
      5,
      4,
    ]),
  ];

  it("print one line for thirty unreadable periods of one column, and keep each cell in the JSON", () => {
    const { result, model } = score(book(sheet("Data", rows)));
    const report = buildReport(result, model.layout);
    // The report keeps one issue per cell, as it always has: a reader of `issues` loses nothing.
    const cells = Array.from({ length: 30 }, (_, i) => `Data!A${i + 3}`);
    expect(report.issues.filter((i) => i.code === "period-unreadable").map((i) => i.cell)).toEqual(cells);
    const json = reportJson(report);
    expect(json.issueGroups.filter((g) => g.code === "period-unreadable")).toEqual([
      expect.objectContaining({ cell: "Data!A3", cells, count: 30 }),
    ]);
    const text = reportText(report).split("\n");
    expect(text.filter((l) => l.includes("is not a period"))).toEqual([
      '  error   Data!A3:A32 (30 cells): "01-20x0" … is not a period (use a date, 2026-03, Mar 2026, Q1 2026, 2026-W05 or FY2026); the row is left out.',
    ]);
    expect(text).toContain("1 error:");
    // The ribbon's and the pane's sentence counts causes as the list shows them.
    expect(outcomeSentence(report)).toMatch(/ 1 issue to look at\.$/);
  });
});

describe("the issues in the pane's words and in bsc's", () => {
  const rows = [
    ["Month", "KPI", "Actual", "Target"],
    ["03/04/2026", "Sales", 5, 4],
    ["05/06/2026", "Sales", 5, 4],
    ["Mar", "Cost", 5, 4],
  ];

  it("carry the pane's sentence in the report, and print bsc's alone in the JSON", () => {
    const { result, model } = score(book(sheet("Data", rows)));
    const report = buildReport(result, model.layout);
    const worded = report.issues.filter((i) => i.pane !== undefined);
    expect(worded.map((i) => i.code)).toEqual(["period-day-order", "period-day-order", "period-no-year"]);
    for (const found of worded) {
      expect(found.message).toMatch(/bsc --/);
      expect(found.pane).not.toMatch(/bsc|--/);
    }
    // The pane's groups merge the pane's sentences as they merge bsc's.
    const [dayOrder] = groupIssues(report.issues);
    expect(dayOrder?.pane).toMatch(/^"03\/04\/2026" … is read as month\/day: .* say so in the set-up\.$/);
    const json = JSON.parse(JSON.stringify(reportJson(report))) as ReturnType<typeof reportJson>;
    for (const found of [...json.issues, ...json.issueGroups]) {
      expect(Object.keys(found)).not.toContain("pane");
    }
    expect(json.issues.map((i) => i.message)).toEqual(report.issues.map((i) => i.message));
  });
});
