/**
 * The workbooks bsc builds rather than patches (the sample, a CSV export's), made with ExcelJS.
 * Kept apart so that a refresh of an .xlsx file never loads ExcelJS (half a second of start-up).
 */
import { csvSheetName, type CsvSheet } from "../workbook/csv";
import { workbookFromCsv } from "../workbook/xlsx/csvWorkbook";
import { workbookBytes } from "../workbook/xlsx/workbookBytes";

export { sampleWorkbookBytes } from "../workbook/xlsx/sampleBytes";

export const csvWorkbookBytes = (file: string, csv: CsvSheet): Promise<Uint8Array> =>
  workbookBytes(workbookFromCsv(csvSheetName(file), csv));
