/**
 * A refresh's data sheet compresses while the plan is made: the port is told which sheets the plan
 * will edit after their cells (WorkbookPort.willEdit) once the workbook is scored, and their cells
 * start compressing on zlib's threads; the package written is the one written without it.
 */
import { inflateRawSync } from "node:zlib";
import { runScorecard } from "../../src/app/scorecard";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import type { WritePlan } from "../../src/plan/plan";
import { tableBook } from "../cli/craftedInputs";
import { zipEntries } from "../helpers/zip";

const load = (bytes: Uint8Array, codec: Parameters<typeof PackageWorkbook.load>[1]) =>
  PackageWorkbook.load(bytes, codec, (b, keep) =>
    readPackageSnapshot(b, nodeBoundedInflate, undefined, keep),
  );

/** Every part's inflated text, by name, the refresh's own dates and times left out. */
async function partsWithoutStamps(bytes: Uint8Array): Promise<Map<string, string>> {
  const stamp = /20\d\d-\d\d-\d\d[T ][\d:.]+Z?/g;
  return new Map(
    (await zipEntries(Buffer.from(bytes))).map((e) => [e.name, e.data.toString("latin1").replace(stamp, "")]),
  );
}

describe("a refresh's data sheet compressed ahead", () => {
  it("starts before the plan is applied, with the table's cells, and changes no byte written", async () => {
    const book = await tableBook();
    const ahead: Uint8Array[] = [];
    let aheadAtApply = -1;
    const port = await load(book, {
      ...nodeCodec,
      deflateAhead: (bytes) => {
        ahead.push(bytes);
        nodeCodec.deflateAhead(bytes);
      },
    });
    const applyPlan = port.applyPlan.bind(port);
    port.applyPlan = (plan: WritePlan) => {
      aheadAtApply = ahead.length;
      return applyPlan(plan);
    };
    expect((await runScorecard(port, {}, true)).ok).toBe(true);
    // The data sheet's cells, up to their close tag, before the plan reached the package.
    expect(aheadAtApply).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(ahead[0] as Uint8Array).toString("utf8")).toMatch(/<sheetData>.*<\/sheetData>$/s);

    const plain = await load(book, { inflate: nodeCodec.inflate, deflate: nodeCodec.deflate });
    expect((await runScorecard(plain, {}, true)).ok).toBe(true);
    expect(await partsWithoutStamps(await port.toBytes())).toEqual(
      await partsWithoutStamps(await plain.toBytes()),
    );
    // A sanity check of the helper: the data sheet was written afresh, its traffic lights after its cells.
    const sheet = (await zipEntries(Buffer.from(await port.toBytes()))).find(
      (e) => e.name === "xl/worksheets/sheet1.xml",
    );
    expect(sheet?.data.toString("utf8")).toMatch(/<\/sheetData>.*<conditionalFormatting/s);
    expect(inflateRawSync(await nodeCodec.deflate(ahead[0] as Uint8Array))).toEqual(
      Buffer.from(ahead[0] as Uint8Array),
    );
  });
});
