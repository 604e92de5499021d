import { runScorecard } from "../../src/app/scorecard";
import { SUMMARY_HEADER_ROW } from "../../src/plan/summary";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, sheet } from "../helpers/book";

const data = () =>
  sheet("Data", [
    ["Perspective", "Objective", "KPI", "Actual", "Target"],
    ["Financial", "Grow", "Revenue", 105, 100],
    ["Customer", "Keep", "Churn", 0.3, 0.2],
  ]);

describe("the memory workbook", () => {
  it("keeps the summary's outline, links and print setup beside its values, replaced on each refresh", async () => {
    const port = new MemoryWorkbook(book(data()));
    await runScorecard(port, {}, true);
    await runScorecard(port, {}, true);
    expect([...port.layouts.keys()].filter((name) => name === "Scorecard")).toEqual(["Scorecard"]);
    const layout = port.layouts.get("Scorecard")!;
    const top = SUMMARY_HEADER_ROW + 1;
    expect(layout.rowOutline).toEqual([
      { row: top + 1, level: 1 },
      { row: top + 2, level: 2 },
      { row: top + 4, level: 1 },
      { row: top + 5, level: 2 },
    ]);
    expect(layout.hyperlinks?.map((h) => h.location)).toEqual(["Data!D2", "Data!D3"]);
    expect(layout.print?.titleRows).toEqual({ first: SUMMARY_HEADER_ROW, last: SUMMARY_HEADER_ROW });
    // The definition sheet has none of these.
    expect(port.layouts.get("BSC Definition")).toEqual({});
  });
});
