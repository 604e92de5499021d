/**
 * A new .xlsx package written from a few sheets of cells: the workbooks the product builds rather
 * than patches (the sample, a CSV export's). Written by the package writer (zipWriter) with the
 * same escaping as the parts it patches, so neither the command line nor the pane needs a
 * spreadsheet library at run time. It writes what those workbooks hold and no more: values,
 * number formats, bold or larger text, wrapped text, column widths, frozen header rows, Excel
 * tables and a landscape page.
 */
import { cellA1, columnLetters } from "../../model/address";
import { isCellError, isDateCell, type CellValue } from "../../model/snapshot";
import { attributeText, spreadsheetText, type WriteNotes } from "../ooxml/escape";
import { formulaCellXml } from "../ooxml/formulaCell";
import { writeZip, type Deflate, type PartBytes, type ZipPart } from "../package/zipWriter";

/** A JavaScript Date is written as the date serial Excel keeps (days since 1899-12-30, UTC). */
export type NewCellValue = CellValue | Date;

export interface NewCellLook {
  /** An Excel number format code; none for General. */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Font size in points; Excel's 11 when not given. */
  readonly size?: number;
  /** Wrapped, and aligned to the top of the cell. */
  readonly wrap?: boolean;
}

export interface NewCell extends NewCellLook {
  /** 1-based. */
  readonly row: number;
  readonly col: number;
  /** With a formula, the value it gives, cached for readers that do not recalculate. */
  readonly value: NewCellValue;
  /** The product's own formula (never a user's text), without its "=". */
  readonly formula?: string;
}

/** An Excel table: its header row at (top, left), then its rows, with banded rows in `style`. */
export interface NewTable {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly NewCellValue[])[];
  /** How a row's cell of a column looks (`row` counts the table's rows from 0, header excluded). */
  readonly look?: (row: number, column: string) => NewCellLook | undefined;
  readonly style: string;
}

/**
 * Cells given row by row from A1, as a CSV export's are: written straight from the rows, with no
 * object per cell and no sorting (a million rows of six cells would otherwise be six million
 * objects and a million maps to sort).
 */
export interface NewGrid {
  readonly rows: readonly (readonly NewCellValue[])[];
  /** Number formats parallel to `rows`; a missing one is General. */
  readonly formats?: readonly (readonly (string | null | undefined)[])[];
  /** The format of a number with none of its own, by row and column from 0 (a CSV's plain numbers). */
  readonly plainFormat?: (row: number, col: number) => string | null;
  /**
   * Where the rows' XML goes when it is not to be held in the package: a batch of UTF-8 at a
   * time, in order, in a buffer used again once the call returns. The sheet's part then has
   * <sheetData/> where they go (csvWorkbook.ts puts them there, deflated, once the package is
   * written). A sheet whose rows go apart has no other cells.
   */
  readonly writeRows?: (xml: Uint8Array) => void;
}

export interface NewSheet {
  readonly name: string;
  /** The sheet's cells row by row from A1; a sheet with a grid has no `cells` or `tables`. */
  readonly grid?: NewGrid;
  readonly cells?: readonly NewCell[];
  readonly tables?: readonly NewTable[];
  /** Widths in characters, from column A; undefined keeps Excel's default. */
  readonly columnWidths?: readonly (number | undefined)[];
  readonly frozenRows?: number;
  /** Printed landscape, one page wide. */
  readonly landscape?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const TYPE = {
  officeDocument: `${RELATIONSHIPS}/officeDocument`,
  worksheet: `${RELATIONSHIPS}/worksheet`,
  styles: `${RELATIONSHIPS}/styles`,
  table: `${RELATIONSHIPS}/table`,
  sharedStrings: `${RELATIONSHIPS}/sharedStrings`,
};
const CONTENT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
};
const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
/** Custom number formats are numbered from 164: the ids below are Excel's built-in ones. */
const FIRST_CUSTOM_FORMAT = 164;
const MS_PER_DAY = 86400000;
/** 1970-01-01 as an Excel date serial. */
const UNIX_EPOCH_SERIAL = 25569;

export const excelSerial = (date: Date): number => date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;

/** The distinct looks of a workbook's cells, as styles.xml's cell formats (index 0: the default). */
class Looks {
  private readonly formats = new Map<string, number>();
  private readonly fonts = new Map<string, number>([["", 0]]);
  private readonly xfs = new Map<string, number>([["", 0]]);
  private readonly xfXml = [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`];

  index(look: NewCellLook): number {
    const formatId = look.numberFormat ? this.formatId(look.numberFormat) : 0;
    const fontKey = look.bold || look.size ? `${look.bold ? "b" : ""}${look.size ?? ""}` : "";
    const fontId = this.fonts.get(fontKey) ?? this.fonts.set(fontKey, this.fonts.size).size - 1;
    const key = `${formatId}|${fontId}|${look.wrap ? 1 : 0}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const alignment = look.wrap ? `<alignment vertical="top" wrapText="1"/>` : "";
    this.xfXml.push(
      `<xf numFmtId="${formatId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
        `${formatId ? ` applyNumberFormat="1"` : ""}${fontId ? ` applyFont="1"` : ""}` +
        (alignment ? ` applyAlignment="1">${alignment}</xf>` : "/>"),
    );
    this.xfs.set(key, this.xfXml.length - 1);
    return this.xfXml.length - 1;
  }

  private formatId(code: string): number {
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = FIRST_CUSTOM_FORMAT + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats]
      .map(
        ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attributeText(code, "A number format")}"/>`,
      )
      .join("");
    const fonts = [...this.fonts.keys()]
      .map((key) => {
        const size = /\d+/.exec(key)?.[0] ?? "11";
        return `<font>${key.startsWith("b") ? "<b/>" : ""}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
      })
      .join("");
    return (
      DECLARATION +
      `<styleSheet xmlns="${MAIN}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="${this.fonts.size}">${fonts}</fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

/** Each style's attribute, made once: a million rows of numbers share a few. */
const styleAttributes: string[] = [];

function cellXml(
  ref: string,
  value: NewCellValue,
  style: number,
  strings: SharedStrings,
  sheetName: string,
): string {
  const s = style ? (styleAttributes[style] ??= ` s="${style}"`) : "";
  // An empty text is an empty cell, as when typed into Excel.
  if (value === null || value === undefined || value === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${excelSerial(value)}</v></c>`;
  if (typeof value === "number")
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isDateCell(value)) return `<c r="${ref}"${s}><v>${value.date}</v></c>`;
  if (isCellError(value)) return `<c r="${ref}"${s} t="e"><v>${spreadsheetText(value.error)}</v></c>`;
  // A shared string is never a formula, whatever it starts with.
  return `<c r="${ref}"${s} t="s"><v>${strings.index(value, sheetName, ref)}</v></c>`;
}

/**
 * The workbook's texts, each once, as Excel writes them: every reader decodes a shared string's
 * _xHHHH_ escapes, where not every one decodes an inline string's.
 */
class SharedStrings {
  /** Each text's index, and the first cell that holds it (where a cut is noted). */
  private readonly indices = new Map<string, { index: number; where: string }>();
  private uses = 0;

  constructor(private readonly notes: WriteNotes | undefined) {}

  /** The text's index; its cell (sheet and reference) is named in a note, should it be cut. */
  index(text: string, sheetName: string, ref: string): number {
    this.uses++;
    const known = this.indices.get(text);
    if (known !== undefined) return known.index;
    // Made for the first cell of each text only: a million rows repeat a few thousand.
    this.indices.set(text, { index: this.indices.size, where: `Cell ${sheetName}!${ref}` });
    return this.indices.size - 1;
  }

  get size(): number {
    return this.indices.size;
  }

  xml(): string {
    const items = [...this.indices]
      .map(
        ([text, { where }]) =>
          `<si><t xml:space="preserve">${spreadsheetText(text, where, this.notes)}</t></si>`,
      )
      .join("");
    return `${DECLARATION}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.indices.size}">${items}</sst>`;
  }
}

/** A table's header and rows as cells, each column in its look. */
function tableCells(table: NewTable): NewCell[] {
  const cells: NewCell[] = table.columns.map((name, i) => ({
    row: table.top,
    col: table.left + i,
    value: name,
  }));
  table.rows.forEach((values, r) =>
    table.columns.forEach((name, i) =>
      cells.push({
        ...table.look?.(r, name),
        row: table.top + 1 + r,
        col: table.left + i,
        value: values[i] ?? null,
      }),
    ),
  );
  return cells;
}

const tableRef = (t: NewTable): string =>
  `${cellA1(t.top, t.left)}:${cellA1(t.top + Math.max(1, t.rows.length), t.left + t.columns.length - 1)}`;

function tableXml(table: NewTable, id: number): string {
  const ref = tableRef(table);
  const columns = table.columns
    .map(
      (name, i) =>
        `<tableColumn id="${i + 1}" name="${attributeText(name, `Table ${table.name}'s column`)}"/>`,
    )
    .join("");
  return (
    DECLARATION +
    `<table xmlns="${MAIN}" id="${id}" name="${attributeText(table.name)}" displayName="${attributeText(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${attributeText(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

function worksheetXml(
  sheet: NewSheet,
  looks: Looks,
  strings: SharedStrings,
  tableIds: readonly number[],
): (string | Uint8Array)[] {
  const rows = new Map<number, Map<number, string>>();
  let lastRow = 1;
  let lastCol = 1;
  const gridRows: Uint8Array[] = [];
  const rowsApart = sheet.grid?.writeRows !== undefined;
  if (rowsApart && (sheet.cells?.length || sheet.tables?.length))
    throw new Error(`the rows of ${sheet.name} go apart, so it can have no other cells`);
  if (sheet.grid) {
    const written = gridXml(
      sheet.grid,
      looks,
      strings,
      sheet.name,
      // The rows' bytes are handed on in a buffer used again for the next ones: kept, they are copied.
      sheet.grid.writeRows ?? ((xml) => gridRows.push(xml.slice())),
    );
    lastRow = Math.max(lastRow, written.lastRow);
    lastCol = Math.max(lastCol, written.lastCol);
  }
  for (const cell of [...(sheet.cells ?? []), ...(sheet.tables ?? []).flatMap(tableCells)]) {
    const ref = cellA1(cell.row, cell.col);
    const cached = cell.value;
    const xml =
      "formula" in cell && cell.formula !== undefined
        ? formulaCellXml(
            ref,
            looks.index(cell),
            cell.formula,
            typeof cached === "number" || typeof cached === "string" ? cached : null,
            `The formula of ${sheet.name}!${ref}`,
          )
        : cellXml(ref, cached, looks.index(cell), strings, sheet.name);
    if (!xml) continue;
    const row = rows.get(cell.row) ?? new Map<number, string>();
    row.set(cell.col, xml);
    rows.set(cell.row, row);
    lastRow = Math.max(lastRow, cell.row);
    lastCol = Math.max(lastCol, cell.col);
  }
  const cellRows = [...rows]
    .sort(([a], [b]) => a - b)
    .map(
      ([r, cells]) =>
        `<row r="${r}">${[...cells]
          .sort(([a], [b]) => a - b)
          .map(([, xml]) => xml)
          .join("")}</row>`,
    )
    .join("");
  const frozen = sheet.frozenRows
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>`
    : "";
  const widths = (sheet.columnWidths ?? [])
    .map((w, i) =>
      w === undefined ? "" : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
    )
    .join("");
  const tableParts = tableIds.length
    ? `<tableParts count="${tableIds.length}">${tableIds.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  // CT_Worksheet's order: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, …,
  // pageMargins, pageSetup, …, tableParts.
  // The grid's rows come first (a grid starts at A1), then the cells given one by one.
  return [
    DECLARATION +
      `<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
      (sheet.landscape ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
      `<dimension ref="A1:${cellA1(lastRow, lastCol)}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      (widths ? `<cols>${widths}</cols>` : "") +
      (rowsApart ? `<sheetData/>` : `<sheetData>`),
    ...gridRows,
    (rowsApart ? "" : `${cellRows}</sheetData>`) +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      (sheet.landscape ? `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>` : "") +
      tableParts +
      `</worksheet>`,
  ];
}

/** About this many bytes of rows are handed on at a time. */
const GRID_BATCH_BYTES = 1 << 20;

/**
 * A grid's rows as <row> elements, in order, encoded as UTF-8 a batch at a time and handed to
 * `write`, and the last row and column holding a cell. A million-row CSV is 350 MB of XML: held
 * as strings (a tree of concatenations a row, then the whole) it took a gigabyte of heap.
 */
function gridXml(
  grid: NewGrid,
  looks: Looks,
  strings: SharedStrings,
  sheetName: string,
  write: (xml: Uint8Array) => void,
): { lastRow: number; lastCol: number } {
  const styleOf = new Map<string, number>();
  // Each row encoded into one reused buffer: no string of a megabyte of rows is made (joining
  // them took most of the rows' time, and their memory was garbage at once).
  const buffer = new Uint8Array(GRID_BATCH_BYTES);
  let filled = 0;
  const flush = () => {
    if (filled) write(buffer.subarray(0, filled));
    filled = 0;
  };
  const add = (row: string) => {
    // UTF-8 takes at most three bytes for a UTF-16 code unit.
    if (filled + row.length * 3 > buffer.length) flush();
    if (row.length * 3 > buffer.length) write(utf8.encode(row));
    else filled += utf8.encodeInto(row, buffer.subarray(filled)).written;
  };
  let lastRow = 1;
  let lastCol = 1;
  // Each column's letters made once, not once a cell.
  const letters: string[] = [];
  grid.rows.forEach((values, r) => {
    const formats = grid.formats?.[r];
    // The row's number as text once, not once a cell.
    const rowNumber = String(r + 1);
    let xml = "";
    for (let c = 0; c < values.length; c++) {
      const format =
        formats?.[c] ?? (typeof values[c] === "number" ? grid.plainFormat?.(r, c) : null) ?? null;
      let style = 0;
      if (format) {
        const known = styleOf.get(format);
        if (known === undefined) styleOf.set(format, (style = looks.index({ numberFormat: format })));
        else style = known;
      }
      const cell = cellXml(
        (letters[c] ??= columnLetters(c + 1)) + rowNumber,
        values[c] ?? null,
        style,
        strings,
        sheetName,
      );
      if (!cell) continue;
      xml += cell;
      if (c >= lastCol) lastCol = c + 1;
    }
    if (!xml) return;
    add(`<row r="${rowNumber}">${xml}</row>`);
    lastRow = r + 1;
  });
  flush();
  return { lastRow, lastCol };
}

const utf8 = new TextEncoder();

/**
 * A part's text and bytes, in order, as the pieces of one part's bytes: a grid's rows are never
 * copied into one array (a million-row CSV's sheet is over 300 MB), the writer deflates and
 * checksums them piece by piece.
 */
function partBytes(pieces: readonly (string | Uint8Array)[]): PartBytes {
  const encoded = pieces.map((p) => (typeof p === "string" ? utf8.encode(p) : p));
  return encoded.length === 1 ? (encoded[0] as Uint8Array) : encoded;
}

const relationshipsXml = (targets: readonly { type: string; target: string }[]): string =>
  DECLARATION +
  `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
  targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${t.type}" Target="${t.target}"/>`).join("") +
  `</Relationships>`;

/** The parts of the package, by name, as text. */
export function newWorkbookParts(sheets: readonly NewSheet[], notes?: WriteNotes): Map<string, string> {
  const decoder = new TextDecoder();
  return new Map(
    [...newWorkbookPieces(sheets, notes)].map(([name, pieces]) => [
      name,
      pieces.map((p) => (typeof p === "string" ? p : decoder.decode(p))).join(""),
    ]),
  );
}

/** The parts of the package, by name: each as text, and a grid's rows as their bytes. */
function newWorkbookPieces(
  sheets: readonly NewSheet[],
  notes?: WriteNotes,
): Map<string, readonly (string | Uint8Array)[]> {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const looks = new Looks();
  const strings = new SharedStrings(notes);
  const parts = new Map<string, string | (string | Uint8Array)[]>();
  const overrides: [string, string][] = [["/xl/workbook.xml", CONTENT.workbook]];
  let tableId = 0;
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const ids = (sheet.tables ?? []).map(() => ++tableId);
    parts.set(`xl/worksheets/sheet${n}.xml`, worksheetXml(sheet, looks, strings, ids));
    overrides.push([`/xl/worksheets/sheet${n}.xml`, CONTENT.worksheet]);
    if (ids.length === 0) return;
    (sheet.tables ?? []).forEach((table, t) => {
      parts.set(`xl/tables/table${ids[t]}.xml`, tableXml(table, ids[t] as number));
      overrides.push([`/xl/tables/table${ids[t]}.xml`, CONTENT.table]);
    });
    parts.set(
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      relationshipsXml(ids.map((id) => ({ type: TYPE.table, target: `../tables/table${id}.xml` }))),
    );
  });
  overrides.push(["/xl/styles.xml", CONTENT.styles]);
  parts.set("xl/styles.xml", looks.xml());
  if (strings.size) {
    overrides.push(["/xl/sharedStrings.xml", CONTENT.sharedStrings]);
    parts.set("xl/sharedStrings.xml", strings.xml());
  }
  parts.set(
    "xl/workbook.xml",
    DECLARATION +
      `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
      `<bookViews><workbookView/></bookViews><sheets>` +
      sheets
        .map(
          (s, i) =>
            `<sheet name="${attributeText(s.name, "A sheet name")}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
        )
        .join("") +
      `</sheets></workbook>`,
  );
  parts.set(
    "xl/_rels/workbook.xml.rels",
    relationshipsXml([
      ...sheets.map((_, i) => ({ type: TYPE.worksheet, target: `worksheets/sheet${i + 1}.xml` })),
      { type: TYPE.styles, target: "styles.xml" },
      ...(strings.size ? [{ type: TYPE.sharedStrings, target: "sharedStrings.xml" }] : []),
    ]),
  );
  parts.set("_rels/.rels", relationshipsXml([{ type: TYPE.officeDocument, target: "xl/workbook.xml" }]));
  parts.set(
    "[Content_Types].xml",
    DECLARATION +
      `<Types xmlns="${CONTENT_TYPES}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
      `</Types>`,
  );
  return new Map([...parts].map(([name, part]) => [name, typeof part === "string" ? [part] : part]));
}

/** The part order Excel writes: content types first, so a reader streaming the file finds them at once. */
const PART_ORDER = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];

/** The .xlsx file's bytes; `notes` is told of any text cut to fit a cell. */
export async function newWorkbookBytes(
  sheets: readonly NewSheet[],
  deflate: Deflate,
  now: Date = new Date(),
  notes?: WriteNotes,
): Promise<Uint8Array> {
  const parts = newWorkbookPieces(sheets, notes);
  const names = [...PART_ORDER, ...[...parts.keys()].filter((n) => !PART_ORDER.includes(n))];
  const zipParts: ZipPart[] = names.map((name) => ({
    name,
    content: partBytes(parts.get(name) ?? []),
  }));
  parts.clear();
  return writeZip(new Uint8Array(0), zipParts, deflate, now);
}
