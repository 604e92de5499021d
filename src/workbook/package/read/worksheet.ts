import { parseReference } from "../../../model/address";
import type { CellValue } from "../../../model/snapshot";
import { PackageFormatError, PackageLimitError } from "./limits";
import type { NumberFormats } from "./numberFormats";
import { decodeEscapes, type SharedStrings } from "./sharedStrings";
import { SheetRowReader } from "./sheetRows";
import { parseXmlPart, relationshipId, StopParsing, type XmlAttributes } from "./xml";
import { isXmlSpace } from "../../ooxml/xmlScanner";

/**
 * One worksheet part read as ExcelJS reads it and as snapshotOf reports it, without ExcelJS's
 * model of the sheet: each <c> becomes a value and a number format, and nothing else is kept.
 *
 * ExcelJS's rules this follows, because the snapshot must not change under the command line:
 * a cell with neither value nor style does not exist; a cell with only a style exists but holds
 * no data (a sheet formatted down to row 1,048,576 has no data there); a number is a date when its
 * style's format is a date format; every cell of a merged range but the top-left one is empty,
 * and exists even where the file has no <c> for it.
 */

export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

export interface SheetContent {
  /** As snapshotOf builds them: values[row - 1][col - 1], sparse within a row, [] for rows without data. */
  readonly values: CellValue[][];
  readonly formats: (string | null)[][];
  /** The relationship ids of the sheet's tables. */
  readonly tableRelationships: readonly string[];
}

export interface SheetReading {
  readonly part: string;
  /** null when the package has no shared strings part. */
  readonly strings: SharedStrings | null;
  readonly numberFormats: NumberFormats;
  readonly date1904: boolean;
  /** Cells the workbook may still hold; shared by every sheet of one read. */
  readonly cellBudget: { remaining: number; readonly limit: number };
  /** The XML parser: the byte scanner, or saxes for the tests that take it as the reference. */
  readonly parse?: typeof parseXmlPart;
}

const DAY_MS = 24 * 3600 * 1000;
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;
const MAX_DATE_MS = 8.64e15;

/**
 * A serial as ExcelJS turns it into a Date and snapshotOf back into a serial: rounded to the
 * millisecond, 1904 serials moved to the 1900 system, NaN where a Date cannot hold it. The
 * arithmetic is ExcelJS's own, step for step, so that the two serials are the same float.
 */
export function dateSerial(serial: number, date1904: boolean): number {
  const ms = Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1900_TO_1904 : 0)) * 24 * 3600 * 1000);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return NaN;
  return (ms === 0 ? 0 : ms) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** An ISO 8601 value of a t="d" cell (strict OOXML), as a serial; a date without zone is the sheet's time. */
function isoDateSerial(text: string): number {
  const trimmed = text.trim();
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed.slice(10)) ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(/^\d{4}-\d\d-\d\d$/.test(trimmed) ? `${trimmed}T00:00:00Z` : withZone);
  return Number.isNaN(ms) ? NaN : ms / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** Receives the cells of one pass over the sheet, in file order. */
interface CellSink {
  /** A <row> begins; a second <row> of the same number replaces the first, as in ExcelJS. */
  row(row: number, styleId: number): void;
  /** `format` is the number format of the cell's style, null for General. */
  data(row: number, col: number, value: CellValue, format: string | null): void;
  styleOnly(row: number, col: number, styleId: number): void;
}

interface SheetExtras {
  readonly merges: string[];
  readonly tableRelationships: string[];
  /** <cols>: the style of whole columns, which cells made by a merge take when their row has none. */
  readonly columns: { min: number; max: number; styleId: number }[];
}

const enum Capture {
  None,
  Formula,
  Value,
  RunText,
}

function columnOf(ref: string, part: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  if (col < 1 || col > EXCEL_COLUMNS) {
    throw new PackageFormatError(`${part} has a cell "${ref}" outside Excel's grid; it is damaged.`, part);
  }
  return col;
}

/**
 * One pass of SAX events over the sheet, giving each <c> to the sink. Only <sheetData>, <cols>,
 * <mergeCells> and <tableParts> are looked at; everything else passes by.
 */
function scanSheet(
  bytes: Uint8Array,
  reading: SheetReading,
  sink: CellSink,
  extras: SheetExtras | null,
): void {
  const { part, strings, numberFormats, date1904 } = reading;
  let depth = 0;
  let section = "";
  let skipUntil = 0; // depth of a subtree not read (a phonetic guide), 0 when reading

  let row = 0;
  let previousCol = 0;
  let col = 0;
  let type: string | undefined;
  let styleId = 0;
  let capture = Capture.None;
  let value: string | undefined;
  /** The value when the row reader read it as a number from its bytes (NaN when it did not): then `value` is undefined. */
  let number = NaN;
  let formula: string | undefined;
  let shareType: string | undefined;
  let runs: string[] | undefined;
  let inRun = false;
  let runText: string | undefined;

  function sharedString(index: string | undefined): string | null {
    const i = number === number ? number : parseInt(index ?? "", 10);
    if (strings === null || !(i >= 0 && i < strings.length)) {
      throw new PackageFormatError(
        `${part} refers to shared string ${number === number ? number : (index ?? "")}, which the workbook does not have; it is damaged.`,
        part,
      );
    }
    return strings[i] as string | null;
  }

  function finishCell(): void {
    const style = numberFormats.of(styleId);
    if (formula || shareType) {
      // A formula cell holds its cached result; a number result in a date format is a date.
      const raw = value ?? runs?.join("");
      let result: CellValue = null;
      if (number === number) result = style.isDate ? { date: dateSerial(number, date1904) } : number;
      else if (raw) {
        if (type === "str") result = raw;
        else if (type === "b") result = parseInt(raw, 10) !== 0;
        else if (type === "e") result = { error: raw };
        else {
          const n = parseFloat(raw);
          result = style.isDate ? { date: dateSerial(n, date1904) } : n;
        }
      }
      sink.data(row, col, result, style.format);
    } else if (number === number) {
      // Read from the bytes as parseFloat (or, for a shared string, parseInt) reads its text.
      sink.data(
        row,
        col,
        type === "s"
          ? sharedString(undefined)
          : style.isDate
            ? { date: dateSerial(number, date1904) }
            : number,
        style.format,
      );
    } else if (value !== undefined || runs !== undefined) {
      let cell: CellValue;
      switch (type) {
        case "s":
          cell = sharedString(value);
          break;
        case "str":
          cell = value ?? "";
          break;
        case "inlineStr":
          cell = runs ? runs.join("") : (value ?? "");
          break;
        case "b":
          cell = parseInt(value ?? "", 10) !== 0;
          break;
        case "e":
          cell = { error: value ?? "" };
          break;
        case "d":
          cell = { date: isoDateSerial(value ?? "") };
          break;
        default: {
          const n = parseFloat(value ?? "");
          cell = style.isDate ? { date: dateSerial(n, date1904) } : n;
        }
      }
      sink.data(row, col, cell, style.format);
    } else if (styleId) {
      sink.styleOnly(row, col, styleId);
    } else {
      // Neither value nor style: ExcelJS does not create the cell, nor count it for the next r-less one.
      return;
    }
    previousCol = col;
  }

  /** `column`: from the cell's r, 0 when it has none. */
  function startCell(column: number, cellType: string | undefined, cellStyle: number): void {
    // A <c> without r is the next column after the previous cell that exists.
    col = column || previousCol + 1;
    if (col > EXCEL_COLUMNS)
      throw new PackageFormatError(`${part} has a cell beyond column XFD; it is damaged.`, part);
    type = cellType;
    styleId = cellStyle;
    value = formula = shareType = runText = undefined;
    number = NaN;
    runs = undefined;
    inRun = false;
    capture = Capture.None;
  }

  function openCell(attributes: XmlAttributes): void {
    const ref = attributes.r;
    startCell(
      ref === undefined ? 0 : columnOf(ref, part),
      attributes.t,
      attributes.s ? parseInt(attributes.s, 10) : 0,
    );
  }

  /** `number`: from the row's r, 0 when it has none. */
  function startRow(number: number, rowStyle: number): void {
    row = number || row + 1;
    if (row > EXCEL_ROWS) {
      throw new PackageFormatError(
        `${part} has a row numbered ${row}, outside Excel's grid; it is damaged.`,
        part,
      );
    }
    previousCol = 0;
    sink.row(row, rowStyle);
  }

  function openRow(attributes: XmlAttributes): void {
    const r = attributes.r;
    const number = r === undefined ? 0 : parseInt(r, 10);
    if (r !== undefined && !(number >= 1 && number <= EXCEL_ROWS)) {
      throw new PackageFormatError(
        `${part} has a row numbered ${r}, outside Excel's grid; it is damaged.`,
        part,
      );
    }
    startRow(number, attributes.s ? parseInt(attributes.s, 10) : 0);
  }

  /** Rows of the plain forms read straight from the bytes; where one is not, the general events go on. */
  const rowReader = new SheetRowReader(bytes);
  function readPlainRows(from: number): number {
    const parsed = rowReader.row;
    let at = from;
    for (;;) {
      while (isXmlSpace(bytes[at] as number)) at++;
      const end = rowReader.readRow(at);
      if (end < 0) return at;
      startRow(parsed.number, parsed.styleId);
      for (let i = 0; i < parsed.count; i++) {
        startCell(parsed.columns[i] as number, parsed.types[i], parsed.styleIds[i] as number);
        value = parsed.values[i];
        number = parsed.numbers[i] as number;
        formula = parsed.hasFormula[i] ? "=" : undefined;
        shareType = parsed.shareTypes[i];
        finishCell();
      }
      at = end;
    }
  }

  (reading.parse ?? parseXmlPart)(
    part,
    bytes,
    {
      open(name, attributes, contentStart) {
        depth++;
        if (skipUntil) return undefined;
        if (depth === 2) {
          section = name;
          return name === "sheetData" && contentStart !== undefined ? readPlainRows(contentStart) : undefined;
        }
        if (section === "sheetData") {
          if (depth === 3) {
            if (name === "row") openRow(attributes);
          } else if (depth === 4) {
            if (name === "c" && row) openCell(attributes);
          } else if (name === "f") {
            capture = Capture.Formula;
            shareType = attributes.t;
          } else if (name === "v") capture = Capture.Value;
          else if (name === "t") {
            if (inRun) {
              capture = Capture.RunText;
              runText = "";
            } else capture = Capture.Value;
          } else if (name === "r") {
            inRun = true;
            runText = undefined;
          } else if (name === "rPh") skipUntil = depth;
        } else if (extras && depth === 3) {
          if (section === "mergeCells" && name === "mergeCell") {
            if (attributes.ref) extras.merges.push(attributes.ref);
          } else if (section === "tableParts" && name === "tablePart") {
            const id = relationshipId(attributes);
            if (id) extras.tableRelationships.push(id);
          } else if (section === "cols" && name === "col") {
            extras.columns.push({
              min: parseInt(attributes.min || "0", 10),
              max: parseInt(attributes.max || "0", 10),
              styleId: attributes.style ? parseInt(attributes.style, 10) : 0,
            });
          }
        }
        return undefined;
      },
      text(text) {
        if (skipUntil || capture === Capture.None) return;
        if (capture === Capture.Value) value = value === undefined ? text : value + text;
        else if (capture === Capture.Formula) formula = formula === undefined ? text : formula + text;
        else runText = runText === undefined ? text : runText + text;
      },
      close(name, after) {
        if (skipUntil) {
          if (depth === skipUntil) skipUntil = 0;
          depth--;
          return undefined;
        }
        if (section === "sheetData" && depth >= 4) {
          if (depth === 4) {
            if (name === "c" && row) finishCell();
          } else if (name === "r" && inRun) {
            (runs ??= []).push(decodeEscapes(runText ?? ""));
            inRun = false;
          } else if (name === "f" || name === "v" || name === "t" || name === "is") {
            capture = Capture.None;
          }
        }
        if (depth === 2) section = "";
        depth--;
        // After a row read by the general events, the next ones may be plain again.
        return depth === 2 && section === "sheetData" && name === "row" && after !== undefined
          ? readPlainRows(after)
          : undefined;
      },
    },
    "worksheet",
  );
}

/** Style-only cells remembered in the first pass, in case a merge needs their format; beyond, a second pass. */
const STYLE_ONLY_MEMORY = 65_536;

/** Style-only cells by row and column, with ExcelJS's "the last <c> or <row> of a place wins". */
class StyleOnlyCells {
  private readonly byRow = new Map<number, Map<number, number>>();
  private count = 0;
  overflowed = false;

  constructor(
    private readonly capacity: number,
    /** Which places are worth remembering; all of them when absent. */
    private readonly wanted?: (row: number, col: number) => boolean,
  ) {}

  rowReplaced(row: number): void {
    this.byRow.delete(row);
  }

  data(row: number, col: number): void {
    if (this.byRow.size) this.byRow.get(row)?.delete(col);
  }

  styleOnly(row: number, col: number, styleId: number): void {
    if (this.overflowed || (this.wanted && !this.wanted(row, col))) return;
    let cols = this.byRow.get(row);
    if (!cols) this.byRow.set(row, (cols = new Map()));
    cols.set(col, styleId);
    if (++this.count > this.capacity) {
      this.overflowed = true;
      this.byRow.clear();
    }
  }

  styleAt(row: number, col: number): number | undefined {
    return this.byRow.get(row)?.get(col);
  }
}

/** How many of the last distinct rows of formats a row's formats are compared with. */
const SHARED_FORMAT_ROWS = 8;

/**
 * The rows of a table mostly have one of a few patterns of number formats (General everywhere,
 * or a date in the first column): a row whose formats are one of the last few patterns seen
 * shares that pattern's array instead of a copy of its own (a million rows: two arrays a row
 * become one). The snapshot is read-only; mergeCells copies a shared row before it changes it.
 */
class SharedFormatRows {
  private readonly recent: (string | null)[][] = [];

  /** The shared array equal to `row` (sparse alike), or a copy of `row` at its exact size, shared from now on. */
  of(row: readonly (string | null)[]): (string | null)[] {
    const { recent } = this;
    for (let k = 0; k < recent.length; k++) {
      const known = recent[k] as (string | null)[];
      if (!sameFormats(known, row)) continue;
      // The pattern last met is tried first next time.
      if (k > 0) {
        recent.splice(k, 1);
        recent.unshift(known);
      }
      return known;
    }
    const copy = row.slice();
    recent.unshift(copy);
    if (recent.length > SHARED_FORMAT_ROWS) recent.pop();
    return copy;
  }
}

/** The same formats at the same places, the same places empty. */
function sameFormats(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
    // undefined only where the row has no cell: both must have none there.
    if (a[i] === undefined && i in a !== i in b) return false;
  }
  return true;
}

interface MergedBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Which column styles apply, resolved as ExcelJS's Column.fromModel does: sorted by min, first come first served. */
function columnStyles(columns: SheetExtras["columns"]): (col: number) => number {
  const spans: { from: number; to: number; styleId: number }[] = [];
  let next = 1;
  for (const c of [...columns].sort((a, b) => a.min - b.min)) {
    const from = Math.max(next, c.min);
    if (from <= c.max) spans.push({ from, to: c.max, styleId: c.styleId });
    next = Math.max(next, c.max + 1);
  }
  return (col) => spans.find((s) => col >= s.from && col <= s.to)?.styleId ?? 0;
}

/** The values and number formats of one worksheet part, and the ids of its tables. */
export function readWorksheet(bytes: Uint8Array, reading: SheetReading): SheetContent {
  const { part, cellBudget } = reading;
  const values: (CellValue[] | undefined)[] = [];
  const formats: ((string | null)[] | undefined)[] = [];
  const extras: SheetExtras = { merges: [], tableRelationships: [], columns: [] };
  const styleOnlyCells = new StyleOnlyCells(STYLE_ONLY_MEMORY);
  const sharedFormats = new SharedFormatRows();
  let rowStyles: Int32Array | null = null;

  const spend = (cells: number) => {
    cellBudget.remaining -= cells;
    if (cellBudget.remaining < 0) {
      throw new PackageLimitError(
        `The workbook holds more than ${cellBudget.limit.toLocaleString("en-US")} cells (${part} passed the limit); this is not a workbook bsc will open.`,
        "maxCells",
        part,
      );
    }
  };

  let rowValues: CellValue[] | undefined;
  let rowFormats: (string | null)[] | undefined;
  let rowHasGaps = false;
  /** Where the row being read keeps its values: set when its first value comes. */
  let rowAt = 0;
  const endRow = () => {
    if (!rowValues) return;
    if (rowHasGaps) {
      // A style-only <c> after a valued one of the same place emptied it: trailing holes go.
      let length = rowValues.length;
      while (length > 0 && !(length - 1 in rowValues)) length--;
      rowValues.length = length;
      (rowFormats as (string | null)[]).length = length;
      if (length === 0) {
        values[rowAt] = formats[rowAt] = undefined;
        return;
      }
    }
    // Copied to their exact size: an array grown cell by cell keeps room for about three times
    // its cells, which a million rows pay for in hundreds of megabytes.
    if (values[rowAt] === rowValues) {
      values[rowAt] = rowValues.slice();
      formats[rowAt] = sharedFormats.of(rowFormats as (string | null)[]);
    }
  };

  scanSheet(
    bytes,
    reading,
    {
      row(row, styleId) {
        endRow();
        rowValues = rowFormats = undefined;
        rowHasGaps = false;
        if (values[row - 1] !== undefined) values[row - 1] = formats[row - 1] = undefined;
        styleOnlyCells.rowReplaced(row);
        if (styleId) (rowStyles ??= new Int32Array(EXCEL_ROWS + 1))[row] = styleId;
        else if (rowStyles) rowStyles[row] = 0;
      },
      data(row, col, value, format) {
        if (!rowValues) {
          rowAt = row - 1;
          rowValues = values[row - 1] = [];
          rowFormats = formats[row - 1] = [];
        }
        rowValues[col - 1] = value;
        (rowFormats as (string | null)[])[col - 1] = format;
        styleOnlyCells.data(row, col);
        spend(1);
      },
      styleOnly(row, col, styleId) {
        if (rowValues && col - 1 in rowValues) {
          delete rowValues[col - 1];
          delete (rowFormats as (string | null)[])[col - 1];
          rowHasGaps = true;
        }
        styleOnlyCells.styleOnly(row, col, styleId);
      },
    },
    extras,
  );
  endRow();

  if (extras.merges.length) {
    mergeCells(bytes, reading, extras, values, formats, {
      spend,
      styleOnlyCells,
      rowStyle: (row) => rowStyles?.[row] ?? 0,
    });
  }

  let last = values.length;
  while (last > 0 && values[last - 1] === undefined) last--;
  const filledValues: CellValue[][] = [];
  const filledFormats: (string | null)[][] = [];
  for (let i = 0; i < last; i++) {
    filledValues.push(values[i] ?? []);
    filledFormats.push(formats[i] ?? []);
  }
  return { values: filledValues, formats: filledFormats, tableRelationships: extras.tableRelationships };
}

/**
 * ExcelJS empties every cell of a merged range but its top-left one, and makes the cells the file
 * leaves out; a made cell takes its row's style, else its column's. Overlapping ranges make ExcelJS
 * refuse the whole file; here the later range is left out, as Excel does when it repairs the file.
 */
function mergeCells(
  bytes: Uint8Array,
  reading: SheetReading,
  extras: SheetExtras,
  values: (CellValue[] | undefined)[],
  formats: ((string | null)[] | undefined)[],
  context: {
    spend: (cells: number) => void;
    styleOnlyCells: StyleOnlyCells;
    rowStyle: (row: number) => number;
  },
): void {
  const boxes: MergedBox[] = [];
  const boxesByRow = new Map<number, MergedBox[]>();
  const inBox = (box: MergedBox, row: number, col: number) =>
    row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
  for (const ref of extras.merges) {
    const parsed = parseReference(ref);
    if (!parsed || parsed.sheet !== null) continue;
    const box = parsed.box;
    if (box.bottom > EXCEL_ROWS || box.right > EXCEL_COLUMNS) continue;
    let overlaps = false;
    for (let r = box.top; r <= box.bottom && !overlaps; r++) {
      overlaps = (boxesByRow.get(r) ?? []).some((b) => b.left <= box.right && box.left <= b.right);
    }
    if (overlaps) continue;
    // Counted before it is walked: a range over the whole sheet is refused, not expanded.
    context.spend((box.bottom - box.top + 1) * (box.right - box.left + 1) - 1);
    boxes.push(box);
    for (let r = box.top; r <= box.bottom; r++) {
      const list = boxesByRow.get(r);
      if (list) list.push(box);
      else boxesByRow.set(r, [box]);
    }
  }

  let needsStyles = false;
  for (const box of boxes) {
    for (let r = box.top; r <= box.bottom; r++) {
      const rowValues = values[r - 1];
      for (let c = box.left; c <= box.right; c++) {
        if (r === box.top && c === box.left) continue;
        if (rowValues && c - 1 in rowValues) rowValues[c - 1] = null;
        else needsStyles = true;
      }
    }
  }
  if (!needsStyles) return;

  let styleOnlyCells = context.styleOnlyCells;
  if (styleOnlyCells.overflowed) {
    // Too many style-only cells to have kept them all: a second pass keeps those inside merges,
    // and stops after the last merged row when the rows come in order, as they do from Excel.
    const wanted = (row: number, col: number) => (boxesByRow.get(row) ?? []).some((b) => inBox(b, row, col));
    const lastMergedRow = boxes.reduce((last, b) => Math.max(last, b.bottom), 0);
    styleOnlyCells = new StyleOnlyCells(Number.POSITIVE_INFINITY, wanted);
    const recorder = styleOnlyCells;
    let previousRow = 0;
    let ordered = true;
    scanSheet(
      bytes,
      reading,
      {
        row(row) {
          ordered &&= row > previousRow;
          previousRow = row;
          if (ordered && row > lastMergedRow) throw new StopParsing();
          recorder.rowReplaced(row);
        },
        data: (row, col) => recorder.data(row, col),
        styleOnly: (row, col, styleId) => recorder.styleOnly(row, col, styleId),
      },
      null,
    );
  }

  const { numberFormats } = reading;
  const columnStyle = columnStyles(extras.columns);
  const ownFormats = new Set<number>();
  for (const box of boxes) {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (r === box.top && c === box.left) continue;
        let rowValues = values[r - 1];
        if (rowValues && c - 1 in rowValues) continue;
        if (!rowValues) {
          rowValues = values[r - 1] = [];
          formats[r - 1] = [];
        }
        const own = styleOnlyCells.styleAt(r, c);
        const format =
          own !== undefined
            ? numberFormats.of(own).format
            : numberFormats.of(context.rowStyle(r)).format || numberFormats.of(columnStyle(c)).format;
        rowValues[c - 1] = null;
        // A row's formats may be shared with other rows (SharedFormatRows): copied before they change.
        if (!ownFormats.has(r)) {
          formats[r - 1] = (formats[r - 1] as (string | null)[]).slice();
          ownFormats.add(r);
        }
        (formats[r - 1] as (string | null)[])[c - 1] = format;
      }
    }
  }
}
