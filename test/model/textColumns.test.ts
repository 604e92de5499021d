import { mapColumns } from "../../src/app/definitionEdits";
import { allKpis, book, score, sheet } from "../helpers/book";

const columnIssues = (model: { issues: readonly { code: string; cell: string | null; message: string }[] }) =>
  model.issues.filter((i) => i.code === "column-mostly-text");

describe("an Actual or Target column that holds mostly text", () => {
  it("is named at its header cell, with the numeric column to map instead", () => {
    const rows = [
      ["Perspective", "Objective", "KPI", "Actual", "Goal", "Budget"],
      ["Financial", "Grow", "Revenue", 1050, "Grow sales", 1000],
      ["Financial", "Grow", "Margin", 0.4, "Keep margins", 0.35],
      ["Customer", "Delight", "NPS", 42, 40, 40],
    ];
    const { model, result } = score(book(sheet("Data", rows)));
    expect(allKpis(result).map((k) => k.status)).toEqual(["none", "none", "green"]);
    expect(columnIssues(model)).toMatchObject([
      {
        code: "column-mostly-text",
        severity: "warning",
        cell: "Data!E1",
        message:
          'The Target column "Goal" (read as Target from its header) holds text, not numbers, in 2 of its 3 filled cells, so those KPIs have no target. If "Budget" holds the targets, name it: bsc --map target="Budget" (or the task pane\'s set-up).',
      },
    ]);
  });

  it("says so for a column the user named by hand, and asks for the header when no column fits", () => {
    const rows = [
      ["KPI", "Amount", "Target", "Notes"],
      ["Revenue", 1050, 1000, "on track"],
      ["Margin", 0.4, 0.35, "watch"],
    ];
    const { model } = score(book(sheet("Data", rows)), { definition: mapColumns(null, { actual: "Notes" }) });
    expect(columnIssues(model).map((i) => [i.cell, i.message])).toEqual([
      [
        "Data!D1",
        'The Actual column "Notes" (named by hand) holds text, not numbers, in 2 of its 2 filled cells, so those KPIs have no actual. If "Amount" holds the actuals, name it: bsc --map actual="Amount" (or the task pane\'s set-up).',
      ],
    ]);
    const noOther = [
      ["KPI", "Actual", "Target"],
      ["Revenue", "n/a", 1000],
      ["Margin", "tbd", 0.35],
    ];
    expect(columnIssues(score(book(sheet("Data", noOther))).model).map((i) => i.message)).toEqual([
      'The Actual column "Actual" (read as Actual from its header) holds text, not numbers, in 2 of its 2 filled cells, so those KPIs have no actual. Name the column that holds the actuals: bsc --map actual="its header" (or the task pane\'s set-up).',
    ]);
  });

  it("is not said of a column of numbers with a few words, blanks or numbers written as text", () => {
    const rows = [
      ["KPI", "Actual", "Target"],
      ["Revenue", 1050, "1,000"],
      ["Margin", "n/a", 0.35],
      ["NPS", 42, null],
      ["Churn", null, "tbd"],
    ];
    expect(columnIssues(score(book(sheet("Data", rows))).model)).toEqual([]);
    // Actuals still to be filled in, two marked "n/a": not a column of words.
    const unfilled = [
      ["KPI", "Actual", "Target"],
      ["Revenue", "n/a", 1000],
      ["Margin", null, 0.35],
      ["NPS", "tbd", 40],
      ["Churn", null, 0.05],
      ["Cost", null, 700],
    ];
    expect(columnIssues(score(book(sheet("Data", unfilled))).model)).toEqual([]);
  });

  it("checks a wide table's Target column, not the period columns that hold its actuals", () => {
    const rows = [
      ["KPI", "Target", "Jan 2026", "Feb 2026"],
      ["Revenue", "grow", 90, 104],
      ["Margin", "hold", 0.3, 0.4],
    ];
    expect(columnIssues(score(book(sheet("Data", rows))).model).map((i) => i.cell)).toEqual(["Data!B1"]);
  });
});
