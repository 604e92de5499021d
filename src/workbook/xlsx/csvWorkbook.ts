import type { CsvSheet } from "../csv";
import type { WriteNotes } from "../ooxml/escape";
import type { Deflate } from "../package/zipWriter";
import { newWorkbookBytes, type NewCell } from "./newWorkbook";

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
  const cells: NewCell[] = [];
  csv.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      const numberFormat = csv.formats[r]?.[c] ?? undefined;
      cells.push({ row: r + 1, col: c + 1, value, ...(numberFormat ? { numberFormat } : {}) });
    }),
  );
  return newWorkbookBytes([{ name: sheetName, cells }], deflate, new Date(), notes);
}
