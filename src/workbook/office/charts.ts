/**
 * The product's charts through the Office.js charts API. A chart the sheet already has (found by
 * its name) is kept and pointed at its cells again (Chart.setData), so that a user's restyling
 * and anything that refers to the chart survive a refresh; a new one is added; a product chart
 * the plan no longer has is deleted. Every member used is within ExcelApi 1.9, the manifest's
 * requirement, so no host that runs the add-in lacks one.
 */
import { boxA1, cellA1 } from "../../model/address";
import type { ChartPlan } from "../../plan/chart";
import { isProductChart } from "../../plan/chart";
import type { SheetPlan } from "../../plan/plan";

const colour = (rgb: string) => `#${rgb}`;

/** Sets one chart's data, place, title, series colours and value axis, all queued. */
function shapeChart(chart: Excel.Chart, plan: ChartPlan): void {
  chart.title.text = plan.title;
  chart.setPosition(cellA1(plan.anchor.top, plan.anchor.left), cellA1(plan.anchor.bottom, plan.anchor.right));
  chart.legend.position = "Bottom";
  plan.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    // Chart.setData makes every series the chart's type; a line is made one again each time.
    series.chartType = s.kind === "line" ? "Line" : plan.stacked ? "ColumnStacked" : "ColumnClustered";
    if (s.kind === "line") {
      series.format.line.color = colour(s.colour);
      return;
    }
    series.format.fill.setSolidColor(colour(s.colour));
    if (s.outline) series.format.line.color = colour(s.outline);
    s.points?.forEach((p, at) => {
      const point = series.points.getItemAt(at);
      point.format.fill.setSolidColor(colour(p.fill));
      point.format.border.color = colour(p.outline);
    });
  });
  const axis = chart.axes.valueAxis;
  // "An empty string (for automatic axis values)": a kept chart loses a bound it no longer has.
  axis.minimum = plan.valueAxis.minimum ?? "";
  axis.maximum = plan.valueAxis.maximum ?? "";
  axis.majorUnit = plan.valueAxis.majorUnit ?? "";
  axis.numberFormat = plan.valueAxis.numberFormat ?? "General";
  // Turned and spaced as the plan says (ExcelApi 1.8 and 1.7): Excel would wrap a label that
  // does not fit its slot onto two lines.
  const categories = chart.axes.categoryAxis;
  categories.textOrientation = plan.categoryAxis.labelAngle;
  categories.tickLabelSpacing = plan.categoryAxis.labelSpacing;
}

/**
 * Queues the sheet plan's charts on its worksheet, given the names of the charts it has now
 * (loaded with the sheet's other reads). No sync: the caller syncs with its other writes.
 */
export function queueSheetCharts(ws: Excel.Worksheet, present: readonly string[], sheet: SheetPlan): void {
  const charts = sheet.charts ?? [];
  const wanted = new Set(charts.map((c) => c.name));
  for (const name of new Set(present))
    if (isProductChart(name) && !wanted.has(name)) ws.charts.getItem(name).delete();
  for (const plan of charts) {
    const source = ws.getRange(boxA1(plan.source));
    let chart: Excel.Chart;
    if (present.includes(plan.name)) {
      chart = ws.charts.getItem(plan.name);
      chart.setData(source, "Columns");
    } else {
      chart = ws.charts.add(plan.stacked ? "ColumnStacked" : "ColumnClustered", source, "Columns");
      chart.name = plan.name;
    }
    shapeChart(chart, plan);
  }
}
