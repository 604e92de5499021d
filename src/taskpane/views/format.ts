import { boxA1, parseReference } from "../../model/address";
import type { RangeRef } from "../../workbook/port";
import type { Trend } from "../../engine/types";

export const formatScore = (score: number | null): string => (score === null ? "–" : score.toFixed(2));

export function formatNumber(value: number | null): string {
  if (value === null) return "–";
  if (Math.abs(value) < 10 && !Number.isInteger(value))
    return value.toLocaleString(undefined, { maximumSignificantDigits: 4 });
  return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

export const TREND_TEXT: Readonly<Record<Trend, string>> = {
  better: "▲ better",
  worse: "▼ worse",
  flat: "► flat",
  none: "",
};

/** "'KPI Data'!H7" → sheet and address, for selecting the cell; the model's reference parser reads it. */
export function splitCell(cell: string): RangeRef | null {
  const ref = parseReference(cell);
  return ref?.sheet ? { sheet: ref.sheet, address: boxA1(ref.box) } : null;
}
