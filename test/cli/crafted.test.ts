/**
 * Crafted inputs (issue 20): each ends in exit 0 with every XML part well-formed and no text over
 * 32,767 characters, or in exit 2 with one sentence; never exit 1 for a fault, never a crash.
 */
import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { editPart, packageProblems, runBsc, tableBook, withStoredDefinition } from "./craftedInputs";

const bsc = runBsc;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-crafted-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Refreshes `bytes` and checks the outcome is whole: exit 0 and a sound package, or exit 2 and one sentence. */
async function refreshSoundly(bytes: Uint8Array, ...options: string[]) {
  writeFileSync(path.join(dir, "in.xlsx"), bytes);
  const run = await bsc(dir, "refresh", "in.xlsx", "-o", "out.xlsx", ...options);
  if (run.code === 2) {
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    return { run, problems: [] as string[] };
  }
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  return { run, problems: await packageProblems(readFileSync(path.join(dir, "out.xlsx")), bytes) };
}

async function refreshed(bytes: Uint8Array): Promise<Buffer> {
  writeFileSync(path.join(dir, "base.xlsx"), bytes);
  expect((await bsc(dir, "refresh", "base.xlsx", "-o", "base.scorecard.xlsx")).code).toBe(0);
  return readFileSync(path.join(dir, "base.scorecard.xlsx"));
}

describe("names with characters XML cannot hold", () => {
  it.each([
    ["_x0001_", "Rev_x0001_enue"],
    ["_x001B_", "Rev_x001B_]0;title_x0007_"],
    ["U+FFFE", "Rev\ufffeenue"],
  ])("a KPI named with %s keeps every written part well-formed", async (_, name) => {
    const book = await editPart(await tableBook(), "xl/sharedStrings.xml", (xml) =>
      xml.replace(">Revenue<", `>${name}<`),
    );
    const { run, problems } = await refreshSoundly(book, "--strategy-map");
    expect(run.code).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe("a stored summary-sheet name Excel forbids", () => {
  it.each([
    ["a control character", "\u0001Score", /control characters/],
    ["apostrophes at its ends", "'Score'", /apostrophe/],
    ["the reserved name History", "history", /History/],
  ])("with %s is refused when the definition is read, naming the field", async (_, name, why) => {
    const book = await withStoredDefinition(await refreshed(await tableBook()), (d) => {
      (d.settings as Record<string, unknown>).summarySheetName = name;
    });
    writeFileSync(path.join(dir, "in.xlsx"), book);
    for (const args of [["check"], ["refresh", "-o", "out.xlsx"]]) {
      const run = await bsc(dir, args[0]!, "in.xlsx", ...args.slice(1));
      expect(run.code).toBe(1);
      const sentence = run.stderr.trim();
      expect(sentence.split("\n")).toHaveLength(1);
      expect(sentence).toContain("settings.summarySheetName");
      expect(sentence).toMatch(why);
    }
    expect(await fs.stat(path.join(dir, "out.xlsx")).catch(() => null)).toBeNull();
  });
});

describe("text longer than a cell holds", () => {
  it("a KPI name of 100,000 characters is cut to 32,767 wherever it is written, with a note", async () => {
    const long = `Revenue ${"x".repeat(100_000)}`;
    const book = await editPart(await tableBook(), "xl/sharedStrings.xml", (xml) =>
      xml.replace(">Revenue<", `>${long}<`),
    );
    const { run, problems } = await refreshSoundly(book, "--strategy-map", "--json");
    expect(run.code).toBe(0);
    expect(problems).toEqual([]);
    const notes = JSON.parse(run.stdout).issues.filter((i: { code: string }) => i.code === "write-note");
    expect(notes.map((n: { message: string }) => n.message).join("\n")).toMatch(/cut to that length/);
  });
});
