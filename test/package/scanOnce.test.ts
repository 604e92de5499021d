/**
 * One scan per part (issue 20, item 1): in a run, the XML scanner reads each part of the input
 * once — the reader's scan is the one the patcher's edits splice at — and scans again only texts
 * the patcher itself changed or made. Counted through the scanner's own counter.
 */
import { countScansWith } from "../../src/workbook/ooxml/elementIndex";
import { runScorecard } from "../../src/app/scorecard";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { tableBook } from "../cli/craftedInputs";
import { partsOf, withParts } from "./readPackageHelpers";

interface Scans {
  /** How many times each part was scanned, by name. */
  readonly parts: Map<string, number>;
  /** The texts scanned that are not a part of the package (the patcher's own). */
  readonly texts: string[];
}

async function countingScans(run: () => Promise<void>): Promise<Scans> {
  const scans: Scans = { parts: new Map(), texts: [] };
  const utf8 = new TextDecoder();
  countScansWith((what, bytes) => {
    if (what === "text") scans.texts.push(utf8.decode(bytes));
    else scans.parts.set(what, (scans.parts.get(what) ?? 0) + 1);
  });
  try {
    await run();
  } finally {
    countScansWith(null);
  }
  return scans;
}

const load = (bytes: Uint8Array, forPatch: boolean): Promise<PackageWorkbook> =>
  PackageWorkbook.load(
    bytes,
    nodeCodec,
    (b, keep) => readPackageSnapshot(b, nodeBoundedInflate, undefined, keep),
    forPatch,
  );

/** A table workbook whose workbook part and sheet hold comments that look like the elements edited. */
async function workbookWithDecoys(): Promise<Buffer> {
  const book = await tableBook();
  const parts = await partsOf(book);
  const workbook = parts.get("xl/workbook.xml")!;
  const sheet = parts.get("xl/worksheets/sheet1.xml")!;
  return withParts(book, {
    "xl/workbook.xml": workbook.replace(
      /<sheets>/,
      '<!-- <sheet name="Decoy" sheetId="9" r:id="rId9"/> --><sheets>',
    ),
    "xl/worksheets/sheet1.xml": sheet.replace(/<sheetData>/, "<!-- <sheetData></sheetData> --><sheetData>"),
  });
}

describe("a run scans each part once", () => {
  it("a refresh: every part the reader scanned is edited at that scan's offsets, none scanned again", async () => {
    const input = await workbookWithDecoys();
    const originals = new Set((await partsOf(input)).values());
    let output: Uint8Array = new Uint8Array();
    const scans = await countingScans(async () => {
      const port = await load(input, true);
      const outcome = await runScorecard(port, {}, true);
      expect(outcome.ok).toBe(true);
      output = await port.toBytes();
    });
    const twice = [...scans.parts].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    expect(scans.parts.get("xl/workbook.xml")).toBe(1);
    expect(scans.parts.get("xl/worksheets/sheet1.xml")).toBe(1);
    // What the patcher scanned itself is its own work, never a part as it came.
    expect(scans.texts.filter((t) => originals.has(t))).toEqual([]);
    // The decoys stayed comments: no sheet named Decoy, the cells kept in the real <sheetData>.
    const out = await partsOf(output);
    expect(out.get("xl/workbook.xml")).toContain('<!-- <sheet name="Decoy" sheetId="9" r:id="rId9"/> -->');
    expect(out.get("xl/worksheets/sheet1.xml")).toContain("<!-- <sheetData></sheetData> --><sheetData><row");
  });

  it("a refresh writes the product's sheets with their status rules in place, scanning none of them", async () => {
    const input = await tableBook();
    let output: Uint8Array = new Uint8Array();
    const scans = await countingScans(async () => {
      const port = await load(input, true);
      expect((await runScorecard(port, {}, true)).ok).toBe(true);
      output = await port.toBytes();
    });
    // The summary's live status colours: its XML is megabytes at 2,000 KPIs, not to be scanned
    // again only to find where the rules go.
    const ruled = [...(await partsOf(output))].filter(
      ([part, xml]) => part.startsWith("xl/worksheets/") && xml.includes("<conditionalFormatting"),
    );
    expect(ruled.length).toBeGreaterThan(0);
    for (const [, xml] of ruled) {
      const withoutRules = xml.replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g, "");
      expect(scans.texts).not.toContain(withoutRules);
      expect(scans.texts).not.toContain(xml);
    }
  });

  it("a check: the read's scans serve the look for the workbook part", async () => {
    const input = await workbookWithDecoys();
    const scans = await countingScans(async () => {
      const port = await load(input, false);
      expect((await runScorecard(port, {}, false)).ok).toBe(true);
    });
    expect([...scans.parts].filter(([, n]) => n > 1)).toEqual([]);
    expect(scans.texts).toEqual([]);
  });
});
