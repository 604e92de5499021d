import { boxA1, columnLetters, parseReference, sheetBox } from "../../model/address";
import type {
  RangeBox,
  CellValue,
  NameSnapshot,
  SheetSnapshot,
  SheetVisibility,
  TableSnapshot,
  WorkbookSnapshot,
} from "../../model/snapshot";
import { isDateFormat } from "../../model/numberFormat";
import type {
  CellStyle,
  ConditionalFormatPlan,
  PrintSetup,
  RowOutline,
  SheetPlan,
  WritePlan,
} from "../../plan/plan";
import { isProductRule } from "../../plan/plan";
import type { InteractiveWorkbook, RangeRef } from "../port";
import { queueSheetCharts } from "./charts";
import { queueSheetShapes } from "./shapes";
import { areasByKey, chunkAreas, columnWidthPoints, valueBlock } from "./layout";

/** Runs one Excel batch; `Excel.run` in Excel, a mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host has an ExcelApi requirement set ("1.12"); Office.js asks the host itself. */
export type ExcelApiSupport = (version: string) => boolean;

const hostSupports: ExcelApiSupport = (version) =>
  typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);

/**
 * Excel on the web refuses requests and responses over 5 MB. Every sync is kept under this
 * estimate, which leaves room for the request's own envelope.
 */
export const PAYLOAD_LIMIT = 4_000_000;
/**
 * What one cell's value, type and number format cost in a response: about 29 bytes measured on
 * the benchmark's table (a short text or number, "Double"/"String", "General"); 40 leaves room
 * for longer texts without doubling the reads, as 64 did.
 */
const BYTES_PER_CELL_READ = 40;

const VISIBILITY_FROM_EXCEL: Readonly<Record<string, SheetVisibility>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};
const VISIBILITY_TO_EXCEL = { visible: "Visible", veryHidden: "VeryHidden" } as const;

const sizeOf = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

/** Excel's outline has at most eight levels of grouped rows below the top. */
const MAX_OUTLINE_LEVELS = 8;

/**
 * The row ranges to group, outermost first ("11:14"): for each level, every run of consecutive
 * rows at that level or deeper. Grouping a range again deepens it by one level.
 */
export function outlineGroups(outline: readonly RowOutline[]): string[] {
  const levelOf = new Map(outline.map((o) => [o.row, o.level]));
  const rows = [...levelOf.keys()].sort((a, b) => a - b);
  const deepest = Math.max(0, ...levelOf.values());
  const groups: string[] = [];
  for (let level = 1; level <= deepest; level++) {
    let start: number | null = null;
    let previous = -1;
    for (const row of [...rows, Infinity]) {
      const inside = row !== Infinity && (levelOf.get(row) ?? 0) >= level;
      if (inside && start !== null && row === previous + 1) {
        previous = row;
        continue;
      }
      if (start !== null) groups.push(`${start}:${previous}`);
      start = inside ? row : null;
      previous = row;
    }
  }
  return groups;
}

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
  if (style.underline) format.font.underline = "Single";
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

/**
 * The product's traffic lights, and custom rules with no formula: what a request that failed
 * between adding a rule and setting its formula leaves behind (no one can make one by hand).
 */
const isLeftByProduct = (formula: string): boolean =>
  isProductRule(formula) || formula.replace(/^=/, "") === "";

/**
 * The WorkbookPort inside Excel. Reading takes a fixed handful of round trips (more only for
 * sheets too large for one response); applying a plan takes four, whatever the number of KPIs,
 * with every request under the payload limit.
 */
export class OfficeWorkbook implements InteractiveWorkbook {
  constructor(
    private readonly run: ExcelRunner = (batch) => Excel.run(batch),
    private readonly payloadLimit = PAYLOAD_LIMIT,
    private readonly supports: ExcelApiSupport = hostSupports,
  ) {}

  /** Whether "Show its inputs" can work here: Range.getDirectPrecedents needs ExcelApi 1.12. */
  get canSelectInputs(): boolean {
    return this.supports("1.12");
  }

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

  /**
   * Writes the plan into the product's sheets in place, so that formulas, charts and links that
   * point at them survive a refresh. Office.js batches are not transactions: a request that fails
   * keeps what came before it. So nothing of the user's is ever removed, the stored definition is
   * written in one operation, a new sheet is taken out again if its marker could not be added,
   * and whatever a failure leaves half-written is rewritten whole by the next refresh.
   */
  async applyPlan(plan: WritePlan): Promise<void> {
    await this.run(async (context) => {
      const workbook = context.workbook;
      context.runtime.enableEvents = false;
      try {
        // 1. The product's sheets as they are, the marker names, and the rules to replace.
        const existing = plan.sheets.map((s) =>
          s.replaces === null
            ? null
            : workbook.worksheets.getItemOrNullObject(s.replaces).load("name,visibility"),
        );
        const usedRows = existing.map(
          (ws) =>
            ws?.getUsedRangeOrNullObject(true).load("rowIndex,rowCount,columnIndex,columnCount") ?? null,
        );
        const markers = plan.sheets.map((s) => workbook.names.getItemOrNullObject(s.markerName));
        const rules = plan.clearConditionalFormatsOn.map((name) =>
          workbook.worksheets
            .getItem(name)
            .getRange()
            .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
        );
        await context.sync();

        // 1b. The outline an earlier refresh left on a sheet rewritten with one: grouping adds levels.
        await this.removeOutlines(context, plan.sheets, existing, usedRows);

        // 2. Sheets the product does not have yet, each made with its marker name in one request.
        const sheets = await this.addMissingSheets(context, plan.sheets, existing, markers);

        // 3. Each sheet rewritten in place; the names of its charts read, to keep them.
        const budget = new PayloadBudget(context, this.payloadLimit);
        const chartNames: (Excel.ChartCollection | undefined)[] = [];
        const shapesBefore: (Excel.ShapeCollection | undefined)[] = [];
        for (const [i, sheetPlan] of plan.sheets.entries()) {
          const ws = sheets[i] as Excel.Worksheet;
          const before = existing[i];
          if (before && !before.isNullObject) {
            if (before.name !== sheetPlan.name) ws.name = sheetPlan.name;
            const visibility = VISIBILITY_TO_EXCEL[sheetPlan.visibility];
            if (before.visibility !== visibility) ws.visibility = visibility;
          }
          const used = usedRows[i];
          const usedBefore =
            used && !used.isNullObject
              ? { rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount }
              : { rows: 0, cols: 0 };
          if (sheetPlan.role === "definition") {
            await this.writeInOneOperation(ws, sheetPlan, usedBefore.rows, budget);
          } else if (sheetPlan.role === "history") {
            // The History sheet is the only record of earlier periods (a published one's above
            // all): never cleared, its new values written over the old, so that a failure never
            // leaves an empty sheet. Only its formats go first.
            ws.getRange().clear("Formats");
            ws.freezePanes.unfreeze();
            await this.writeSheet(ws, sheetPlan, plan, budget, { ...usedBefore, fromEndWhenGrowing: true });
          } else {
            ws.getRange().clear();
            ws.freezePanes.unfreeze();
            await this.writeSheet(ws, sheetPlan, plan, budget);
            if (sheetPlan.charts) chartNames[i] = ws.charts.load("items/name");
            if (sheetPlan.shapes) shapesBefore[i] = ws.shapes.load("items/id,items/name");
          }
        }
        await budget.flush();

        // 4. The product's traffic lights replaced; the user's rules are never touched.
        for (const collection of rules) {
          for (const rule of collection.items) {
            if (rule.type === "Custom" && isLeftByProduct(rule.customOrNullObject.rule.formula))
              rule.delete();
          }
        }
        for (const cf of plan.conditionalFormats) this.addRules(workbook.worksheets.getItem(cf.sheet), cf);
        // 5. The charts, each kept by its name and pointed at its cells again, in the same request.
        plan.sheets.forEach((sheetPlan, i) => {
          const charts = chartNames[i];
          if (charts)
            queueSheetCharts(
              sheets[i] as Excel.Worksheet,
              charts.items.map((c) => c.name),
              sheetPlan,
            );
        });
        // 6. The shapes (the strategy map), drawn again with today's colours; a user's own stay.
        plan.sheets.forEach((sheetPlan, i) => {
          const shapes = shapesBefore[i];
          if (shapes)
            queueSheetShapes(
              sheets[i] as Excel.Worksheet,
              shapes.items.map((s) => ({ id: s.id, name: s.name })),
              sheetPlan,
            );
        });
        const summary = plan.sheets.findIndex((s) => s.role === "summary");
        if (summary >= 0) (sheets[summary] as Excel.Worksheet).activate();
        await context.sync();
      } finally {
        context.runtime.enableEvents = true;
        await context.sync();
      }
    });
  }

  /**
   * Adds the sheets the workbook lacks, with their marker names, in one request. Should that
   * request fail half-way, the new sheets are taken out again, so that no unmarked sheet is left
   * to be mistaken for the user's.
   */
  private async addMissingSheets(
    context: Excel.RequestContext,
    plans: readonly SheetPlan[],
    existing: readonly (Excel.Worksheet | null)[],
    markers: readonly Excel.NamedItem[],
  ): Promise<Excel.Worksheet[]> {
    const workbook = context.workbook;
    const added: string[] = [];
    const sheets = plans.map((sheetPlan, i) => {
      const before = existing[i];
      if (before && !before.isNullObject) return before;
      const ws = workbook.worksheets.add(sheetPlan.name);
      added.push(sheetPlan.name);
      // A marker left behind (its sheet deleted, or a sheet that was not the product's) is moved.
      if (!(markers[i] as Excel.NamedItem).isNullObject) (markers[i] as Excel.NamedItem).delete();
      workbook.names.add(sheetPlan.markerName, ws.getRange("A1"));
      if (sheetPlan.visibility === "veryHidden") ws.visibility = "VeryHidden";
      return ws;
    });
    if (added.length === 0) return sheets;
    try {
      await context.sync();
    } catch (error) {
      const left = added.map((name) => workbook.worksheets.getItemOrNullObject(name).load("visibility"));
      await context.sync();
      for (const ws of left) {
        if (ws.isNullObject) continue;
        // Worksheet.delete fails on a VeryHidden sheet: it must be made Hidden first.
        if (ws.visibility === "VeryHidden") ws.visibility = "Hidden";
        ws.delete();
      }
      await context.sync();
      throw error;
    }
    return sheets;
  }

  /**
   * The stored definition in a single write, so that a failure leaves either the old JSON or the
   * new, never a mix of chunks; rows the old definition used beyond the new one are emptied in the
   * same write.
   */
  private async writeInOneOperation(
    ws: Excel.Worksheet,
    sheet: SheetPlan,
    rowsBefore: number,
    budget: PayloadBudget,
  ): Promise<void> {
    const block = valueBlock(sheet.cells);
    const rows = Math.max(block.rows, rowsBefore);
    const values = Array.from({ length: rows }, (_, r) => [block.values[r]?.[0] ?? ""]);
    await budget.add(sizeOf(values));
    ws.getRangeByIndexes(0, 0, rows, 1).values = values;
    sheet.columnWidths.forEach((width, i) => {
      const column = columnLetters(i + 1);
      ws.getRange(`${column}:${column}`).format.columnWidth = columnWidthPoints(width);
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

  /**
   * Selects the cells a formula reads. False where the cell holds no formula, or a formula that
   * reads no cell (Range.getDirectPrecedents "Throws an `ItemNotFound` error if no precedents are
   * found"), or where the host lacks ExcelApi 1.12.
   */
  async selectInputs(ref: RangeRef): Promise<boolean> {
    if (!this.canSelectInputs) return false;
    return this.run(async (context) => {
      const cell = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
      const formulas = cell.load("formulas");
      await context.sync();
      const formula = formulas.formulas[0]?.[0];
      if (typeof formula !== "string" || !formula.startsWith("=")) return false;
      const inputs = cell.getDirectPrecedents().areas.getItemAt(0);
      // RangeAreas.select needs ExcelApi 1.18; before it, the first rectangle of the inputs is selected.
      if (this.supports("1.18")) inputs.select();
      else inputs.areas.getItemAt(0).select();
      try {
        await context.sync();
      } catch (error) {
        if ((error as { code?: string }).code === "ItemNotFound") return false;
        throw error;
      }
      return true;
    });
  }

  /**
   * Creates a workbook-scoped name, or points an existing one at the new cells in one operation
   * (deleting and adding it again could lose the tag to a request that fails in between).
   */
  async defineName(name: string, ref: RangeRef): Promise<void> {
    const parsed = parseReference(ref.address);
    if (!parsed) throw new Error(`"${ref.address}" is not a range address.`);
    await this.run(async (context) => {
      const existing = context.workbook.names.getItemOrNullObject(name);
      await context.sync();
      if (existing.isNullObject)
        context.workbook.names.add(
          name,
          context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address),
        );
      else existing.formula = `=${sheetBox(ref.sheet, parsed.box, true)}`;
      await context.sync();
    });
  }

  /**
   * `cover`: the rows and columns the values are written over, blank beyond the plan's cells;
   * `fromEndWhenGrowing`: when the block has more rows than `cover`, its parts written from the
   * last rows up.
   */
  private async writeSheet(
    ws: Excel.Worksheet,
    sheet: SheetPlan,
    plan: WritePlan,
    budget: PayloadBudget,
    cover: { rows: number; cols: number; fromEndWhenGrowing?: boolean } = { rows: 0, cols: 0 },
  ): Promise<void> {
    const block = valueBlock(sheet.cells, cover);
    // Number formats only where a cell has one (a few in a hundred): a grid of them for every
    // cell of the sheet was most of the write's payload.
    for (const [format, areas] of areasByKey(sheet.cells, (c) => c.numberFormat)) {
      for (const area of areas) {
        const { box } = parseReference(area) as { box: RangeBox };
        const grid = Array.from({ length: box.bottom - box.top + 1 }, () =>
          Array<string>(box.right - box.left + 1).fill(format),
        );
        await budget.add(area.length + sizeOf(grid));
        ws.getRange(area).numberFormat = grid;
      }
    }
    if (block.rows > 0) {
      const rowBytes = Math.max(1, sizeOf(block.values) / block.rows);
      const rowsPerChunk = Math.max(1, Math.floor(this.payloadLimit / 2 / rowBytes));
      const starts: number[] = [];
      for (let start = 0; start < block.rows; start += rowsPerChunk) starts.push(start);
      // Written in parts (a History over half a request), a sheet that grows is written from its
      // end: each old row is then still in the sheet, at its old row or its new one, whichever part
      // a failure stops at (one that shrinks, from the top, for the same reason). The block already
      // spans the larger of the old rows and the plan's, so no second pass over the cells.
      if (cover.fromEndWhenGrowing && block.rows > cover.rows) starts.reverse();
      for (const start of starts) {
        const values = block.values.slice(start, start + rowsPerChunk);
        await budget.add(sizeOf(values));
        const range = ws.getRangeByIndexes(start, 0, values.length, block.cols);
        // Range.formulas takes constants as typed too, and formulas in Excel's invariant (en-US)
        // syntax whatever the user's language: one write for the block either way.
        if (block.hasFormulas) range.formulas = values;
        else range.values = values;
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
      ws.getRange(`${column}:${column}`).format.columnWidth = columnWidthPoints(width);
    });
    if (sheet.frozenRows > 0) ws.freezePanes.freezeRows(sheet.frozenRows);
    await this.writeHyperlinks(ws, sheet, budget);
    if (sheet.rowOutline?.length) {
      // Rows a user collapsed stay hidden when their group goes: the rewritten rows are shown.
      ws.getRange().rowHidden = false;
      // Range.group needs ExcelApi 1.10; without it the rows are still indented, only not grouped.
      if (this.supports("1.10"))
        for (const rows of outlineGroups(sheet.rowOutline)) {
          await budget.add(40);
          ws.getRange(rows).group("ByRows");
        }
    }
    if (sheet.print) this.setUpPrinting(ws, sheet.print);
    if (sheet.rowBreaks) {
      // Worksheet.horizontalPageBreaks (ExcelApi 1.9) "only contains manual page breaks": the
      // last refresh's go, then each break is added "before the top-left cell of the range".
      ws.horizontalPageBreaks.removePageBreaks();
      for (const row of sheet.rowBreaks) {
        await budget.add(40);
        ws.horizontalPageBreaks.add(`A${row + 1}`);
      }
    }
  }

  /**
   * The sheet's links in one Range.setCellProperties per column (ExcelApi 1.9), not one request
   * per cell: a cell without a link gets no property and stays as written. Each link shows its
   * cell's text.
   */
  private async writeHyperlinks(ws: Excel.Worksheet, sheet: SheetPlan, budget: PayloadBudget): Promise<void> {
    const links = sheet.hyperlinks ?? [];
    if (links.length === 0) return;
    const texts = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c.value]));
    const byColumn = new Map<number, Map<number, Excel.RangeHyperlink>>();
    for (const link of links) {
      const hyperlink: Excel.RangeHyperlink = { documentReference: link.location };
      const text = texts.get(`${link.row},${link.col}`);
      if (typeof text === "string") hyperlink.textToDisplay = text;
      const column = byColumn.get(link.col) ?? new Map<number, Excel.RangeHyperlink>();
      column.set(link.row, hyperlink);
      byColumn.set(link.col, column);
    }
    for (const [col, rows] of byColumn) {
      const first = Math.min(...rows.keys());
      const last = Math.max(...rows.keys());
      const properties = Array.from({ length: last - first + 1 }, (_, i) => {
        const hyperlink = rows.get(first + i);
        return [hyperlink ? { hyperlink } : {}];
      });
      const rowBytes = Math.max(1, sizeOf(properties) / properties.length);
      const rowsPerChunk = Math.max(1, Math.floor(this.payloadLimit / 2 / rowBytes));
      for (let start = 0; start < properties.length; start += rowsPerChunk) {
        const chunk = properties.slice(start, start + rowsPerChunk);
        await budget.add(sizeOf(chunk));
        ws.getRangeByIndexes(first - 1 + start, col - 1, chunk.length, 1).setCellProperties(chunk);
      }
    }
  }

  /**
   * Landscape, so many pages wide, the print area, the rows repeated on every page, and the
   * header and footer (PageLayout, ExcelApi 1.9: the manifest's minimum).
   */
  private setUpPrinting(ws: Excel.Worksheet, print: PrintSetup): void {
    const layout = ws.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    // As many pages tall as needed: 0, as the file format's fitToHeight="0" and Excel's "Automatic".
    layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
    layout.setPrintArea(boxA1(print.area));
    layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
    const page = layout.headersFooters.defaultForAllPages;
    page.leftHeader = print.header.left ?? "";
    page.centerHeader = print.header.center ?? "";
    page.rightHeader = print.header.right ?? "";
    page.leftFooter = print.footer.left ?? "";
    page.centerFooter = print.footer.center ?? "";
    page.rightFooter = print.footer.right ?? "";
  }

  /**
   * Takes away the row outline of each existing sheet the plan outlines again, one level at a
   * time, in a request of its own. Range.ungroup "removes the outermost level from the outline";
   * the reference does not say what it does where no level is left, so a failure there is taken to
   * mean the outline is gone (the levels before it were removed: a batch keeps what came before a
   * failure), and the refresh goes on.
   */
  private async removeOutlines(
    context: Excel.RequestContext,
    plans: readonly SheetPlan[],
    existing: readonly (Excel.Worksheet | null)[],
    usedRows: readonly (Excel.Range | null)[],
  ): Promise<void> {
    if (!this.supports("1.10")) return;
    let queued = false;
    plans.forEach((sheetPlan, i) => {
      const before = existing[i];
      const used = usedRows[i];
      if (!sheetPlan.rowOutline?.length || !before || before.isNullObject || !used || used.isNullObject)
        return;
      const rows = `1:${used.rowIndex + used.rowCount}`;
      for (let level = 0; level < MAX_OUTLINE_LEVELS; level++) before.getRange(rows).ungroup("ByRows");
      queued = true;
    });
    if (!queued) return;
    try {
      await context.sync();
    } catch {
      // No level left to remove.
    }
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
