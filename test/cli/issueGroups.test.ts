import { mkdtempSync, promises as fs, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";

async function bsc(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: () => undefined, cwd });
  return { code, stdout: out.join("\n") };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-groups-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("bsc: one line per cause", () => {
  // Twenty rows whose period no reader takes, below two that score: twenty cells, one cause.
  const csv = [
    "Period,KPI,Actual,Target",
    "2026-01,Sales,5,4",
    "2026-02,Sales,6,4",
    ...Array.from({ length: 20 }, (_, i) => `someday ${i},Sales,5,4`),
  ].join("\n");

  it("prints one line for the twenty rows, and the JSON keeps each issue and adds the group", async () => {
    writeFileSync(path.join(dir, "book.csv"), csv);
    const text = await bsc(dir, "check", "book.csv");
    expect(text.stdout.split("\n").filter((l) => l.includes("is not a period"))).toEqual([
      '  error   book!A4:A23 (20 cells): "someday 0" … is not a period (use a date, 2026-03, Mar 2026, Q1 2026, 2026-W05 or FY2026); the row is left out.',
    ]);
    const json = JSON.parse((await bsc(dir, "check", "book.csv", "--json")).stdout);
    const cells = Array.from({ length: 20 }, (_, i) => `book!A${i + 4}`);
    expect(
      json.issues
        .filter((i: { code: string }) => i.code === "period-unreadable")
        .map((i: { cell: string }) => i.cell),
    ).toEqual(cells);
    expect(json.issueGroups).toEqual([
      expect.objectContaining({ code: "period-unreadable", cell: "book!A4", cells, count: 20 }),
    ]);
  });
});
