import { issue, type Issue } from "../engine/issues";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { cellAt, lastRow } from "./snapshot";

/**
 * The product marks the sheets it owns with workbook-scoped names, which Excel keeps pointing at
 * the sheet when a user renames it; a user's sheet that merely shares a name is never touched.
 */
export const SUMMARY_MARKER_NAME = "_bsc_summary";
export const DEFINITION_MARKER_NAME = "_bsc_definition";
export const DASHBOARD_MARKER_NAME = "_bsc_dashboard";
export const STRATEGY_MAP_MARKER_NAME = "_bsc_strategy_map";
export const HISTORY_MARKER_NAME = "_bsc_history";
/** The first cell of the definition sheet, so that the sheet explains itself if unhidden. */
export const DEFINITION_SHEET_MARKER =
  "bsc-definition: scorecard settings kept by the Balanced Scorecard add-in";
export const DEFAULT_DEFINITION_SHEET = "BSC Definition";
/** The first cell of the summary sheet: its title, and the stamp that says the product made it. */
export const SUMMARY_SHEET_STAMP = "Balanced Scorecard";
/** The first cell of the dashboard sheet: its title and stamp. */
export const DASHBOARD_SHEET_STAMP = "Balanced Scorecard dashboard";
export const DEFAULT_DASHBOARD_SHEET = "Dashboard";
/** The first cell of the strategy map sheet: its title and stamp. */
export const STRATEGY_MAP_SHEET_STAMP = "Balanced Scorecard strategy map";
export const DEFAULT_STRATEGY_MAP_SHEET = "Strategy Map";
/** The first cell of the history sheet: its title and stamp. */
export const HISTORY_SHEET_STAMP = "Balanced Scorecard history";
/** Not "History": Excel keeps that sheet name for itself. */
export const DEFAULT_HISTORY_SHEET = "Scorecard History";
/** A cell holds at most 32,767 characters; the JSON is split over cells below the marker. */
export const DEFINITION_CHUNK = 30000;

export interface OwnedSheets {
  readonly summary: string | null;
  readonly definition: string | null;
  /** The dashboard of trend charts; absent where it was never looked for (a definition-only write). */
  readonly dashboard?: string | null;
  /** The strategy map, drawn once the user inserts it and redrawn on every refresh after. */
  readonly strategyMap?: string | null;
  /** The results of every refreshed period, one row per item per period, read back on each refresh. */
  readonly history?: string | null;
  /** Marker names that point at a sheet the product did not make, which is then left alone. */
  readonly issues?: readonly Issue[];
}

const isEmpty = (sheet: SheetSnapshot): boolean =>
  sheet.values.every((row) => row.every((v) => v === null || v === ""));

/**
 * The product's sheets: those its marker names point at, provided the sheet carries the product's
 * stamp in A1 or is empty (a refresh that failed after clearing it). A marker that points at any
 * other sheet (a user's, after the name was moved by hand) does not make the sheet the product's:
 * the sheet is never cleared, and a new one is written instead.
 */
export function ownedSheets(book: WorkbookSnapshot): OwnedSheets {
  const issues: Issue[] = [];
  const sheetOf = (marker: string, stamp: string): string | null => {
    const named = book.names.find((n) => n.name.toLowerCase() === marker);
    const sheet = named && book.sheets.find((s) => s.name === named.sheet);
    if (!sheet) return null;
    if (cellAt(sheet, 1, 1) === stamp || isEmpty(sheet)) return sheet.name;
    issues.push(issue("marker-not-ours", null, { name: named.name, sheet: sheet.name }));
    return null;
  };
  const summary = sheetOf(SUMMARY_MARKER_NAME, SUMMARY_SHEET_STAMP);
  const definition = sheetOf(DEFINITION_MARKER_NAME, DEFINITION_SHEET_MARKER);
  const dashboard = sheetOf(DASHBOARD_MARKER_NAME, DASHBOARD_SHEET_STAMP);
  const strategyMap = sheetOf(STRATEGY_MAP_MARKER_NAME, STRATEGY_MAP_SHEET_STAMP);
  const history = sheetOf(HISTORY_MARKER_NAME, HISTORY_SHEET_STAMP);
  return { summary, definition, dashboard, strategyMap, history, issues };
}

export const ownedSheetNames = (owned: OwnedSheets): Set<string> =>
  new Set(
    [
      owned.summary,
      owned.definition,
      owned.dashboard ?? null,
      owned.strategyMap ?? null,
      owned.history ?? null,
    ].filter((s): s is string => s !== null),
  );

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
