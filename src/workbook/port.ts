import type { WorkbookSnapshot } from "../model/snapshot";
import type { WritePlan } from "../plan/plan";

/**
 * What the product needs from a workbook, whatever holds it: Excel through Office.js, an .xlsx
 * file through ExcelJS, or memory in tests. Reads are one batch; a plan is applied whole.
 */
export interface WorkbookPort {
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Applies the plan so that the workbook holds either its old output or the new, never a mix. */
  applyPlan(plan: WritePlan): Promise<void>;
}
