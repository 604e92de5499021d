/**
 * The snapshot of a workbook as ExcelJS reads it: the oracle the streaming reader
 * (src/workbook/package) is tested against, part by part and cell by cell.
 */
import type ExcelJS from "exceljs";
import { parseReference } from "../../src/model/address";
import { isDateFormat } from "../../src/model/numberFormat";
import {
  isDateCell,
  type CellValue,
  type NameSnapshot,
  type SheetSnapshot,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "../../src/model/snapshot";

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH_OFFSET = 25569;

export const excelSerialFromDate = (d: Date): number => d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;

/** One ExcelJS cell value as snapshot data: formulas give their cached result. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return { date: excelSerialFromDate(value) };
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      return toCellValue((result ?? null) as ExcelJS.CellValue);
    }
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return null;
}

function readTables(ws: ExcelJS.Worksheet): TableSnapshot[] {
  const tables: TableSnapshot[] = [];
  const found = ws.getTables() as unknown as { table: ExcelJS.TableProperties & { tableRef?: string } }[];
  for (const t of found) {
    const model = t.table;
    const ref = parseReference(model.tableRef ?? model.ref);
    if (!ref) continue;
    tables.push({
      name: model.name,
      box: ref.box,
      hasHeaderRow: model.headerRow !== false,
      hasTotalsRow: model.totalsRow === true,
    });
  }
  return tables;
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const rowValues: CellValue[] = [];
    const rowFormats: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const merged = cell.isMerged && cell.master !== cell;
      const value = merged ? null : toCellValue(cell.value);
      // ExcelJS reads a time or a duration (h:mm, [h]:mm:ss, mm:ss) as a Date, to the millisecond
      // (and as an invalid Date past year 275,760); the product reads it as the number it is
      // (src/model/numberFormat.ts): equal to within a millisecond, where ExcelJS kept it at all.
      const timeNumber = isDateCell(value) && !isDateFormat(cell.numFmt) ? value.date : null;
      rowValues[c - 1] =
        timeNumber === null
          ? value
          : ((Number.isFinite(timeNumber)
              ? expect.closeTo(timeNumber, 7)
              : expect.any(Number)) as unknown as CellValue);
      rowFormats[c - 1] = cell.numFmt ?? null;
    });
    // Rows holding only formatting (a styled column down to row 1,048,576) are no data.
    if (rowValues.length === 0) return;
    values[r - 1] = rowValues;
    formats[r - 1] = rowFormats;
  });
  for (let i = 0; i < values.length; i++) {
    values[i] ??= [];
    formats[i] ??= [];
  }
  return {
    name: ws.name,
    visibility: ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible",
    origin: { row: 1, col: 1 },
    values,
    formats,
    tables: readTables(ws),
  };
}

function readNames(wb: ExcelJS.Workbook): NameSnapshot[] {
  const names: NameSnapshot[] = [];
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const { name, ranges } of model) {
    if (ranges.length !== 1) continue;
    const ref = parseReference(ranges[0] as string);
    if (ref?.sheet) names.push({ name, sheet: ref.sheet, box: ref.box });
  }
  return names;
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: wb.worksheets.map(readSheet), names: readNames(wb) };
}
