/**
 * Crafted inputs (issue 20): each ends in exit 0 with every XML part well-formed and no text over
 * 32,767 characters, or in exit 2 with one sentence; never exit 1 for a fault, never a crash.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { partsOf, withParts, zipOf } from "../package/readPackageHelpers";
import {
  editPart,
  packageProblems,
  runBsc,
  tableBook,
  withBinaryPart,
  withStoredDefinition,
} from "./craftedInputs";

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
    ["_xFFFE_", "Rev_xFFFE_enue"],
  ])("a KPI named with %s keeps every written part well-formed", async (_, name) => {
    const book = await editPart(await tableBook(), "xl/sharedStrings.xml", (xml) =>
      xml.replace(">Revenue<", `>${name}<`),
    );
    const { run, problems } = await refreshSoundly(book, "--strategy-map");
    expect(run.code).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe("a part holding a character XML does not allow", () => {
  it.each([
    ["U+FFFE", "\ufffe"],
    ["U+0001", "\u0001"],
  ])("raw %s in the shared strings is exit 2, naming the part", async (what, raw) => {
    const book = await editPart(await tableBook(), "xl/sharedStrings.xml", (xml) =>
      xml.replace(">Revenue<", `>Rev${raw}enue<`),
    );
    for (const args of [["check"], ["refresh", "-o", "out.xlsx"]]) {
      writeFileSync(path.join(dir, "in.xlsx"), book);
      const run = await bsc(dir, args[0]!, "in.xlsx", ...args.slice(1));
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `Cannot read in.xlsx: xl/sharedStrings.xml is not well-formed XML (it holds ${what}, a character XML does not allow); bsc will not read it.`,
      );
    }
  });
});

describe("a stored summary-sheet name Excel forbids", () => {
  it.each([
    ["a control character", "\u0001Score", /control characters/],
    ["apostrophes at its ends", "'Score'", /apostrophe/],
    ["the reserved name History", "history", /History/],
  ])("with %s is put right when the definition is read, a warning naming the field", async (_, name, why) => {
    const book = await withStoredDefinition(await refreshed(await tableBook()), (d) => {
      (d.settings as Record<string, unknown>).summarySheetName = name;
    });
    writeFileSync(path.join(dir, "in.xlsx"), book);
    for (const args of [
      ["check", "--json"],
      ["refresh", "-o", "out.xlsx", "--json"],
    ]) {
      const run = await bsc(dir, args[0]!, "in.xlsx", ...args.slice(1));
      expect(run.code).toBe(0);
      const warning = JSON.parse(run.stdout).issues.find(
        (i: { code: string }) => i.code === "definition-name-repaired",
      );
      expect(warning.severity).toBe("warning");
      expect(warning.message).toContain("settings.summarySheetName");
      expect(warning.message).toMatch(why);
    }
    // The output is whole, its summary under the default name, and reads back without the warning.
    const again = await bsc(dir, "check", "out.xlsx", "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).issues.map((i: { code: string }) => i.code)).not.toContain(
      "definition-name-repaired",
    );
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

/** A part's text as UTF-16 (little-endian, with its byte-order mark), its declaration saying so. */
const utf16 = (xml: string): Buffer =>
  Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), "utf16le"),
  ]);

describe("parts the patcher edits", () => {
  it.each(["xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"])(
    "%s in UTF-16 is read and refreshed",
    async (part) => {
      const base = await tableBook();
      const xml = (await partsOf(base)).get(part)!;
      const book = await withBinaryPart(base, part, utf16(xml));
      const { run, problems } = await refreshSoundly(book);
      expect(run.stderr).not.toMatch(/fault/);
      expect(run.code).toBe(0);
      expect(problems).toEqual([]);
    },
  );

  it("a character reference XML forbids in a part only refresh edits is exit 2, naming the part", async () => {
    const first = await refreshed(await tableBook());
    const drawing = [...(await partsOf(first)).keys()].find((n) => /drawings\/drawing\d+\.xml$/.test(n))!;
    const book = await editPart(first, drawing, (xml) =>
      xml.replace("<xdr:wsDr ", "<xdr:wsDr data-x='&#1;' "),
    );
    writeFileSync(path.join(dir, "in.xlsx"), book);
    const run = await bsc(dir, "refresh", "in.xlsx", "-o", "out.xlsx");
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(drawing);
  });

  it("an unread entry flagged encrypted is exit 2 with one sentence", async () => {
    const book = Buffer.from(
      zipOf(
        [...(await partsOf(await tableBook()))]
          .map(([name, data]) => ({ name, data }))
          .concat([{ name: "xl/media/secret.bin", data: "secret" }]),
      ),
    );
    // Flag bit 0 (encrypted) in the last entry's central record.
    const central = book.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    book.writeUInt16LE(book.readUInt16LE(central + 8) | 1, central + 8);
    const { run } = await refreshSoundly(book);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/xl\/media\/secret\.bin/);
  });

  it("a sheet name of 29 MB is exit 2, naming the limit", async () => {
    // Random letters: a repeated one would be refused as a ZIP bomb before the name is read.
    const name = randomBytes(22 * 2 ** 20)
      .toString("base64")
      .replace(/[+/=]/g, "x");
    const book = await editPart(await tableBook(), "xl/workbook.xml", (xml) =>
      xml.replace('name="Data"', `name="${name}"`),
    );
    const { run } = await refreshSoundly(book);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a sheet name of 30,\d{3},\d{3} characters .* more than the 255/);
  });
});

describe("ranges over the whole sheet", () => {
  it("a chosen range A1:XFD1048576 is clipped to the used range before any cell is listed", async () => {
    writeFileSync(path.join(dir, "in.xlsx"), await tableBook());
    const run = await bsc(dir, "check", "in.xlsx", "--range", "Data!A1:XFD1048576", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).read.address).toBe("Data!A1:F7");
  });

  it("a tagged KPI whose name covers the whole sheet is read from the used range", async () => {
    const first = await refreshed(await tableBook());
    const tagged = await withStoredDefinition(first, (d) => {
      d.tagged = [
        {
          perspective: "Customer",
          objective: "Delight",
          name: "Whole sheet",
          actualName: "BSC_Tag_1_Actual",
        },
      ];
    });
    const book = await editPart(tagged, "xl/workbook.xml", (xml) =>
      xml.replace(
        /<definedNames>/,
        '<definedNames><definedName name="BSC_Tag_1_Actual">Data!$A$1:$XFD$1048576</definedName>',
      ),
    );
    const { run, problems } = await refreshSoundly(book, "--json");
    expect(run.code).toBe(0);
    expect(problems).toEqual([]);
    const kpis = JSON.parse(run.stdout).perspectives.flatMap(
      (p: { objectives: { kpis: { name: string }[] }[] }) =>
        p.objectives.flatMap((o) => o.kpis.map((k) => k.name)),
    );
    expect(kpis).toContain("Whole sheet");
  });
});

describe("a CSV export with text a workbook cannot hold as it is", () => {
  it("U+FFFE, controls and a 40,000-character field end in a sound workbook, the cut noted", async () => {
    const csv =
      "Period,Perspective,Objective,KPI,Actual,Target\n" +
      `2026-01,Financial,Grow,Rev\ufffeenue\u0001,90,100\n` +
      `2026-01,Financial,Grow,${"L".repeat(40_000)},80,100\n` +
      "2026-01,Financial,Grow,Costs,70,100\n";
    writeFileSync(path.join(dir, "export.csv"), csv);
    const run = await bsc(dir, "refresh", "export.csv", "-o", "out.xlsx", "--json");
    expect(run.code).toBe(0);
    expect(await packageProblems(readFileSync(path.join(dir, "out.xlsx")))).toEqual([]);
    const notes = JSON.parse(run.stdout).issues.filter((i: { code: string }) => i.code === "write-note");
    expect(notes.map((n: { message: string }) => n.message).join("\n")).toMatch(/40,000 characters.*cut/);
  });
});

describe("a package whose root relationship and content types name different workbooks", () => {
  it("is read and patched at the same part", async () => {
    const base = await tableBook();
    const parts = await partsOf(base);
    const book = await withParts(base, {
      "xl/other.xml": parts.get("xl/workbook.xml")!.replace('name="Data"', 'name="Other"'),
      "xl/_rels/other.xml.rels": parts.get("xl/_rels/workbook.xml.rels")!,
      "_rels/.rels": parts.get("_rels/.rels")!.replace("xl/workbook.xml", "xl/other.xml"),
    });
    const { run, problems } = await refreshSoundly(book);
    expect(run.code).toBe(0);
    expect(problems).toEqual([]);
    const out = await partsOf(readFileSync(path.join(dir, "out.xlsx")));
    expect(out.get("xl/workbook.xml")).toContain('name="Scorecard"');
    expect(out.get("xl/other.xml")).toBe(
      parts.get("xl/workbook.xml")!.replace('name="Data"', 'name="Other"'),
    );
  });
});

describe("a bomb among the parts nobody reads", () => {
  it("is refused by its ratio when its CRC is computed: exit 2, one sentence naming it", async () => {
    const parts = [...(await partsOf(await tableBook()))].map(([name, data]) => ({ name, data }));
    const book = zipOf([...parts, { name: "xl/media/image1.bin", data: new Uint8Array(64 * 2 ** 20) }]);
    const { run } = await refreshSoundly(book);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/xl\/media\/image1\.bin inflates to more than 200 times/);
  });
});
