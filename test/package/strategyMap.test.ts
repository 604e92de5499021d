/**
 * The Strategy Map as the .xlsx patcher draws it: a product sheet whose drawing holds a shape per
 * lane and objective and a connector per Drives link, glued to its boxes by their drawing ids; the
 * next refresh redraws the same shapes in the same drawing part, keeps a user's own shape, and
 * leaves every part it does not own byte for byte.
 */
import { SaxesParser } from "saxes";
import { runScorecard, type RunOptions } from "../../src/app/scorecard";
import { STRATEGY_MAP_SHEET_STAMP } from "../../src/model/ownership";
import { PALETTES } from "../../src/plan/palette";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { listZipEntries, rawZipEntry, readZipEntry } from "../../src/workbook/xlsx/zip";
import { workbookBytes } from "../helpers/xlsx";
import { writeZip, zipEntries } from "../helpers/zip";

const KPIS = [
  ["Perspective", "Objective", "KPI", "Actual", "Target"],
  ["Financial", "Grow revenue", "Revenue", 100, 100],
  ["Customer", "Delight customers", "NPS", 10, 100],
  ["Learning & Growth", "Build skills", "Training hours", 38, 40],
];
const OBJECTIVES = [
  ["Perspective", "Objective", "Drives"],
  ["Customer", "Delight customers", "Grow revenue"],
  ["Learning & Growth", "Build skills", "Delight customers"],
];

async function refresh(bytes: Uint8Array, options: RunOptions = {}): Promise<Uint8Array> {
  const port = await PackageWorkbook.load(bytes, nodeCodec, (b) =>
    readPackageSnapshot(b, nodeBoundedInflate),
  );
  const outcome = await runScorecard(port, { now: new Date("2026-11-30T12:00:00Z"), ...options }, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return port.toBytes();
}

async function text(zip: Uint8Array, name: string): Promise<string> {
  const entry = listZipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return new TextDecoder().decode(await readZipEntry(zip, entry, nodeCodec.inflate));
}

/** Throws unless the XML is well-formed (saxes, a conforming parser). */
function wellFormed(xml: string): string {
  new SaxesParser({ xmlns: false }).write(xml).close();
  return xml;
}

/** The map sheet's part, through the workbook's relationships. */
async function mapSheetPart(zip: Uint8Array): Promise<string> {
  const workbook = await text(zip, "xl/workbook.xml");
  const id = /<sheet [^>]*name="Strategy Map"[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

async function drawingOf(zip: Uint8Array): Promise<{ part: string; xml: string }> {
  const sheet = await mapSheetPart(zip);
  const rels = await text(zip, sheet.replace("worksheets/", "worksheets/_rels/") + ".rels");
  const target = /Type="[^"]*\/drawing" Target="\.\.\/drawings\/([^"]+)"/.exec(rels)?.[1];
  const part = `xl/drawings/${target}`;
  return { part, xml: wellFormed(await text(zip, part)) };
}

const shapeNames = (xml: string) => [...xml.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => m[1]);

async function sampleBytes() {
  return workbookBytes([
    { name: "KPIs", rows: KPIS },
    { name: "Objectives", rows: OBJECTIVES },
  ]);
}

describe("the Strategy Map in an .xlsx file", () => {
  it("is drawn only when asked for, then on every refresh after", async () => {
    const plain = await refresh(await sampleBytes());
    expect(await text(plain, "xl/workbook.xml")).not.toContain('name="Strategy Map"');
    const drawn = await refresh(plain, { strategyMap: true });
    expect(await text(drawn, "xl/workbook.xml")).toContain('name="Strategy Map"');
    const again = await refresh(drawn);
    expect(shapeNames((await drawingOf(again)).xml)).toEqual(shapeNames((await drawingOf(drawn)).xml));
  });

  it("draws a lane per perspective, a box per objective coloured by its status and an arrow per link", async () => {
    const zip = await refresh(await sampleBytes(), { strategyMap: true });
    const sheetXml = await text(zip, await mapSheetPart(zip));
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(sheetXml).toContain(STRATEGY_MAP_SHEET_STAMP);
    const { xml } = await drawingOf(zip);
    expect(shapeNames(xml)).toEqual([
      "BSC map: lane Financial",
      "BSC map: lane Customer",
      "BSC map: lane Learning &amp; Growth",
      "BSC map: Financial › Grow revenue",
      "BSC map: Customer › Delight customers",
      "BSC map: Learning &amp; Growth › Build skills",
      "BSC map: Customer › Delight customers → Financial › Grow revenue",
      "BSC map: Learning &amp; Growth › Build skills → Customer › Delight customers",
    ]);
    const delight =
      /<xdr:sp [^]*?name="BSC map: Customer › Delight customers"[^]*?<\/xdr:sp>/.exec(xml)?.[0] ?? "";
    expect(delight).toContain(`<a:prstGeom prst="roundRect">`);
    expect(delight).toContain(`<a:solidFill><a:srgbClr val="${PALETTES.standard.red.fill}"/></a:solidFill>`);
    expect(delight).toContain("<a:t>Delight customers</a:t>");
    expect(xml.match(/<xdr:cxnSp /g)).toHaveLength(2);
  });

  it("glues each arrow to its boxes' drawing ids, from the cause's top to the effect's bottom", async () => {
    const { xml } = await drawingOf(await refresh(await sampleBytes(), { strategyMap: true }));
    const idOf = (name: string) => new RegExp(`<xdr:cNvPr id="(\\d+)" name="${name}"`).exec(xml)?.[1];
    const arrow =
      /<xdr:cxnSp [^]*?name="BSC map: Customer › Delight customers → Financial › Grow revenue"[^]*?<\/xdr:cxnSp>/.exec(
        xml,
      )?.[0] ?? "";
    expect(arrow).toContain(`<a:stCxn id="${idOf("BSC map: Customer › Delight customers")}" idx="0"/>`);
    expect(arrow).toContain(`<a:endCxn id="${idOf("BSC map: Financial › Grow revenue")}" idx="2"/>`);
    // The line runs up, so its box is flipped vertically; its end carries the arrowhead.
    expect(arrow).toMatch(/<a:xfrm flipV="1">/);
    expect(arrow).toContain('<a:tailEnd type="triangle"');
    const ids = [...xml.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps a user's own shape on the map sheet and the drawing part's name across refreshes", async () => {
    const first = await refresh(await sampleBytes(), { strategyMap: true });
    const { part, xml } = await drawingOf(first);
    const userShape =
      '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="100" cy="100"/><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="900" name="My note"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:absoluteAnchor>';
    const withNote = xml.replace("</xdr:wsDr>", `${userShape}</xdr:wsDr>`);
    const entries = await zipEntries(Buffer.from(first));
    const edited = writeZip(
      entries.map((e) => (e.name === part ? { ...e, data: Buffer.from(withNote) } : e)),
    );
    const second = await refresh(edited);
    const after = await drawingOf(second);
    expect(after.part).toBe(part);
    expect(after.xml).toContain(userShape);
    expect(shapeNames(after.xml).filter((n) => n?.startsWith("BSC map: "))).toHaveLength(8);
  });

  it("leaves every part it does not own byte for byte", async () => {
    const before = await refresh(await sampleBytes());
    const after = await refresh(before, { strategyMap: true });
    const owned =
      /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/worksheets\/.*|xl\/drawings\/.*|xl\/charts\/.*|xl\/styles\.xml|docProps\/.*|xl\/calcChain\.xml)$/;
    for (const entry of listZipEntries(before).filter((e) => !owned.test(e.name))) {
      const same = listZipEntries(after).find((e) => e.name === entry.name);
      expect(same).toBeDefined();
      expect(Buffer.from(rawZipEntry(after, same!)).equals(Buffer.from(rawZipEntry(before, entry)))).toBe(
        true,
      );
    }
  });
});
