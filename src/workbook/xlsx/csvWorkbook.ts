import ExcelJS from "exceljs";
import type { CsvSheet } from "../csv";

/** Characters Excel does not allow in a sheet's name. */
const NOT_IN_SHEET_NAMES = /[\\/?*[\]:]/g;

/** The sheet a CSV export's rows go to: named after the file, within Excel's 31 characters. */
export function csvSheetName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]*$/, "")
    .replace(NOT_IN_SHEET_NAMES, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return base === "" || base.toLowerCase() === "history" ? "Data" : base;
}

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
