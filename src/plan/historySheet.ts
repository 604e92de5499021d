/**
 * The History sheet: the results of every refreshed period as one plain table under its title,
 * a row per item per period, for a user to filter and pivot (WORKBOOK.md, "The History sheet").
 */
import type { HistoryRow } from "../model/historySheet";
import { HISTORY_COLUMNS, HISTORY_HEADER_ROW } from "../model/historySheet";
import { HISTORY_MARKER_NAME, HISTORY_SHEET_STAMP } from "../model/ownership";
import type { CellStyle, PlanCell, SheetPlan } from "./plan";

const SCORE_FORMAT = "0.00";

export const historyStyles = (): Record<string, CellStyle> => ({
  "history-title": { bold: true, size: 16 },
  "history-note": { italic: true, color: "595959" },
  "history-header": { bold: true, fill: "1F3864", color: "FFFFFF", borderBottom: true },
});

export function historySheet(rows: readonly HistoryRow[], name: string, replaces: string | null): SheetPlan {
  const cells: PlanCell[] = [
    { row: 1, col: 1, value: HISTORY_SHEET_STAMP, style: "history-title" },
    {
      row: 2,
      col: 1,
      value:
        "Each refresh replaces its period's rows here and keeps the other periods'; a published period's rows are kept as published. Filter or pivot the table below; edit the source table, not this sheet.",
      style: "history-note",
    },
  ];
  HISTORY_COLUMNS.forEach((c, i) =>
    cells.push({ row: HISTORY_HEADER_ROW, col: i + 1, value: c.header, style: "history-header" }),
  );
  rows.forEach((r, at) => {
    const row = HISTORY_HEADER_ROW + 1 + at;
    HISTORY_COLUMNS.forEach((c, i) => {
      const value = r[c.field];
      if (value === null || value === "") return;
      const numberFormat =
        c.field === "score"
          ? SCORE_FORMAT
          : c.field === "actual" || c.field === "target" || c.field === "threshold"
            ? (r.format ?? undefined)
            : undefined;
      cells.push({ row, col: i + 1, value, ...(numberFormat ? { numberFormat } : {}) });
    });
  });
  return {
    role: "history",
    name,
    replaces,
    visibility: "visible",
    cells,
    columnWidths: HISTORY_COLUMNS.map((c) => c.width),
    frozenRows: HISTORY_HEADER_ROW,
    markerName: HISTORY_MARKER_NAME,
  };
}
