/**
 * Every string the product writes goes through one escaper per context (issue 20 item 2): random
 * Unicode (controls, unpaired surrogates, U+FFFE/U+FFFF, bidi marks, markup characters, _xHHHH_
 * look-alikes) written through each escaper, and through every writer of a refresh, leaves every
 * part well-formed.
 */
import fc from "fast-check";
import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  attributeText,
  markupText,
  MAX_TEXT_CHARS,
  spreadsheetText,
  WriteNotes,
} from "../../src/workbook/ooxml/escape";
import { decodeEscapes } from "../../src/workbook/package/read/sharedStrings";
import { propertyRuns } from "../helpers/runs";
import { notWellFormed, packageProblems, runBsc, tableBook } from "../cli/craftedInputs";
import { withParts, partsOf } from "./readPackageHelpers";

/** Characters that break careless writers, mixed with plain ones. */
const HOSTILE = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u000b",
  "\u001b",
  "\u001f",
  "\t",
  "\n",
  "\r",
  "\u007f",
  "\u0085",
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "\ufffe",
  "\uffff",
  "\ufffd",
  "\u200e",
  "\u202e",
  "\u2066",
  "<",
  ">",
  "&",
  '"',
  "'",
  "]]>",
  "_x0001_",
  "_x005F_",
  "_xD800_",
  "=",
  "!",
  "$",
  "A",
  "é",
  "中",
  " ",
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 3 })), {
    maxLength: 24,
  })
  .map((pieces) => pieces.join(""));

/** The text with each unpaired surrogate as U+FFFD (String.prototype.toWellFormed, ES2024). */
const wellFormed = (text: string): string =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

describe("each escaper", () => {
  it("keeps any text well-formed where it lands", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const xml = `<a b="${attributeText(text)}"><c>${markupText(text)}</c><t>${spreadsheetText(text)}</t></a>`;
        expect(notWellFormed(xml)).toBeNull();
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it("writes spreadsheet text so that it reads back as it was (an unpaired surrogate as U+FFFD)", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const written = spreadsheetText(text)
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&");
        expect(decodeEscapes(written)).toBe(wellFormed(text));
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it("keeps an attribute's tabs and line ends, which a parser would read as spaces", () => {
    expect(attributeText("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
  });

  it("cuts text at 32,767 characters, never through a surrogate pair, and notes where", () => {
    const notes = new WriteNotes();
    const text = `${"x".repeat(MAX_TEXT_CHARS - 1)}\ud83d\ude00 and more`;
    const written = spreadsheetText(text, "Scorecard!B7", notes);
    expect(written).toBe("x".repeat(MAX_TEXT_CHARS - 1));
    expect(notes.notes).toEqual([
      "Scorecard!B7 held 32,777 characters, more than the 32,767 a cell holds: it was cut to that length.",
    ]);
    const dropped = new WriteNotes();
    expect(markupText("a\u0001b\ufffe", "The title of a chart on Dashboard", dropped)).toBe("ab");
    expect(dropped.notes).toEqual([
      "The title of a chart on Dashboard held U+0001, U+FFFE, which a workbook cannot hold there: left out.",
    ]);
  });
});

describe("every writer of a refresh", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bsc-escape-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("keeps every part well-formed whatever the perspective, objective and KPI names", async () => {
    const base = await tableBook(["KPI one", "KPI two"]);
    const strings = (await partsOf(base)).get("xl/sharedStrings.xml")!;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(hostileText, hostileText, hostileText, hostileText),
        async ([perspective, objective, first, second]) => {
          // Names as a spreadsheet stores them: the input itself is well-formed.
          const named = (text: string, fallback: string) =>
            `>${spreadsheetText(text.trim() ? text : fallback)}<`;
          const input = await withParts(base, {
            "xl/sharedStrings.xml": strings
              .replace(">Financial<", () => named(perspective, "P"))
              .replace(">Grow<", () => named(objective, "O"))
              .replace(">KPI one<", () => named(first, "K1"))
              .replace(">KPI two<", () => named(second, "K2")),
          });
          writeFileSync(path.join(dir, "in.xlsx"), input);
          const run = await runBsc(dir, "refresh", "in.xlsx", "-o", "out.xlsx", "--force", "--strategy-map");
          expect({ code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({
            code: 0,
            stderr: "",
          });
          expect(await packageProblems(readFileSync(path.join(dir, "out.xlsx")), input)).toEqual([]);
        },
      ),
      { numRuns: propertyRuns(25) },
    );
  });
});
