import type { CsvSheet } from "../csv";
import { isDateFormat } from "../../model/numberFormat";
import { cellA1 } from "../../model/address";
import type { CellValue, SheetSnapshot } from "../../model/snapshot";
import { MAX_TEXT_CHARS, spreadsheetText, type WriteNotes } from "../ooxml/escape";
import { DEFAULT_READ_LIMITS, PackageLimitError } from "../package/read/limits";
import { parseSharedStrings } from "../package/read/sharedStrings";
import { dateSerial } from "../package/read/worksheet";
import type { Deflate } from "../package/zipWriter";
import { csvLook, type CsvLook } from "./csvLook";
import { newWorkbookBytes } from "./newWorkbook";

/** The part the workbook's one sheet is written to. */
export const CSV_SHEET_PART = "xl/worksheets/sheet1.xml";

/** Each export's look, worked out once for its snapshot and its workbook (a pass over a million rows). */
const looks = new WeakMap<CsvSheet, CsvLook>();
function lookOf(csv: CsvSheet): CsvLook {
  let look = looks.get(csv);
  if (!look) looks.set(csv, (look = csvLook(csv)));
  return look;
}

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
  const { plainFormat, columnWidths } = lookOf(csv);
  return newWorkbookBytes(
    [{ name: sheetName, grid: { rows: csv.rows, formats: csv.formats, plainFormat }, columnWidths }],
    deflate,
    new Date(),
    notes,
  );
}

/**
 * Texts that may not read back as they are from a shared string: one over a cell's length (cut),
 * a line end (an XML reader turns CR into LF), a character XML cannot hold or a surrogate (written
 * _xHHHH_ or as U+FFFD), and anything of the form _xHHHH_.
 */
// eslint-disable-next-line no-control-regex -- controls are what it looks for
const MAY_CHANGE = /[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]|_x/i;

/**
 * The sheet of the workbook csvWorkbookBytes writes, as the package reader reads it back, made
 * straight from the rows instead: a million-row export's sheet is hundreds of megabytes of XML
 * that would otherwise be written, inflated and parsed again only to give these same cells.
 * Cell for cell what the reader gives (test/xlsx/csvWorkbook.test.ts compares the two): a blank
 * field is no cell, a text is what its shared string reads back as, a number in a date format is
 * a date, and the cells are counted against the reader's limit, which is passed the same way.
 * `notes` is told what the writer tells it: a text cut to a cell's length.
 *
 * The snapshot shares the export's rows (a million rows are not copied); a row with a cell that
 * reads back otherwise is copied, so the rows stay as they were for the workbook's writer.
 */
export function csvSheetSnapshot(
  sheetName: string,
  csv: CsvSheet,
  notes?: WriteNotes,
  maxCells = DEFAULT_READ_LIMITS.maxCells,
): SheetSnapshot {
  const readBack = new Map<string, string>();
  const dates = new Map<string, boolean>();
  // A number written plainly is written in the format csvLook gives it, and so read back.
  const { plainFormat } = lookOf(csv);
  let cells = 0;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let lastRow = 0;
  csv.rows.forEach((row, r) => {
    const ownFormats = csv.formats[r] ?? [];
    let rowFormats = ownFormats;
    let length = row.length;
    while (length > 0 && row[length - 1] === null) length--;
    let out: CellValue[] = length === row.length ? row : row.slice(0, length);
    /** A cell that reads back otherwise than the row holds it: the row is copied, never changed. */
    const set = (c: number, value: CellValue) => {
      if (out === row) out = row.slice();
      out[c] = value;
    };
    for (let c = 0; c < length; c++) {
      const value = out[c] as CellValue;
      if (value === null) continue;
      if (++cells > maxCells) {
        throw new PackageLimitError(
          `The workbook holds more than ${maxCells.toLocaleString("en-US")} cells (${CSV_SHEET_PART} passed the limit); this is not a workbook bsc will open.`,
          "maxCells",
          CSV_SHEET_PART,
        );
      }
      if (typeof value === "number") {
        let format = rowFormats[c] ?? null;
        if (format === null && (format = plainFormat(r, c)) !== null) {
          if (rowFormats === ownFormats) rowFormats = ownFormats.slice();
          rowFormats[c] = format;
        }
        let isDate = format !== null && dates.get(format);
        if (format !== null && isDate === undefined) dates.set(format, (isDate = isDateFormat(format)));
        // Written as `${value}`: -0 reads back as 0.
        if (isDate) set(c, { date: dateSerial(value, false) });
        else if (Object.is(value, -0)) set(c, 0);
      } else if (typeof value === "string") {
        if (value.length <= MAX_TEXT_CHARS && !MAY_CHANGE.test(value)) continue;
        let read = readBack.get(value);
        if (read === undefined) {
          // What the writer writes for it, read as the reader reads it; a cut is told to `notes`
          // naming the text's first cell, as the writer names it.
          const written = spreadsheetText(value, `Cell ${sheetName}!${cellA1(r + 1, c + 1)}`, notes);
          read = parseSharedStrings(
            "xl/sharedStrings.xml",
            utf8.encode(`<sst><si><t xml:space="preserve">${written}</t></si></sst>`),
          )[0] as string;
          readBack.set(value, read);
        }
        if (read !== value) set(c, read);
      }
    }
    values.push(out);
    formats.push(rowFormats);
    if (length > 0) lastRow = r + 1;
  });
  // Rows without a cell after the last with one are not in the sheet the reader reads.
  values.length = formats.length = lastRow;
  return { name: sheetName, visibility: "visible", origin: { row: 1, col: 1 }, values, formats, tables: [] };
}

const utf8 = new TextEncoder();
