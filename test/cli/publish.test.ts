import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, UsageError } from "../../src/cli/args";
import { runCli } from "../../src/cli/main";
import { readHistory, type HistoryRow } from "../../src/model/historySheet";
import { ownedSheets } from "../../src/model/ownership";
import { parseDefinition } from "../../src/model/definition";
import { storedDefinitionText } from "../../src/model/ownership";
import { packagePort } from "../helpers/package";
import { workbookBytes } from "../helpers/xlsx";
import { withNumberIn } from "../helpers/zip";

/** Three months of two KPIs; Revenue of 2026-11 sits in E4. */
const ROWS = [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
  ["2026-10", "Financial", "Grow", "Revenue", 90, 100, "higher"],
  ["2026-10", "Financial", "Save", "Costs", 50, 50, "lower"],
  ["2026-11", "Financial", "Grow", "Revenue", 100, 100, "higher"],
  ["2026-11", "Financial", "Save", "Costs", 48, 50, "lower"],
  ["2026-12", "Financial", "Grow", "Revenue", 95, 100, "higher"],
  ["2026-12", "Financial", "Save", "Costs", 47, 50, "lower"],
];

async function bsc(dir: string, args: string[], at: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    cwd: dir,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: new Date(at),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The file with one cell of its first sheet set to another number, as a user's edit would. */
async function setNumber(file: string, cell: string, value: number): Promise<void> {
  writeFileSync(file, await withNumberIn(readFileSync(file), "xl/worksheets/sheet1.xml", cell, value));
}

async function historyOf(file: string): Promise<HistoryRow[]> {
  const snapshot = await (await packagePort(readFileSync(file))).readSnapshot();
  return readHistory(snapshot, ownedSheets(snapshot));
}

const kpiRow = (rows: HistoryRow[], period: string, kpi: string) =>
  rows.find((r) => r.period === period && r.level === "KPI" && r.kpi === kpi);

describe("bsc publish", () => {
  it("keeps a published month as published through a change of its data, and says the restatement", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-publish-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, await workbookBytes([{ name: "Data", rows: ROWS }]));

    for (const [period, at] of [
      ["2026-10", "2026-11-03T09:00:00Z"],
      ["2026-11", "2026-12-02T09:00:00Z"],
    ] as const) {
      const run = await bsc(dir, ["refresh", "book.xlsx", "--in-place", "--period", period], at);
      expect(run.code).toBe(0);
    }
    const published = await bsc(
      dir,
      ["publish", "book.xlsx", "--period", "2026-11", "--in-place"],
      "2026-12-02T10:00:00Z",
    );
    expect(published.code).toBe(0);
    expect(published.err).toContain("2026-11 is published");

    await setNumber(file, "E4", 80);
    const december = await bsc(dir, ["refresh", "book.xlsx", "--in-place", "--json"], "2027-01-05T09:00:00Z");
    expect(december.code).toBe(0);

    const rows = await historyOf(file);
    expect([...new Set(rows.map((r) => r.period))]).toEqual(["2026-10", "2026-11", "2026-12"]);
    // The published month unchanged, marked published; the others not.
    expect(kpiRow(rows, "2026-11", "Revenue")).toMatchObject({
      actual: 100,
      target: 100,
      status: "On target",
      source: "Data!E4",
      published: "2026-12-02 10:00:00 UTC",
      recorded: "2026-12-02 10:00:00 UTC",
    });
    expect(kpiRow(rows, "2026-10", "Revenue")).toMatchObject({ actual: 90, published: "" });
    // December's trend against the published 100 (fell), not the restated 80 (would have risen).
    expect(kpiRow(rows, "2026-12", "Revenue")).toMatchObject({ actual: 95, trend: "Worse" });
    expect(rows.filter((r) => r.period === "2026-12" && r.level === "Scorecard")).toHaveLength(1);

    const report = JSON.parse(december.out) as {
      issues: { code: string; cell: string; message: string }[];
      perspectives: { objectives: { kpis: { name: string; trend: string }[] }[] }[];
    };
    const restated = report.issues.filter((i) => i.code === "restated");
    expect(restated).toHaveLength(1);
    expect(restated[0]).toMatchObject({ cell: "Data!E4" });
    expect(restated[0]?.message).toMatch(/^Revenue 2026-11: 100 when published, now 80 \(Data!E4\)/);
    const revenue = report.perspectives[0]?.objectives
      .flatMap((o) => o.kpis)
      .find((k) => k.name === "Revenue");
    expect(revenue?.trend).toBe("worse");

    // bsc check says it too, and the Scorecard sheet carries the line.
    const check = await bsc(dir, ["check", "book.xlsx"], "2027-01-05T10:00:00Z");
    expect(check.out).toContain("Revenue 2026-11: 100 when published, now 80 (Data!E4)");
    const snapshot = await (await packagePort(readFileSync(file))).readSnapshot();
    const owned = ownedSheets(snapshot);
    const board = snapshot.sheets.find((s) => s.name === owned.summary);
    const texts = (board?.values ?? []).flat().filter((v): v is string => typeof v === "string");
    expect(texts).toContain("Restated since published");
    expect(texts.some((t) => t.startsWith("Revenue 2026-11: 100 when published, now 80 (Data!E4)"))).toBe(
      true,
    );
    const definition = parseDefinition(storedDefinitionText(snapshot, owned) ?? "");
    expect(definition.ok && definition.definition.published).toEqual([
      { period: "2026-11", at: "2026-12-02T10:00:00.000Z" },
    ]);
  });

  it("unpublishes: says so, and the next refresh of the month records the table's values again", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-unpublish-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, await workbookBytes([{ name: "Data", rows: ROWS }]));
    expect(
      (await bsc(dir, ["publish", "book.xlsx", "--period", "2026-11", "--in-place"], "2026-12-02T10:00:00Z"))
        .code,
    ).toBe(0);
    await setNumber(file, "E4", 80);
    const refused = await bsc(
      dir,
      ["refresh", "book.xlsx", "--in-place", "--period", "2026-11"],
      "2026-12-03T10:00:00Z",
    );
    expect(refused.code).toBe(0);
    expect(kpiRow(await historyOf(file), "2026-11", "Revenue")?.actual).toBe(100);

    const undone = await bsc(
      dir,
      ["publish", "book.xlsx", "--period", "2026-11", "--unpublish", "--in-place"],
      "2026-12-04T10:00:00Z",
    );
    expect(undone.code).toBe(0);
    expect(undone.err).toContain("2026-11 is no longer published");
    await bsc(dir, ["refresh", "book.xlsx", "--in-place", "--period", "2026-11"], "2026-12-05T10:00:00Z");
    expect(kpiRow(await historyOf(file), "2026-11", "Revenue")).toMatchObject({ actual: 80, published: "" });
    const again = await bsc(dir, ["check", "book.xlsx", "--json"], "2026-12-05T11:00:00Z");
    expect(again.out).not.toContain("restated");
  });

  it("refuses a period the table does not hold, naming its range, and changes nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-publish-missing-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, await workbookBytes([{ name: "Data", rows: ROWS }]));
    const before = readFileSync(file);
    const run = await bsc(
      dir,
      ["publish", "book.xlsx", "--period", "2025-03", "--in-place"],
      "2026-12-02T10:00:00Z",
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain("2026-10 to 2026-12");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("needs --period, and takes no reading options", () => {
    expect(() => parseArgs(["publish", "book.xlsx"])).toThrow(UsageError);
    expect(() => parseArgs(["publish", "book.xlsx", "--period", "2026-11", "--table", "T"])).toThrow(
      /publish does not take --table/,
    );
    expect(parseArgs(["publish", "book.xlsx", "--period", "2026-11", "--unpublish", "-o", "x.xlsx"])).toEqual(
      {
        kind: "publish",
        book: "book.xlsx",
        out: "x.xlsx",
        period: "2026-11",
        inPlace: false,
        force: false,
        unpublish: true,
        json: false,
      },
    );
  });
});
