import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { WritePlan } from "../../plan/plan";
import { parseReference, quoteSheetName, boxA1 } from "../../model/address";
import type { InteractiveWorkbook, RangeRef } from "../port";
import { applyPlanToWorkbook, removeDefinedName } from "./apply";
import { contentExcelJsWouldDrop } from "./preservation";
import { snapshotOf } from "./snapshot";
import type { Inflate } from "./zip";

/** An .xlsx workbook held in memory by ExcelJS: the CLI's and the browser preview's WorkbookPort. */
export class XlsxWorkbook implements InteractiveWorkbook {
  /** A file has no selection; the preview shows the range it was asked to select instead. */
  onSelect: ((ref: RangeRef) => void) | null = null;

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** What writing this workbook back would lose (charts, pivot tables …), in words. */
    readonly wouldLose: readonly string[],
  ) {}

  /** Throws ZipFormatError or ExcelJS's own error when the bytes are not a readable workbook. */
  static async load(bytes: Uint8Array, inflate: Inflate): Promise<XlsxWorkbook> {
    const wouldLose = await contentExcelJsWouldDrop(bytes, inflate);
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

  async getSelection(): Promise<RangeRef | null> {
    return null;
  }

  async select(ref: RangeRef): Promise<void> {
    this.onSelect?.(ref);
  }

  async defineName(name: string, ref: RangeRef): Promise<void> {
    const parsed = parseReference(ref.address);
    if (!parsed || !this.workbook.getWorksheet(ref.sheet))
      throw new Error(`${ref.sheet}!${ref.address} is not a range of this workbook`);
    removeDefinedName(this.workbook, name);
    this.workbook.definedNames.add(`${quoteSheetName(ref.sheet)}!${boxA1(parsed.box, true)}`, name);
  }

  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
