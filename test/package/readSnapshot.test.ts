import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import {
  exceljsSnapshot,
  formatsAsExcelJSReads,
  handMadeWorkbook,
  partsOf,
  withParts,
  xlsxBytes,
  zipOf,
} from "./readPackageHelpers";

/**
 * The streaming reader must give the command line the very snapshot ExcelJS gave it: every
 * fixture and every kind of cell a finance workbook holds is read both ways and compared whole.
 */

const read = (bytes: Uint8Array) => readPackageSnapshot(bytes, nodeBoundedInflate);

async function expectSameAsExcelJS(bytes: Uint8Array): Promise<void> {
  expect(formatsAsExcelJSReads(await read(bytes))).toEqual(await exceljsSnapshot(bytes));
}

const fixtures = path.join(__dirname, "..", "fixtures");
const fixtureFiles = ["examples", "package"].flatMap((dir) =>
  readdirSync(path.join(fixtures, dir))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f)),
);

describe("the same snapshot as ExcelJS", () => {
  it.each(fixtureFiles)("test/fixtures/%s", async (file) => {
    await expectSameAsExcelJS(readFileSync(path.join(fixtures, file)));
  });

  it("holds a LibreOffice-saved workbook among the fixtures: tables without <tableStyleInfo>", async () => {
    const bytes = readFileSync(path.join(fixtures, "package", "libreoffice.xlsx"));
    const snapshot = await read(bytes);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Scorecard", "visible"],
      ["Totals", "visible"],
      ["Hidden", "hidden"],
      ["VeryHidden", "hidden"], // LibreOffice has no "very hidden"
    ]);
    expect(snapshot.sheets[1]!.tables).toEqual([
      { name: "Sums", box: { top: 2, left: 2, bottom: 6, right: 3 }, hasHeaderRow: true, hasTotalsRow: true },
    ]);
    expect(snapshot.sheets[0]!.values[1]![4]).toEqual({ date: 45322 });
    expect(snapshot.sheets[0]!.formats![1]![4]).toBe("dd/mm/yyyy");
  });

  it("reads every kind of value, format and structure a scorecard workbook holds", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Values");
    const dates: [string, string | undefined][] = [
      ["A1", undefined],
      ["A2", "dd/mm/yyyy"],
      ["A3", "mmm-yy"],
      ["A4", "yyyy-mm-dd hh:mm:ss"],
      ["A5", "h:mm"],
      ["A6", "[$-409]d\\-mmm\\-yyyy;@"],
      ["A7", "d-mmm-yy"],
    ];
    dates.forEach(([ref, fmt], i) => {
      ws.getCell(ref).value = new Date(Date.UTC(2024, i, 15 + i, i, 7 * i, 3 * i));
      if (fmt) ws.getCell(ref).numFmt = fmt;
    });
    ws.getCell("A8").value = new Date(Date.UTC(1900, 1, 28));
    ws.getCell("A9").value = new Date(Date.UTC(2099, 11, 31, 23, 59, 59, 999));
    const numbers: [string, number, string | undefined][] = [
      ["B1", 0.25, "0%"],
      ["B2", 0.1234, "0.00%"],
      ["B3", -1234.5678, "#,##0.00;[Red]-#,##0.00"],
      ["B4", 1e-12, undefined],
      ["B5", 123456789012345, "0"],
      ["B6", 0.1 + 0.2, '"€" #,##0.00'],
      ["B7", -0, undefined],
      ["B8", 42, "General"],
      ["B9", 3.5, '[Red]"days"0.0'],
    ];
    for (const [ref, n, fmt] of numbers) {
      ws.getCell(ref).value = n;
      if (fmt) ws.getCell(ref).numFmt = fmt;
    }
    ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"].forEach((error, i) => {
      ws.getCell(i + 1, 3).value = { error } as ExcelJS.CellErrorValue;
    });
    ws.getCell("D1").value = true;
    ws.getCell("D2").value = false;
    ws.getCell("D3").value = { richText: [{ text: "Net ", font: { bold: true } }, { text: "margin" }] };
    ws.getCell("D4").value = "A & B < C > D \"quoted\" 'single'";
    ws.getCell("D5").value = "  padded  ";
    ws.getCell("D6").value = "Ünïcödé 日本語 🙂";
    ws.getCell("D7").value = "line\nbreak\ttab";
    ws.getCell("D8").value = "";
    ws.getCell("D9").value = { text: "a link", hyperlink: "https://example.com" };
    ws.getCell("E1").value = { formula: "B1*2", result: 0.5 } as ExcelJS.CellFormulaValue;
    ws.getCell("E2").value = { formula: 'D4&"!"', result: "A & B!" } as ExcelJS.CellFormulaValue;
    ws.getCell("E3").value = { formula: "B1>0", result: true } as ExcelJS.CellFormulaValue;
    ws.getCell("E4").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("E5").value = { formula: "A1+1", result: 45307 } as ExcelJS.CellFormulaValue;
    ws.getCell("E5").numFmt = "dd/mm/yyyy";
    ws.getCell("E6").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
    ws.getCell("E7").value = { formula: "B2*100", result: 12.34 } as ExcelJS.CellFormulaValue;
    ws.getCell("E7").numFmt = "0.0";
    for (let r = 1; r <= 5; r++) {
      ws.getCell(r, 6).value = r;
      ws.getCell(r, 7).value =
        r === 1
          ? ({ formula: "F1*10", result: 10, shareType: "shared", ref: "G1:G5" } as ExcelJS.CellFormulaValue)
          : ({ sharedFormula: "G1", result: r * 10 } as ExcelJS.CellSharedFormulaValue);
    }
    ws.getCell("ZZ5000").value = "far away";
    ws.getCell("H20").numFmt = "0.00"; // a style without a value: no data

    const merged = wb.addWorksheet("Merged");
    merged.getCell("A1").value = "Title over three columns and two rows";
    merged.mergeCells("A1:C2");
    merged.getCell("B4").value = 10;
    merged.getCell("B4").numFmt = "0.0%";
    merged.mergeCells("B4:B7"); // rows 5 to 7 exist only through the merge
    merged.getCell("E1").value = "styled slaves";
    merged.getCell("E1").numFmt = "0.00";
    merged.getCell("F1").numFmt = "0.000";
    merged.mergeCells("E1:F1");

    const tables = wb.addWorksheet("Tables");
    tables.addTable({
      name: "Plain",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "KPI" }, { name: "Actual" }],
      rows: [
        ["Revenue", 10],
        ["Cost", 4],
      ],
    });
    tables.addTable({
      name: "WithTotals",
      ref: "D1",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Item", totalsRowLabel: "Total" },
        { name: "Amount", totalsRowFunction: "sum" },
      ],
      rows: [
        ["a", 1],
        ["b", 2],
      ],
    });
    tables.addTable({
      name: "NoHeader",
      ref: "H1",
      headerRow: false,
      columns: [{ name: "One" }, { name: "Two" }],
      rows: [[1, 2]],
    });

    wb.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = "not shown";
    wb.addWorksheet("Very hidden", { state: "veryHidden" }).getCell("B2").value = 2;
    const formatted = wb.addWorksheet("Formatted only");
    for (let r = 1; r <= 300; r++) {
      formatted.getRow(r).getCell(1).numFmt = "0.00";
      formatted.getRow(r).getCell(2).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FFFFFF00" },
      };
    }
    wb.addWorksheet("P&L 'quoted' sheet").getCell("C3").value = 3;
    wb.addWorksheet("Empty");

    wb.definedNames.add("Values!$B$1:$B$9", "Numbers");
    wb.definedNames.add("Values!$D$1", "OneCell");
    wb.definedNames.add("'P&L ''quoted'' sheet'!$C$3", "Quoted");
    wb.definedNames.add("Values!$A$1", "TwoRanges");
    wb.definedNames.add("Values!$C$5", "TwoRanges");

    await expectSameAsExcelJS(await xlsxBytes(wb));
  });

  it("reads a 1904 workbook's dates as 1900 serials, as snapshotOf does", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Mac");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 2, 1));
    ws.getCell("A2").value = new Date(Date.UTC(1904, 0, 1));
    ws.getCell("A3").value = 100;
    const bytes = await xlsxBytes(wb);
    expect((await read(bytes)).sheets[0]!.values).toEqual([[{ date: 45352 }], [{ date: 1462 }], [100]]);
    await expectSameAsExcelJS(bytes);
  });

  it("reads cells ExcelJS itself never writes: inline strings, t=str, phonetic guides, r-less cells", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Hand",
          body:
            "<sheetData>" +
            '<row r="1"><c r="A1" t="inlineStr"><is><t>inline</t></is></c>' +
            '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>rich </t></r><r><t>inline</t></r></is></c>' +
            '<c r="C1" t="str"><v>plain str</v></c><c r="D1" t="s"><v>0</v></c><c r="E1" t="s"><v>1</v></c>' +
            '<c r="F1" t="s"><v>2</v></c><c r="G1" t="s"><v>3</v></c></row>' +
            '<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row>' +
            '<row r="3"><c r="A3" t="b"><v>0</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3"><v>1.5E3</v></c>' +
            '<c r="D3"><f t="shared" ref="D3:D4" si="0">C3*2</f><v>3000</v></c></row>' +
            '<row r="4"><c r="D4"><f t="shared" si="0"/><v>6000</v></c><c r="E4"><f>1+1</f></c></row>' +
            "</sheetData>",
        },
      ],
      sharedStrings: [
        "<si><t>shared</t></si>",
        '<si><r><t xml:space="preserve">ri</t></r><r><rPr><i/></rPr><t>ch</t></r></si>',
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
        "<si><t>escaped _x0041_ char</t></si>",
      ],
    });
    const snapshot = await read(bytes);
    expect(snapshot.sheets[0]!.values).toEqual([
      ["inline", "rich inline", "plain str", "shared", "rich", "東京", "escaped A char"],
      [1, 2, undefined, 4, 5],
      [false, { error: "#N/A" }, 1500, 3000],
      [undefined, undefined, undefined, 6000, null],
    ]);
    await expectSameAsExcelJS(bytes);
  });

  it("keeps the first place and the last definition of a row or cell written twice, as ExcelJS does", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Twice",
          body:
            "<sheetData>" +
            '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c><c r="B1" s="1"/></row>' +
            '<row r="2"><c r="A2"><v>old</v></c></row><row r="3"><c r="A3"><v>7</v></c></row>' +
            '<row r="2"><c r="B2"><v>8</v></c></row><row r="4"><c r="A4"><v>9</v></c></row><row r="4"/>' +
            "</sheetData>",
        },
      ],
      styles: '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>',
    });
    const snapshot = await read(bytes);
    expect(snapshot.sheets[0]!.values).toEqual([[2], [undefined, 8], [7]]);
    await expectSameAsExcelJS(bytes);
  });

  it("gives merged cells the file leaves out their row's style, else their column's", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Merges",
          body:
            '<cols><col min="1" max="3" style="2"/><col min="2" max="5" style="3"/></cols><sheetData>' +
            '<row r="1"><c r="A1"><v>1</v></c><c r="C1" s="1"/></row>' +
            '<row r="2" s="1" customFormat="1"/>' +
            '<row r="6"><c r="B6" s="3"><v>6</v></c></row>' +
            "</sheetData>" +
            '<mergeCells count="3"><mergeCell ref="A1:E3"/><mergeCell ref="B6:C7"/><mergeCell ref="D7:E8"/></mergeCells>',
        },
      ],
      styles:
        '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0\\ &quot;x&quot;"/></numFmts>' +
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>',
    });
    const sheet = (await read(bytes)).sheets[0]!;
    expect(sheet.values[0]).toEqual([1, null, null, null, null]);
    expect(sheet.formats).toEqual([
      // C1 has its own style; columns 1-3 take the first <col>, 4-5 the second, which overlaps it.
      [null, '0.0\\ "x"', "0.00%", "#,##0", "#,##0"],
      ["0.00%", "0.00%", "0.00%", "0.00%", "0.00%"], // row 2's style wins over the columns'
      ['0.0\\ "x"', '0.0\\ "x"', '0.0\\ "x"', "#,##0", "#,##0"],
      [],
      [],
      [undefined, "#,##0", '0.0\\ "x"'],
      [undefined, '0.0\\ "x"', '0.0\\ "x"', undefined, "#,##0"],
      [undefined, undefined, undefined, "#,##0", "#,##0"],
    ]);
    await expectSameAsExcelJS(bytes);
  });

  it("finds merged styled cells beyond what it remembers in one pass, with a second pass", async () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"/></row>`);
    rows[0] = '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row>';
    rows[69_999] = '<row r="70000"><c r="A70000" s="1"/><c r="B70000" s="1"/></row>';
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Long",
          body: `<sheetData>${rows.join("")}</sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A70000:B70000"/></mergeCells>`,
        },
      ],
      styles: '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>',
    });
    const sheet = (await read(bytes)).sheets[0]!;
    expect(sheet.values[0]).toEqual([1, null]);
    expect(sheet.formats![0]).toEqual([null, "0%"]);
    expect(sheet.values[69_999]).toEqual([undefined, null]);
    expect(sheet.formats![69_999]).toEqual([undefined, "0%"]);
  });

  it("finds sheets and tables by relationship, whatever their part names and target forms", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").addTable({ name: "T", ref: "B2", columns: [{ name: "X" }], rows: [[1]] });
    const original = await xlsxBytes(wb);
    const parts = await partsOf(original);
    const moved = await withParts(original, {
      "xl/_rels/workbook.xml.rels": parts
        .get("xl/_rels/workbook.xml.rels")!
        .replace('Target="worksheets/sheet1.xml"', 'Target="/xl/data/scorecard.xml"'),
      "xl/worksheets/sheet1.xml": null,
      "xl/data/scorecard.xml": parts.get("xl/worksheets/sheet1.xml")!,
      "xl/worksheets/_rels/sheet1.xml.rels": null,
      "xl/data/_rels/scorecard.xml.rels": parts
        .get("xl/worksheets/_rels/sheet1.xml.rels")!
        .replace(/Target="[^"]*"/, 'Target="/xl/tables/table1.xml"'),
    });
    const snapshot = await read(moved);
    expect(formatsAsExcelJSReads(snapshot)).toEqual(await exceljsSnapshot(original));
    expect(snapshot.sheets[0]!.tables).toHaveLength(1);
  });
});

describe("where the reader knowingly differs from ExcelJS", () => {
  it("reads a table without headerRowCount (how Excel writes it) as having a header row", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Excel",
          body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>KPI</t></is></c></row></sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
          rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>',
        },
      ],
      extra: [
        {
          name: "xl/tables/table1.xml",
          data: '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Table1" displayName="Scores" ref="A1:B3" totalsRowShown="0"><tableColumns count="2"><tableColumn id="1" name="KPI"/><tableColumn id="2" name="B"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>',
        },
      ],
    });
    const table = { name: "Scores", box: { top: 1, left: 1, bottom: 3, right: 2 }, hasTotalsRow: false };
    expect((await read(bytes)).sheets[0]!.tables).toEqual([{ ...table, hasHeaderRow: true }]);
    // ExcelJS: no header row, and the table's "name" rather than the displayName Excel shows.
    expect((await exceljsSnapshot(bytes)).sheets[0]!.tables).toEqual([
      { ...table, name: "Table1", hasHeaderRow: false },
    ]);
  });

  it("keeps only workbook-scoped names of one range, as Office.js's workbook.names does", async () => {
    const bytes = handMadeWorkbook({
      sheets: [{ name: "Data", body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }],
      definedNames:
        '<definedName name="Book">Data!$A$1:$B$2</definedName>' +
        '<definedName name="Local" localSheetId="0">Data!$A$1</definedName>' +
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Data!$A$1:$B$9</definedName>' +
        '<definedName name="Adjacent">Data!$A$1:$A$2,Data!$A$3:$A$4</definedName>' +
        '<definedName name="Relative">Data!A1:B2</definedName>' +
        '<definedName name="Constant">0.5</definedName>' +
        '<definedName name="Formula">OFFSET(Data!$A$1,0,0,2,2)</definedName>',
    });
    expect((await read(bytes)).names).toEqual([
      { name: "Book", sheet: "Data", box: { top: 1, left: 1, bottom: 2, right: 2 } },
      { name: "Relative", sheet: "Data", box: { top: 1, left: 1, bottom: 2, right: 2 } },
    ]);
    // ExcelJS ignores scope, joins adjacent ranges into one, drops relative references and takes
    // "OFFSET(Data" for a sheet name.
    expect((await exceljsSnapshot(bytes)).names.map((n) => n.name)).toEqual([
      "Book",
      "Local",
      "_xlnm._FilterDatabase",
      "Adjacent",
      "Formula",
    ]);
  });

  it("keeps a hyperlinked number a number, where ExcelJS turns it into text", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Links",
          body:
            '<sheetData><row r="1"><c r="A1"><v>42</v></c><c r="B1" t="inlineStr"><is><t>text</t></is></c></row></sheetData>' +
            '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId1"/></hyperlinks>',
          rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com" TargetMode="External"/>',
        },
      ],
    });
    expect((await read(bytes)).sheets[0]!.values).toEqual([[42, "text"]]);
    expect((await exceljsSnapshot(bytes)).sheets[0]!.values).toEqual([["42", "text"]]);
  });

  it("keeps a formula's cached 0, FALSE or empty text, which ExcelJS reads as an empty cell", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Zeros",
          body:
            '<sheetData><row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1&gt;2</f><v>0</v></c>' +
            '<c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>2-1</f><v>1</v></c></row></sheetData>',
        },
      ],
    });
    expect((await read(bytes)).sheets[0]!.values).toEqual([[0, false, null, 1]]);
    expect((await exceljsSnapshot(bytes)).sheets[0]!.values).toEqual([[null, null, null, 1]]);
  });

  it("keeps a formula's text, boolean or error result in a date-formatted cell, where ExcelJS makes a date", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Dates",
          body:
            '<sheetData><row r="1"><c r="A1" s="1" t="e"><f>NA()</f><v>#N/A</v></c>' +
            '<c r="B1" s="1" t="str"><f>"x"</f><v>x</v></c><c r="C1" s="1"><f>45000</f><v>45000</v></c></row></sheetData>',
        },
      ],
      styles: '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    });
    expect((await read(bytes)).sheets[0]!.values).toEqual([[{ error: "#N/A" }, "x", { date: 45000 }]]);
    expect((await exceljsSnapshot(bytes)).sheets[0]!.values).toEqual([
      [{ date: NaN }, { date: NaN }, { date: 45000 }],
    ]);
  });

  it("reads a part in UTF-16 and text in CDATA, which ExcelJS cannot", async () => {
    const base = handMadeWorkbook({ sheets: [{ name: "Wide", body: "<sheetData/>" }] });
    const sheet =
      '<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>€</b>]]></t></is></c></row></sheetData></worksheet>';
    const parts = await partsOf(base);
    const bytes = zipOf(
      [...parts].map(([name, data]) => ({
        name,
        data:
          name === "xl/worksheets/sheet1.xml"
            ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheet, "utf16le")])
            : data,
      })),
    );
    expect((await read(bytes)).sheets[0]!.values).toEqual([["<b>€</b>"]]);
  });

  it("reads prefixed SpreadsheetML and ISO dates of strict workbooks, which ExcelJS cannot", async () => {
    const bytes = handMadeWorkbook({
      sheets: [
        {
          name: "Prefixed",
          body:
            '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
            '<x:row r="1"><x:c r="A1"><x:v>5</x:v></x:c><x:c r="B1" t="d"><x:v>2024-01-15T12:00:00</x:v></x:c></x:row>' +
            "</x:sheetData>",
        },
      ],
    });
    expect((await read(bytes)).sheets[0]!.values).toEqual([[5, { date: 45306.5 }]]);
  });
});
