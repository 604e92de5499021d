import { boxA1, parseReference, quoteSheetName } from "../../model/address";
import type { RangeRef } from "../../workbook/port";

export const formatScore = (score: number | null): string => (score === null ? "–" : score.toFixed(2));

/** "'KPI Data'!H7" → sheet and address, for selecting the cell; the model's reference parser reads it. */
export function splitCell(cell: string): RangeRef | null {
  const ref = parseReference(cell);
  return ref?.sheet ? { sheet: ref.sheet, address: boxA1(ref.box) } : null;
}

export const refText = (r: RangeRef) => `${quoteSheetName(r.sheet)}!${r.address}`;

/** A reference to show as an example, on a sheet the workbook has: "Treasury!B2:M2". */
export const exampleRef = (sheetNames: readonly string[], address: string): string =>
  `${quoteSheetName(sheetNames[0] ?? "Sheet1")}!${address}`;
