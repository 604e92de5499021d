/**
 * The KPI map on a group's workbook: which KPI of a unit is which KPI of the group, where the
 * unit names it otherwise ("Sales" in the north is the group's "Revenue"). A table of three
 * columns (Unit, Unit's KPI name, Group KPI name), an Excel table or a plain block with its header
 * row near a sheet's top, found as the other optional tables are: by its header words.
 */
import { issue, type Issue } from "../engine/issues";
import { sheetCell } from "./address";
import { HEADER_SEARCH_ROWS } from "./detect";
import { normalizeHeader } from "./headers";
import { cellAt, lastCol, lastRow, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { cellText } from "./values";

export interface KpiMapEntry {
  /** The unit as the map writes it (its file's name without extension). */
  readonly unit: string;
  readonly unitKpi: string;
  readonly groupKpi: string;
  /** The row's Unit cell. */
  readonly cell: string;
}

export interface KpiMap {
  readonly entries: readonly KpiMapEntry[];
  /** The table's header row, "KPI map!A1:C1"; null without a map. */
  readonly address: string | null;
  readonly issues: readonly Issue[];
}

type MapColumn = "unit" | "unitKpi" | "groupKpi";

const HEADER_WORDS: Readonly<Record<MapColumn, readonly string[]>> = {
  unit: ["Unit", "Business unit", "Entity"],
  unitKpi: ["Unit's KPI name", "Unit's KPI", "Unit KPI name", "Unit KPI", "KPI in the unit", "Unit measure"],
  groupKpi: [
    "Group KPI name",
    "Group KPI",
    "Group's KPI",
    "Group's KPI name",
    "KPI in the group",
    "Group measure",
  ],
};

const COLUMN_OF: ReadonlyMap<string, MapColumn> = new Map(
  (Object.entries(HEADER_WORDS) as [MapColumn, readonly string[]][]).flatMap(([column, words]) =>
    words.map((w) => [normalizeHeader(w), column] as const),
  ),
);

/** A unit or KPI name as the map matches it: case, width and runs of spaces aside. */
export const mapNameKey = (name: string): string =>
  name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/** The map's columns in a header row, when the row names all three and nothing else twice. */
function mapColumns(sheet: SheetSnapshot, row: number): Record<MapColumn, number> | null {
  const found: Partial<Record<MapColumn, number>> = {};
  for (let col = sheet.origin.col; col <= lastCol(sheet); col++) {
    const column = COLUMN_OF.get(normalizeHeader(cellText(cellAt(sheet, row, col))));
    if (column === undefined) continue;
    if (found[column] !== undefined) return null;
    found[column] = col;
  }
  return found.unit !== undefined && found.unitKpi !== undefined && found.groupKpi !== undefined
    ? (found as Record<MapColumn, number>)
    : null;
}

/** The first KPI map of the workbook (sheets the product owns skipped); an empty map without one. */
export function readKpiMap(book: WorkbookSnapshot, ownedSheets: ReadonlySet<string>): KpiMap {
  for (const sheet of book.sheets) {
    if (ownedSheets.has(sheet.name)) continue;
    const headerRows = [
      ...sheet.tables.filter((t) => t.hasHeaderRow).map((t) => ({ row: t.box.top, bottom: t.box.bottom })),
      ...Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => ({
        row: Math.max(1, sheet.origin.row) + i,
        bottom: lastRow(sheet),
      })),
    ];
    for (const { row, bottom } of headerRows) {
      const columns = mapColumns(sheet, row);
      if (columns) return mapBelow(sheet, row, bottom, columns);
    }
  }
  return { entries: [], address: null, issues: [] };
}

/** The map's rows under its header, to the first blank row. */
function mapBelow(
  sheet: SheetSnapshot,
  header: number,
  bottom: number,
  columns: Record<MapColumn, number>,
): KpiMap {
  const entries: KpiMapEntry[] = [];
  const issues: Issue[] = [];
  const left = Math.min(columns.unit, columns.unitKpi, columns.groupKpi);
  const right = Math.max(columns.unit, columns.unitKpi, columns.groupKpi);
  for (let row = header + 1; row <= bottom; row++) {
    const text = (column: MapColumn) => cellText(cellAt(sheet, row, columns[column])).trim();
    const [unit, unitKpi, groupKpi] = [text("unit"), text("unitKpi"), text("groupKpi")];
    if (unit === "" && unitKpi === "" && groupKpi === "") break;
    const cell = sheetCell(sheet.name, row, columns.unit);
    const missing = [
      unit === "" ? "unit" : null,
      unitKpi === "" ? "unit's KPI name" : null,
      groupKpi === "" ? "group KPI name" : null,
    ].filter((m) => m !== null);
    if (missing.length) issues.push(issue("kpi-map-incomplete", cell, { missing: missing.join(" and ") }));
    else entries.push({ unit, unitKpi, groupKpi, cell });
  }
  const address = `${sheetCell(sheet.name, header, left)}:${sheetCell(sheet.name, header, right).replace(/^.*!/, "")}`;
  return { entries, address, issues };
}

/**
 * The group's name of a unit's KPI: the map's where it names the unit (by name or file name) and
 * the KPI, else the KPI's own.
 */
export function groupKpiName(map: KpiMap, unitNames: readonly string[], kpi: string): string {
  const units = new Set(unitNames.map(mapNameKey));
  const key = mapNameKey(kpi);
  const entry = map.entries.find((e) => units.has(mapNameKey(e.unit)) && mapNameKey(e.unitKpi) === key);
  return entry ? entry.groupKpi : kpi;
}
