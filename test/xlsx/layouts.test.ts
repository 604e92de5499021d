import ExcelJS from "exceljs";
import { runScorecard } from "../../src/app/scorecard";
import type { ScorecardReport } from "../../src/app/report";
import { packagePort } from "../helpers/package";

/**
 * The same scorecard in .xlsx files laid out as finance teams lay them out, merged cells and all,
 * must give the tidy table's report. Fixtures are built here, cell by cell, as a person would.
 */

const MONTHS = ["2026-01", "2026-02", "2026-03"];
const KPIS = [
  { p: "Financial", o: "Grow revenue", k: "Revenue", target: 100, actuals: [90, 104, 99] },
  { p: "Financial", o: "Grow revenue", k: "Gross margin", target: 0.4, actuals: [0.38, 0.41, 0.36] },
  { p: "Customer", o: "Delight customers", k: "NPS", target: 40, actuals: [30, 38, 45] },
];

async function reportOf(wb: ExcelJS.Workbook): Promise<ScorecardReport> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const outcome = await runScorecard(await packagePort(bytes), {}, false);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return outcome.report;
}

/** The report without cells and issues: what a manager reads. */
const scores = (r: ScorecardReport) => ({
  period: r.period,
  scorecard: r.scorecard,
  perspectives: r.perspectives.map((p) => ({
    ...p,
    objectives: p.objectives.map((o) => ({ ...o, kpis: o.kpis.map(({ cell: _, ...k }) => k) })),
  })),
});

function tidy(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.addRow(["Month", "Perspective", "Objective", "KPI", "Actual", "Target"]);
  for (const k of KPIS) MONTHS.forEach((m, i) => ws.addRow([m, k.p, k.o, k.k, k.actuals[i], k.target]));
  return wb;
}

describe("real .xlsx layouts score as the tidy table does", () => {
  let expected: ReturnType<typeof scores>;
  beforeAll(async () => {
    expected = scores(await reportOf(tidy()));
  });

  it("a titled report with merged perspective and objective cells, blank rows between months", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Report");
    ws.getCell("A1").value = "KPI report 2026";
    ws.mergeCells("A1:F1");
    ws.getCell("A2").value = "Prepared by Finance";
    ws.addRow([]);
    ws.getRow(4).values = ["Perspective", "Objective", "KPI", "Month", "Actual", "Target"];
    let row = 5;
    for (const m of MONTHS) {
      const groupStart = row;
      for (const k of KPIS) {
        ws.getRow(row).values = [k.p, k.o, k.k, m, k.actuals[MONTHS.indexOf(m)], k.target];
        row++;
      }
      // Financial's two KPIs share a merged Perspective and Objective cell.
      ws.mergeCells(groupStart, 1, groupStart + 1, 1);
      ws.mergeCells(groupStart, 2, groupStart + 1, 2);
      row++; // a blank row between months
    }
    const report = await reportOf(wb);
    expect(scores(report)).toEqual(expected);
    expect(report.issues).toEqual([]);
    expect(report.read).toMatchObject({ address: "Report!A4:F15", rows: 9, scored: 9 });
  });

  it("months across the columns as dates, a Budget row under each KPI, a sheet per perspective", async () => {
    const wb = new ExcelJS.Workbook();
    for (const perspective of ["Financial", "Customer"]) {
      const ws = wb.addWorksheet(perspective);
      ws.addRow(["Objective", "KPI", ...MONTHS.map((m) => new Date(`${m}-01T00:00:00Z`))]);
      for (const k of KPIS.filter((x) => x.p === perspective)) {
        ws.addRow([k.o, `${k.k} Actual`, ...k.actuals]);
        ws.addRow([k.o, `${k.k} Budget`, ...MONTHS.map(() => k.target)]);
      }
      ws.getRow(1).eachCell((c, col) => {
        if (col > 2) c.numFmt = "mmm-yy";
      });
    }
    const report = await reportOf(wb);
    expect(scores(report)).toEqual(expected);
    expect(report.read).toMatchObject({ shape: "wide", perspectiveFrom: "sheet", kpis: 3, periods: 3 });
  });
});
