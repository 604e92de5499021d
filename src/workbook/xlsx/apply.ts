import type ExcelJS from "exceljs";
import type { CellStyle, ConditionalFormatPlan, SheetPlan, WritePlan } from "../../plan/plan";
import { isProductRule } from "../../plan/plan";
import { quoteSheetName } from "../../model/address";

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

function styleCell(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.size || style.color) {
    cell.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.size ? { size: style.size } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.indent || style.align || style.wrap) {
    cell.alignment = {
      ...(style.indent ? { indent: style.indent } : {}),
      ...(style.align ? { horizontal: style.align } : {}),
      ...(style.wrap ? { wrapText: true, vertical: "top" } : {}),
    };
  }
  if (style.borderBottom) cell.border = { bottom: { style: "thin" } };
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, styles: WritePlan["styles"]): void {
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row, c.col);
    // A string is stored as a string: ExcelJS never reads "=…" in a plain string as a formula.
    cell.value = c.value;
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    const style = c.style ? styles[c.style] : undefined;
    if (style) styleCell(cell, style);
  }
}

/** ExcelJS orders sheets by this field, which its types leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

function uniqueTemporaryName(wb: ExcelJS.Workbook, role: string): string {
  for (let i = 1; ; i++) {
    const name = `~bsc ${role} ${i}`;
    if (!wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase())) return name;
  }
}

/** Removes every definition of a workbook-scoped name (ExcelJS keeps names as a model to rewrite). */
export function removeDefinedName(wb: ExcelJS.Workbook, marker: string): void {
  const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  names.model = names.model.filter((n) => n.name.toLowerCase() !== marker.toLowerCase());
}

interface ConditionalFormattingModel {
  ref: string;
  rules: { type: string; formulae?: string[] }[];
}

function replaceProductRules(ws: ExcelJS.Worksheet, plans: readonly ConditionalFormatPlan[]): void {
  const holder = ws as unknown as { conditionalFormattings: ConditionalFormattingModel[] };
  holder.conditionalFormattings = holder.conditionalFormattings
    .map((cf) => ({ ...cf, rules: cf.rules.filter((r) => !(r.formulae ?? []).some(isProductRule)) }))
    .filter((cf) => cf.rules.length > 0);
  for (const plan of plans) {
    ws.addConditionalFormatting({
      ref: plan.ranges.join(" "),
      rules: plan.rules.map((rule, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [rule.formula],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.color) } },
        },
      })),
    });
  }
}

/**
 * Applies a write plan to an in-memory ExcelJS workbook: each product sheet is built beside the
 * one it replaces, then swapped in at the same position; user sheets get only conditional formats.
 */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const built = plan.sheets.map((sheet) => {
    const ws = wb.addWorksheet(uniqueTemporaryName(wb, sheet.role), {
      state: sheet.visibility,
      views: sheet.frozenRows > 0 ? [{ state: "frozen", ySplit: sheet.frozenRows }] : [],
      // Printed, the summary fits the page's width: a scorecard is read across.
      pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    writeSheet(ws, sheet, plan.styles);
    return { sheet, ws };
  });

  for (const { sheet, ws } of built) {
    const old = sheet.replaces === null ? undefined : wb.getWorksheet(sheet.replaces);
    if (old) {
      (ws as Ordered).orderNo = (old as Ordered).orderNo;
      wb.removeWorksheet(old.id);
    }
    ws.name = sheet.name;
    removeDefinedName(wb, sheet.markerName);
    wb.definedNames.add(`${quoteSheetName(sheet.name)}!$A$1`, sheet.markerName);
  }

  for (const sheetName of new Set([
    ...plan.clearConditionalFormatsOn,
    ...plan.conditionalFormats.map((c) => c.sheet),
  ])) {
    const ws = wb.getWorksheet(sheetName);
    if (ws)
      replaceProductRules(
        ws,
        plan.conditionalFormats.filter((c) => c.sheet === sheetName),
      );
  }

  const summary = built.find((b) => b.sheet.role === "summary");
  if (summary) {
    const visible = wb.worksheets;
    const index = visible.indexOf(summary.ws);
    const views = (wb.views ?? []) as ExcelJS.WorkbookView[];
    wb.views = views.length
      ? views.map((v) => ({ ...v, activeTab: index, firstSheet: 0 }))
      : [{ activeTab: index } as ExcelJS.WorkbookView];
    for (const ws of visible) {
      for (const view of (ws.views ?? []) as { tabSelected?: boolean }[])
        view.tabSelected = ws === summary.ws;
    }
  }
}
