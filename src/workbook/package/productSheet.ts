/**
 * The XML of a sheet the product owns (the summary, the stored definition), written whole on
 * every refresh: it holds only what the plan says. Strings are inline strings, so the shared
 * string table (the user's) is never touched, and no string is ever a formula.
 */
import { cellA1 } from "../../model/address";
import type { SheetPlan, WritePlan } from "../../plan/plan";
import type { StylesEditor } from "./styles";
import { escapeCellText } from "./xmlText";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function cellXml(row: number, col: number, value: string | number | null, styleIndex: number): string {
  const ref = cellA1(row, col);
  const s = styleIndex ? ` s="${styleIndex}"` : "";
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") {
    // The plan never holds Infinity or NaN; a cell cannot either.
    if (!Number.isFinite(value)) return `<c r="${ref}"${s}/>`;
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(value)}</t></is></c>`;
}

export function productSheetXml(sheet: SheetPlan, styles: WritePlan["styles"], editor: StylesEditor): string {
  const rows = new Map<number, { col: number; xml: string }[]>();
  let lastRow = 1;
  let lastCol = 1;
  for (const c of sheet.cells) {
    const style = c.style ? styles[c.style] : undefined;
    const index = style || c.numberFormat ? editor.cellFormat(style, c.numberFormat) : 0;
    const row = rows.get(c.row) ?? [];
    row.push({ col: c.col, xml: cellXml(c.row, c.col, c.value, index) });
    rows.set(c.row, row);
    lastRow = Math.max(lastRow, c.row);
    lastCol = Math.max(lastCol, c.col);
  }
  const sheetData = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([r, cells]) => {
      // A cell written twice keeps its last value, as a spreadsheet would.
      const byCol = new Map(cells.map((c) => [c.col, c.xml]));
      const xml = [...byCol.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, x]) => x)
        .join("");
      return `<row r="${r}">${xml}</row>`;
    })
    .join("");
  const frozen =
    sheet.frozenRows > 0
      ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>`
      : "";
  const cols = sheet.columnWidths.length
    ? `<cols>${sheet.columnWidths
        .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
        .join("")}</cols>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    // Printed, the summary fits the page's width: a scorecard is read across.
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${cellA1(lastRow, lastCol)}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${sheetData}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}
