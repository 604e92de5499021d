import type { WorkbookSnapshot } from "./snapshot";
import { cellAt, lastRow } from "./snapshot";

/**
 * The product marks the sheets it owns with workbook-scoped names, which Excel keeps pointing at
 * the sheet when a user renames it; a user's sheet that merely shares a name is never touched.
 */
export const SUMMARY_MARKER_NAME = "_bsc_summary";
export const DEFINITION_MARKER_NAME = "_bsc_definition";
/** The first cell of the definition sheet, so that the sheet explains itself if unhidden. */
export const DEFINITION_SHEET_MARKER =
  "bsc-definition: scorecard settings kept by the Balanced Scorecard add-in";
export const DEFAULT_DEFINITION_SHEET = "BSC Definition";
/** A cell holds at most 32,767 characters; the JSON is split over cells below the marker. */
export const DEFINITION_CHUNK = 30000;

export interface OwnedSheets {
  readonly summary: string | null;
  readonly definition: string | null;
}

export function ownedSheets(book: WorkbookSnapshot): OwnedSheets {
  const sheetOf = (marker: string): string | null => {
    const named = book.names.find((n) => n.name.toLowerCase() === marker);
    return named && book.sheets.some((s) => s.name === named.sheet) ? named.sheet : null;
  };
  const summary = sheetOf(SUMMARY_MARKER_NAME);
  let definition = sheetOf(DEFINITION_MARKER_NAME);
  if (definition !== null) {
    const sheet = book.sheets.find((s) => s.name === definition);
    if (!sheet || cellAt(sheet, 1, 1) !== DEFINITION_SHEET_MARKER) definition = null;
  }
  return { summary, definition };
}

export const ownedSheetNames = (owned: OwnedSheets): Set<string> =>
  new Set([owned.summary, owned.definition].filter((s): s is string => s !== null));

/** The stored definition's JSON text, or null when the workbook has none. */
export function storedDefinitionText(book: WorkbookSnapshot, owned: OwnedSheets): string | null {
  const sheet = book.sheets.find((s) => s.name === owned.definition);
  if (!sheet) return null;
  let json = "";
  for (let row = 2; row <= lastRow(sheet); row++) {
    const v = cellAt(sheet, row, 1);
    if (typeof v === "string") json += v;
  }
  return json === "" ? null : json;
}
