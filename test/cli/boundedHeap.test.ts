import { execFile } from "node:child_process";
import { mkdtempSync, promises as fs, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * The built bsc reads a workbook in a child whose heap is capped (src/cli/boundedHeap.ts): a run
 * that needs more ends in exit 2 with one sentence, never V8's trace; within the cap it runs as
 * before, its output and exit status passed through.
 */

const run = promisify(execFile);
const root = path.join(__dirname, "..", "..");
const bsc = path.join(root, "bin", "bsc.cjs");

let dir: string;
beforeAll(async () => {
  await run(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root });
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-heap-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const csv = (rows: number) =>
  [
    "KPI,Month,Actual,Target",
    ...Array.from(
      { length: rows },
      (_, i) => `K${i % 500},2024-${String((i % 12) + 1).padStart(2, "0")},${i},5`,
    ),
  ].join("\n");

async function runBsc(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bsc, ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("bsc within a bounded memory", () => {
  it("passes its child's output and exit status through", async () => {
    writeFileSync(path.join(dir, "small.csv"), csv(24));
    const r = await runBsc(["check", "small.csv", "--json"], { BSC_HEAP_LIMIT_MB: "512" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).read.kpis).toBe(24);
  });

  it("ends a run that needs more than its cap in exit 2 with one sentence, no trace, nothing written", async () => {
    writeFileSync(path.join(dir, "big.csv"), csv(60_000));
    const r = await runBsc(["refresh", "big.csv"], { BSC_HEAP_LIMIT_MB: "12" });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      "The workbook is too large for bsc's memory limit (12 MB of working memory); nothing was written. Split the table, or score fewer rows.",
    ]);
    expect(await fs.stat(path.join(dir, "big.scorecard.xlsx")).catch(() => null)).toBeNull();
  });
});
