import fc from "fast-check";
import { crc32 as zlibCrc32 } from "node:zlib";
import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import {
  deflateAheadInPieces,
  deflateInPieces,
  nodeCodec,
  nodeCodecWithin,
} from "../../src/workbook/package/nodeCodec";
import { MAX_EDITED_PART_BYTES, OpenPackage } from "../../src/workbook/package/openPackage";
import { DEFAULT_READ_LIMITS, PackageLimitError } from "../../src/workbook/package/read/limits";
import { propertyRuns } from "../helpers/runs";
import { writeZip as writeTestZip, zipEntries } from "../helpers/zip";
import { listZipEntries } from "../../src/workbook/xlsx/zip";
import { crc32, crc32Combine } from "../../src/workbook/package/zipWriter";
import { StylesEditor } from "../../src/workbook/package/styles";
import {
  attribute,
  escapeCellText,
  findElements,
  insertBefore,
  PackageXmlError,
  rootPrefix,
  withAttribute,
} from "../../src/workbook/package/xmlText";

describe("text edits of XML parts", () => {
  it("insert a child before the first follower that is a direct child, not one nested deeper", () => {
    const sheet =
      `<worksheet><sheetData/><customSheetViews><customSheetView><pageSetup/></customSheetView></customSheetViews>` +
      `<pageMargins/><pageSetup/></worksheet>`;
    expect(insertBefore(sheet, "worksheet", "<conditionalFormatting/>", ["pageMargins", "pageSetup"])).toBe(
      `<worksheet><sheetData/><customSheetViews><customSheetView><pageSetup/></customSheetView></customSheetViews>` +
        `<conditionalFormatting/><pageMargins/><pageSetup/></worksheet>`,
    );
  });

  it("keep a writer's namespace prefix", () => {
    const sheet = `<x:worksheet xmlns:x="main"><x:sheetData/><x:pageMargins/></x:worksheet>`;
    expect(insertBefore(sheet, "worksheet", "<x:conditionalFormatting/>", ["pageMargins"])).toBe(
      `<x:worksheet xmlns:x="main"><x:sheetData/><x:conditionalFormatting/><x:pageMargins/></x:worksheet>`,
    );
  });

  it("append to the root when no follower is there, and open a self-closed root", () => {
    expect(insertBefore("<Types></Types>", "Types", "<Override/>", [])).toBe("<Types><Override/></Types>");
    expect(insertBefore("<Types/>", "Types", "<Override/>", [])).toBe("<Types><Override/></Types>");
  });

  it("skip comments and processing instructions between children", () => {
    const xml = `<worksheet><!-- <pageMargins/> --><?pi <pageSetup/>?><sheetData/><pageMargins/></worksheet>`;
    expect(insertBefore(xml, "worksheet", "<x/>", ["pageMargins"])).toBe(
      `<worksheet><!-- <pageMargins/> --><?pi <pageSetup/>?><sheetData/><x/><pageMargins/></worksheet>`,
    );
  });

  it("find elements by their whole name, nested ones inside their outer one", () => {
    const xml = `<a><fill/><fills><fill><b/></fill></fills><patternFill/></a>`;
    expect(findElements(xml, "fill").map((s) => s.text)).toEqual(["<fill/>", "<fill><b/></fill>"]);
  });

  it("read and set attributes, with quotes and markup in their values", () => {
    const el = `<sheet name="P&amp;L &quot;26&quot;" sheetId='3' state="hidden"/>`;
    expect(attribute(el, "name")).toBe('P&L "26"');
    expect(attribute(el, "sheetId")).toBe("3");
    expect(attribute(el, "r:id")).toBeNull();
    expect(withAttribute(el, "state", "veryHidden")).toBe(
      `<sheet name="P&amp;L &quot;26&quot;" sheetId='3' state="veryHidden"/>`,
    );
    expect(withAttribute('<sheet name="a>b"/>', "state", "veryHidden")).toBe(
      `<sheet name="a>b" state="veryHidden"/>`,
    );
  });

  it("write a cell's text so that it reads back as typed", () => {
    expect(escapeCellText("a < b & c")).toBe("a &lt; b &amp; c");
    expect(escapeCellText("tab\there, bell\u0007")).toBe("tab\there, bell_x0007_");
    expect(escapeCellText("_x0041_")).toBe("_x005F_x0041_");
  });
});

const STYLES =
  `<styleSheet xmlns="main"><fonts count="1"><font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0"/></styleSheet>`;

describe("the stylesheet's additions", () => {
  it("add a list the stylesheet lacks at its place in the schema, with its count", () => {
    const editor = new StylesEditor(STYLES);
    expect(editor.differentialFormat("C6EFCE", "006100")).toBe(0);
    expect(editor.cellFormat({}, "0.0%")).toBe(1);
    const xml = editor.toString();
    expect(xml).toContain(`<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts`);
    expect(xml).toContain(`</cellStyles><dxfs count="1"><dxf>`);
    expect(xml).toContain(`<cellXfs count="2">`);
  });

  it("take the workbook's default font for the product's bold text, its size and face kept", () => {
    const editor = new StylesEditor(STYLES);
    expect(editor.cellFormat({ bold: true })).toBe(1);
    expect(editor.toString()).toContain(
      `<fonts count="2"><font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/></font></fonts>`,
    );
  });

  it("reuse a format already there, and give the default format to a cell with none", () => {
    const once = new StylesEditor(STYLES);
    const index = once.cellFormat({ fill: "1F3864", color: "FFFFFF", bold: true });
    const again = new StylesEditor(once.toString());
    expect(again.cellFormat({ fill: "1F3864", color: "FFFFFF", bold: true })).toBe(index);
    expect(again.cellFormat({})).toBe(0);
    expect(again.toString()).toBe(once.toString());
  });

  it("use the built-in number formats by their ids", () => {
    const editor = new StylesEditor(STYLES);
    editor.cellFormat({}, "0%");
    expect(editor.toString()).not.toContain("<numFmts");
    expect(editor.toString()).toContain(
      `<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
  });
});

describe("the checksums of the parts written", () => {
  it("are CRC-32 as zlib computes them, in JavaScript as in Node", () => {
    const data = new Uint8Array(Array.from({ length: 10_000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(crc32(data)).toBe(zlibCrc32(data));
    expect(crc32(new Uint8Array())).toBe(0);
    expect(nodeCodec.crc32(data)).toBe(zlibCrc32(data));
  });

  it("continue from the bytes before, so that a part in pieces has the CRC of its bytes end to end", () => {
    const data = new Uint8Array(Array.from({ length: 10_000 }, (_, i) => (i * 7919 + 13) % 256));
    for (const cut of [0, 1, 4_999, 10_000]) {
      const [head, tail] = [data.subarray(0, cut), data.subarray(cut)];
      expect(crc32(tail, crc32(head))).toBe(zlibCrc32(data));
      expect(nodeCodec.crc32(tail, nodeCodec.crc32(head))).toBe(zlibCrc32(data));
    }
  });
});

describe("the parts the patcher inflates to edit", () => {
  it("are bounded: a part that inflates past the limit is refused, naming the part, before it fills memory", async () => {
    // Written by the patcher itself, so that the big part is deflated (a stored one needs no inflating).
    const source = OpenPackage.open(
      writeTestZip([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }]),
      nodeCodec.inflate,
    );
    source.setText("xl/worksheets/sheet1.xml", " ".repeat(64 * 1024));
    const zip = await source.toBytes(nodeCodec.deflate, nodeCodec.crc32);
    const pkg = OpenPackage.open(zip, nodeCodecWithin(16 * 1024).inflate);
    expect(await pkg.text("[Content_Types].xml")).toBe("<Types/>");
    const refusal = await pkg.text("xl/worksheets/sheet1.xml").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PackageLimitError);
    expect((refusal as Error).message).toBe(
      "xl/worksheets/sheet1.xml inflates to more than 16 KiB; bsc will not edit it.",
    );
  });

  it("are bounded by default at the reader's own limit for a sheet", () => {
    expect(MAX_EDITED_PART_BYTES).toBe(DEFAULT_READ_LIMITS.maxSheetBytes);
  });
});

describe("the checksum of two byte sequences end to end", () => {
  it("is combined from theirs and the second's length, as zlib's crc32_combine does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (first, second) => {
        const both = new Uint8Array([...first, ...second]);
        expect(crc32Combine(zlibCrc32(first), zlibCrc32(second), second.length)).toBe(zlibCrc32(both));
      }),
      { numRuns: propertyRuns(200) },
    );
    // A second sequence of many bits of length, as a million rows' are.
    const data = new Uint8Array(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + 13) % 256));
    const [head, rest] = [data.subarray(0, 77), data.subarray(77)];
    expect(crc32Combine(zlibCrc32(head), zlibCrc32(rest), rest.length)).toBe(zlibCrc32(data));
  });
});

describe("a worksheet edited after its cells", () => {
  const listing = (sheet: Buffer) =>
    writeTestZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
    ]);
  // A byte that is not UTF-8 (Latin-1 "é"): decoded and encoded again it would become U+FFFD.
  const cells = Buffer.concat([
    Buffer.from(`<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>caf`),
    Buffer.from([0xe9]),
    Buffer.from(`</x:t></x:is></x:c></x:row></x:sheetData>`),
  ]);
  const head = `<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:dimension ref="A1"/>`;
  const sheet = Buffer.concat([Buffer.from(head), cells, Buffer.from(`<x:pageMargins/></x:worksheet>`)]);

  it("is edited without its cells, which keep every byte they had", async () => {
    const pkg = OpenPackage.open(listing(sheet), nodeCodec.inflate);
    const outside = await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml");
    expect(outside).toBe(`${head}<x:sheetData/><x:pageMargins/></x:worksheet>`);
    pkg.setText(
      "xl/worksheets/sheet1.xml",
      insertBefore(outside, "worksheet", "<x:conditionalFormatting/>", ["pageMargins"]),
    );
    const written = await zipEntries(Buffer.from(await pkg.toBytes(nodeCodec.deflate)));
    const bytes = written.find((e) => e.name === "xl/worksheets/sheet1.xml")?.data;
    const expected = Buffer.concat([
      Buffer.from(head),
      cells,
      Buffer.from(`<x:conditionalFormatting/><x:pageMargins/></x:worksheet>`),
    ]);
    expect(bytes?.equals(expected)).toBe(true);
  });

  it("reads back whole, cells included, once edited", async () => {
    const pkg = OpenPackage.open(listing(sheet), nodeCodec.inflate);
    const outside = await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml");
    pkg.setText(
      "xl/worksheets/sheet1.xml",
      outside.replace("<x:pageMargins/>", "<x:pageMargins/><x:drawing/>"),
    );
    const whole = await pkg.text("xl/worksheets/sheet1.xml");
    expect(whole).toBe(`${head}${cells.toString("utf8")}<x:pageMargins/><x:drawing/></x:worksheet>`);
    expect(await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml")).toBe(whole);
  });

  it("is replaced whole by a text that does not keep what came before its cells", async () => {
    const pkg = OpenPackage.open(listing(sheet), nodeCodec.inflate);
    await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml");
    pkg.setText("xl/worksheets/sheet1.xml", `<x:worksheet xmlns:x="main"><x:sheetData/></x:worksheet>`);
    expect(await pkg.text("xl/worksheets/sheet1.xml")).toBe(
      `<x:worksheet xmlns:x="main"><x:sheetData/></x:worksheet>`,
    );
  });

  it("written with its cells as bytes, is edited around them and written whole", async () => {
    const pkg = OpenPackage.open(listing(sheet), nodeCodec.inflate);
    const rows = [`<sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, `<row r="2"/></sheetData>`];
    const before = `<worksheet xmlns="main"><dimension ref="A1:A2"/>`;
    const outside = pkg.setWorksheet(
      "xl/worksheets/sheet2.xml",
      before,
      rows.map((r) => Buffer.from(r)),
      `<pageMargins/></worksheet>`,
    );
    expect(outside).toBe(`${before}<sheetData/><pageMargins/></worksheet>`);
    pkg.setText("xl/worksheets/sheet2.xml", outside.replace("</worksheet>", "<drawing/></worksheet>"));
    const written = await zipEntries(Buffer.from(await pkg.toBytes(nodeCodec.deflate)));
    const expected = `${before}${rows.join("")}<pageMargins/><drawing/></worksheet>`;
    expect(written.find((e) => e.name === "xl/worksheets/sheet2.xml")?.data.toString("utf8")).toBe(expected);
    expect(await pkg.text("xl/worksheets/sheet2.xml")).toBe(expected);
  });

  it("has its cells compressed ahead, as read or as written, and written from that compression", async () => {
    const ahead: string[] = [];
    const deflateAhead = (bytes: Uint8Array) => {
      ahead.push(Buffer.from(bytes).toString("latin1"));
      nodeCodec.deflateAhead(bytes);
    };
    const pkg = OpenPackage.open(listing(sheet), nodeCodec.inflate, new Map(), new Set(), deflateAhead);
    const outside = await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml");
    await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml");
    // Everything up to the end of its cells, once: the edit goes after them.
    expect(ahead).toEqual([Buffer.concat([Buffer.from(head), cells]).toString("latin1")]);
    pkg.setText(
      "xl/worksheets/sheet1.xml",
      outside.replace("<x:pageMargins/>", "<x:pageMargins/><x:drawing/>"),
    );
    const rows = [`<sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, `</sheetData>`];
    pkg.setWorksheet(
      "xl/worksheets/sheet2.xml",
      "<worksheet>",
      rows.map((r) => Buffer.from(r)),
      "</worksheet>",
    );
    expect(ahead.slice(1)).toEqual(rows);
    const written = await zipEntries(Buffer.from(await pkg.toBytes(nodeCodec.deflate)));
    expect(written.find((e) => e.name === "xl/worksheets/sheet1.xml")?.data).toEqual(
      Buffer.concat([Buffer.from(head), cells, Buffer.from(`<x:pageMargins/><x:drawing/></x:worksheet>`)]),
    );
    expect(written.find((e) => e.name === "xl/worksheets/sheet2.xml")?.data.toString("utf8")).toBe(
      `<worksheet>${rows.join("")}</worksheet>`,
    );
  });

  it("is copied as it was when it was only looked at", async () => {
    const pkg = OpenPackage.open(listing(sheet), nodeCodec.inflate);
    await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml");
    const written = listZipEntries(await pkg.toBytes(nodeCodec.deflate));
    // The source stores its parts uncompressed; a part written afresh would be deflated.
    expect(written.find((e) => e.name === "xl/worksheets/sheet1.xml")?.method).toBe(0);
    expect(await pkg.text("xl/worksheets/sheet1.xml")).toBe(sheet.toString("utf8"));
  });

  it("is cut at its own <sheetData>, not one in a comment, when the reader parsed it but did not keep it", async () => {
    const decoy = `<x:worksheet xmlns:x="main"><!-- <x:sheetData> --><x:dimension ref="A1"/>`;
    const withDecoy = Buffer.concat([
      Buffer.from(decoy),
      cells,
      Buffer.from(`<x:pageMargins/></x:worksheet>`),
    ]);
    const parsedNotKept = new Set(["xl/worksheets/sheet1.xml"]);
    for (const parsed of [parsedNotKept, new Set<string>()]) {
      const pkg = OpenPackage.open(listing(withDecoy), nodeCodec.inflate, new Map(), parsed);
      const outside = await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml");
      expect(outside).toBe(`${decoy}<x:sheetData/><x:pageMargins/></x:worksheet>`);
    }
  });

  it("comes whole when it has no cells", async () => {
    const empty = `<worksheet><sheetData/><pageMargins/></worksheet>`;
    const pkg = OpenPackage.open(listing(Buffer.from(empty)), nodeCodec.inflate);
    expect(await pkg.worksheetOutsideCells("xl/worksheets/sheet1.xml")).toBe(empty);
  });
});

describe("a large part compressed in pieces side by side", () => {
  const sheet = new TextEncoder().encode(
    Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 1000}</v></c></row>`,
    ).join(""),
  );

  it("is one DEFLATE stream that inflates to the part, in Node as in the product's own reader", async () => {
    const pieces = await deflateInPieces(sheet, 3, 8_000);
    expect(new Uint8Array(inflateRawSync(pieces))).toEqual(sheet);
    expect(await nodeCodec.inflate(pieces)).toEqual(sheet);
    // Each piece but the last ends with a sync flush's empty stored block: 00 00 FF FF.
    const marks = Buffer.from(pieces).toString("latin1").split("\u0000\u0000\u00ff\u00ff").length - 1;
    expect(marks).toBeGreaterThanOrEqual(Math.ceil(sheet.length / 8_000) - 1);
  });

  it("is one stream of a part given in pieces, each cut where it is larger than a piece", async () => {
    const given = [
      sheet.subarray(0, 20_001),
      new Uint8Array(),
      sheet.subarray(20_001, 20_050),
      sheet.subarray(20_050),
    ];
    const deflated = await deflateInPieces(given, 3, 8_000);
    expect(new Uint8Array(inflateRawSync(deflated))).toEqual(sheet);
    expect(await nodeCodec.inflate(await nodeCodec.deflate(given))).toEqual(sheet);
    expect(
      inflateRawSync(await deflateInPieces([new Uint8Array(), new Uint8Array()], 3, 10_000)).length,
    ).toBe(0);
  });

  it("takes a run of its bytes deflated ahead as it was compressed, and compresses only the rest", async () => {
    const bytes = sheet.slice();
    const run = bytes.subarray(0, 30_000);
    deflateAheadInPieces(run, 3, 30_000);
    const written = await deflateInPieces([run, bytes.subarray(30_000)], 3, 8_000);
    expect(new Uint8Array(inflateRawSync(written))).toEqual(bytes);
    // The run's own compression (one cut of 30,000 bytes) opens the stream: the write did not cut
    // it in pieces of 8,000 and compress them again.
    const own = deflateRawSync(run, { level: 3, finishFlush: constants.Z_SYNC_FLUSH });
    expect(Buffer.from(written.subarray(0, own.length)).equals(own)).toBe(true);
  });

  it("ends on a final block after a run deflated ahead, and passes over a run it holds only part of", async () => {
    const bytes = sheet.slice();
    deflateAheadInPieces(bytes.subarray(0, 30_000), 3, 10_000);
    // The whole run, and nothing after it: the stream still ends.
    const ahead = await deflateInPieces(bytes.subarray(0, 30_000), 3, 8_000);
    expect(new Uint8Array(inflateRawSync(ahead))).toEqual(bytes.subarray(0, 30_000));
    // Pieces that start or end inside the run's cuts compress their bytes afresh.
    const across = [bytes.subarray(5_000, 25_000), bytes.subarray(25_000)];
    expect(new Uint8Array(inflateRawSync(await deflateInPieces(across, 3, 8_000)))).toEqual(
      bytes.subarray(5_000),
    );
  });

  it("is whole for an empty part and for a part smaller than a piece", async () => {
    expect(inflateRawSync(await deflateInPieces(new Uint8Array(), 3, 10_000)).length).toBe(0);
    const small = sheet.subarray(0, 5_000);
    expect(new Uint8Array(inflateRawSync(await deflateInPieces(small, 3, 10_000)))).toEqual(small);
  });
});

describe("the text editor's view of a part", () => {
  it("takes no element from inside a comment, a CDATA section or a processing instruction", () => {
    const xml =
      '<workbook><!-- <sheet name="ghost"/> --><?pi <sheet name="pi"/>?><sheets>' +
      '<sheet name="a"/><extLst><x><![CDATA[<sheet name="cdata"/>]]></x></extLst></sheets></workbook>';
    expect(findElements(xml, "sheet").map((s) => s.text)).toEqual(['<sheet name="a"/>']);
    expect(rootPrefix('<!-- <x:worksheet> --><worksheet xmlns="m"/>', "worksheet")).toBe("");
  });

  it("finds the outermost of same-named elements nested deep, and inserts after them", () => {
    const depth = 20_000;
    const nested = `${"<ext>".repeat(depth)}${"</ext>".repeat(depth)}`;
    const sheet = `<worksheet><sheetData/><extLst>${nested}</extLst><pageMargins/></worksheet>`;
    const spans = findElements(sheet, "ext");
    expect(spans).toHaveLength(1);
    expect(spans[0]!.text).toBe(nested);
    expect(insertBefore(sheet, "worksheet", "<conditionalFormatting/>", ["pageMargins"])).toBe(
      `<worksheet><sheetData/><extLst>${nested}</extLst><conditionalFormatting/><pageMargins/></worksheet>`,
    );
  });

  it("refuses a close tag that closes another element", () => {
    expect(() => findElements("<a><b></a></b>", "b")).toThrow(PackageXmlError);
  });
});

describe("a worksheet the reader parsed, edited after its cells", () => {
  // Cells that are not well-formed: only a scan of them would find it, and it would refuse them.
  const sheet = Buffer.from(
    `<worksheet xmlns="main"><sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData><pageMargins/></worksheet>`,
  );
  const zip = writeTestZip([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
  ]);

  it("is not scanned again inside its cells, however its close tag is followed", async () => {
    const parsed = OpenPackage.open(zip, nodeCodec.inflate, new Map(), new Set(["xl/worksheets/sheet1.xml"]));
    expect(await parsed.worksheetOutsideCells("xl/worksheets/sheet1.xml")).toBe(
      `<worksheet xmlns="main"><sheetData/><pageMargins/></worksheet>`,
    );
  });

  it("is scanned whole when no read parsed it", async () => {
    const unread = OpenPackage.open(zip, nodeCodec.inflate);
    await expect(unread.worksheetOutsideCells("xl/worksheets/sheet1.xml")).rejects.toThrow(/well-formed/);
  });
});
