import { execFile, spawn } from "node:child_process";
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { writeWholeFile } from "../../src/cli/safeWrite";
import { runCli } from "../../src/cli/main";
import { packagePort } from "../helpers/package";

const root = path.join(__dirname, "..", "..");
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-write-"));
});

const bytes = (text: string) => new TextEncoder().encode(text);
const leftovers = () => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

describe("writing a file whole", () => {
  it("keeps the file's mode, and leaves no temporary file", async () => {
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, "old");
    chmodSync(file, 0o600);
    await writeWholeFile(file, bytes("new"));
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers()).toEqual([]);
  });

  it("refreshes a symbolic link's target and keeps the link a link", async () => {
    const target = path.join(dir, "real.xlsx");
    const link = path.join(dir, "link.xlsx");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    await writeWholeFile(link, bytes("new"));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
  });

  it.each([
    ["a read-only file", (file: string) => chmodSync(file, 0o444), "it is read-only"],
    ["a hard-linked file", (file: string) => linkSync(file, `${file}.other`), "it has other hard links"],
  ])("refuses %s and leaves it as it was", async (_, prepare, why) => {
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, "old");
    prepare(file);
    await expect(writeWholeFile(file, bytes("new"))).rejects.toThrow(why);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(leftovers()).toEqual([]);
  });

  it("removes a temporary file a killed process left behind", async () => {
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, "old");
    // No process has this id (above Linux's pid_max): its writer is gone.
    writeFileSync(path.join(dir, ".book.xlsx.4194305.tmp"), "half");
    await writeWholeFile(file, bytes("new"));
    expect(leftovers()).toEqual([]);
  });
});

describe("bsc refresh and its output file", () => {
  const io = { stdout: () => undefined, stderr: () => undefined };

  it.each([["/dev/zero"], ["a FIFO"]])(
    "refuses to read %s, which is no regular file, at once",
    async (what) => {
      let file = what;
      if (what === "a FIFO") {
        file = path.join(dir, "pipe.xlsx");
        await promisify(execFile)("mkfifo", [file]);
      }
      let said = "";
      const code = await runCli(["check", file], { ...io, stderr: (t) => (said = t), cwd: dir });
      expect(code).toBe(2);
      expect(said).toBe(`Cannot read ${file}: it is not a regular file.`);
    },
  );

  it("refuses -o naming the input without --in-place", async () => {
    let said = "";
    expect(await runCli(["sample", "demo.xlsx"], { ...io, cwd: dir })).toBe(0);
    const code = await runCli(["refresh", "demo.xlsx", "-o", "./demo.xlsx", "--force"], {
      ...io,
      stderr: (t) => (said = t),
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(said).toBe("-o names demo.xlsx itself; use --in-place to refresh it where it is.");
  });

  it("leaves the original or the whole refreshed workbook when killed at any moment, and no temporary file", async () => {
    const run = promisify(execFile);
    await run(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root });
    const bin = path.join(root, "bin", "bsc.cjs");
    expect(await runCli(["sample", "demo.xlsx"], { ...io, cwd: dir })).toBe(0);
    const file = path.join(dir, "demo.xlsx");
    const original = readFileSync(file);

    for (const delay of [30, 120, 250, 400, 600, 900]) {
      writeFileSync(file, original);
      const child = spawn(process.execPath, [bin, "refresh", "demo.xlsx", "--in-place"], {
        cwd: dir,
        stdio: "ignore",
      });
      // Listened for at once: a refresh quicker than the delay has exited before the kill.
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      const now = readFileSync(file);
      // Either untouched, or a whole refreshed package: its directory reads, its summary is there.
      if (!now.equals(original)) {
        const sheets = (await (await packagePort(now)).readSnapshot()).sheets.map((s) => s.name);
        expect(sheets).toEqual(expect.arrayContaining(["Scorecard", "BSC Definition"]));
      }
      const checked = await runCli(["check", "demo.xlsx"], { ...io, cwd: dir });
      expect(checked).toBe(0);
    }
    // The next refresh clears whatever a killed one left.
    expect(await runCli(["refresh", "demo.xlsx", "--in-place"], { ...io, cwd: dir })).toBe(0);
    expect(leftovers()).toEqual([]);
  }, 120000);
});
