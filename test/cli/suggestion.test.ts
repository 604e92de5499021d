import { mkdtempSync, promises as fs, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { shellQuoted, suggestedCommand } from "../../src/app/suggestion";

/**
 * When no scorecard is found, `bsc` ends its sentence with the reader's best guess as a command
 * that works when pasted, and `--json` carries it as suggestion.args and suggestion.text
 * (WORKBOOK.md); where nothing comes near, the refusal says what the file holds.
 */

async function bsc(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-suggest-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// Two columns of numbers could be the actual: the reader does not choose, it suggests the one
// beside the budget.
const AMOUNTS = ["Line item,Committed,Spent,Budget", "Travel,4,10,12", "Salaries,50,100,90"].join("\n");

describe("a file whose actual column the reader cannot tell by itself", () => {
  it("is refused with a Try: command whose arguments, passed back, score it", async () => {
    writeFileSync(path.join(dir, "pack.csv"), AMOUNTS);
    const refused = await bsc(dir, "check", "pack.csv", "--json");
    expect(refused.code).toBe(1);
    const { suggestion } = JSON.parse(refused.stdout);
    expect(suggestion.args).toEqual(["--map", "kpi=Line item", "--map", "actual=Spent"]);
    expect(suggestion.text).toBe('bsc check pack.csv --map kpi="Line item" --map actual=Spent');
    expect(refused.stderr).toContain(`Try: ${suggestion.text}`);

    const followed = await bsc(dir, "check", "pack.csv", ...suggestion.args, "--json");
    expect(followed.code).toBe(0);
    const report = JSON.parse(followed.stdout);
    const kpis = report.perspectives.flatMap((p: { objectives: { kpis: { name: string }[] }[] }) =>
      p.objectives.flatMap((o) => o.kpis.map((k) => k.name)),
    );
    expect(kpis).toEqual(["Travel", "Salaries"]);
  });
});

describe("a file that holds no scorecard", () => {
  it("is refused with what it holds and lacks, and no suggestion", async () => {
    writeFileSync(
      path.join(dir, "traffic.csv"),
      ["Month,Visitors,Downloads", "2024-01,100,20", "2024-02,120,25"].join("\n"),
    );
    const refused = await bsc(dir, "check", "traffic.csv", "--json");
    expect(refused.code).toBe(1);
    const json = JSON.parse(refused.stdout);
    expect(json.suggestion).toBeUndefined();
    expect(json.error.message).toContain("holds a sheet of numbers by period (traffic)");
    expect(json.error.message).toContain("no target, budget or plan column");
  });
});

describe("the suggested command's words", () => {
  it("quote what a shell would split or expand, and leave plain words bare", () => {
    expect(shellQuoted("Amount")).toBe("Amount");
    expect(shellQuoted("Line item")).toBe('"Line item"');
    expect(shellQuoted('say "$HOME" `x`')).toBe('"say \\"\\$HOME\\" \\`x\\`"');
  });

  it("keep the user's own flags and add the guess after them", () => {
    const s = suggestedCommand(
      "refresh",
      "my book.xlsx",
      { mapping: { kpi: "Posten" } },
      {
        mapping: { target: "Plan 2024" },
        table: "Data",
      },
    );
    expect(s.args).toEqual(["--table", "Data", "--map", "target=Plan 2024", "--map", "kpi=Posten"]);
    expect(s.text).toBe('bsc refresh "my book.xlsx" --table Data --map target="Plan 2024" --map kpi=Posten');
  });
});

describe("a CSV written with a decimal comma", () => {
  it("reads dates no day above 12 settles as day/month, and says so", async () => {
    const csv = [
      "KPI;Datum;Ist;Soll",
      "Umsatz;01/02/2024;1.050,5;1.000",
      "Umsatz;01/03/2024;980,0;1.000",
    ].join("\n");
    writeFileSync(path.join(dir, "de.csv"), csv);
    const r = await bsc(dir, "check", "de.csv", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.period).toBe("2024-03");
    expect(report.issues).toContainEqual(expect.objectContaining({ cell: "de!B2" }));
  });
});
