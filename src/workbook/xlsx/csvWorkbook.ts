import type { CsvSheet } from "../csv";
import { isDateFormat } from "../../model/numberFormat";
import { cellA1 } from "../../model/address";
import type { CellValue, SheetSnapshot } from "../../model/snapshot";
import { MAX_TEXT_CHARS, spreadsheetText, type WriteNotes } from "../ooxml/escape";
import { DEFAULT_READ_LIMITS, PackageLimitError } from "../package/read/limits";
import { parseSharedStrings } from "../package/read/sharedStrings";
import { dateSerial } from "../package/read/worksheet";
import {
  crc32Combine,
  writeZip,
  type Checksum,
  type Deflate,
  type DeflatedPart,
  type DeflatePiece,
  type ZipPart,
} from "../package/zipWriter";
import { indexXmlBytes } from "../ooxml/elementIndex";
import { readCentralDirectory } from "../ooxml/zip";
import { readZipEntry, type Inflate } from "./zip";
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

/** What a CSV export's workbook is written with: Node's zlib, in the command line. */
export interface CsvCodec {
  readonly deflate: Deflate;
  readonly deflatePiece: DeflatePiece;
  readonly inflate: Inflate;
  readonly crc32: Checksum;
}

/**
 * A CSV export's workbook with the rows of its sheet apart: the package, its sheet holding
 * <sheetData/> where they go, and the rows' XML deflated as it was made (sync-flushed pieces,
 * their CRC and length). A million rows are 350 MB of XML and 45 MB deflated: never held whole,
 * and never inflated again by the patch that adds the scorecard (its edits of the sheet go after
 * the cells); withCsvRows puts them in place when the package is written.
 */
export interface CsvWorkbook {
  readonly bytes: Uint8Array;
  readonly rows: DeflatedPart;
}

/**
 * A new workbook holding a CSV export's rows on one sheet, numbers as numbers (in the number
 * format they were written in: 42% stays a percent; one written plainly in #,##0 or #,##0.00,
 * csvLook), text as text (never a formula, whatever it starts with), each column as
 * wide as what it shows. A field longer than a cell holds is cut, and `notes` told so.
 */
export async function csvWorkbookApart(
  sheetName: string,
  csv: CsvSheet,
  codec: CsvCodec,
  notes?: WriteNotes,
): Promise<CsvWorkbook> {
  // Row by row, as read: no object per cell (a million-row export is six million cells).
  const { plainFormat, columnWidths } = lookOf(csv);
  const pieces: Uint8Array[] = [];
  let crc = 0;
  let length = 0;
  const writeRows = (xml: Uint8Array) => {
    crc = codec.crc32(xml, crc);
    length += xml.length;
    pieces.push(codec.deflatePiece(xml));
  };
  const bytes = await newWorkbookBytes(
    [
      {
        name: sheetName,
        grid: { rows: csv.rows, formats: csv.formats, plainFormat, writeRows },
        columnWidths,
      },
    ],
    codec.deflate,
    new Date(),
    notes,
  );
  return { bytes, rows: { pieces, crc, length } };
}

function joined(first: Uint8Array, second: Uint8Array): Uint8Array {
  const both = new Uint8Array(first.length + second.length);
  both.set(first);
  both.set(second, first.length);
  return both;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(":") + 1);

/**
 * The package (csvWorkbookApart's, patched or not) with the rows put in their sheet's
 * <sheetData/>: the sheet's text around it deflated afresh, the rows' deflated pieces laid between
 * as they are, its CRC combined from theirs; every other part copied as it is.
 */
export async function withCsvRows(
  bytes: Uint8Array,
  rows: DeflatedPart,
  codec: CsvCodec,
): Promise<Uint8Array> {
  const { entries, comment } = readCentralDirectory(bytes);
  const entry = entries.find((e) => e.name === CSV_SHEET_PART);
  if (!entry) throw new Error(`a CSV export's workbook without ${CSV_SHEET_PART}`);
  const sheet = await readZipEntry(bytes, entry, codec.inflate);
  const cells = indexXmlBytes(sheet).find(
    (e) => e.parent === 0 && localName(e.name) === "sheetData" && e.selfClosing,
  );
  if (!cells) throw new Error(`${CSV_SHEET_PART} has no <sheetData/> for the CSV export's rows`);
  const head = joined(sheet.subarray(0, cells.start), utf8.encode(`<${cells.name}>`));
  const tail = joined(utf8.encode(`</${cells.name}>`), sheet.subarray(cells.end));
  const crc = codec.crc32(tail, crc32Combine(codec.crc32(head), rows.crc, rows.length));
  const deflated: DeflatedPart = {
    pieces: [codec.deflatePiece(head), ...rows.pieces, await codec.deflate(tail)],
    crc,
    length: head.length + rows.length + tail.length,
  };
  const parts: ZipPart[] = entries.map((e) =>
    e === entry ? { name: e.name, deflated } : { name: e.name, copyOf: e },
  );
  return writeZip(bytes, parts, codec.deflate, new Date(), codec.crc32, { comment });
}

/** The whole workbook of a CSV export, its rows in place (csvWorkbookApart, then withCsvRows). */
export async function csvWorkbookBytes(
  sheetName: string,
  csv: CsvSheet,
  codec: CsvCodec,
  notes?: WriteNotes,
): Promise<Uint8Array> {
  const { bytes, rows } = await csvWorkbookApart(sheetName, csv, codec, notes);
  return withCsvRows(bytes, rows, codec);
}

/**
 * Texts that may not read back as they are from a shared string: one over a cell's length (cut),
 * a line end (an XML reader turns CR into LF), a character XML cannot hold or a surrogate (written
 * _xHHHH_ or as U+FFFD), and anything of the form _xHHHH_.
 */
// eslint-disable-next-line no-control-regex -- controls are what it looks for
const MAY_CHANGE = /[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]|_x/i;

/**
 * Rows' formats, each pattern kept once: the plain numbers' formats make a copy of every row's
 * (a million arrays, 200 MB), where an export's rows show a handful of patterns.
 */
class RowFormats {
  /** Patterns by a hash of their formats (a string key a row cost a second at a million rows). */
  private readonly patterns = new Map<number, (string | null)[][]>();
  private readonly formatIds = new Map<string, number>();
  private count = 0;

  /** The array kept for this pattern (a missing format and null alike: both are General). */
  kept(formats: (string | null)[]): (string | null)[] {
    let hash = formats.length;
    for (let c = 0; c < formats.length; c++) {
      const format = formats[c];
      if (format === null || format === undefined) continue;
      let id = this.formatIds.get(format);
      if (id === undefined) this.formatIds.set(format, (id = this.formatIds.size + 1));
      hash = (Math.imul(hash, 31) + Math.imul(c + 1, 65_599) + id) | 0;
    }
    const alike = this.patterns.get(hash);
    const known = alike?.find((k) => sameFormats(k, formats));
    if (known) return known;
    // Bounded: an export whose rows all differ keeps its copies, as it did.
    if (this.count < MAX_ROW_PATTERNS) {
      this.count++;
      if (alike) alike.push(formats);
      else this.patterns.set(hash, [formats]);
    }
    return formats;
  }
}

function sameFormats(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if ((a[c] ?? null) !== (b[c] ?? null)) return false;
  return true;
}

const MAX_ROW_PATTERNS = 10_000;

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
  const alike = new RowFormats();
  let lastRow = 0;
  csv.rows.forEach((row, r) => {
    const ownFormats = csv.formats[r] ?? [];
    let rowFormats = ownFormats;
    let length = row.length;
    while (length > 0 && row[length - 1] === null) length--;
    let out: CellValue[] = length === row.length ? row : row.slice(0, length);
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
        const read: CellValue = isDate
          ? { date: dateSerial(value, false) }
          : Object.is(value, -0)
            ? 0
            : value;
        // A cell that reads back otherwise than the row holds it: the row is copied, never changed.
        if (!Object.is(read, value)) (out === row ? (out = row.slice()) : out)[c] = read;
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
        if (read !== value) (out === row ? (out = row.slice()) : out)[c] = read;
      }
    }
    values.push(out);
    formats.push(rowFormats === ownFormats ? ownFormats : alike.kept(rowFormats));
    if (length > 0) lastRow = r + 1;
  });
  // Rows without a cell after the last with one are not in the sheet the reader reads.
  values.length = formats.length = lastRow;
  return { name: sheetName, visibility: "visible", origin: { row: 1, col: 1 }, values, formats, tables: [] };
}

const utf8 = new TextEncoder();
