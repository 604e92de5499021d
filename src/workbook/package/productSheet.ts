/**
 * The XML of a sheet the product owns (the summary, the stored definition), written whole on
 * every refresh: it holds only what the plan says. Strings are inline strings, so the shared
 * string table (the user's) is never touched, and no string is ever a formula: only a plan cell's
 * own `formula` field is written as one, with the value it gives cached beside it.
 */
import { cellA1, columnLetters, quoteSheetName, sheetCell } from "../../model/address";
import { spreadsheetText, type WriteNotes } from "../ooxml/escape";
import { formulaCellXml } from "../ooxml/formulaCell";
import type { HeaderFooterText, PrintSetup, SheetPlan, WritePlan } from "../../plan/plan";
import type { StylesEditor } from "./styles";
import { escapeXmlAttribute, escapeXmlText } from "./xmlText";
import { EXCEL_COLUMNS } from "./read/worksheet";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function cellXml(
  sheet: string,
  row: number,
  col: number,
  value: string | number | null,
  styleIndex: number,
  notes: WriteNotes | undefined,
): string {
  const ref = cellA1(row, col);
  const s = styleIndex ? ` s="${styleIndex}"` : "";
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") {
    // The plan never holds Infinity or NaN; a cell cannot either.
    if (!Number.isFinite(value)) return `<c r="${ref}"${s}/>`;
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  const text = spreadsheetText(value, () => sheetCell(sheet, row, col), notes);
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** A row's cells left to right; a cell written twice keeps its last value, as a spreadsheet would. */
function rowCellsXml(cols: readonly number[], xml: readonly string[]): string {
  let ordered = true;
  for (let i = 1; i < cols.length && ordered; i++) ordered = (cols[i] as number) > (cols[i - 1] as number);
  if (ordered) return xml.join("");
  const byCol = new Map(cols.map((col, i) => [col, xml[i] as string]));
  return [...byCol.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, x]) => x)
    .join("");
}

type PlanCell = SheetPlan["cells"][number];

/**
 * A sheet's <row> elements from its cells: `cellXmlOf` a cell's XML (asked in the cells' order, as
 * the styles and notes must be), `rowXml` a row's from its cells' columns and XML; grouped rows
 * (`outline`) without a cell still have their <row>.
 */
type RowsWriter = (
  cells: readonly PlanCell[],
  outline: ReadonlyMap<number, number>,
  cellXmlOf: (c: PlanCell) => string,
  rowXml: (r: number, cols: readonly number[], xml: readonly string[]) => string,
  out: XmlPieces,
) => void;

/** About how many characters of rows are encoded at a time. */
const PIECE_CHARS = 1024 * 1024;
const encoder = new TextEncoder();

/**
 * Rows' XML as UTF-8 pieces of about a mebibyte, each batch of text let go as it is encoded: a
 * product sheet of 150,000 KPI rows and History lines is never one string, nor its rows' strings
 * all held until the last (which the collector moved to the old generation, then freed).
 */
class XmlPieces {
  readonly pieces: Uint8Array[] = [];
  private batch: string[] = [];
  private chars = 0;

  add(xml: string): void {
    this.batch.push(xml);
    this.chars += xml.length;
    if (this.chars >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.batch.length === 0) return;
    this.pieces.push(encoder.encode(this.batch.join("")));
    this.batch = [];
    this.chars = 0;
  }
}

/** Whether the cells come row by row, top to bottom (as the plan writes them): their rows can be written as they end. */
function inRowOrder(cells: readonly PlanCell[]): boolean {
  for (let i = 1; i < cells.length; i++)
    if ((cells[i] as PlanCell).row < (cells[i - 1] as PlanCell).row) return false;
  return true;
}

/**
 * The rows of cells that come row by row, each written as soon as its last cell has come: a
 * cell's XML lives only until its row's, so that a sheet of hundreds of thousands of cells is not
 * held as that many strings until the last (which the garbage collector then moved to the old
 * generation, at the refresh's peak of memory). A grouped row with no cell still has its <row>.
 */
const rowsAsTheyCome: RowsWriter = (cells, outline, cellXmlOf, rowXml, rows) => {
  const grouped = [...outline.keys()].sort((a, b) => a - b);
  let nextGrouped = 0;
  const groupedBefore = (row: number) => {
    for (; nextGrouped < grouped.length && (grouped[nextGrouped] as number) <= row; nextGrouped++)
      if (grouped[nextGrouped] !== row) rows.add(rowXml(grouped[nextGrouped] as number, [], []));
  };
  let row = -1;
  let cols: number[] = [];
  let xml: string[] = [];
  for (const c of cells) {
    if (c.row !== row) {
      if (row >= 0) rows.add(rowXml(row, cols, xml));
      groupedBefore(c.row);
      row = c.row;
      cols = [];
      xml = [];
    }
    // The cell's XML is made before its row's is: the styles and notes are asked in the cells' order.
    const text = cellXmlOf(c);
    cols.push(c.col);
    xml.push(text);
  }
  if (row >= 0) rows.add(rowXml(row, cols, xml));
  groupedBefore(Infinity);
};

/** The rows of cells that come in any order: gathered by row first, then written top to bottom. */
const rowsGathered: RowsWriter = (cells, outline, cellXmlOf, rowXml, out) => {
  const rows = new Map<number, { cols: number[]; xml: string[] }>();
  // A grouped row with no cell still needs its <row> to carry its level.
  for (const r of outline.keys()) if (!rows.has(r)) rows.set(r, { cols: [], xml: [] });
  for (const c of cells) {
    let row = rows.get(c.row);
    if (!row) rows.set(c.row, (row = { cols: [], xml: [] }));
    const text = cellXmlOf(c);
    row.cols.push(c.col);
    row.xml.push(text);
  }
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const { cols, xml } = rows.get(r) as { cols: number[]; xml: string[] };
    out.add(rowXml(r, cols, xml));
  }
};

/** A product sheet's XML: the text before its cells, its <sheetData> element as bytes, the text after. */
export interface ProductSheetParts {
  readonly before: string;
  readonly cells: readonly Uint8Array[];
  readonly after: string;
}

/**
 * `notes` is told of any text cut or cleaned on the way (src/workbook/ooxml/escape.ts).
 * `conditionalFormatting`: the sheet's own <conditionalFormatting> blocks, written in their place
 * here rather than inserted afterwards, which would scan the whole sheet's XML again (a summary of
 * 2,000 KPIs is megabytes of it). The cells come as bytes (OpenPackage.setWorksheet writes them
 * so): the edits made after, a drawing, are made to the text around them.
 */
export function productSheetXml(
  sheet: SheetPlan,
  styles: WritePlan["styles"],
  editor: StylesEditor,
  notes?: WriteNotes,
  conditionalFormatting = "",
): ProductSheetParts {
  const outline = new Map((sheet.rowOutline ?? []).map((o) => [o.row, o.level]));
  let lastRow = 1;
  let lastCol = 1;
  // The cell format of a plan style and number format, asked of the styles once for each pair.
  const formats = new Map<string | undefined, Map<string | undefined, number>>();
  const formatOf = (styleName: string | undefined, numberFormat: string | undefined): number => {
    let byFormat = formats.get(styleName);
    if (!byFormat) formats.set(styleName, (byFormat = new Map()));
    let index = byFormat.get(numberFormat);
    if (index === undefined) {
      const style = styleName ? styles[styleName] : undefined;
      index = style || numberFormat ? editor.cellFormat(style, numberFormat) : 0;
      byFormat.set(numberFormat, index);
    }
    return index;
  };
  const cellXmlOf = (c: SheetPlan["cells"][number]): string => {
    const index = formatOf(c.style, c.numberFormat);
    if (c.row > lastRow) lastRow = c.row;
    if (c.col > lastCol) lastCol = c.col;
    return c.formula === undefined
      ? cellXml(sheet.name, c.row, c.col, c.value, index, notes)
      : formulaCellXml(
          cellA1(c.row, c.col),
          index,
          c.formula,
          c.value,
          () => `The formula of ${sheetCell(sheet.name, c.row, c.col)}`,
          notes,
        );
  };
  const rowXml = (r: number, cols: readonly number[], xml: readonly string[]): string => {
    const level = outline.get(r);
    return `<row r="${r}"${level ? ` outlineLevel="${level}"` : ""}>${rowCellsXml(cols, xml)}</row>`;
  };
  const sheetData = new XmlPieces();
  sheetData.add("<sheetData>");
  (inRowOrder(sheet.cells) ? rowsAsTheyCome : rowsGathered)(
    sheet.cells,
    outline,
    cellXmlOf,
    rowXml,
    sheetData,
  );
  sheetData.add("</sheetData>");
  sheetData.flush();
  const frozen =
    sheet.frozenRows > 0
      ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>`
      : "";
  const cols = sheet.columnWidths.length
    ? `<cols>${sheet.columnWidths
        .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
        .join("")}</cols>`
    : "";
  const levels = [...outline.values()];
  // A loop, not Math.max(...levels): a spread of a row per KPI overflows the call stack.
  const outlineLevelRow = levels.length
    ? ` outlineLevelRow="${levels.reduce((a, b) => Math.max(a, b))}"`
    : "";
  // The text a hyperlink's cell shows (the last written there), looked for only when there are links.
  const place = (row: number, col: number): number => row * (EXCEL_COLUMNS + 1) + col;
  const shown = new Map<number, string>();
  if (sheet.hyperlinks?.length)
    for (const c of sheet.cells) if (typeof c.value === "string") shown.set(place(c.row, c.col), c.value);
  const hyperlinks = sheet.hyperlinks?.length
    ? `<hyperlinks>${sheet.hyperlinks
        .map((h) => {
          // An internal link names its place in `location`; it needs no relationship (ECMA-376 §18.3.1.47).
          const text = shown.get(place(h.row, h.col));
          const display = text === undefined ? "" : ` display="${escapeXmlAttribute(text)}"`;
          return `<hyperlink ref="${cellA1(h.row, h.col)}" location="${escapeXmlAttribute(h.location)}"${display}/>`;
        })
        .join("")}</hyperlinks>`
    : "";
  // CT_Worksheet's order: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, …,
  // conditionalFormatting, dataValidations, hyperlinks, printOptions, pageMargins, pageSetup, headerFooter, rowBreaks (then drawing, added later).
  const before =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    // CT_SheetPr: outlinePr before pageSetUpPr. Each group's summary row (a perspective) is above it.
    `<sheetPr>${outline.size ? `<outlinePr summaryBelow="0"/>` : ""}<pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${cellA1(lastRow, lastCol)}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"${outlineLevelRow}/>` +
    cols;
  const after =
    conditionalFormatting +
    hyperlinks +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    pageSetupXml(sheet.print) +
    rowBreaksXml(sheet.rowBreaks ?? []) +
    `</worksheet>`;
  return { before, cells: sheetData.pieces, after };
}

/** Printed, the sheet fits the page's width: a scorecard is read across. */
function pageSetupXml(print: PrintSetup | undefined): string {
  if (!print) return `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`;
  const part = (text: HeaderFooterText) =>
    escapeXmlText(
      (text.left ? `&L${text.left}` : "") +
        (text.center ? `&C${text.center}` : "") +
        (text.right ? `&R${text.right}` : ""),
    );
  return (
    `<pageSetup orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${part(print.header)}</oddHeader><oddFooter>${part(print.footer)}</oddFooter></headerFooter>`
  );
}

/**
 * Manual page breaks, each after row `id` (CT_Break): `max` the last column it spans (XFD's
 * index, 16383, across the sheet), `man` that a person's break, not one Excel worked out.
 */
function rowBreaksXml(rows: readonly number[]): string {
  if (rows.length === 0) return "";
  const breaks = rows.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

/** The defined names a sheet's print setup needs: its print area and the rows repeated on every page. */
export function printNames(sheetName: string, print: PrintSetup): { name: string; reference: string }[] {
  const { area, titleRows } = print;
  const sheetRef = quoteSheetName(sheetName);
  return [
    {
      name: "_xlnm.Print_Area",
      reference: `${sheetRef}!$${columnLetters(area.left)}$${area.top}:$${columnLetters(area.right)}$${area.bottom}`,
    },
    { name: "_xlnm.Print_Titles", reference: `${sheetRef}!$${titleRows.first}:$${titleRows.last}` },
  ];
}
