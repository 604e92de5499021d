import ExcelJS from "exceljs";
import { emptyDefinition } from "../../src/model/definition";
import { runScorecard } from "../../src/app/scorecard";
import { isProductRule } from "../../src/plan/plan";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook, type SnapshotReader } from "../../src/workbook/package/packageWorkbook";
import { writeZip } from "../../src/workbook/package/zipWriter";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { snapshotOf } from "../helpers/excelJsSnapshot";
import { listZipEntries, rawZipEntry, readZipEntry } from "../../src/workbook/xlsx/zip";
import { HEADER } from "../helpers/book";
import { workbookBytes } from "../helpers/xlsx";
import { writeZip as writeTestZip, zipEntries } from "../helpers/zip";

/** Reads the snapshot through ExcelJS: an independent reader of what the patcher wrote. */
const excelJsReader: SnapshotReader = async (bytes) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return snapshotOf(wb);
};

const ROWS = [
  HEADER,
  ["Financial", "Grow", "Revenue", 105, 100, null, null, "higher", 1],
  ["Financial", "Grow", "Margin", 0.3, 0.4, null, null, "higher", 1],
  ["Customer", "Delight", "NPS", 41, 40, null, null, "higher", 2],
];

/** Parts no writer of ours knows: a picture, custom XML, a macro project. Kept byte for byte. */
const FOREIGN = {
  "xl/media/image1.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6, 7, 8]),
  "customXml/item1.xml": new TextEncoder().encode('<?xml version="1.0"?><label sensitivity="Confidential"/>'),
  "xl/vbaProject.bin": new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)),
};

async function userWorkbook(): Promise<Uint8Array> {
  const base = new Uint8Array(await workbookBytes([{ name: "Data", rows: ROWS, table: "Kpis" }]));
  const parts = [
    ...listZipEntries(base).map((e) => ({ name: e.name, copyOf: e })),
    ...Object.entries(FOREIGN).map(([name, content]) => ({ name, content })),
  ];
  return writeZip(base, parts, nodeCodec.deflate);
}

/** A refresh; `asValues`: the Scorecard sheet written as plain values, no formula. */
async function refresh(bytes: Uint8Array, asValues = false): Promise<Uint8Array> {
  const port = await PackageWorkbook.load(bytes, nodeCodec, excelJsReader);
  const definition = asValues
    ? { ...emptyDefinition(), settings: { ...emptyDefinition().settings, summaryAsValues: true } }
    : undefined;
  const outcome = await runScorecard(
    port,
    { now: new Date("2026-11-30T12:00:00Z"), ...(definition ? { definition } : {}) },
    true,
  );
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return port.toBytes();
}

const text = async (zip: Uint8Array, name: string) => {
  const entry = listZipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return new TextDecoder().decode(await readZipEntry(zip, entry, nodeCodec.inflate));
};

describe("the package patcher", () => {
  it("copies every part it does not own or touch as its compressed bytes, unchanged", async () => {
    const source = await userWorkbook();
    const output = await refresh(source);
    const touched = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const out = new Map(listZipEntries(output).map((e) => [e.name, e]));
    const untouched = listZipEntries(source).filter((e) => !touched.has(e.name));
    expect(untouched.map((e) => e.name)).toEqual(expect.arrayContaining(Object.keys(FOREIGN)));
    for (const entry of untouched) {
      const copy = out.get(entry.name);
      expect(copy).toBeDefined();
      expect(copy?.crc32).toBe(entry.crc32);
      expect(Buffer.from(rawZipEntry(output, copy!)).equals(Buffer.from(rawZipEntry(source, entry)))).toBe(
        true,
      );
    }
  });

  it("adds the summary and definition sheets, and the traffic lights, readable by another reader", async () => {
    const output = await refresh(await userWorkbook());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Data", "visible"],
      ["Scorecard", "visible"],
      ["BSC Definition", "veryHidden"],
      ["Dashboard", "visible"],
    ]);
    expect(String(wb.getWorksheet("Scorecard")?.getCell("A1").value)).toMatch(/Balanced Scorecard|Scorecard/);
    const data = await text(output, "xl/worksheets/sheet1.xml");
    const formulas = [...data.matchAll(/<formula>([^<]*)<\/formula>/g)].map((m) => m[1] as string);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.every((f) => isProductRule(f.replace(/&quot;/g, '"')))).toBe(true);
  });

  it("leaves the user's sheet as it was but for the traffic lights it adds", async () => {
    const source = await userWorkbook();
    const output = await refresh(source);
    const before = await text(source, "xl/worksheets/sheet1.xml");
    const after = await text(output, "xl/worksheets/sheet1.xml");
    expect(after.replace(/<conditionalFormatting\b.*?<\/conditionalFormatting>/g, "")).toBe(before);
  });

  it("inflates no sheet the read before it inflated, and patches the same bytes as without them", async () => {
    const source = await userWorkbook();
    const inflatedByPatcher: string[] = [];
    const codec = {
      ...nodeCodec,
      inflate: async (data: Uint8Array) => {
        const bytes = await nodeCodec.inflate(data);
        inflatedByPatcher.push(new TextDecoder().decode(bytes.subarray(0, 200)));
        return bytes;
      },
    };
    const keeping = await PackageWorkbook.load(source, codec, (b, keepSheet) =>
      readPackageSnapshot(b, nodeBoundedInflate, undefined, keepSheet),
    );
    const notKeeping = await PackageWorkbook.load(source, nodeCodec, (b) =>
      readPackageSnapshot(b, nodeBoundedInflate),
    );
    const now = new Date("2026-11-30T12:00:00Z");
    for (const port of [keeping, notKeeping]) expect((await runScorecard(port, { now }, true)).ok).toBe(true);
    expect(inflatedByPatcher.some((head) => head.includes("<worksheet"))).toBe(false);
    expect(inflatedByPatcher.length).toBeGreaterThan(0);
    expect(await text(await keeping.toBytes(), "xl/worksheets/sheet1.xml")).toBe(
      await text(await notKeeping.toBytes(), "xl/worksheets/sheet1.xml"),
    );
  });

  it("refreshes again in place: the same sheets, the same parts, and no growth of the stylesheet", async () => {
    const once = await refresh(await userWorkbook());
    const twice = await refresh(once);
    expect(listZipEntries(twice).map((e) => e.name)).toEqual(listZipEntries(once).map((e) => e.name));
    expect(await text(twice, "xl/styles.xml")).toBe(await text(once, "xl/styles.xml"));
    expect(await text(twice, "xl/worksheets/sheet1.xml")).toBe(await text(once, "xl/worksheets/sheet1.xml"));
    expect(await text(twice, "xl/workbook.xml")).toBe(await text(once, "xl/workbook.xml"));
  });

  it("keeps a user's own conditional formats as they were, its rules ranked after theirs", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addTable({ name: "Kpis", ref: "A1", columns: HEADER.map((name) => ({ name })), rows: ROWS.slice(1) });
    ws.addConditionalFormatting({
      ref: "D2:D4",
      rules: [
        {
          type: "cellIs",
          operator: "greaterThan",
          priority: 7,
          formulae: ["1000"],
          style: { font: { bold: true } },
        },
      ],
    });
    const source = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await text(source, "xl/worksheets/sheet1.xml");
    const userBlock = /<conditionalFormatting\b.*?<\/conditionalFormatting>/.exec(before)?.[0] as string;
    expect(userBlock).toContain('priority="7"');
    const after = await text(await refresh(source), "xl/worksheets/sheet1.xml");
    expect(after).toContain(userBlock);
    const productPriorities = [
      ...after.matchAll(/<cfRule type="expression" dxfId="\d+" priority="(\d+)">/g),
    ].map((m) => Number(m[1]));
    expect(productPriorities.length).toBeGreaterThan(0);
    expect(Math.min(...productPriorities)).toBe(8);
  });
});

/** A part's text with the product's additions taken out, and list counts left aside. */
const withoutAdditions = (xml: string) =>
  xml
    .replace(
      /<conditionalFormatting\b[^>]*>(?:(?!<\/conditionalFormatting>).)*?bsc-traffic-light.*?<\/conditionalFormatting>/g,
      "",
    )
    .replace(/<sheet name="(Scorecard|BSC Definition|Dashboard)"[^>]*\/>/g, "")
    .replace(/<definedName name="_bsc_[^"]*">[^<]*<\/definedName>/g, "")
    .replace(
      /<definedName name="_xlnm\.Print_(?:Area|Titles)" localSheetId="\d+">(?:Scorecard|Dashboard)![^<]*<\/definedName>/g,
      "",
    )
    .replace(/<definedNames><\/definedNames>/g, "")
    .replace(/<Relationship Id="rId\d+" Type="[^"]*\/worksheet" Target="worksheets\/sheet[234]\.xml"\/>/g, "")
    .replace(
      /<Override PartName="\/xl\/(?:worksheets\/sheet[234]|drawings\/drawing1|charts\/chart\d+)\.xml"[^>]*\/>/g,
      "",
    )
    .replace(/ count="\d+"/g, "");

describe("the parts the patcher touches", () => {
  it("change only by the product's additions: protection, x14 extensions, print areas and views stay as they were", async () => {
    const base = Buffer.from(await workbookBytes([{ name: "Data", rows: ROWS, table: "Kpis" }]));
    const entries = await zipEntries(base);
    const edit = (name: string, change: (xml: string) => string) => {
      const entry = entries.find((e) => e.name === name)!;
      entry.data = Buffer.from(change(entry.data.toString("utf8")));
    };
    edit("xl/workbook.xml", (xml) =>
      xml
        .replace("<bookViews>", '<workbookProtection workbookPassword="CC3D" lockStructure="1"/><bookViews>')
        .replace(
          "<calcPr",
          '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$I$4</definedName></definedNames><calcPr',
        ),
    );
    edit("xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace(/(<\/sheetData>)/, '$1<sheetProtection password="CF1A" sheet="1" objects="1"/>')
        .replace(
          "</worksheet>",
          '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>J2:J4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>',
        ),
    );
    const source = new Uint8Array(writeTestZip(entries));
    const output = await refresh(source);
    for (const part of [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/worksheets/sheet1.xml",
    ]) {
      expect(withoutAdditions(await text(output, part))).toBe(withoutAdditions(await text(source, part)));
    }
    const sheet = await text(output, "xl/worksheets/sheet1.xml");
    // The traffic lights sit before the sheet's protection's followers and its extension list.
    expect(sheet.indexOf("<conditionalFormatting")).toBeGreaterThan(sheet.indexOf("<sheetProtection"));
    expect(sheet.indexOf("<conditionalFormatting")).toBeLessThan(sheet.indexOf("<extLst>"));
    const stylesBefore = await text(source, "xl/styles.xml");
    const stylesAfter = await text(output, "xl/styles.xml");
    expect(stylesAfter.length).toBeGreaterThan(stylesBefore.length);
    expect((await text(output, "xl/workbook.xml")).match(/<definedNames>/g)).toHaveLength(1);
  });
});

describe("the calculation chain", () => {
  /** The refreshed workbook with a formula typed on the product's sheet, listed in a calcChain part. */
  async function withTypedFormula(formulaOnScorecard: boolean): Promise<Uint8Array> {
    const once = Buffer.from(await refresh(await userWorkbook(), !formulaOnScorecard));
    const entries = await zipEntries(once);
    const workbook = entries.find((e) => e.name === "xl/workbook.xml")!.data.toString("utf8");
    const sheetPart = /<sheet name="Scorecard"[^>]*r:id="(rId\d+)"/.exec(workbook)?.[1];
    const rels = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels")!;
    const target = new RegExp(`Id="${sheetPart}"[^>]*Target="([^"]+)"`).exec(rels.data.toString("utf8"))?.[1];
    const scorecard = entries.find((e) => e.name === `xl/${target}`)!;
    if (formulaOnScorecard)
      scorecard.data = Buffer.from(
        scorecard.data
          .toString("utf8")
          .replace("</sheetData>", '<row r="99"><c r="A99"><f>1+1</f><v>2</v></c></row></sheetData>'),
      );
    entries.push({
      name: "xl/calcChain.xml",
      data: Buffer.from('<calcChain xmlns="main"><c r="A99" i="2"/></calcChain>'),
    });
    rels.data = Buffer.from(
      rels.data
        .toString("utf8")
        .replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
        ),
    );
    const types = entries.find((e) => e.name === "[Content_Types].xml")!;
    types.data = Buffer.from(
      types.data
        .toString("utf8")
        .replace(
          "</Types>",
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
        ),
    );
    return new Uint8Array(writeTestZip(entries));
  }

  it("is dropped, with its relationship and content type, when a formula on the product's sheet goes", async () => {
    const output = await refresh(await withTypedFormula(true));
    expect(listZipEntries(output).map((e) => e.name)).not.toContain("xl/calcChain.xml");
    expect(await text(output, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(await text(output, "[Content_Types].xml")).not.toContain("calcChain");
  });

  it("is kept as it was when the product's sheet held no formula (a Scorecard sheet of values)", async () => {
    const source = await withTypedFormula(false);
    const output = await refresh(source, true);
    expect(await text(output, "xl/calcChain.xml")).toBe(await text(source, "xl/calcChain.xml"));
  });
});
