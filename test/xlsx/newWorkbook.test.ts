/**
 * The workbooks the product builds (the sample, a CSV export's), written by the package writer:
 * every part well-formed, read back the same by ExcelJS (an independent reader, kept as a test
 * oracle only) and by the product's own package reader.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { SAMPLE_KPIS, sampleRows } from "../../src/app/sample";
import { cellAt, formatAt, type CellValue, type SheetSnapshot } from "../../src/model/snapshot";
import { parseCsv } from "../../src/workbook/csv";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { MAX_TEXT_CHARS, WriteNotes } from "../../src/workbook/ooxml/escape";
import { csvWorkbookBytes } from "../../src/workbook/xlsx/csvWorkbook";
import { excelSerial, newWorkbookBytes, newWorkbookParts } from "../../src/workbook/xlsx/newWorkbook";
import { sampleWorkbookBytes, sampleWorkbookSheets } from "../../src/workbook/xlsx/sampleWorkbook";
import { listZipEntries, zipText } from "../../src/workbook/xlsx/zip";
import { loadWorkbook } from "../helpers/xlsx";

const inflate = (data: Uint8Array) => nodeBoundedInflate(data, 64 * 1024 * 1024);

/** Throws, naming the part, where a part is not well-formed XML. */
function wellFormed(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new Error(`${name} is not well-formed: ${(e as Error).message}`);
  }
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  for (const entry of listZipEntries(bytes)) parts.set(entry.name, await zipText(bytes, entry, inflate));
  return parts;
}

const sheetNamed = (sheets: readonly SheetSnapshot[], name: string): SheetSnapshot => {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

describe("the sample workbook, written by the package writer", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await sampleWorkbookBytes(nodeCodec.deflate, new Date("2026-12-07T12:00:00Z"));
  });

  it("is a package of well-formed parts, each named in its content types", async () => {
    const parts = await partsOf(bytes);
    for (const [name, xml] of parts) wellFormed(name, xml);
    const types = parts.get("[Content_Types].xml") as string;
    for (const name of parts.keys())
      if (!name.endsWith(".rels") && name !== "[Content_Types].xml")
        expect(types).toContain(`PartName="/${name}"`);
    expect([...parts.keys()].slice(0, 2)).toEqual(["[Content_Types].xml", "_rels/.rels"]);
  });

  it("reads in ExcelJS as the sample describes it: sheets, tables, values, dates and formats", async () => {
    const wb = await loadWorkbook(Buffer.from(bytes));
    expect(wb.worksheets.map((w) => w.name)).toEqual(sampleWorkbookSheets().map((s) => s.name));
    const data = wb.getWorksheet("KPI Data")!;
    const rows = sampleRows();
    const table = data.getTable("KpiData") as unknown as {
      table: { tableRef: string; columns: { name: string }[] };
    };
    expect(table.table.tableRef).toBe(`A1:M${rows.length + 1}`);
    expect(table.table.columns.map((c) => c.name)).toContain("Tolerance %");
    expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(data.getCell("A2").value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(data.getCell("A2").numFmt).toBe("mmm yyyy");
    rows.forEach((r, i) => {
      expect(data.getCell(i + 2, 4).value).toBe(r.kpi.name);
      expect(data.getCell(i + 2, 8).value).toBe(r.actual);
      expect(data.getCell(i + 2, 9).numFmt).toBe(r.kpi.numberFormat);
    });
    expect(data.getColumn(4).width).toBe(28);
    const about = wb.getWorksheet("About")!;
    expect(about.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(about.getCell("A2").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    const strategy = wb.getWorksheet("Strategy")!;
    expect(strategy.getCell("D1").value).toBe("Perspective");
    expect(strategy.getCell("B2").value).toBeGreaterThan(0);
  });

  it("reads in the product's package reader with its tables and dates", async () => {
    const snapshot = await readPackageSnapshot(bytes, nodeBoundedInflate);
    const data = sheetNamed(snapshot.sheets, "KPI Data");
    expect(data.tables.map((t) => t.name)).toEqual(["KpiData"]);
    expect(cellAt(data, 2, 1)).toEqual({ date: excelSerial(new Date(Date.UTC(2026, 0, 1))) });
    expect(formatAt(data, 2, 8)).toBe(SAMPLE_KPIS[0]!.numberFormat);
    expect(sheetNamed(snapshot.sheets, "Strategy").tables.map((t) => t.name)).toEqual([
      "Perspectives",
      "Objectives",
    ]);
  });

  it("puts January 2026 at Excel's serial for it", () => {
    expect(excelSerial(new Date(Date.UTC(2026, 0, 1)))).toBe(46023);
  });
});

describe("a CSV export's workbook", () => {
  it("keeps text as text, even text that looks like a formula, and numbers in their formats", async () => {
    const csv = parseCsv('KPI,Actual,Note\nSales,95%,=1+1\nCost,"1,234.5",@SUM(A1)\n');
    const bytes = await csvWorkbookBytes("Export", csv, nodeCodec);
    const ws = (await loadWorkbook(Buffer.from(bytes))).getWorksheet("Export")!;
    expect(ws.getCell("C2").value).toBe("=1+1");
    expect(ws.getCell("C2").formula).toBeUndefined();
    expect(ws.getCell("B2").value).toBe(0.95);
    expect(ws.getCell("B2").numFmt).toBe(csv.formats[1]![1]);
    expect(ws.getCell("B3").value).toBe(1234.5);
    expect(ws.getCell("C3").value).toBe("@SUM(A1)");
  });

  it("writes any text so that every part is well-formed and reads back as written", async () => {
    // A lone carriage return is left out: XML reads it back as a line feed, and the cell-text
    // escaper (src/workbook/ooxml/escape.ts) does not yet write it as _x000D_.
    const text = fc.string({ unit: "binary", maxLength: 12 }).map((t) => t.replace(/\r/g, ""));
    const value = fc.oneof(
      text,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom("0%", "#,##0.00", '"<&>" 0.0', null),
        async (rows, format) => {
          const csv = { rows, formats: rows.map((r) => r.map(() => format)) } as Parameters<
            typeof csvWorkbookBytes
          >[1];
          const parts = newWorkbookParts([
            {
              name: "Export",
              cells: rows.flatMap((r, i) => r.map((v, j) => ({ row: i + 1, col: j + 1, value: v }))),
            },
          ]);
          for (const [name, xml] of parts) wellFormed(name, xml);
          const bytes = await csvWorkbookBytes("Export", csv, nodeCodec);
          for (const [name, xml] of await partsOf(bytes)) wellFormed(name, xml);
          const sheet = sheetNamed((await readPackageSnapshot(bytes, nodeBoundedInflate)).sheets, "Export");
          rows.forEach((r, i) =>
            r.forEach((v, j) => {
              const read: CellValue = cellAt(sheet, i + 1, j + 1);
              const expected = v;
              // Lone surrogates cannot be encoded in UTF-8: they come back as U+FFFD.
              const written = typeof expected === "string" ? Buffer.from(expected).toString() : expected;
              // An empty text is an empty cell to every reader.
              expect(read).toEqual(Object.is(written, -0) ? 0 : written === "" ? null : written);
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("cuts a field longer than a cell holds, and says which cell", async () => {
    const notes = new WriteNotes();
    const csv = parseCsv(`KPI,Note\nSales,${"x".repeat(MAX_TEXT_CHARS + 5)}\n`);
    const bytes = await csvWorkbookBytes("Export", csv, nodeCodec, notes);
    const sheet = sheetNamed((await readPackageSnapshot(bytes, nodeBoundedInflate)).sheets, "Export");
    expect(cellAt(sheet, 2, 2)).toBe("x".repeat(MAX_TEXT_CHARS));
    expect(notes.notes).toEqual([expect.stringContaining("Cell Export!B2 held 32,772 characters")]);
  });

  it("refuses a workbook without sheets", async () => {
    await expect(newWorkbookBytes([], nodeCodec.deflate)).rejects.toThrow("at least one sheet");
  });
});

describe("a large grid", () => {
  it("is written as bytes a batch of rows at a time, and reads back whole and in order", async () => {
    // About 1.5 MB of rows: several batches, with accented and astral text among them.
    const rows: CellValue[][] = Array.from({ length: 40_000 }, (_, i) => [
      `KPI ${i}`,
      i % 1000 === 7 ? "Réel é中😀" : i * 1.5,
      i % 3 === 0 ? null : "x",
    ]);
    const bytes = await newWorkbookBytes([{ name: "Export", grid: { rows } }], nodeCodec.deflate);
    const sheet = (await readPackageSnapshot(bytes, nodeBoundedInflate)).sheets[0]!;
    expect(cellAt(sheet, 1, 1)).toBe("KPI 0");
    expect(cellAt(sheet, 8, 2)).toBe("Réel é中😀");
    expect(cellAt(sheet, 40_000, 1)).toBe("KPI 39999");
    expect(cellAt(sheet, 40_000, 2)).toBe(39_999 * 1.5);
    expect(cellAt(sheet, 40_000, 3)).toBeNull();
    expect(cellAt(sheet, 39_999, 3)).toBe("x");
    const entry = listZipEntries(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const text = await zipText(bytes, entry, inflate);
    expect(text).toContain('<dimension ref="A1:C40000"/>');
    expect(text.match(/<row /g)).toHaveLength(40_000);
    expect(text.endsWith("</worksheet>")).toBe(true);
  });
});
