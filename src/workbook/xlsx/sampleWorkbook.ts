import ExcelJS from "exceljs";
import {
  SAMPLE_CASH,
  SAMPLE_OBJECTIVES,
  SAMPLE_PERSPECTIVE_WEIGHTS,
  SAMPLE_YEAR,
  sampleRows,
} from "../../app/sample";

const HEADER_STYLE = { theme: "TableStyleMedium2", showRowStripes: true } as const;

/** The sample workbook as a finance team would keep it: a monthly Excel table and a strategy sheet. */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Balanced Scorecard sample";

  const about = wb.addWorksheet("About");
  about.getColumn(1).width = 100;
  [
    "Sample scorecard of a mid-size company, 2026",
    "KPI Data holds one row per KPI per month. Strategy holds the perspective and objective weights.",
    "Run `npm run bsc -- refresh <this file>` (or Refresh in Excel) to score it: the Scorecard sheet and the traffic lights on KPI Data's Actual column are written by the add-in.",
    "December is not fully reported yet: two surveys are still out, so those KPIs show no data.",
  ].forEach((text, i) => {
    about.getCell(i + 1, 1).value = text;
    about.getCell(i + 1, 1).alignment = { wrapText: true, vertical: "top" };
    if (i === 0) about.getCell(1, 1).font = { bold: true, size: 14 };
  });

  const data = wb.addWorksheet("KPI Data", {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
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
  data.addTable({
    name: "KpiData",
    ref: "A1",
    headerRow: true,
    style: HEADER_STYLE,
    columns: columns.map((c) => ({ name: c.name, filterButton: true })),
    rows: rows.map((r) => [
      new Date(Date.UTC(SAMPLE_YEAR, r.month - 1, 1)),
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
  });
  columns.forEach((c, i) => {
    data.getColumn(i + 1).width = c.width;
  });
  data.getColumn(1).numFmt = "mmm yyyy";
  data.getColumn(11).numFmt = "0%";
  rows.forEach((r, i) => {
    for (const col of [8, 9, 10]) data.getCell(i + 2, col).numFmt = r.kpi.numberFormat;
  });

  const strategy = wb.addWorksheet("Strategy");
  strategy.addTable({
    name: "Perspectives",
    ref: "A1",
    headerRow: true,
    style: HEADER_STYLE,
    columns: [{ name: "Perspective" }, { name: "Weight" }],
    rows: SAMPLE_PERSPECTIVE_WEIGHTS.map((p) => [p.name, p.weight]),
  });
  strategy.addTable({
    name: "Objectives",
    ref: "D1",
    headerRow: true,
    style: HEADER_STYLE,
    columns: [
      { name: "Perspective" },
      { name: "Objective" },
      { name: "Weight" },
      { name: "Owner" },
      { name: "Drives" },
    ],
    rows: SAMPLE_OBJECTIVES.map((o) => [o.perspective, o.name, o.weight, o.owner, o.drives]),
  });
  [20, 8, 2, 20, 24, 8, 20, 36].forEach((w, i) => {
    strategy.getColumn(i + 1).width = w;
  });
  // Figures kept outside any table, for tagging a single range as a KPI.
  const treasury = wb.addWorksheet("Treasury");
  treasury.getCell("A1").value = "Cash on hand (USD k)";
  treasury.getCell("A1").font = { bold: true };
  treasury.getColumn(1).width = 22;
  SAMPLE_CASH.forEach((cash, i) => {
    const header = treasury.getCell(1, i + 2);
    header.value = new Date(Date.UTC(SAMPLE_YEAR, i, 1));
    header.numFmt = "mmm";
    const cell = treasury.getCell(2, i + 2);
    cell.value = cash;
    cell.numFmt = "#,##0";
  });
  treasury.getCell("A2").value = "Month-end balance";
  return wb;
}
