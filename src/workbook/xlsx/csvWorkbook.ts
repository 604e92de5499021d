import type { CsvSheet } from "../csv";
import type { WriteNotes } from "../ooxml/escape";
import type { Deflate } from "../package/zipWriter";
import { csvLook } from "./csvLook";
import { newWorkbookBytes } from "./newWorkbook";

/**
 * A new workbook holding a CSV export's rows on one sheet, numbers as numbers (in the number
 * format they were written in: 42% stays a percent; one written plainly in #,##0 or #,##0.00,
 * csvLook), text as text (never a formula, whatever it starts with), each column as
 * wide as what it shows. A field longer than a cell holds is cut, and `notes` told so.
 */
export function csvWorkbookBytes(
  sheetName: string,
  csv: CsvSheet,
  deflate: Deflate,
  notes?: WriteNotes,
): Promise<Uint8Array> {
  // Row by row, as read: no object per cell (a million-row export is six million cells).
  const { plainFormat, columnWidths } = csvLook(csv);
  return newWorkbookBytes(
    [{ name: sheetName, grid: { rows: csv.rows, formats: csv.formats, plainFormat }, columnWidths }],
    deflate,
    new Date(),
    notes,
  );
}
