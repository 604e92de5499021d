import type { Polarity } from "../../engine/types";
import { boxA1, parseReference } from "../../model/address";
import type { RangeRef } from "../../workbook/port";

/** A KPI to tag, as the form gives it once every field is right. */
export interface TagDraft {
  readonly actual: RangeRef;
  readonly target: RangeRef | number;
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
  readonly polarity: Polarity;
  readonly threshold: number | undefined;
  readonly weight: number;
  readonly owner: string;
}

/** A typed or selected reference such as "Notes!B2:M2", checked against the workbook's sheets. */
export function parseRef(text: string, sheetNames: readonly string[], example: string): RangeRef | string {
  if (text.trim() === "")
    return `Choose the cells: select them and use the selection, or type a reference such as ${example}.`;
  const parsed = parseReference(text.trim());
  if (!parsed?.sheet) return `"${text}" is not a reference with a sheet, such as ${example}.`;
  const sheet = sheetNames.find((n) => n.toLowerCase() === parsed.sheet?.toLowerCase());
  if (!sheet) return `The workbook has no sheet called "${parsed.sheet}".`;
  return { sheet, address: boxA1(parsed.box) };
}
