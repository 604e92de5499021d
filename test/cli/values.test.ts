/**
 * `bsc refresh` writes a live Scorecard sheet (formulas over the table's cells, their values
 * cached); `--values` writes the same figures as plain values, for a sheet frozen until the next
 * refresh.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { packagePort } from "../helpers/package";
import { zipEntries } from "../helpers/zip";

let dir: string;

async function bsc(...args: string[]): Promise<void> {
  const code = await runCli(args, { stdout: () => undefined, stderr: () => undefined, cwd: dir });
  if (code !== 0) throw new Error(`bsc ${args.join(" ")} exited with ${code}`);
}

/** The Scorecard sheet's part: the sheet the workbook names "Scorecard". */
async function scorecardXml(file: string): Promise<string> {
  const entries = await zipEntries(readFileSync(path.join(dir, file)));
  const text = (name: string) => entries.find((e) => e.name === name)!.data.toString("utf8");
  const id = /<sheet name="Scorecard"[^>]*r:id="(\w+)"/.exec(text("xl/workbook.xml"))![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))![1]!;
  return text(`xl/${target.replace(/^\/?xl\//, "")}`);
}

/** The Scorecard sheet's values, an empty cell and a formula's empty text alike as null. */
const scorecardValues = async (file: string) =>
  (await (await packagePort(readFileSync(path.join(dir, file)))).readSnapshot()).sheets
    .find((s) => s.name === "Scorecard")!
    .values.map((row) => {
      const cells = Array.from(row, (v) => v ?? null);
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-values-"));
  await bsc("sample", "sample.xlsx");
  await bsc("refresh", "sample.xlsx", "-o", "live.xlsx");
  await bsc("refresh", "sample.xlsx", "-o", "values.xlsx", "--values");
});

describe("bsc refresh and the Scorecard sheet's formulas", () => {
  it("writes scores, statuses and roll-ups as formulas over the table's cells by default", async () => {
    const xml = await scorecardXml("live.xlsx");
    expect(xml).toMatch(/<c r="B3"[^>]*><f>IF\(/);
    expect(xml).toMatch(/<f>IF\(AND\(ISNUMBER\('?KPI Data'?!\$?[A-Z]+\$?\d+\)/);
    expect(xml).toContain("<conditionalFormatting");
  });

  it("writes the same figures as plain values with --values, and says the sheet is regenerated", async () => {
    const xml = await scorecardXml("values.xlsx");
    expect(xml).not.toContain("<f>");
    expect(xml).not.toContain("<conditionalFormatting");
    const live = await scorecardValues("live.xlsx");
    const values = await scorecardValues("values.xlsx");
    // The cached values are the figures a sheet of values holds; only the note on row 7 differs,
    // and the live sheet's technical column saying which rows are fixed at the refresh (none here).
    const header = live[8]!;
    const fixed = header.indexOf("Fixed at refresh");
    expect(fixed).toBe(header.length - 1);
    const withoutFixed = live.map((row) => (row.length > fixed ? row.slice(0, fixed) : row));
    expect(values.filter((_, i) => i !== 6)).toEqual(withoutFixed.filter((_, i) => i !== 6));
    expect(String(live[6]![0])).toMatch(/follow edits to the source at once/);
    expect(String(values[6]![0])).not.toMatch(/follow edits/);
  });
});
