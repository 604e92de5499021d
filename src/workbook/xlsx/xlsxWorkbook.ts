import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { WritePlan } from "../../plan/plan";
import type { WorkbookPort } from "../port";
import { applyPlanToWorkbook } from "./apply";
import { contentExcelJsWouldDrop } from "./preservation";
import { snapshotOf } from "./snapshot";

/** An .xlsx workbook held in memory by ExcelJS: the CLI's and the browser preview's WorkbookPort. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** What writing this workbook back would lose (charts, pivot tables …), in words. */
    readonly wouldLose: readonly string[],
  ) {}

  /** Throws ZipFormatError or ExcelJS's own error when the bytes are not a readable workbook. */
  static async load(bytes: Buffer): Promise<XlsxWorkbook> {
    const wouldLose = contentExcelJsWouldDrop(bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return new XlsxWorkbook(workbook, wouldLose);
  }

  static create(workbook: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(workbook, []);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook);
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    applyPlanToWorkbook(this.workbook, plan);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }
}
