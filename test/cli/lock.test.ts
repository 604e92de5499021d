/** One writer at a time (issue 20 item 8): an in-place refresh holds a lock beside the file. */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, promises as fs, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { lockFileOf } from "../../src/cli/lock";
import { partsOf } from "../package/readPackageHelpers";
import { tableBook } from "./craftedInputs";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-lock-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A short wait where the lock is never let go; a long one where it is (a loaded machine is slow). */
async function refreshInPlace(lockWaitMs: number, ...options: string[]) {
  const err: string[] = [];
  const code = await runCli(["refresh", "book.xlsx", "--in-place", ...options], {
    cwd: dir,
    stdout: () => undefined,
    stderr: (t) => err.push(t),
    lockWaitMs,
  });
  return { code, stderr: err.join("\n") };
}

const sheetNames = async (file: string) =>
  [...(await partsOf(readFileSync(file))).get("xl/workbook.xml")!.matchAll(/<sheet name="([^"]+)"/g)].map(
    (m) => m[1],
  );

describe("an in-place refresh", () => {
  it("waits for a live lock's holder, then exits 2 naming the lock; the file is untouched", async () => {
    const book = path.join(dir, "book.xlsx");
    writeFileSync(book, await tableBook());
    const before = readFileSync(book);
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      writeFileSync(lockFileOf(book), `${holder.pid}\n`);
      const run = await refreshInPlace(300);
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(`another refresh (process ${holder.pid})`);
      expect(run.stderr).toContain(".book.xlsx.bsc-lock");
      expect(readFileSync(book).equals(before)).toBe(true);
      // Not its lock: it leaves it where it was.
      expect(existsSync(lockFileOf(book))).toBe(true);
    } finally {
      holder.kill();
    }
  });

  it("takes over a stale lock, whose process is gone, and removes its own when done", async () => {
    const book = path.join(dir, "book.xlsx");
    writeFileSync(book, await tableBook());
    const gone = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => gone.on("exit", resolve));
    writeFileSync(lockFileOf(book), `${gone.pid}\n`);
    const run = await refreshInPlace(300);
    expect(run.code).toBe(0);
    expect(existsSync(lockFileOf(book))).toBe(false);
    expect(await sheetNames(book)).toContain("Scorecard");
  });

  it("takes over a stale lock at once, with no time left to wait (a loaded machine may spend it all)", async () => {
    const book = path.join(dir, "book.xlsx");
    writeFileSync(book, await tableBook());
    const gone = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => gone.on("exit", resolve));
    writeFileSync(lockFileOf(book), `${gone.pid}\n`);
    const run = await refreshInPlace(0);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 0,
      stderr: expect.not.stringContaining("lock"),
    });
    expect(existsSync(lockFileOf(book))).toBe(false);
  });

  it("run twice at once, loses neither run's change: the second reads what the first wrote", async () => {
    const book = path.join(dir, "book.xlsx");
    writeFileSync(book, await tableBook());
    const [a, b] = await Promise.all([refreshInPlace(30_000, "--strategy-map"), refreshInPlace(30_000)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // Drawn by one run, the map is redrawn by the other whichever ran second.
    expect(await sheetNames(book)).toContain("Strategy Map");
    expect(existsSync(lockFileOf(book))).toBe(false);
  });

  it("removes its lock when the refresh fails", async () => {
    const book = path.join(dir, "book.xlsx");
    writeFileSync(book, "not a workbook");
    const run = await refreshInPlace(300);
    expect(run.code).toBe(2);
    expect(existsSync(lockFileOf(book))).toBe(false);
  });
});
