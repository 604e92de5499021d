import { readPeriodColumn } from "../../src/model/periodText";
import { readScorecard } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { allKpis, book, score, sheet } from "../helpers/book";

/**
 * Months keyed as YYYYMM numbers (202401), as databases and ERP exports write them
 * (periodText.ts): read as year and month where the reader reads a period, never as a date serial
 * (202401 is a day in 2454) nor, under another header, as periods at all.
 */

const months = (values: readonly CellValue[]) =>
  readPeriodColumn(values).periods.map((p) => (p ? `${p.granularity} ${p.year}-${p.index}` : null));

describe("a period column of YYYYMM numbers", () => {
  it("reads each as its year and month, as a number or as six digits of text", () => {
    expect(months([202401, 202402, null, "202412", 190001, 210012])).toEqual([
      "month 2024-1",
      "month 2024-2",
      null,
      "month 2024-12",
      "month 1900-1",
      "month 2100-12",
    ]);
  });

  it("is taken as a whole column only: one number that is no month (202413, 45000) leaves every cell as before", () => {
    expect(months([202401, 202413])).not.toContain("month 2024-1");
    expect(months([202401, 45000])).not.toContain("month 2024-1");
  });

  it.each([["Period"], ["month_id"], ["yyyymm"], ["Mes"]])(
    "scores a long table's latest month under %s, each line once per month",
    (header) => {
      const rows = [
        [header, "category_name", "budget_amount", "actual_amount"],
        [202401, "Revenue", 100, 90],
        [202402, "Revenue", 100, 110],
        [202401, "Margin", 50, 40],
        [202402, "Margin", 50, 45],
      ];
      const { model, result } = score(book(sheet("Data", rows)));
      expect(result.period).toBe("2024-02");
      expect(allKpis(result).map((k) => [k.kpi.name, k.actual])).toEqual([
        ["Revenue", 110],
        ["Margin", 45],
      ]);
      expect(model.issues.filter((i) => i.severity === "error")).toEqual([]);
    },
  );
});

it.each([["YYYYMM"], ["Year Month"], ["AAAAMM"]])(
  "a column headed %s is the period beside KPI, Target and Actual named by their headers",
  (header) => {
    const { result } = score(
      book(
        sheet("Data", [
          ["KPI", header, "Target", "Actual"],
          ["Revenue", 202401, 100, 90],
          ["Revenue", 202402, 100, 110],
        ]),
      ),
    );
    expect(result.period).toBe("2024-02");
    expect(allKpis(result).map((k) => k.actual)).toEqual([110]);
  },
);

describe("what stays a number", () => {
  it("a column of codes in the same range under a header that names no period", () => {
    const reading = readScorecard(
      book(
        sheet("Data", [
          ["Account", "Line", "Budget", "Actual"],
          [200101, "Payables", 10, 12],
          [200102, "Accruals", 5, 4],
        ]),
      ),
      null,
      new Set(),
      {},
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.model.layout?.inferred.join("; ")).not.toContain("Period from");
    expect(reading.model.kpis.map((k) => k.name)).toEqual(["Payables", "Accruals"]);
  });

  it("actuals and targets in the same range", () => {
    const { result } = score(
      book(
        sheet("Data", [
          ["KPI", "Target", "Actual"],
          ["Units", 200101, 200102],
          ["Orders", 200103, 200104],
        ]),
      ),
    );
    expect(allKpis(result).map((k) => k.actual)).toEqual([200102, 200104]);
  });
});
