import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { loadWorkbook, workbookBytes } from "../helpers/xlsx";

async function bsc(cwd: string, ...args: string[]) {
  const err: string[] = [];
  const code = await runCli(args, {
    cwd,
    stdout: () => undefined,
    stderr: (line) => err.push(line),
    now: new Date("2026-11-30T12:00:00Z"),
  });
  return { code, stderr: err.join("\n") };
}

async function demo(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-map-"));
  const bytes = await workbookBytes([
    {
      name: "KPIs",
      rows: [
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow revenue", "Revenue", 100, 100],
        ["Customer", "Delight customers", "NPS", 10, 100],
      ],
    },
    {
      name: "Objectives",
      rows: [
        ["Perspective", "Objective", "Drives"],
        ["Customer", "Delight customers", "Grow revenue"],
      ],
    },
  ]);
  writeFileSync(path.join(dir, "demo.xlsx"), bytes);
  return dir;
}

const sheetNames = async (file: string) =>
  (await loadWorkbook(readFileSync(file))).worksheets.map((w) => w.name);

describe("bsc refresh --strategy-map", () => {
  it("adds the Strategy Map sheet, and a later refresh without the switch keeps it", async () => {
    const dir = await demo();
    expect((await bsc(dir, "refresh", "demo.xlsx", "--strategy-map")).code).toBe(0);
    expect(await sheetNames(path.join(dir, "demo.scorecard.xlsx"))).toContain("Strategy Map");
    expect((await bsc(dir, "refresh", "demo.scorecard.xlsx", "--in-place")).code).toBe(0);
    const names = await sheetNames(path.join(dir, "demo.scorecard.xlsx"));
    expect(names.filter((n) => n.startsWith("Strategy Map"))).toEqual(["Strategy Map"]);
  });

  it("draws no map without the switch", async () => {
    const dir = await demo();
    expect((await bsc(dir, "refresh", "demo.xlsx")).code).toBe(0);
    expect(await sheetNames(path.join(dir, "demo.scorecard.xlsx"))).not.toContain("Strategy Map");
  });

  it("is a refresh switch: check refuses it, saying so", async () => {
    const dir = await demo();
    const checked = await bsc(dir, "check", "demo.xlsx", "--strategy-map");
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/--strategy-map/);
  });
});
