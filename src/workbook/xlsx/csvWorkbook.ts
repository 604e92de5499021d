import ExcelJS from "exceljs";
import type { CsvSheet } from "../csv";

/**
 * A new workbook holding a CSV export's rows on one sheet, numbers as numbers (in the number
 * format they were written in: 42% stays a percent), text as text.
 */
export function workbookFromCsv(sheetName: string, csv: CsvSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  csv.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      // Strings stay strings: ExcelJS writes a formula only when given { formula }.
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value as ExcelJS.CellValue;
      const format = csv.formats[r]?.[c];
      if (format) cell.numFmt = format;
    });
  });
  return wb;
}
