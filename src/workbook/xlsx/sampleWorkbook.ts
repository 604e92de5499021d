import {
  SAMPLE_CASH,
  SAMPLE_COMMENTARY,
  SAMPLE_INITIATIVES,
  SAMPLE_OBJECTIVES,
  SAMPLE_PERSPECTIVE_WEIGHTS,
  SAMPLE_YEAR,
  sampleRows,
} from "../../app/sample";
import type { Deflate } from "../package/zipWriter";
import { newWorkbookBytes, type NewSheet } from "./newWorkbook";

const TABLE_STYLE = "TableStyleMedium2";

const monthStart = (month: number): Date => new Date(Date.UTC(SAMPLE_YEAR, month - 1, 1));

/** The sample workbook as a finance team would keep it: a monthly Excel table and a strategy sheet. */
export function sampleWorkbookSheets(): NewSheet[] {
  const about: NewSheet = {
    name: "About",
    columnWidths: [100],
    cells: [
      "Sample scorecard of a mid-size company, 2026",
      "KPI Data holds one row per KPI per month. Strategy holds the perspective and objective weights.",
      "Run `npm run bsc -- refresh <this file>` (or Refresh in Excel) to score it: the Scorecard sheet and the traffic lights on KPI Data's Actual column are written by the add-in.",
      "December is not fully reported yet: two surveys are still out, so those KPIs show no data.",
      "Follow-up holds December's commentary (analyses and actions) and the initiatives behind the objectives.",
    ].map((text, i) => ({
      row: i + 1,
      col: 1,
      value: text,
      wrap: true,
      ...(i === 0 ? { bold: true, size: 14 } : {}),
    })),
  };

  const columns = [
    { name: "Month", width: 11 },
    { name: "Perspective", width: 20 },
    { name: "Objective", width: 24 },
    { name: "KPI", width: 28 },
    { name: "Owner", width: 20 },
    { name: "Unit", width: 8 },
    { name: "Polarity", width: 10 },
    { name: "Actual", width: 11 },
    { name: "Target", width: 11 },
    { name: "Threshold", width: 11 },
    { name: "Tolerance %", width: 12 },
    { name: "Weight", width: 8 },
    { name: "Aggregation", width: 12 },
  ];
  const rows = sampleRows();
  const data: NewSheet = {
    name: "KPI Data",
    frozenRows: 1,
    landscape: true,
    columnWidths: columns.map((c) => c.width),
    tables: [
      {
        name: "KpiData",
        top: 1,
        left: 1,
        style: TABLE_STYLE,
        columns: columns.map((c) => c.name),
        rows: rows.map((r) => [
          monthStart(r.month),
          r.kpi.perspective,
          r.kpi.objective,
          r.kpi.name,
          r.kpi.owner,
          r.kpi.unit,
          r.kpi.polarity,
          r.actual,
          r.target,
          r.kpi.threshold ?? null,
          r.kpi.tolerance ?? null,
          r.kpi.weight ?? 1,
          r.kpi.aggregation ? r.kpi.aggregation[0]!.toUpperCase() + r.kpi.aggregation.slice(1) : "Last",
        ]),
        look: (row, column) => {
          if (column === "Month") return { numberFormat: "mmm yyyy" };
          if (column === "Tolerance %") return { numberFormat: "0%" };
          if (column === "Actual" || column === "Target" || column === "Threshold")
            return { numberFormat: rows[row]?.kpi.numberFormat };
          return undefined;
        },
      },
    ],
  };

  const strategy: NewSheet = {
    name: "Strategy",
    columnWidths: [20, 8, 2, 20, 24, 8, 20, 36],
    tables: [
      {
        name: "Perspectives",
        top: 1,
        left: 1,
        style: TABLE_STYLE,
        columns: ["Perspective", "Weight"],
        rows: SAMPLE_PERSPECTIVE_WEIGHTS.map((p) => [p.name, p.weight]),
      },
      {
        name: "Objectives",
        top: 1,
        left: 4,
        style: TABLE_STYLE,
        columns: ["Perspective", "Objective", "Weight", "Owner", "Drives"],
        rows: SAMPLE_OBJECTIVES.map((o) => [o.perspective, o.name, o.weight, o.owner, o.drives]),
      },
    ],
  };

  // Figures kept outside any table, for tagging a single range as a KPI.
  const treasury: NewSheet = {
    name: "Treasury",
    columnWidths: [22],
    cells: [
      { row: 1, col: 1, value: "Cash on hand (USD k)", bold: true },
      { row: 2, col: 1, value: "Month-end balance" },
      ...SAMPLE_CASH.flatMap((cash, i) => [
        { row: 1, col: i + 2, value: monthStart(i + 1), numberFormat: "mmm" },
        { row: 2, col: i + 2, value: cash, numberFormat: "#,##0" },
      ]),
    ],
  };
  // December's commentary and the initiatives behind the objectives, as a team keeps them.
  const day = (iso: string): Date | null => (iso === "" ? null : new Date(`${iso}T00:00:00Z`));
  const dated = (column: string) =>
    ["Due", "Start"].includes(column) ? { numberFormat: "yyyy-mm-dd" } : undefined;
  const followUp: NewSheet = {
    name: "Follow-up",
    columnWidths: [11, 28, 22, 60, 28, 20, 11, 9],
    tables: [
      {
        name: "Commentary",
        top: 1,
        left: 1,
        style: TABLE_STYLE,
        columns: ["Month", "KPI", "Objective", "Analysis", "Action", "Action owner", "Due", "Status"],
        rows: SAMPLE_COMMENTARY.map((c, i) => [
          i === 0 || c.kpi !== "" || c.objective !== "" ? monthStart(12) : null,
          c.kpi || null,
          c.objective || null,
          c.analysis || null,
          c.action || null,
          c.owner || null,
          day(c.due),
          c.status || null,
        ]),
        look: (_, column) => (column === "Month" ? { numberFormat: "mmm yyyy" } : dated(column)),
      },
      {
        name: "Initiatives",
        top: SAMPLE_COMMENTARY.length + 4,
        left: 1,
        style: TABLE_STYLE,
        columns: [
          "Objective",
          "Initiative",
          "Owner",
          "Start",
          "Due",
          "% complete",
          "Status",
          "Budget",
          "Spend",
        ],
        rows: SAMPLE_INITIATIVES.map((i) => [
          i.objective,
          i.name,
          i.owner,
          day(i.start),
          day(i.due),
          i.complete,
          i.status,
          i.budget,
          i.spend,
        ]),
        look: (_, column) =>
          column === "% complete"
            ? { numberFormat: "0%" }
            : column === "Budget" || column === "Spend"
              ? { numberFormat: "#,##0" }
              : dated(column),
      },
    ],
  };
  return [about, data, strategy, followUp, treasury];
}

/** The sample workbook as an .xlsx file's bytes. */
export const sampleWorkbookBytes = (deflate: Deflate, now?: Date): Promise<Uint8Array> =>
  newWorkbookBytes(sampleWorkbookSheets(), deflate, now);
