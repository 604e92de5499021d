import { runScorecard } from "../../src/app/scorecard";
import { apiSetOf } from "./apiSets";
import { monthlyBook, scorecardBook } from "./books";

/** The requirement sets above the manifest's ExcelApi 1.9 that the product checks before calling. */
const GUARDED: Readonly<Record<string, string>> = {
  "Range.getDirectPrecedents": "1.12",
  "WorkbookRangeAreas.areas": "1.12",
  "RangeAreasCollection.getItemAt": "1.12",
  "RangeAreas.areas": "1.9",
  "RangeCollection.getItemAt": "1.9",
  "RangeAreas.select": "1.18",
  "Range.group": "1.10",
  "Range.ungroup": "1.10",
};

/** Everything the add-in does in Excel, on a workbook with every requirement set it knows of. */
async function everyCall(excelApi: string): Promise<Set<string>> {
  const fake = scorecardBook(4);
  fake.addSheet("Notes", [["=Data!D2*2"]]);
  fake.excelApi = excelApi;
  const port = fake.port();
  const now = new Date("2026-07-01T00:00:00Z");
  await runScorecard(port, { now }, true);
  await runScorecard(port, { now }, true);
  fake.selection = { sheet: "Notes", address: "A1" };
  const selection = await port.getSelection();
  await port.select(selection!);
  await port.defineName("BSC_Tag_1_Actual", selection!);
  await port.defineName("BSC_Tag_1_Actual", { sheet: "Notes", address: "A2" });
  await port.selectInputs({ sheet: "Notes", address: "A1" });
  // A table with periods: the Dashboard's trend charts too.
  const monthly = monthlyBook(2, 3);
  monthly.excelApi = excelApi;
  await runScorecard(monthly.port(), { now }, true);
  await runScorecard(monthly.port(), { now }, true);
  return new Set([...fake.apiCalls, ...monthly.apiCalls]);
}

describe("the Excel APIs the add-in calls", () => {
  it("are these, each with a requirement set the Office.js reference names", async () => {
    const calls = [...(await everyCall("1.18"))].sort();
    expect(calls.filter((c) => apiSetOf(c) === undefined)).toEqual([]);
    expect(calls).toEqual([
      "Chart.axes",
      "Chart.legend",
      "Chart.name",
      "Chart.series",
      "Chart.setData",
      "Chart.setPosition",
      "Chart.title",
      "ChartAxes.categoryAxis",
      "ChartAxes.valueAxis",
      "ChartAxis.majorUnit",
      "ChartAxis.maximum",
      "ChartAxis.minimum",
      "ChartAxis.numberFormat",
      "ChartAxis.textOrientation",
      "ChartAxis.tickLabelSpacing",
      "ChartBorder.color",
      "ChartCollection.add",
      "ChartCollection.getItem",
      "ChartFill.setSolidColor",
      "ChartLegend.position",
      "ChartLineFormat.color",
      "ChartPoint.format",
      "ChartPointFormat.border",
      "ChartPointFormat.fill",
      "ChartPointsCollection.getItemAt",
      "ChartSeries.chartType",
      "ChartSeries.format",
      "ChartSeries.points",
      "ChartSeriesCollection.getItemAt",
      "ChartSeriesFormat.fill",
      "ChartSeriesFormat.line",
      "ChartTitle.text",
      "ConditionalFormat.custom",
      "ConditionalFormat.customOrNullObject",
      "ConditionalFormat.delete",
      "ConditionalFormat.type",
      "ConditionalFormatCollection.add",
      "ConditionalFormatRule.formula",
      "ConditionalRangeFill.color",
      "ConditionalRangeFont.color",
      "ConditionalRangeFormat.fill",
      "ConditionalRangeFormat.font",
      "CustomConditionalFormat.format",
      "CustomConditionalFormat.rule",
      "HeaderFooter.centerFooter",
      "HeaderFooter.centerHeader",
      "HeaderFooter.leftFooter",
      "HeaderFooter.leftHeader",
      "HeaderFooter.rightFooter",
      "HeaderFooter.rightHeader",
      "HeaderFooterGroup.defaultForAllPages",
      "NamedItem.formula",
      "NamedItem.name",
      "NamedItem.type",
      "NamedItemCollection.add",
      "NamedItemCollection.getItemOrNullObject",
      "PageBreakCollection.add",
      "PageBreakCollection.removePageBreaks",
      "PageLayout.headersFooters",
      "PageLayout.orientation",
      "PageLayout.setPrintArea",
      "PageLayout.setPrintTitleRows",
      "PageLayout.zoom",
      "Range.address",
      "Range.clear",
      "Range.columnCount",
      "Range.columnIndex",
      "Range.conditionalFormats",
      "Range.format",
      "Range.formulas",
      "Range.getDirectPrecedents",
      "Range.group",
      "Range.numberFormat",
      "Range.rowCount",
      "Range.rowHidden",
      "Range.rowIndex",
      "Range.select",
      "Range.setCellProperties",
      "Range.ungroup",
      "Range.valueTypes",
      "Range.values",
      "RangeAreas.conditionalFormats",
      "RangeAreas.format",
      "RangeAreas.select",
      "RangeAreasCollection.getItemAt",
      "RangeBorder.style",
      "RangeBorderCollection.getItem",
      "RangeFill.color",
      "RangeFont.bold",
      "RangeFont.color",
      "RangeFont.italic",
      "RangeFont.size",
      "RangeFont.underline",
      "RangeFormat.borders",
      "RangeFormat.columnWidth",
      "RangeFormat.fill",
      "RangeFormat.font",
      "RangeFormat.horizontalAlignment",
      "RangeFormat.indentLevel",
      "RangeFormat.wrapText",
      "RequestContext.runtime",
      "Runtime.enableEvents",
      "Table.getRange",
      "Table.name",
      "Table.showHeaders",
      "Table.showTotals",
      "Workbook.getSelectedRange",
      "Workbook.names",
      "Workbook.tables",
      "Workbook.worksheets",
      "WorkbookRangeAreas.areas",
      "Worksheet.activate",
      "Worksheet.charts",
      "Worksheet.freezePanes",
      "Worksheet.getRange",
      "Worksheet.getRangeByIndexes",
      "Worksheet.getRanges",
      "Worksheet.getUsedRangeOrNullObject",
      "Worksheet.horizontalPageBreaks",
      "Worksheet.name",
      "Worksheet.pageLayout",
      "Worksheet.visibility",
      "WorksheetCollection.add",
      "WorksheetCollection.getItem",
      "WorksheetCollection.getItemOrNullObject",
      "WorksheetFreezePanes.freezeRows",
      "WorksheetFreezePanes.unfreeze",
    ]);
  });

  it("stay within the manifest's ExcelApi 1.9, but for those checked at run time", async () => {
    const calls = [...(await everyCall("1.18"))];
    const above = calls.filter((c) => {
      const set = apiSetOf(c)!;
      return set.name !== "ExcelApi" || set.version[0]! > 1 || set.version[1]! > 9;
    });
    expect(above.sort()).toEqual(
      Object.keys(GUARDED)
        .filter((c) => GUARDED[c] !== "1.9")
        .sort(),
    );
  });

  it("do not reach for a guarded API in an Excel without it", async () => {
    const calls = await everyCall("1.9");
    for (const [member, version] of Object.entries(GUARDED))
      if (version !== "1.9") expect({ member, called: calls.has(member) }).toEqual({ member, called: false });
  });
});
