/**
 * A CSV export's sheet made straight from its rows (csvSheetSnapshot) is the sheet the package
 * reader reads back from the workbook csvWorkbookBytes writes: cell for cell, format for format,
 * the same used range and the same notes, for any export.
 */
import fc from "fast-check";
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { cellAt, formatAt, lastCol, lastRow, type SheetSnapshot } from "../../src/model/snapshot";
import { CsvReader, parseCsv, type CsvSheet } from "../../src/workbook/csv";
import { MAX_TEXT_CHARS, WriteNotes } from "../../src/workbook/ooxml/escape";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { DEFAULT_READ_LIMITS, PackageLimitError } from "../../src/workbook/package/read/limits";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { OpenPackage } from "../../src/workbook/package/openPackage";
import { insertBefore } from "../../src/workbook/package/xmlText";
import {
  csvSheetSnapshot,
  csvWorkbookApart,
  csvWorkbookBytes,
  withCsvRows,
} from "../../src/workbook/xlsx/csvWorkbook";
import { listZipEntries, readZipEntry } from "../../src/workbook/xlsx/zip";
import { propertyRuns } from "../helpers/runs";

/** The sheet as the reader reads it from the written workbook, and the writer's notes. */
async function readBack(csv: CsvSheet): Promise<{ sheet: SheetSnapshot; notes: string[] }> {
  const notes = new WriteNotes();
  const bytes = await csvWorkbookBytes("Export", csv, nodeCodec, notes);
  const sheet = (await readPackageSnapshot(bytes, nodeBoundedInflate)).sheets[0] as SheetSnapshot;
  return { sheet, notes: notes.notes };
}

async function expectSameSheet(text: string): Promise<void> {
  const csv = parseCsv(text);
  const rowsBefore = JSON.stringify(csv.rows);
  const notes = new WriteNotes();
  const direct = csvSheetSnapshot("Export", csv, notes);
  // The export's rows are left as they were, for the writer that follows.
  expect(JSON.stringify(csv.rows)).toBe(rowsBefore);
  const read = await readBack(csv);
  expect(notes.notes).toEqual(read.notes);
  expect({
    name: direct.name,
    visibility: direct.visibility,
    origin: direct.origin,
    tables: direct.tables,
  }).toEqual({
    name: read.sheet.name,
    visibility: read.sheet.visibility,
    origin: read.sheet.origin,
    tables: read.sheet.tables,
  });
  expect([lastRow(direct), lastCol(direct)]).toEqual([lastRow(read.sheet), lastCol(read.sheet)]);
  for (let r = 1; r <= lastRow(read.sheet) + 1; r++) {
    for (let c = 1; c <= lastCol(read.sheet) + 1; c++) {
      expect([r, c, cellAt(direct, r, c), formatAt(direct, r, c)]).toEqual([
        r,
        c,
        cellAt(read.sheet, r, c),
        formatAt(read.sheet, r, c),
      ]);
    }
  }
}

describe("a CSV export's sheet made from its rows", () => {
  it("is the sheet the reader reads back from its workbook, for any export", async () => {
    const field = fc.oneof(
      fc.constantFrom(
        "",
        " ",
        "-0",
        "1,050",
        "1.050",
        "42%",
        "$1,050.50",
        "(1 200)",
        "12 €",
        "_x0041_",
        "a_x00e9_b",
        "a\rb",
        "\ud800x",
        "\u0001",
      ),
      fc.string({ unit: "binary", maxLength: 10 }),
      fc.integer().map(String),
      fc.double({ noNaN: true }).map(String),
    );
    const quoted = (f: string) => `"${f.replace(/"/g, '""')}"`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(",", ";", "\t"),
        async (rows, delimiter) => {
          await expectSameSheet(rows.map((r) => r.map(quoted).join(delimiter)).join("\r\n"));
        },
      ),
      { numRuns: propertyRuns(100) },
    );
  });

  it("cuts a long field, leaves out blank rows at the end, and keeps a line end as the reader reads it", async () => {
    await expectSameSheet(
      `KPI,Note,Actual\nSales,"${"x".repeat(MAX_TEXT_CHARS + 5)}",-0\nCost,"two\r\nlines\rhere",\n,,\n,,\n`,
    );
  });

  it("counts its cells against the reader's limit", () => {
    const csv = parseCsv("a,b\n1,\n,2\n");
    expect(() => csvSheetSnapshot("Export", csv, undefined, 4)).not.toThrow();
    expect(() => csvSheetSnapshot("Export", csv, undefined, 3)).toThrow(PackageLimitError);
    expect(DEFAULT_READ_LIMITS.maxCells).toBe(20_000_000);
  });
});

describe("a CSV export's workbook with its rows apart", () => {
  const part = "xl/worksheets/sheet1.xml";
  const sheetOf = async (bytes: Uint8Array) => {
    const entry = listZipEntries(bytes).find((e) => e.name === part)!;
    const data = await readZipEntry(bytes, entry, nodeCodec.inflate);
    return { text: Buffer.from(data).toString("utf8"), crc: entry.crc32, data };
  };
  // Over a megabyte of rows: several pieces deflated apart.
  const csv = parseCsv(
    ["KPI,Actual,Note", ...Array.from({ length: 30_000 }, (_, i) => `KPI ${i},${i * 1.5},é中 ${i % 7}`)].join(
      "\n",
    ),
  );

  it("holds <sheetData/> where its rows go, and the rows as deflated pieces of their XML", async () => {
    const { bytes, rows } = await csvWorkbookApart("Export", csv, nodeCodec);
    const { text } = await sheetOf(bytes);
    expect(text).toContain('<dimension ref="A1:C30001"/>');
    expect(text).toContain("<sheetData/>");
    expect(text).not.toContain("<row");
    expect(rows.pieces.length).toBeGreaterThan(1);
    const xml = inflateRawSync(Buffer.concat([...rows.pieces, deflateRawSync(Buffer.alloc(0))]));
    expect(xml.length).toBe(rows.length);
    expect(zlibCrc32(xml)).toBe(rows.crc);
    expect(xml.toString("utf8").match(/<row /g)).toHaveLength(30_001);
  });

  it("gets its rows back in their sheet after a patch edits the sheet after them, its CRC that of its bytes", async () => {
    const { bytes, rows } = await csvWorkbookApart("Export", csv, nodeCodec);
    const pkg = OpenPackage.open(bytes, nodeCodec.inflate);
    const outside = await pkg.worksheetOutsideCells(part);
    const rule = '<conditionalFormatting sqref="B2:B30001"/>';
    pkg.setText(part, insertBefore(outside, "worksheet", rule, ["pageMargins"]));
    const patched = await pkg.toBytes(nodeCodec.deflate, nodeCodec.crc32);
    const whole = await withCsvRows(patched, rows, nodeCodec);
    const sheet = await sheetOf(whole);
    expect(zlibCrc32(sheet.data)).toBe(sheet.crc);
    const unpatched = await sheetOf(await csvWorkbookBytes("Export", csv, nodeCodec));
    expect(sheet.text).toBe(unpatched.text.replace("<pageMargins", `${rule}<pageMargins`));
    // Every other part is copied as the patch wrote it.
    const others = (b: Uint8Array) =>
      listZipEntries(b)
        .filter((e) => e.name !== part)
        .map((e) => [e.name, e.crc32]);
    expect(others(whole)).toEqual(others(patched));
    expect(cellAt((await readPackageSnapshot(whole, nodeBoundedInflate)).sheets[0]!, 30_001, 3)).toBe(
      "é中 4",
    );
  });
});

describe("a CSV export read a piece at a time", () => {
  it("is the export read whole, wherever the pieces are cut", () => {
    const field = fc.oneof(
      fc.constantFrom("", "1,050", "2,300", "0,5", "12.5", "42%", '"q"', "x\ny", "\r", "KPI 1"),
      fc.string({ maxLength: 6 }),
    );
    const text = fc
      .tuple(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 30 }),
        fc.constantFrom(",", ";", "\t", "|"),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
      )
      .map(
        ([rows, delimiter, eol, bom]) =>
          (bom ? "\uFEFF" : "") +
          rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(delimiter)).join(eol),
      );
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (t, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
        const reader = new CsvReader();
        let from = 0;
        for (const p of points) {
          reader.push(t.slice(from, p));
          from = p;
        }
        reader.push(t.slice(from));
        expect(reader.end()).toEqual(parseCsv(t));
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
