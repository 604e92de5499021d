/**
 * SheetMemo: the browser preview reads its file again after each refresh, and a sheet whose cells
 * (its bytes but for its conditional formats), shared strings, number formats (each style's, more
 * styles after them) and date system are those the last read parsed is not parsed again. What the memo gives must be what a read without it gives, refresh after refresh.
 */
import { runScorecard } from "../../src/app/scorecard";
import { countScansWith } from "../../src/workbook/ooxml/elementIndex";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { PackageLimitError, readPackageSnapshot, SheetMemo } from "../../src/workbook/package/readSnapshot";
import { editPart, tableBook } from "../cli/craftedInputs";

const DATA = "xl/worksheets/sheet1.xml";
const NOW = new Date("2026-04-02T10:00:00Z");

const open = (bytes: Uint8Array, memo?: SheetMemo): Promise<PackageWorkbook> =>
  PackageWorkbook.load(
    bytes,
    nodeCodec,
    (b, keep) => readPackageSnapshot(b, nodeBoundedInflate, undefined, keep, memo),
    true,
  );

/** The parts scanned while `run` runs, each with how many times. */
async function scansDuring(run: () => Promise<unknown>): Promise<Map<string, number>> {
  const scans = new Map<string, number>();
  countScansWith((what) => {
    if (what !== "text") scans.set(what, (scans.get(what) ?? 0) + 1);
  });
  try {
    await run();
  } finally {
    countScansWith(null);
  }
  return scans;
}

/** Runs `work` with the clock (Date alone) stopped, timers and promises running as ever. */
async function atOneInstant<T>(work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: Date.now(),
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
  try {
    return await work();
  } finally {
    jest.useRealTimers();
  }
}

describe("reading a workbook again with the last read's sheets", () => {
  it("refresh after refresh: the same snapshots and the same file as without the memo, the data's sheet parsed once", async () => {
    const input = await tableBook();
    const remembering = await open(input, new SheetMemo());
    const plain = await open(input);
    for (let run = 0; run < 3; run++) {
      // A minute later each time: the Scorecard sheet says when it was refreshed.
      const now = new Date(NOW.getTime() + run * 60_000);
      // The patch splices the data's sheet where the read found its elements, remembered or not;
      // after the first refresh changed its traffic lights, the next patch indexes what lies
      // outside its cells once, stepping over them unread.
      // Both refreshes at one instant of the clock: a ZIP entry a refresh writes keeps the time it
      // is written (two seconds apart, two files differ there and nowhere else).
      const [patching, plainRun] = await atOneInstant(async () => [
        await scansDuring(() => runScorecard(remembering, { now }, true)),
        await runScorecard(plain, { now }, true),
      ]);
      expect(patching.get(DATA) ?? 0).toBe(run === 1 ? 1 : 0);
      expect(plainRun.ok).toBe(true);
      let snapshot: unknown;
      const reading = await scansDuring(async () => (snapshot = await remembering.readSnapshot()));
      expect(snapshot).toEqual(await plain.readSnapshot());
      const [mine, theirs] = await Promise.all([remembering.toBytes(), plain.toBytes()]);
      expect(Buffer.from(mine).equals(Buffer.from(theirs))).toBe(true);
      // The first refresh adds the traffic lights to the data's sheet, the next ones leave it as
      // it is: its cells are never parsed again.
      expect(reading.get(DATA) ?? 0).toBe(0);
      // The Scorecard sheet, rewritten by each refresh, is parsed each time.
      expect(
        [...reading.keys()].filter((part) => part.startsWith("xl/worksheets/") && part !== DATA),
      ).not.toEqual([]);
    }
  });

  it("parses a sheet again when its bytes changed", async () => {
    const memo = new SheetMemo();
    const before = await tableBook();
    const after = await editPart(before, DATA, (xml) => xml.replace(/<v>90<\/v>/, "<v>95</v>"));
    const first = await readPackageSnapshot(before, nodeBoundedInflate, undefined, undefined, memo);
    const second = await readPackageSnapshot(after, nodeBoundedInflate, undefined, undefined, memo);
    expect(first.sheets[0]!.values[1]![4]).toBe(90);
    expect(second.sheets[0]!.values[1]![4]).toBe(95);
    expect(second).toEqual(await readPackageSnapshot(after, nodeBoundedInflate));
  });

  it("parses a sheet again when the shared strings changed, though the sheet did not", async () => {
    const memo = new SheetMemo();
    const before = await tableBook();
    const after = await editPart(before, "xl/sharedStrings.xml", (xml) =>
      xml.replace(">Revenue<", ">Turnover<"),
    );
    await readPackageSnapshot(before, nodeBoundedInflate, undefined, undefined, memo);
    const second = await readPackageSnapshot(after, nodeBoundedInflate, undefined, undefined, memo);
    expect(second.sheets[0]!.values.flat()).toContain("Turnover");
    expect(second.sheets[0]!.values.flat()).not.toContain("Revenue");
  });

  /** The data's sheet read after `edit`, with the memo of a read before it: the snapshot, and whether it was parsed. */
  async function readAfter(edit: {
    part: string;
    change: (xml: string) => string;
  }): Promise<{ parsed: boolean; snapshot: unknown; plain: unknown }> {
    const memo = new SheetMemo();
    const before = await tableBook();
    const after = await editPart(before, edit.part, edit.change);
    await readPackageSnapshot(before, nodeBoundedInflate, undefined, undefined, memo);
    let snapshot: unknown;
    const scans = await scansDuring(
      async () =>
        (snapshot = await readPackageSnapshot(after, nodeBoundedInflate, undefined, undefined, memo)),
    );
    return { parsed: scans.has(DATA), snapshot, plain: await readPackageSnapshot(after, nodeBoundedInflate) };
  }

  const RULE =
    '<conditionalFormatting sqref="E2:E3"><cfRule type="expression" dxfId="0" priority="1"><formula>E2&gt;0</formula></cfRule></conditionalFormatting>';

  it("keeps a sheet whose conditional formats alone changed after its cells", async () => {
    const read = await readAfter({
      part: DATA,
      change: (xml) => xml.replace("</sheetData>", `</sheetData>${RULE}`),
    });
    expect(read.parsed).toBe(false);
    expect(read.snapshot).toEqual(read.plain);
  });

  it("parses a sheet again when its merged cells changed after its cells", async () => {
    const read = await readAfter({
      part: DATA,
      change: (xml) =>
        xml.replace(
          "</sheetData>",
          `</sheetData><mergeCells count="1"><mergeCell ref="E2:E3"/></mergeCells>${RULE}`,
        ),
    });
    expect(read.parsed).toBe(true);
    expect(read.snapshot).toEqual(read.plain);
  });

  it("keeps a sheet when styles were added after its own, and parses it again when one of its styles' formats changed", async () => {
    const styles = "xl/styles.xml";
    const added = await readAfter({
      part: styles,
      change: (xml) =>
        xml.replace(
          /<\/cellXfs>/,
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>',
        ),
    });
    expect(added.parsed).toBe(false);
    expect(added.snapshot).toEqual(added.plain);
    // Every style's format made a date's: the numbers of styled cells are read as dates.
    const changed = await readAfter({
      part: styles,
      change: (xml) => xml.replace(/numFmtId="\d+"/g, 'numFmtId="14"'),
    });
    expect(changed.parsed).toBe(true);
    expect(changed.snapshot).toEqual(changed.plain);
  });

  it("still counts a remembered sheet's cells against the limit", async () => {
    const memo = new SheetMemo();
    const book = await tableBook();
    await readPackageSnapshot(book, nodeBoundedInflate, undefined, undefined, memo);
    await expect(
      readPackageSnapshot(book, nodeBoundedInflate, { maxCells: 10 }, undefined, memo),
    ).rejects.toThrow(PackageLimitError);
  });
});
