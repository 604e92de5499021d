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
  /**
   * Told, before the plan is made, which sheets it will edit after their cells (the tables', for
   * their traffic lights): a port that writes a file may start compressing them meanwhile. A hint:
   * the plan applied is what is written.
   */
  willEdit?(sheets: readonly string[]): Promise<void>;
}

/** A sheet-qualified range, as the user selected or named it. */
export interface RangeRef {
  readonly sheet: string;
  /** A1 address without the sheet: "B7" or "B7:M7". */
  readonly address: string;
}

/** What the task pane needs beyond a refresh: the user's selection and workbook-scoped names. */
export interface InteractiveWorkbook extends WorkbookPort {
  /** The selected range, or null where the host has no selection (a file in a browser). */
  getSelection(): Promise<RangeRef | null>;
  /** Selects (and scrolls to) a range, so that the user sees the cell a KPI or an issue is about. */
  select(ref: RangeRef): Promise<void>;
  /** Creates or moves a workbook-scoped name, which Excel keeps on its cells as rows and columns move. */
  defineName(name: string, ref: RangeRef): Promise<void>;
}
