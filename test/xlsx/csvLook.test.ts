/**
 * A CSV export's sheet as a finance user reads it (src/workbook/xlsx/csvLook.ts): plain numbers
 * with thousands separators, decimals where their row has them, years and codes as written,
 * each column as wide as what it shows; no value changed.
 */
import { cellAt, formatAt, type SheetSnapshot } from "../../src/model/snapshot";
import { parseCsv } from "../../src/workbook/csv";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { csvWorkbookBytes } from "../../src/workbook/xlsx/csvWorkbook";
import { csvLook, DECIMALS, MAX_WIDTH, shownLength, WHOLE_NUMBERS } from "../../src/workbook/xlsx/csvLook";
import { zipEntries } from "../helpers/zip";

const EXPORT = [
  "Year,Account code,KPI,Actual,Target,Margin,Note",
  "2026,4010,Revenue,119000000,125000000,18.3%,",
  "2026,4020,Cost per order,12.75,11.5,,",
  "2025,4030,Net promoter score,42,50,,",
  `2026,4040,Orders,98250,100000,,${"A long remark about the orders ".repeat(4)}`,
].join("\n");

async function written(text: string): Promise<{ sheet: SheetSnapshot; xml: string }> {
  const bytes = await csvWorkbookBytes("Export", parseCsv(text), nodeCodec);
  const sheet = (await readPackageSnapshot(bytes, nodeBoundedInflate)).sheets[0] as SheetSnapshot;
  const part = (await zipEntries(Buffer.from(bytes))).find((e) => e.name === "xl/worksheets/sheet1.xml");
  return { sheet, xml: part?.data.toString("utf8") ?? "" };
}

describe("a CSV export's sheet", () => {
  it("shows plain amounts with thousands separators, decimals where their row has them, and keeps every value", async () => {
    const csv = parseCsv(EXPORT);
    const { sheet } = await written(EXPORT);
    const shown = (row: number, col: number) => [cellAt(sheet, row, col), formatAt(sheet, row, col)];
    expect([shown(2, 4), shown(2, 5)]).toEqual([
      [119000000, WHOLE_NUMBERS],
      [125000000, WHOLE_NUMBERS],
    ]);
    // A KPI's actual and target read alike: 11.5 is not shown as "12".
    expect([shown(3, 4), shown(3, 5)]).toEqual([
      [12.75, DECIMALS],
      [11.5, DECIMALS],
    ]);
    expect(shown(4, 4)).toEqual([42, WHOLE_NUMBERS]);
    // A percent keeps its own format; years and codes are not amounts.
    expect(shown(2, 6)).toEqual([0.183, csv.formats[1]?.[5]]);
    expect([shown(2, 1), shown(2, 2)]).toEqual([
      [2026, null],
      [4010, null],
    ]);
    for (let r = 0; r < csv.rows.length; r++)
      csv.rows[r]?.forEach((v, c) => expect([r, c, cellAt(sheet, r + 1, c + 1)]).toEqual([r, c, v]));
  });

  it("gives each column the width of what it shows, within bounds", async () => {
    const { columnWidths } = csvLook(parseCsv(EXPORT));
    // "119,000,000" and two characters of margin; the years keep Excel's default width.
    expect(columnWidths[3]).toBe("119,000,000".length + 2);
    expect(columnWidths[4]).toBe("125,000,000".length + 2);
    expect(columnWidths[0]).toBeUndefined();
    expect(columnWidths[2]).toBe("Net promoter score".length + 2);
    expect(columnWidths[6]).toBe(MAX_WIDTH);
    const { xml } = await written(EXPORT);
    expect(xml).toContain(`<col min="4" max="4" width="13" customWidth="1"/>`);
    expect(xml).toContain(`<col min="7" max="7" width="${MAX_WIDTH}" customWidth="1"/>`);
  });

  it("measures a number as its format draws it", () => {
    expect(shownLength(119000000, WHOLE_NUMBERS)).toBe(11);
    expect(shownLength(-1234.5, DECIMALS)).toBe("-1,234.50".length);
    expect(shownLength(0.183, "0.0%")).toBe("18.3%".length);
    expect(shownLength(1050, '"$"#,##0')).toBe("$1,050".length);
    // General: at most 11 characters, as Excel draws it.
    expect(shownLength(1 / 3, null)).toBe(11);
  });
});
