import ExcelJS from "exceljs";
import type { CsvSheet } from "../csv";

/** A new workbook holding a CSV export's rows on one sheet, numbers as numbers, text as text. */
export function workbookFromCsv(sheetName: string, csv: CsvSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  csv.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      // Strings stay strings: ExcelJS writes a formula only when given { formula }.
      ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    });
  });
  return wb;
}
