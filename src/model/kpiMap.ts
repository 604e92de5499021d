/**
 * The KPI map on a group's workbook: which KPI of a unit is which KPI of the group, where the
 * unit names it otherwise ("Sales" in the south is the group's "Revenue"). A table of three
 * columns (Unit, Unit's KPI name, Group KPI name: headers.ts), an Excel table or a plain block,
 * found by the detector as the other optional tables are (detect.ts, kind "kpiMap").
 */
import { issue, type Issue } from "../engine/issues";
import { sheetBox, sheetCell } from "./address";
import { detectTables, type DetectedTable } from "./detect";
import type { KpiMapColumn } from "./headers";
import { objectiveNameKey } from "./scorecard";
import { cellAt, type WorkbookSnapshot } from "./snapshot";
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
  /** The table's header row, "'KPI map'!A1:C1"; null without a map. */
  readonly address: string | null;
  readonly issues: readonly Issue[];
}

/**
 * A unit or KPI name as the map matches it: case, width and runs of spaces aside, the rule a
 * Drives cell's objective name is matched by.
 */
export const mapNameKey: (name: string) => string = objectiveNameKey;

/** The first KPI map of the workbook (sheets the product owns skipped); an empty map without one. */
export function readKpiMap(book: WorkbookSnapshot, ownedSheets: ReadonlySet<string>): KpiMap {
  const table = detectTables(book, ownedSheets).find((t) => t.kind === "kpiMap");
  const sheet = table && book.sheets.find((s) => s.name === table.sheet);
  if (!table?.kpiMapColumns || !sheet) return { entries: [], address: null, issues: [] };
  return mapRows(table, table.kpiMapColumns, (row, col) => cellText(cellAt(sheet, row, col)).trim());
}

/** The map's rows: a blank one passed over, one lacking a cell said at its Unit cell. */
function mapRows(
  table: DetectedTable,
  columns: Readonly<Record<KpiMapColumn, number>>,
  text: (row: number, col: number) => string,
): KpiMap {
  const entries: KpiMapEntry[] = [];
  const issues: Issue[] = [];
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const [unit, unitKpi, groupKpi] = [
      text(row, columns.unit),
      text(row, columns.unitKpi),
      text(row, columns.groupKpi),
    ];
    if (unit === "" && unitKpi === "" && groupKpi === "") continue;
    const cell = sheetCell(table.sheet, row, columns.unit);
    const missing = [
      unit === "" ? "unit" : null,
      unitKpi === "" ? "unit's KPI name" : null,
      groupKpi === "" ? "group KPI name" : null,
    ].filter((m) => m !== null);
    if (missing.length) issues.push(issue("kpi-map-incomplete", cell, { missing: missing.join(" and ") }));
    else entries.push({ unit, unitKpi, groupKpi, cell });
  }
  const header = { top: table.headerRow, bottom: table.headerRow, left: table.left, right: table.right };
  return { entries, address: sheetBox(table.sheet, header), issues };
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
