import { readPeriodHeaders } from "../../src/model/periodText";
import { readScorecard } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

const keys = (headers: readonly CellValue[]) =>
  readPeriodHeaders(headers).periods.map((p) => (p ? `${p.year}-${String(p.index).padStart(2, "0")}` : null));

describe("months keyed as YYYYMM in the headers across", () => {
  it.each([[[202401, 202402, 202403]], [["202401", "202402", "202403"]]])(
    "reads %p as January to March 2024, never as date serials (2454)",
    (headers) => {
      expect(keys(headers)).toEqual(["2024-01", "2024-02", "2024-03"]);
    },
  );

  it("reads the text headers beside them as it reads them alone", () => {
    expect(keys([202411, 202412, 202501, "FY Total"])).toEqual(["2024-11", "2024-12", "2025-01", null]);
  });

  it.each([
    ["one alone", [202401]],
    ["beside another number", [202401, 202402, 150000]],
    ["with a thirteenth month", [202412, 202413]],
  ])("does not take them %s", (_, headers) => {
    expect(keys(headers)).not.toEqual(expect.arrayContaining(["2024-01"]));
  });

  it("scores a wide table whose months across are YYYYMM numbers", () => {
    const rows: CellValue[][] = [
      ["KPI", "Series", 202401, 202402, 202403],
      ["Sales", "Actual", 10, 11, 12],
      ["Sales", "Target", 10, 10, 10],
      ["Fees", "Actual", 4, 5, 6],
      ["Fees", "Target", 5, 5, 5],
    ];
    const reading = readScorecard(book(sheet("Data", rows)), null, new Set());
    if (!reading.ok) throw new Error(reading.fatal.message);
    expect(reading.model.kpis.map((k) => [k.name, k.observations.map((o) => o.period?.year)])).toEqual([
      ["Sales", [2024, 2024, 2024]],
      ["Fees", [2024, 2024, 2024]],
    ]);
  });
});
