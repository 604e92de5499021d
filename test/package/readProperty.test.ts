import ExcelJS from "exceljs";
import fc from "fast-check";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { exceljsSnapshot, xlsxBytes } from "./readPackageHelpers";

/**
 * Cells of every kind, at random places with random formats, written by ExcelJS: the reader
 * and ExcelJS read them back alike. Formula results of 0, FALSE and "" are left out: there the
 * reader keeps the value and ExcelJS loses it, and so are date formats on formulas whose result is
 * text or TRUE, which ExcelJS turns into dates (see readSnapshot.test.ts).
 */

const FORMATS = [
  undefined,
  "0.00",
  "0%",
  "dd/mm/yyyy",
  "mmm-yy",
  "h:mm",
  '#,##0 "k"',
  "@",
  "yyyy-mm-dd hh:mm",
];

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("&<>\"'", "_x0041_", " padded ", "日本語", ""),
);
const truthy = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((n) => n !== 0),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constant(true),
);

const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  text,
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc
    .constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!")
    .map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc
    .array(text, { minLength: 1, maxLength: 3 })
    .map((runs) => ({ richText: runs.map((t) => ({ text: t })) })),
  truthy.map((result) => ({ formula: "1+1", result }) as ExcelJS.CellFormulaValue),
);

const cell = fc.record({
  row: fc.integer({ min: 1, max: 60 }),
  col: fc.integer({ min: 1, max: 30 }),
  value,
  format: fc.constantFrom(...FORMATS),
});

it("reads cells written at random places as ExcelJS reads them", async () => {
  await fc.assert(
    fc.asyncProperty(
      // One value a cell: a second write would keep the first one's format, and ExcelJS then reads
      // a formula's text result under a date format as a date (see readSnapshot.test.ts).
      fc.uniqueArray(cell, { maxLength: 40, selector: (c) => `${c.row},${c.col}` }),
      fc.integer({ min: 0, max: 3 }),
      async (cells, merges) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Random");
        for (const c of cells) {
          const target = ws.getCell(c.row, c.col);
          target.value = c.value;
          const result = (c.value as { result?: unknown } | null)?.result;
          const dateOfText =
            result !== undefined && typeof result !== "number" && /[dmyh]/.test(c.format ?? "");
          if (c.format && !dateOfText) target.numFmt = c.format;
        }
        for (let m = 0; m < merges; m++) {
          const top = 62 + m * 3;
          ws.getCell(top, 2 + m).value = `merge ${m}`;
          ws.mergeCells(top, 2 + m, top + 1, 3 + m);
        }
        const bytes = await xlsxBytes(wb);
        expect(await readPackageSnapshot(bytes, nodeBoundedInflate)).toEqual(await exceljsSnapshot(bytes));
      },
    ),
    { numRuns: 40 },
  );
});
