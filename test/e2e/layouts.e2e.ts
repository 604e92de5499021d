/**
 * Layouts as a real spreadsheet application sees them: a wide table's traffic lights painted by
 * LibreOffice on every month of every KPI, and messy workbooks saved by LibreOffice read as the
 * originals are.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runScorecard } from "../../src/app/scorecard";
import { columnLetters } from "../../src/model/address";
import { PALETTES } from "../../src/plan/palette";
import { packagePort } from "../helpers/package";
import { engineStatusByCell } from "../helpers/spreadsheet";
import { libreOfficeFills, savedByLibreOffice } from "./render";

const STATUS_OF_FILL = new Map(
  Object.entries(PALETTES.standard)
    .filter(([status]) => status !== "none")
    .map(([status, c]) => [c.fill.toUpperCase(), status]),
);
const MONTHS = ["Jan-26", "Feb-26", "Mar-26", "Apr-26"];

async function fileOf(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "bsc-layout-")), `${name}.xlsx`);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

const portOf = async (file: string) => packagePort(readFileSync(file));

describe("a wide table in LibreOffice", () => {
  it("paints every month of every KPI with the engine's status for that month", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Pack");
    ws.addRow(["KPI", "Polarity", "Target", ...MONTHS]);
    ws.addRow(["Revenue", "higher", 100, 95, 101, 80, null]);
    ws.addRow(["Cost ratio", "lower", 0.5, 0.52, 0.6, 0.4, 0.5]);
    ws.addRow(["Temperature", "band", 20, 20.5, 22, 25, null]);
    ws.addRow(["Churn Actual", "lower", null, 0.1, 0.2, 0.12, 0.3]);
    ws.addRow(["Churn Budget", null, null, 0.11, 0.11, 0.11, 0.11]);
    const port = await portOf(await fileOf(wb, "wide"));
    const outcome = await runScorecard(port, { now: new Date("2026-07-01T00:00:00Z") }, true);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    const refreshed = path.join(mkdtempSync(path.join(os.tmpdir(), "bsc-wide-")), "wide.xlsx");
    writeFileSync(refreshed, await port.toBytes());

    const fills = libreOfficeFills(refreshed, "Pack");
    const expected = engineStatusByCell(await port.readSnapshot(), null);
    const painted: [string, string][] = [];
    const wanted: [string, string][] = [];
    for (const row of [2, 3, 4, 5])
      for (let col = 4; col < 4 + MONTHS.length; col++) {
        const cell = `Pack!${columnLetters(col)}${row}`;
        const fill = fills.get(`${row},${col}`);
        painted.push([cell, fill ? (STATUS_OF_FILL.get(fill) ?? `fill ${fill}`) : "none"]);
        wanted.push([cell, expected.get(cell) ?? "none"]);
      }
    expect(painted).toEqual(wanted);
    expect(painted.filter(([, s]) => s !== "none").length).toBeGreaterThan(10);
  });
});

describe("workbooks saved by LibreOffice", () => {
  it("read as the originals: merged group cells, a title, blank rows, a total, a sheet per perspective", async () => {
    const wb = new ExcelJS.Workbook();
    const financial = wb.addWorksheet("Financial");
    financial.getCell("A1").value = "Financial KPIs";
    financial.mergeCells("A1:D1");
    financial.getRow(3).values = ["Objective", "KPI", "Actual", "Target"];
    financial.getRow(4).values = ["Grow revenue", "Revenue", 1050, 1000];
    financial.getRow(5).values = [null, "New accounts", 12, 20];
    financial.mergeCells("A4:A5");
    financial.getRow(7).values = ["Control cost", "Cost ratio", 0.52, 0.5];
    financial.getRow(8).values = ["Total", null, 1114.52, 1020.5];
    const customer = wb.addWorksheet("Customer");
    customer.addRow(["Objective", "KPI", "Actual", "Target"]);
    customer.addRow(["Delight customers", "NPS", 41, 40]);
    const original = await fileOf(wb, "messy");
    const report = async (file: string) => {
      const outcome = await runScorecard(await portOf(file), {}, false);
      if (!outcome.ok) throw new Error(outcome.fatal.message);
      return outcome.report;
    };
    const before = await report(original);
    expect(before.read).toMatchObject({ kpis: 4, totals: 1, perspectiveFrom: "sheet" });
    expect(await report(savedByLibreOffice(original))).toEqual(before);
  });

  it("refresh through the patcher, LibreOffice's tables and all, and LibreOffice paints the lights as scored", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addTable({
      name: "Kpis",
      ref: "A1",
      columns: ["Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"].map((name) => ({ name })),
      rows: [
        ["Financial", "Grow", "Revenue", 105, 100, "higher"],
        ["Financial", "Grow", "Margin", 0.37, 0.4, "higher"],
        ["Customer", "Keep", "Churn", 0.3, 0.1, "lower"],
      ],
    });
    const saved = savedByLibreOffice(await fileOf(wb, "tables"));
    const port = await portOf(saved);
    const outcome = await runScorecard(port, { now: new Date("2026-07-01T00:00:00Z") }, true);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    const refreshed = path.join(mkdtempSync(path.join(os.tmpdir(), "bsc-lo-")), "tables.xlsx");
    writeFileSync(refreshed, await port.toBytes());
    const fills = libreOfficeFills(refreshed, "Data");
    const expected = engineStatusByCell(await port.readSnapshot(), null);
    const painted = [2, 3, 4].map((row) => {
      const fill = fills.get(`${row},4`);
      return fill ? (STATUS_OF_FILL.get(fill) ?? `fill ${fill}`) : "none";
    });
    expect(painted).toEqual([2, 3, 4].map((row) => expected.get(`Data!D${row}`) ?? "none"));
    expect(painted).toEqual(["green", "amber", "red"]);
  });
});
