/**
 * The History sheet and a published month as LibreOffice shows them: three months refreshed by
 * bsc, one published and its data changed; Calc prints the restatement under the Scorecard
 * sheet's table, and a workbook Calc saved is read back and refreshed with its History whole.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { readHistory, type HistoryRow } from "../../src/model/historySheet";
import { ownedSheets } from "../../src/model/ownership";
import { packagePort } from "../helpers/package";
import { workbookBytes } from "../helpers/xlsx";
import { withNumberIn } from "../helpers/zip";
import { renderWithLibreOffice, savedByLibreOffice } from "./render";

const ROWS = [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
  ["2026-10", "Financial", "Grow", "Revenue", 90, 100, "higher"],
  ["2026-11", "Financial", "Grow", "Revenue", 100, 100, "higher"],
  ["2026-12", "Financial", "Grow", "Revenue", 95, 100, "higher"],
];

async function bsc(dir: string, ...args: string[]) {
  const code = await runCli(args, { stdout: () => undefined, stderr: () => undefined, cwd: dir });
  if (code !== 0) throw new Error(`bsc ${args.join(" ")} exited with ${code}`);
}

async function historyOf(file: string): Promise<HistoryRow[]> {
  const snapshot = await (await packagePort(readFileSync(file))).readSnapshot();
  return readHistory(snapshot, ownedSheets(snapshot));
}

const revenue = (rows: readonly HistoryRow[]) =>
  rows.filter((r) => r.level === "KPI").map((r) => [r.period, r.actual, r.trend, r.published !== ""]);

describe("History and a published month in LibreOffice", () => {
  let dir: string;
  let book: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bsc-history-"));
    book = path.join(dir, "book.xlsx");
    writeFileSync(book, await workbookBytes([{ name: "Data", rows: ROWS }]));
    await bsc(dir, "refresh", "book.xlsx", "--in-place", "--period", "2026-10");
    await bsc(dir, "refresh", "book.xlsx", "--in-place", "--period", "2026-11");
    await bsc(dir, "publish", "book.xlsx", "--in-place", "--period", "2026-11");
    // November's actual (E3) restated in the table after it was published.
    writeFileSync(book, await withNumberIn(readFileSync(book), "xl/worksheets/sheet1.xml", "E3", 80));
    await bsc(dir, "refresh", "book.xlsx", "--in-place");
  });

  it("prints the restatement below the Scorecard sheet's table, and the History sheet's rows", () => {
    const text = renderWithLibreOffice(book)
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain("Restated since published");
    expect(text).toContain("Revenue 2026-11: 100 when published, now 80 (Data!E3)");
    expect(text).toContain("Balanced Scorecard history");
  });

  it("keeps the History whole through a save by Calc and the next refresh", async () => {
    const expected = [
      ["2026-10", 90, "", false],
      ["2026-11", 100, "Better", true],
      ["2026-12", 95, "Worse", false],
    ];
    expect(revenue(await historyOf(book))).toEqual(expected);
    const saved = savedByLibreOffice(book);
    expect(revenue(await historyOf(saved))).toEqual(expected);
    const again = path.join(path.dirname(saved), "again.xlsx");
    await bsc(path.dirname(saved), "refresh", saved, "-o", again);
    expect(revenue(await historyOf(again))).toEqual(expected);
  });
});
