/**
 * The workbooks bsc builds rather than patches (the sample, a CSV export's), made with ExcelJS.
 * Kept apart so that a refresh of an .xlsx file never loads ExcelJS (half a second of start-up).
 */
import { csvSheetName, type CsvSheet } from "../workbook/csv";
import { workbookFromCsv } from "../workbook/xlsx/csvWorkbook";
import { buildSampleWorkbook } from "../workbook/xlsx/sampleWorkbook";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";

export const sampleWorkbookBytes = (): Promise<Uint8Array> =>
  XlsxWorkbook.create(buildSampleWorkbook()).toBytes();

export const csvWorkbookBytes = (file: string, csv: CsvSheet): Promise<Uint8Array> =>
  XlsxWorkbook.create(workbookFromCsv(csvSheetName(file), csv)).toBytes();
