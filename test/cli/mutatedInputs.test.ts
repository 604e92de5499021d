/**
 * Inputs of the crafted kinds, drawn at random (issue 20): a refreshed workbook with one part
 * edited (markup characters, a bad reference, a comment, a DTD, a cut) or with bytes of its ZIP
 * changed. Each run of check and refresh ends in exit 0 (a refresh's package sound), exit 1 (the
 * stored definition became unreadable) or exit 2 with one sentence: never a fault (3).
 */
import fc from "fast-check";
import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { propertyRuns } from "../helpers/runs";
import { partsOf, zipOf } from "../package/readPackageHelpers";
import { packageProblems, runBsc, tableBook } from "./craftedInputs";

let dir: string;
let refreshed: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-mutated-"));
  writeFileSync(path.join(dir, "base.xlsx"), await tableBook());
  expect((await runBsc(dir, "refresh", "base.xlsx", "-o", "ref.xlsx", "--strategy-map")).code).toBe(0);
  refreshed = readFileSync(path.join(dir, "ref.xlsx"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs check and refresh on `bytes`; what went wrong, or [] when each ended soundly. */
async function unsound(bytes: Uint8Array): Promise<string[]> {
  writeFileSync(path.join(dir, "in.xlsx"), bytes);
  const wrong: string[] = [];
  for (const args of [["check"], ["refresh", "-o", "out.xlsx", "--force"]]) {
    const run = await runBsc(dir, args[0]!, "in.xlsx", ...args.slice(1));
    const sentences = run.stderr.trim().split("\n").length;
    if (run.code === 3 || (run.code === 2 && sentences !== 1))
      wrong.push(`${args[0]}: ${run.code} ${run.stderr}`);
    if (args[0] === "refresh" && run.code === 0)
      wrong.push(...(await packageProblems(readFileSync(path.join(dir, "out.xlsx")), bytes)));
  }
  return wrong;
}

const EDITS = [
  "<",
  ">",
  "&",
  "&#1;",
  "<!--",
  "]]>",
  "<x>",
  "</x>",
  "\u0000",
  "\ufffe",
  '"',
  "'",
  "<?xml?>",
  "<!DOCTYPE x>",
  "&lt;",
  "<sheet/>",
  '<c r="A1"><v>1</v></c>',
  'r:id="rId99"',
];

it("a part edited at random ends soundly", async () => {
  const parts = [...(await partsOf(refreshed))];
  await fc.assert(
    fc.asyncProperty(
      fc.nat(parts.length - 1),
      fc.nat(),
      fc.option(fc.oneof(fc.constantFrom(...EDITS), fc.string({ maxLength: 5 }))),
      async (which, at, insert) => {
        const [name, xml] = parts[which]!;
        const pos = at % (xml.length + 1);
        const edited = insert === null ? xml.slice(0, pos) : xml.slice(0, pos) + insert + xml.slice(pos);
        const book = zipOf(parts.map(([n, data]) => ({ name: n, data: n === name ? edited : data })));
        expect(await unsound(book)).toEqual([]);
      },
    ),
    { numRuns: propertyRuns(60) },
  );
});

it("bytes of the ZIP changed at random end soundly", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(refreshed.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }),
      fc.option(fc.nat(refreshed.length)),
      async (changes, cut) => {
        const book = Buffer.from(refreshed);
        for (const [at, byte] of changes) book[at] = byte;
        expect(await unsound(cut === null ? book : book.subarray(0, cut))).toEqual([]);
      },
    ),
    { numRuns: propertyRuns(150) },
  );
});
