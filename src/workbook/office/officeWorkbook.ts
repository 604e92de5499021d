import { boxA1, columnLetters, parseReference } from "../../model/address";
import type {
  CellValue,
  NameSnapshot,
  SheetSnapshot,
  SheetVisibility,
  TableSnapshot,
  WorkbookSnapshot,
} from "../../model/snapshot";
import { isDateFormat } from "../../model/values";
import type { CellStyle, ConditionalFormatPlan, SheetPlan, WritePlan } from "../../plan/plan";
import { isProductRule } from "../../plan/plan";
import type { InteractiveWorkbook, RangeRef } from "../port";
import { areasByKey, chunkAreas, valueBlock } from "./layout";

/** Runs one Excel batch; `Excel.run` in Excel, a mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Excel on the web refuses requests and responses over 5 MB. Every sync is kept under this
 * estimate, which leaves room for the request's own envelope.
 */
export const PAYLOAD_LIMIT = 4_000_000;
/** A conservative estimate of what one cell's value, type and number format cost in a response. */
const BYTES_PER_CELL_READ = 64;

const VISIBILITY_FROM_EXCEL: Readonly<Record<string, SheetVisibility>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};
const VISIBILITY_TO_EXCEL = { visible: "Visible", veryHidden: "VeryHidden" } as const;

const sizeOf = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

/** Syncs whenever the queued requests would pass the payload limit. */
class PayloadBudget {
  private queued = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
  ) {}
  async add(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.flush();
    this.queued += bytes;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}

function toCellValue(value: unknown, type: string, format: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      return typeof value === "number" && isDateFormat(format) ? { date: value } : (value as number);
    default:
      return value === "" ? null : String(value);
  }
}

/** Rows of a used range split into blocks that each stay under the payload limit when read. */
function readBlocks(
  rowCount: number,
  columnCount: number,
  limit: number,
): { start: number; count: number }[] {
  const rowsPerBlock = Math.max(1, Math.floor(limit / (BYTES_PER_CELL_READ * Math.max(1, columnCount))));
  const blocks: { start: number; count: number }[] = [];
  for (let start = 0; start < rowCount; start += rowsPerBlock) {
    blocks.push({ start, count: Math.min(rowsPerBlock, rowCount - start) });
  }
  return blocks;
}

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size) format.font.size = style.size;
  if (style.color) format.font.color = `#${style.color}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.indent) format.indentLevel = style.indent;
  if (style.align)
    format.horizontalAlignment =
      style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right";
  if (style.wrap) format.wrapText = true;
  if (style.borderBottom) format.borders.getItem("EdgeBottom").style = "Continuous";
}

/** Excel measures column widths in points; a character of the default font is about 7 points wide. */
const POINTS_PER_CHARACTER = 7;

/**
 * The WorkbookPort inside Excel. Reading takes a fixed handful of round trips (more only for
 * sheets too large for one response); applying a plan takes four, whatever the number of KPIs,
 * with every request under the payload limit.
 */
export class OfficeWorkbook implements InteractiveWorkbook {
  constructor(
    private readonly run: ExcelRunner = (batch) => Excel.run(batch),
    private readonly payloadLimit = PAYLOAD_LIMIT,
  ) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name,items/visibility");
      const tables = workbook.tables.load("items/name,items/showHeaders,items/showTotals");
      const names = workbook.names.load("items/name,items/type,items/formula");
      await context.sync();

      const used = sheets.items.map((ws) =>
        ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
      );
      const tableRanges = tables.items.map((t) => t.getRange().load("address"));
      await context.sync();

      const budget = new PayloadBudget(context, this.payloadLimit);
      const loaded: { sheet: number; start: number; range: Excel.Range }[] = [];
      for (let i = 0; i < used.length; i++) {
        const u = used[i] as Excel.Range;
        if (u.isNullObject) continue;
        for (const block of readBlocks(u.rowCount, u.columnCount, this.payloadLimit)) {
          await budget.add(block.count * u.columnCount * BYTES_PER_CELL_READ);
          const range = (sheets.items[i] as Excel.Worksheet)
            .getRangeByIndexes(u.rowIndex + block.start, u.columnIndex, block.count, u.columnCount)
            .load("values,valueTypes,numberFormat");
          loaded.push({ sheet: i, start: block.start, range });
        }
      }
      await budget.flush();

      const tableSnapshots = new Map<string, TableSnapshot[]>();
      tables.items.forEach((t, i) => {
        const ref = parseReference((tableRanges[i] as Excel.Range).address);
        if (!ref?.sheet) return;
        const list = tableSnapshots.get(ref.sheet) ?? [];
        list.push({ name: t.name, box: ref.box, hasHeaderRow: t.showHeaders, hasTotalsRow: t.showTotals });
        tableSnapshots.set(ref.sheet, list);
      });

      const snapshotSheets: SheetSnapshot[] = sheets.items.map((ws, i) => {
        const u = used[i] as Excel.Range;
        const values: CellValue[][] = [];
        const formats: (string | null)[][] = [];
        for (const part of loaded.filter((l) => l.sheet === i)) {
          part.range.values.forEach((row, r) => {
            const types = part.range.valueTypes[r] as string[];
            const rowFormats = part.range.numberFormat[r] as string[];
            values[part.start + r] = row.map((v, c) =>
              toCellValue(v, types[c] as string, rowFormats[c] as string),
            );
            formats[part.start + r] = rowFormats.map((f) => (f === "General" ? null : f));
          });
        }
        return {
          name: ws.name,
          visibility: VISIBILITY_FROM_EXCEL[ws.visibility] ?? "visible",
          origin: u.isNullObject ? { row: 1, col: 1 } : { row: u.rowIndex + 1, col: u.columnIndex + 1 },
          values,
          formats,
          tables: tableSnapshots.get(ws.name) ?? [],
        };
      });

      const nameSnapshots: NameSnapshot[] = [];
      for (const n of names.items) {
        if (n.type !== "Range" || typeof n.formula !== "string") continue;
        const ref = parseReference(n.formula.replace(/^=/, ""));
        if (ref?.sheet) nameSnapshots.push({ name: n.name, sheet: ref.sheet, box: ref.box });
      }
      return { sheets: snapshotSheets, names: nameSnapshots };
    });
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    await this.run(async (context) => {
      const workbook = context.workbook;
      context.runtime.enableEvents = false;
      try {
        // 1. What the swap will need: existing sheet names, the sheets replaced, the rules to remove.
        const sheets = workbook.worksheets.load("items/name");
        const replaced = plan.sheets.map((s) =>
          s.replaces === null ? null : workbook.worksheets.getItemOrNullObject(s.replaces).load("position"),
        );
        // isNullObject is known after the sync without loading anything.
        const markers = plan.sheets.map((s) => workbook.names.getItemOrNullObject(s.markerName));
        const rules = plan.clearConditionalFormatsOn.map((name) =>
          workbook.worksheets
            .getItem(name)
            .getRange()
            .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
        );
        await context.sync();

        // 2. Build every new sheet beside the old one, hidden under a temporary name.
        const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        const built: Excel.Worksheet[] = [];
        try {
          const budget = new PayloadBudget(context, this.payloadLimit);
          for (const sheetPlan of plan.sheets) {
            let temporary = "";
            for (let i = 1; !temporary || taken.has(temporary.toLowerCase()); i++)
              temporary = `~bsc ${sheetPlan.role} ${i}`;
            taken.add(temporary.toLowerCase());
            const ws = workbook.worksheets.add(temporary);
            ws.visibility = "Hidden";
            built.push(ws);
            await this.writeSheet(ws, sheetPlan, plan, budget);
          }
          await budget.flush();
        } catch (error) {
          for (const ws of built) ws.delete();
          await context.sync();
          throw error;
        }

        // 3. Swap in one request: old output out, new output in, rules replaced.
        plan.sheets.forEach((sheetPlan, i) => {
          const ws = built[i] as Excel.Worksheet;
          const old = replaced[i];
          if (old && !old.isNullObject) {
            ws.position = old.position;
            old.delete();
          }
          ws.name = sheetPlan.name;
          ws.visibility = VISIBILITY_TO_EXCEL[sheetPlan.visibility];
          const marker = markers[i] as Excel.NamedItem;
          if (!marker.isNullObject) marker.delete();
          workbook.names.add(sheetPlan.markerName, ws.getRange("A1"));
        });
        for (const collection of rules) {
          for (const rule of collection.items) {
            if (rule.type === "Custom" && isProductRule(rule.customOrNullObject.rule.formula)) {
              rule.delete();
            }
          }
        }
        for (const cf of plan.conditionalFormats) this.addRules(workbook.worksheets.getItem(cf.sheet), cf);
        const summary = plan.sheets.findIndex((s) => s.role === "summary");
        if (summary >= 0) (built[summary] as Excel.Worksheet).activate();
        await context.sync();
      } finally {
        context.runtime.enableEvents = true;
        await context.sync();
      }
    });
  }

  async getSelection(): Promise<RangeRef | null> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address");
      await context.sync();
      const ref = parseReference(range.address);
      return ref?.sheet ? { sheet: ref.sheet, address: boxA1(ref.box) } : null;
    });
  }

  async select(ref: RangeRef): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(ref.sheet);
      ws.activate();
      ws.getRange(ref.address).select();
      await context.sync();
    });
  }

  /** Selects the cells a formula reads (ExcelApi 1.12; the pane offers it only where supported). */
  async selectInputs(ref: RangeRef): Promise<boolean> {
    return this.run(async (context) => {
      const cell = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
      const formulas = cell.load("formulas");
      await context.sync();
      const formula = formulas.formulas[0]?.[0];
      if (typeof formula !== "string" || !formula.startsWith("=")) return false;
      cell.getDirectPrecedents().areas.getItemAt(0).select();
      await context.sync();
      return true;
    });
  }

  async defineName(name: string, ref: RangeRef): Promise<void> {
    await this.run(async (context) => {
      const existing = context.workbook.names.getItemOrNullObject(name);
      await context.sync();
      if (!existing.isNullObject) existing.delete();
      context.workbook.names.add(name, context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address));
      await context.sync();
    });
  }

  private async writeSheet(
    ws: Excel.Worksheet,
    sheet: SheetPlan,
    plan: WritePlan,
    budget: PayloadBudget,
  ): Promise<void> {
    const block = valueBlock(sheet.cells);
    if (block.rows > 0) {
      const rowBytes = Math.max(1, (sizeOf(block.values) + sizeOf(block.formats)) / block.rows);
      const rowsPerChunk = Math.max(1, Math.floor(this.payloadLimit / 2 / rowBytes));
      for (let start = 0; start < block.rows; start += rowsPerChunk) {
        const values = block.values.slice(start, start + rowsPerChunk);
        const formats = block.formats.slice(start, start + rowsPerChunk);
        await budget.add(sizeOf(values) + sizeOf(formats));
        const range = ws.getRangeByIndexes(start, 0, values.length, block.cols);
        range.numberFormat = formats;
        range.values = values;
      }
    }
    for (const [styleName, areas] of areasByKey(sheet.cells, (c) => c.style)) {
      const style = plan.styles[styleName];
      if (!style) continue;
      for (const address of chunkAreas(areas)) {
        await budget.add(address.length + 200);
        applyStyle(ws.getRanges(address).format, style);
      }
    }
    sheet.columnWidths.forEach((width, i) => {
      const column = columnLetters(i + 1);
      ws.getRange(`${column}:${column}`).format.columnWidth = width * POINTS_PER_CHARACTER;
    });
    if (sheet.frozenRows > 0) ws.freezePanes.freezeRows(sheet.frozenRows);
  }

  private addRules(ws: Excel.Worksheet, plan: ConditionalFormatPlan): void {
    const target = ws.getRanges(plan.ranges.join(","));
    for (const rule of plan.rules) {
      const cf = target.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${rule.formula}`;
      cf.custom.format.fill.color = `#${rule.fill}`;
      cf.custom.format.font.color = `#${rule.color}`;
    }
  }
}
