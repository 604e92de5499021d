import ExcelJS from "exceljs";
import {
  NotXlsxError,
  PackageFormatError,
  PackageLimitError,
  PackageReadError,
  readPackageSnapshot,
  type BoundedInflate,
  type ReadLimits,
} from "../../src/workbook/package/readSnapshot";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { handMadeWorkbook, partsOf, withParts, xlsxBytes, zipOf } from "./readPackageHelpers";

/**
 * A file that is no workbook bsc should open is refused with one sentence, quickly, and having
 * inflated no more than the limit that refused it.
 */

const MiB = 1024 * 1024;

/** The inflations asked for: how much was allowed and how much came out. */
function countingInflate(): { inflate: BoundedInflate; calls: { maxBytes: number; out: number }[] } {
  const calls: { maxBytes: number; out: number }[] = [];
  return {
    calls,
    inflate: async (data, maxBytes) => {
      const call = { maxBytes, out: -1 };
      calls.push(call);
      const out = await nodeBoundedInflate(data, maxBytes);
      call.out = out.length;
      return out;
    },
  };
}

async function refusal(
  bytes: Uint8Array,
  limits?: Partial<ReadLimits>,
  inflate: BoundedInflate = nodeBoundedInflate,
): Promise<PackageReadError> {
  const started = Date.now();
  const error = await readPackageSnapshot(bytes, inflate, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageReadError);
  const message = (error as Error).message;
  // One sentence for the user: no line break, no stack, a full stop at the end.
  expect(message).not.toMatch(/\n/);
  expect(message).toMatch(/\.$/);
  expect(Date.now() - started).toBeLessThan(5000);
  return error as PackageReadError;
}

async function scorecardBytes(rows = 200): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (let r = 1; r <= rows; r++) ws.addRow([`KPI ${r}`, r * 1.5, r % 2 === 0]);
  return xlsxBytes(wb);
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const endOfDirectory = (zip: Uint8Array) => zip.length - 22;
const directoryOffset = (zip: Uint8Array) => view(zip).getUint32(endOfDirectory(zip) + 16, true);

describe("ZIP bombs and oversized parts", () => {
  it("refuses a sheet of zeros by its compression ratio, having inflated no more than 8 MiB", async () => {
    const base = await partsOf(await scorecardBytes(5));
    const bomb = zipOf(
      [...base].map(([name, data]) => ({
        name,
        data: name === "xl/worksheets/sheet1.xml" ? new Uint8Array(32 * MiB) : data,
      })),
    );
    const { inflate, calls } = countingInflate();
    const error = await refusal(bomb, undefined, inflate);
    expect(error).toBeInstanceOf(PackageLimitError);
    expect(error).toMatchObject({ limit: "maxCompressionRatio", part: "xl/worksheets/sheet1.xml" });
    expect(error.message).toBe(
      "xl/worksheets/sheet1.xml inflates to more than 200 times its compressed size, which only a ZIP bomb does; this is not a workbook bsc will open.",
    );
    expect(Math.max(...calls.map((c) => c.maxBytes))).toBe(8 * MiB);
  });

  it("never inflates a part it does not need, however big", async () => {
    const bytes = zipOf([
      ...[...(await partsOf(await scorecardBytes(5)))].map(([name, data]) => ({ name, data })),
      { name: "xl/media/image1.png", data: new Uint8Array(64 * MiB) },
    ]);
    const { inflate, calls } = countingInflate();
    expect((await readPackageSnapshot(bytes, inflate)).sheets).toHaveLength(1);
    expect(calls.every((c) => c.out < MiB)).toBe(true);
  });

  it("refuses a sheet over its limit from the size its header declares, without inflating it", async () => {
    const bytes = await scorecardBytes();
    const { inflate, calls } = countingInflate();
    const error = await refusal(bytes, { maxSheetBytes: 1000 }, inflate);
    expect(error).toMatchObject({ limit: "maxSheetBytes", part: "xl/worksheets/sheet1.xml" });
    expect(error.message).toBe(
      "xl/worksheets/sheet1.xml inflates beyond 1000 bytes; this is not a workbook bsc will open.",
    );
    expect(calls.every((c) => c.out < 5000)).toBe(true);
  });

  it("stops inflating at the limit when the header lies about the size", async () => {
    const bytes = await scorecardBytes();
    // Every local header says its part inflates to 10 bytes.
    const data = view(bytes);
    for (let at = 0; at < directoryOffset(bytes); at++) {
      if (data.getUint32(at, true) === 0x04034b50) data.setUint32(at + 22, 10, true);
    }
    const { inflate, calls } = countingInflate();
    const error = await refusal(bytes, { maxSheetBytes: 1000 }, inflate);
    expect(error).toMatchObject({ limit: "maxSheetBytes" });
    expect(calls.find((c) => c.maxBytes === 1000)?.out).toBe(-1);
  });

  it.each([
    ["maxSharedStringsBytes", "xl/sharedStrings.xml"],
    ["maxOtherPartBytes", "[Content_Types].xml"],
  ] as const)("refuses a part over %s", async (limit, part) => {
    const error = await refusal(await scorecardBytes(), { [limit]: 300 });
    expect(error).toMatchObject({ limit });
    expect(error.message).toContain(part);
  });

  it("refuses parts that inflate beyond the total limit together", async () => {
    const error = await refusal(await scorecardBytes(), { maxTotalBytes: 6000 });
    expect(error).toMatchObject({ limit: "maxTotalBytes" });
    expect(error.message).toMatch(
      /^The parts bsc reads inflate beyond 5\.9 KiB in all \(xl\/\S+ passed it\)/,
    );
  });

  it("refuses a workbook of more cells than the limit", async () => {
    const error = await refusal(await scorecardBytes(), { maxCells: 100 });
    expect(error).toMatchObject({ limit: "maxCells", part: "xl/worksheets/sheet1.xml" });
    expect(error.message).toBe(
      "The workbook holds more than 100 cells (xl/worksheets/sheet1.xml passed the limit); this is not a workbook bsc will open.",
    );
  });

  it("refuses a merged range over the whole sheet before it makes a cell of it", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Huge",
          body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        },
      ],
    });
    expect(await refusal(bytes)).toMatchObject({ limit: "maxCells" });
  });

  it("refuses a package of more entries than the limit", async () => {
    const error = await refusal(await scorecardBytes(), { maxEntries: 5 });
    expect(error).toMatchObject({ limit: "maxEntries" });
    expect(error.message).toMatch(/^This file holds \d+ ZIP entries, more than the 5 bsc accepts/);
  });
});

describe("damaged and misleading ZIP files", () => {
  const lying =
    "The ZIP directory of this file points outside the file; it is damaged or was built to mislead, and bsc will not open it.";

  it("refuses a central directory whose offset points outside the file", async () => {
    const bytes = await scorecardBytes();
    view(bytes).setUint32(endOfDirectory(bytes) + 16, bytes.length + 1000, true);
    const error = await refusal(bytes);
    expect(error).toBeInstanceOf(PackageFormatError);
    expect(error.message).toBe(lying);
  });

  it("refuses an entry whose local header lies beyond the file", async () => {
    const bytes = await scorecardBytes();
    view(bytes).setUint32(directoryOffset(bytes) + 42, 0x7fffffff, true);
    expect((await refusal(bytes)).message).toBe(lying);
  });

  it("refuses an entry whose compressed size runs past its place", async () => {
    const bytes = await scorecardBytes();
    view(bytes).setUint32(directoryOffset(bytes) + 20, bytes.length, true);
    expect((await refusal(bytes)).message).toBe(lying);
  });

  it("refuses entries that share their bytes (the overlapping ZIP bomb)", async () => {
    const bytes = zipOf([
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/other.xml", data: "<other/>" },
    ]);
    const cd = directoryOffset(bytes);
    const second = cd + 46 + "xl/workbook.xml".length;
    view(bytes).setUint32(second + 42, 0, true);
    expect((await refusal(bytes)).message).toMatch(/share their bytes, which is how ZIP bombs are built/);
  });

  it("refuses a truncated file, saying it is cut short", async () => {
    const bytes = await scorecardBytes();
    const error = await refusal(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(error).toBeInstanceOf(PackageFormatError);
    expect(error.message).toMatch(/^This file is cut short/);
  });

  it("refuses a part whose compressed data is damaged", async () => {
    const bytes = await scorecardBytes();
    const parts = await partsOf(bytes);
    const broken = zipOf([...parts].map(([name, data]) => ({ name, data })));
    // The deflated sheet's first bytes made into a reserved block type.
    const data = view(broken);
    for (let at = 0; at < directoryOffset(broken); at++) {
      if (data.getUint32(at, true) !== 0x04034b50) continue;
      const nameLength = data.getUint16(at + 26, true);
      const name = Buffer.from(broken.subarray(at + 30, at + 30 + nameLength)).toString();
      if (name === "xl/worksheets/sheet1.xml") broken[at + 30 + nameLength] = 0xff;
    }
    const error = await refusal(broken);
    expect(error.message).toBe(
      "This file is damaged: xl/worksheets/sheet1.xml does not inflate (its compressed data is broken or cut); copy or download it again, or open it in Excel and save it, and run bsc again.",
    );
  });

  it("refuses a ZIP64 package and two parts of one name", async () => {
    const bytes = await scorecardBytes();
    view(bytes).setUint16(endOfDirectory(bytes) + 10, 0xffff, true);
    expect((await refusal(bytes)).message).toMatch(/ZIP64/);
    const twice = zipOf([
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
    ]);
    expect((await refusal(twice)).message).toMatch(/two parts named xl\/workbook\.xml/);
  });
});

describe("files of another kind say what they are and how to convert them", () => {
  it("an OpenDocument spreadsheet (.ods)", async () => {
    const ods = zipOf([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
      { name: "content.xml", data: "<office:document-content/>" },
      { name: "META-INF/manifest.xml", data: "<manifest/>" },
    ]);
    const error = await refusal(ods);
    expect(error).toBeInstanceOf(NotXlsxError);
    expect(error).toMatchObject({ format: "ods" });
    expect(error.message).toBe(
      "This is an OpenDocument spreadsheet (.ods), which bsc does not read: open it in LibreOffice Calc or Excel, save it as an Excel Workbook (.xlsx), and run bsc again.",
    );
  });

  const compoundFile = (extra: Uint8Array = new Uint8Array()) =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), extra]);

  it("an Excel 97-2003 workbook (.xls)", async () => {
    const error = await refusal(compoundFile(Buffer.from("Workbook", "utf16le")));
    expect(error).toMatchObject({ format: "xls" });
    expect(error.message).toMatch(
      /^This is an Excel 97-2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\), and run bsc again\.$/,
    );
  });

  it("a workbook encrypted with a password to open", async () => {
    const error = await refusal(compoundFile(Buffer.from("EncryptedPackage", "utf16le")));
    expect(error).toMatchObject({ format: "encrypted" });
    expect(error.message).toMatch(/password to open/);
  });

  it("an Excel binary workbook (.xlsb)", async () => {
    const xlsb = zipOf([
      {
        name: "[Content_Types].xml",
        data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
      },
      { name: "xl/workbook.bin", data: new Uint8Array(64) },
    ]);
    expect(await refusal(xlsb)).toMatchObject({ format: "xlsb" });
  });

  it("a Word document, a CSV file, an empty file", async () => {
    const docx = zipOf([{ name: "word/document.xml", data: "<w:document/>" }]);
    expect((await refusal(docx)).message).toBe("This is a Word document, not an Excel workbook (.xlsx).");
    const csv = await refusal(Buffer.from("KPI,Actual\nRevenue,10\n"));
    expect(csv).toMatchObject({ format: "not-a-workbook" });
    expect(csv.message).toMatch(/^This file is not an \.xlsx workbook/);
    const empty = await refusal(new Uint8Array());
    expect(empty).toMatchObject({ format: "empty" });
    expect(empty.message).toMatch(/^This file is empty \(0 bytes\)/);
  });
});

describe("XML that could expand or mislead", () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&lol3;" sheetId="1"/></sheets></workbook>';

  it("refuses a part with a DTD and entities, naming it", async () => {
    const bytes = await withParts(await scorecardBytes(), { "xl/workbook.xml": laughs });
    const error = await refusal(bytes);
    expect(error).toMatchObject({ part: "xl/workbook.xml" });
    expect(error.message).toBe(
      "xl/workbook.xml declares a DTD (<!DOCTYPE>), which no workbook part has; bsc expands no entities and will not read it.",
    );
  });

  it("refuses a DTD in a sheet, and an entity no DTD declares", async () => {
    const bytes = await scorecardBytes();
    const sheet = (await partsOf(bytes)).get("xl/worksheets/sheet1.xml")!;
    const withDoctype = sheet.replace("?>", '?><!DOCTYPE worksheet SYSTEM "http://example.com/evil.dtd">');
    expect(await refusal(await withParts(bytes, { "xl/worksheets/sheet1.xml": withDoctype }))).toMatchObject({
      part: "xl/worksheets/sheet1.xml",
    });
    const withEntity = sheet.replace("<sheetData>", "<sheetData>&xxe;");
    const error = await refusal(await withParts(bytes, { "xl/worksheets/sheet1.xml": withEntity }));
    expect(error.message).toMatch(
      /^xl\/worksheets\/sheet1\.xml is not well-formed XML \(.*undefined entity.*\)/,
    );
  });
});

describe("damaged sheets", () => {
  const sheet = (body: string, sharedStrings: string[] = []) =>
    handMadeWorkbook({
      sheets: [{ name: "Damaged", body: `<sheetData>${body}</sheetData>` }],
      sharedStrings,
    });

  it.each([
    ['<row r="0"><c r="A1"><v>1</v></c></row>', /has a row numbered 0, outside Excel's grid/],
    ['<row r="1048577"><c r="A1"><v>1</v></c></row>', /has a row numbered 1048577/],
    ['<row r="1"><c r="XFE1"><v>1</v></c></row>', /has a cell "XFE1" outside Excel's grid/],
    [
      '<row r="1"><c r="A1" t="s"><v>3</v></c></row>',
      /refers to shared string 3, which the workbook does not have/,
    ],
    ['<row r="1"><c r="A1"><v>1</v></row>', /is not well-formed XML/],
  ])("refuses %s", async (body, message) => {
    const error = await refusal(sheet(body, ["<si><t>only one</t></si>"]));
    expect(error).toBeInstanceOf(PackageFormatError);
    expect(error).toMatchObject({ part: "xl/worksheets/sheet1.xml" });
    expect(error.message).toMatch(message);
  });
});
