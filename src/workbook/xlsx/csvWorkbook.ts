import type { CsvSheet } from "../csv";
import type { WriteNotes } from "../ooxml/escape";
import type { Deflate } from "../package/zipWriter";
import { newWorkbookBytes } from "./newWorkbook";

/**
 * A new workbook holding a CSV export's rows on one sheet, numbers as numbers (in the number
 * format they were written in: 42% stays a percent), text as text (never a formula, whatever it
 * starts with). A field longer than a cell holds is cut, and `notes` told so.
 */
export function csvWorkbookBytes(
  sheetName: string,
  csv: CsvSheet,
  deflate: Deflate,
  notes?: WriteNotes,
): Promise<Uint8Array> {
  // Row by row, as read: no object per cell (a million-row export is six million cells).
  return newWorkbookBytes([{ name: sheetName, grid: csv }], deflate, new Date(), notes);
}
