import type ExcelJS from "exceljs";

/** A workbook ExcelJS built (the sample, a CSV export's) as the bytes of an .xlsx file. */
export const workbookBytes = async (wb: ExcelJS.Workbook): Promise<Uint8Array> =>
  new Uint8Array(await wb.xlsx.writeBuffer());
