import type { CellValue, NameSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import type { ConditionalFormatPlan, SheetPlan, WritePlan } from "../../plan/plan";
import { parseReference, sheetCell } from "../../model/address";
import type { InteractiveWorkbook, RangeRef } from "../port";

/**
 * A workbook held as plain data: the WorkbookPort for tests and for the task pane's tests. It
 * applies a plan the way the real adapters do (product sheets replaced whole, marker names moved,
 * product rules replaced), so a test can refresh twice and look at what a workbook would hold.
 */
export class MemoryWorkbook implements InteractiveWorkbook {
  private sheets: SheetSnapshot[];
  private names: NameSnapshot[];
  /** Product conditional formats by sheet, as the last plan left them. */
  readonly conditionalFormats = new Map<string, readonly ConditionalFormatPlan[]>();
  /** What a product sheet holds besides its values (outline, links, print setup, charts, shapes), by sheet name, as the last plan left it. */
  readonly layouts = new Map<
    string,
    Pick<SheetPlan, "rowOutline" | "hyperlinks" | "print" | "rowBreaks" | "charts" | "shapes" | "connectors">
  >();
  /** The formulas of product sheets' cells ("Scorecard!J12" → "IF(…)"), as the last plan left them; the values hold their cached results. */
  readonly formulas = new Map<string, string>();
  plansApplied = 0;
  /** What the user has selected; tests set it as a person would click. */
  selection: RangeRef | null = null;
  /** Every range the pane asked to select, in order. */
  readonly selected: RangeRef[] = [];

  constructor(snapshot: WorkbookSnapshot) {
    this.sheets = [...snapshot.sheets];
    this.names = [...snapshot.names];
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return { sheets: [...this.sheets], names: [...this.names] };
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    for (const sheetPlan of plan.sheets) {
      const values: CellValue[][] = [];
      // A product sheet is written whole: its formulas and rules go with its old contents.
      for (const name of [sheetPlan.replaces, sheetPlan.name]) {
        if (name === null) continue;
        this.forgetFormulas(name);
        this.conditionalFormats.delete(name);
      }
      for (const c of sheetPlan.cells) {
        const row = (values[c.row - 1] ??= []);
        row[c.col - 1] = c.value;
        if (c.formula !== undefined) this.formulas.set(sheetCell(sheetPlan.name, c.row, c.col), c.formula);
      }
      for (let i = 0; i < values.length; i++) values[i] ??= [];
      const sheet: SheetSnapshot = {
        name: sheetPlan.name,
        visibility: sheetPlan.visibility,
        origin: { row: 1, col: 1 },
        values,
        tables: [],
      };
      const at =
        sheetPlan.replaces === null ? -1 : this.sheets.findIndex((s) => s.name === sheetPlan.replaces);
      if (at >= 0) this.sheets[at] = sheet;
      else this.sheets.push(sheet);
      if (sheetPlan.replaces !== null) this.layouts.delete(sheetPlan.replaces);
      const { rowOutline, hyperlinks, print, rowBreaks, charts, shapes, connectors } = sheetPlan;
      this.layouts.set(sheetPlan.name, {
        ...(rowOutline ? { rowOutline } : {}),
        ...(hyperlinks ? { hyperlinks } : {}),
        ...(print ? { print } : {}),
        ...(rowBreaks ? { rowBreaks } : {}),
        ...(charts ? { charts } : {}),
        ...(shapes ? { shapes } : {}),
        ...(connectors ? { connectors } : {}),
      });
      const marker = sheetPlan.markerName.toLowerCase();
      this.names = this.names.filter((n) => n.name.toLowerCase() !== marker);
      this.names.push({
        name: sheetPlan.markerName,
        sheet: sheetPlan.name,
        box: { top: 1, left: 1, bottom: 1, right: 1 },
      });
    }
    for (const sheet of plan.clearConditionalFormatsOn) this.conditionalFormats.delete(sheet);
    for (const cf of plan.conditionalFormats) {
      this.conditionalFormats.set(cf.sheet, [...(this.conditionalFormats.get(cf.sheet) ?? []), cf]);
    }
    this.plansApplied++;
  }

  async getSelection(): Promise<RangeRef | null> {
    return this.selection;
  }

  async select(ref: RangeRef): Promise<void> {
    this.selected.push(ref);
    this.selection = ref;
  }

  async defineName(name: string, ref: RangeRef): Promise<void> {
    const parsed = parseReference(ref.address);
    if (!parsed) throw new Error(`"${ref.address}" is not a range address`);
    this.names = this.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
    this.names.push({ name, sheet: ref.sheet, box: parsed.box });
  }

  private forgetFormulas(sheet: string): void {
    const prefix = sheetCell(sheet, 1, 1).replace(/A1$/, "");
    for (const cell of [...this.formulas.keys()]) if (cell.startsWith(prefix)) this.formulas.delete(cell);
  }

  sheet(name: string): SheetSnapshot | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}
