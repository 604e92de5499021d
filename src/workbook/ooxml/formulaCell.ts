import { markupText, spreadsheetText, type Where, type WriteNotes } from "./escape";

/**
 * A formula cell of SpreadsheetML (CT_Cell with <f>): the formula, and the value it gives cached in
 * <v> (a number, or a text as t="str"; nothing as an empty text), so that a reader that does not
 * recalculate shows the right value. One writer for the package patcher and the new-workbook
 * writer. The formula is the product's own (never a user's text), in Excel's invariant syntax.
 */
export function formulaCellXml(
  ref: string,
  styleIndex: number,
  formula: string,
  cached: string | number | null,
  where: Where,
  notes?: WriteNotes,
): string {
  const s = styleIndex ? ` s="${styleIndex}"` : "";
  const f = `<f>${markupText(formula.replace(/^=/, ""), where, notes)}</f>`;
  if (typeof cached === "number" && Number.isFinite(cached))
    return `<c r="${ref}"${s}>${f}<v>${cached}</v></c>`;
  const text = typeof cached === "string" ? spreadsheetText(cached, where, notes) : "";
  return `<c r="${ref}"${s} t="str">${f}<v>${text}</v></c>`;
}
