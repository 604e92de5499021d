import { boxA1, parseReference } from "../../model/address";
import type { RangeRef } from "../../workbook/port";

export const formatScore = (score: number | null): string => (score === null ? "–" : score.toFixed(2));

/** "'KPI Data'!H7" → sheet and address, for selecting the cell; the model's reference parser reads it. */
export function splitCell(cell: string): RangeRef | null {
  const ref = parseReference(cell);
  return ref?.sheet ? { sheet: ref.sheet, address: boxA1(ref.box) } : null;
}
