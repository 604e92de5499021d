/** Exit 3 for a fault of bsc's own, and terminal-safe output (issue 20, items 4 and 9). */
import { mkdtempSync, promises as fs, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as scorecard from "../../src/app/scorecard";
import { jsonTerminalSafe, terminalSafe } from "../../src/cli/terminal";
import { editPart, runBsc, tableBook } from "./craftedInputs";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-exit-"));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const bsc = (...args: string[]) => runBsc(dir, ...args);

describe("a fault in bsc", () => {
  it("ends in exit 3 with one sentence asking to report it, never 1", async () => {
    writeFileSync(path.join(dir, "book.xlsx"), await tableBook());
    jest.spyOn(scorecard, "runScorecard").mockRejectedValue(new TypeError("x is undefined"));
    for (const command of ["check", "refresh"]) {
      const run = await bsc(command, "book.xlsx");
      expect(run.code).toBe(3);
      expect(run.stderr.split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^A fault in bsc: please report it.*\(x is undefined\)\.$/);
    }
  });

  it("in --json mode also prints the error as JSON", async () => {
    writeFileSync(path.join(dir, "book.xlsx"), await tableBook());
    jest
      .spyOn(scorecard, "runScorecard")
      .mockRejectedValue(new RangeError("Maximum call stack size exceeded"));
    const run = await bsc("check", "book.xlsx", "--json");
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).error.message).toMatch(/^A fault in bsc: please report it/);
  });
});

describe("names that would act on a terminal", () => {
  const hostile = "\u001b]0;pwned\u0007Rev\u202eenue\u009b2J";

  it("are shown as visible escapes by bsc check, with no raw ESC", async () => {
    const book = await editPart(await tableBook(), "xl/sharedStrings.xml", (xml) =>
      xml.replace(">Revenue<", `>${hostile.replace("\u001b", "_x001B_").replace("\u0007", "_x0007_")}<`),
    );
    writeFileSync(path.join(dir, "book.xlsx"), book);
    const run = await bsc("check", "book.xlsx");
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the raw controls must not be there
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stdout).toContain("\\x1B]0;pwned\\x07Rev\\u202Eenue\\x9B2J");
  });

  it("stay the same names in --json, escaped as JSON", async () => {
    const json = jsonTerminalSafe(JSON.stringify({ name: hostile }));
    // eslint-disable-next-line no-control-regex -- the raw controls must not be there
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json).name).toBe(hostile);
  });

  it("keep tab and line feed, which bsc's own lines use", () => {
    expect(terminalSafe("a\tb\nc\rd")).toBe("a\tb\nc\\x0Dd");
  });
});
