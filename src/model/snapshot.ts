/**
 * Plain data read from a workbook in one batch: what the model infers a scorecard from.
 * Rows and columns are 1-based, as in Excel.
 */

export interface CellError {
  readonly error: string;
}
export interface DateCell {
  /** Excel date serial (1900 date system). */
  readonly date: number;
}
export type CellValue = null | number | string | boolean | CellError | DateCell;

export const isCellError = (v: CellValue): v is CellError =>
  typeof v === "object" && v !== null && "error" in v;
export const isDateCell = (v: CellValue): v is DateCell => typeof v === "object" && v !== null && "date" in v;

export interface RangeBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableSnapshot {
  readonly name: string;
  /** The whole table: header row, data rows, and totals row if shown. */
  readonly box: RangeBox;
  readonly hasHeaderRow: boolean;
  readonly hasTotalsRow: boolean;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Values of the used range, starting at `origin`; rows may be shorter than the range. */
  readonly origin: { readonly row: number; readonly col: number };
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats parallel to `values` (null or missing: General). */
  readonly formats?: readonly (readonly (string | null)[])[];
  readonly tables: readonly TableSnapshot[];
}

/** A workbook-scoped defined name that refers to one range. */
export interface NameSnapshot {
  readonly name: string;
  readonly sheet: string;
  readonly box: RangeBox;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly NameSnapshot[];
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
}

/** A cell's number format; null for General, however the adapter wrote it. */
export function formatAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const format = sheet.formats?.[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
  return format === "General" ? null : format;
}

export function lastRow(sheet: SheetSnapshot): number {
  return sheet.origin.row + sheet.values.length - 1;
}

export function lastCol(sheet: SheetSnapshot): number {
  let width = 0;
  for (const row of sheet.values) width = Math.max(width, row.length);
  return sheet.origin.col + width - 1;
}

/**
 * The part of `box` inside the sheet's used range, or null when they do not meet. A tag or a
 * chosen range may cover the whole sheet (A1:XFD1048576, 17 billion cells): it is clipped to the
 * cells that hold anything before any cell of it is listed.
 */
export function clipToUsed(sheet: SheetSnapshot, box: RangeBox): RangeBox | null {
  const clipped = {
    top: Math.max(box.top, sheet.origin.row),
    left: Math.max(box.left, sheet.origin.col),
    bottom: Math.min(box.bottom, lastRow(sheet)),
    right: Math.min(box.right, lastCol(sheet)),
  };
  return clipped.top <= clipped.bottom && clipped.left <= clipped.right ? clipped : null;
}
