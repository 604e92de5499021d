/**
 * The Dashboard's charts through Office.js, against the strict fake Excel (fakeCharts.ts): native
 * charts plotting the sheet's cells, kept from one refresh to the next (the same chart objects,
 * pointed at their cells again), in no more round trips than a refresh without them.
 */
import { runScorecard } from "../../src/app/scorecard";
import { STATUS_CHART_NAME, TARGET_LINE_COLOUR, trendChartName } from "../../src/plan/dashboard";
import { PALETTES } from "../../src/plan/palette";
import { monthlyBook } from "./books";
import type { FakeExcel } from "./fakeExcel";

const NOW = new Date("2026-07-01T00:00:00Z");

async function refresh(fake: FakeExcel) {
  const outcome = await runScorecard(fake.port(), { now: NOW }, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return outcome;
}

/** Syncs and operations of one refresh. */
async function counted(fake: FakeExcel) {
  const [syncs, log] = [fake.syncs, fake.operationLog.length];
  const outcome = await refresh(fake);
  return { syncs: fake.syncs - syncs, operations: fake.operationLog.slice(log), outcome };
}

describe("the Dashboard's charts in Excel", () => {
  it("are native charts named as the plan names them, plotting the Dashboard's own cells", async () => {
    const fake = monthlyBook(3, 4);
    const { outcome } = await counted(fake);
    const plan = outcome.plan!.sheets.find((s) => s.role === "dashboard")!;
    const charts = fake.sheet("Dashboard").charts;
    expect(charts.map((c) => c.name)).toEqual([
      STATUS_CHART_NAME,
      trendChartName(1),
      trendChartName(2),
      trendChartName(3),
    ]);
    expect(charts.map((c) => c.type)).toEqual([
      "ColumnStacked",
      "ColumnClustered",
      "ColumnClustered",
      "ColumnClustered",
    ]);
    charts.forEach((c, i) => {
      const p = plan.charts![i]!;
      const { top, left, bottom, right } = p.source;
      expect(c.source).toBe(
        `${String.fromCharCode(64 + left)}${top}:${String.fromCharCode(64 + right)}${bottom}`,
      );
      expect(c.title).toBe(p.title);
      expect(c.position).toEqual([`G${p.anchor.top}`, `N${p.anchor.bottom}`]);
      expect(c.legendPosition).toBe("Bottom");
    });
    // The table a trend chart plots: a header over a row per period.
    const trend = plan.charts![1]!;
    expect(fake.value("Dashboard", `B${trend.source.top}`)).toBe("Actual");
    expect(fake.value("Dashboard", `A${trend.source.top + 1}`)).toBe("2026-01");
  });

  it("colours each period's column by its status and draws the target as a line", async () => {
    const fake = monthlyBook(1, 3);
    const { outcome } = await counted(fake);
    const [, trend] = fake.sheet("Dashboard").charts;
    const [actual, target] = trend!.series;
    const colours = PALETTES.standard;
    const statuses = outcome.plan!.sheets.find((s) => s.role === "dashboard")!.charts![1]!.series[0]!.points!;
    expect(actual!.points.map((p) => p.fill)).toEqual(statuses.map((s) => `#${s.fill}`));
    expect(new Set(actual!.points.map((p) => p.fill)).size).toBeGreaterThan(1);
    expect(actual!.chartType).toBe("ColumnClustered");
    expect(target).toMatchObject({ chartType: "Line", line: `#${TARGET_LINE_COLOUR}` });
    expect(fake.sheet("Dashboard").charts[0]!.series.map((s) => s.fill)).toEqual(
      (["green", "amber", "red", "none"] as const).map((s) => `#${colours[s].fill}`),
    );
    const planned = outcome.plan!.sheets.find((s) => s.role === "dashboard")!.charts![1]!;
    expect(trend!.valueAxis).toEqual({
      minimum: 0,
      maximum: planned.valueAxis.maximum,
      majorUnit: planned.valueAxis.majorUnit,
      numberFormat: "General",
    });
    expect(typeof trend!.valueAxis.maximum).toBe("number");
    expect(trend!.categoryAxis).toEqual({
      textOrientation: planned.categoryAxis.labelAngle,
      tickLabelSpacing: planned.categoryAxis.labelSpacing,
    });
  });

  it("keeps the same chart objects on the next refresh, pointed at their cells again", async () => {
    const fake = monthlyBook(3, 4);
    await refresh(fake);
    const before = fake.sheet("Dashboard").charts.map((c) => c.serial);
    const { operations } = await counted(fake);
    expect(fake.sheet("Dashboard").charts.map((c) => c.serial)).toEqual(before);
    expect(operations.filter((op) => /^(ChartCollection\.add|Chart\.delete)/.test(op))).toEqual([]);
    expect(operations.filter((op) => op.startsWith("Chart.setData"))).toHaveLength(4);
  });

  it("takes out a chart of its own it no longer draws, and leaves a chart of the user's", async () => {
    const fake = monthlyBook(3, 4);
    await refresh(fake);
    const mine = fake.sheet("Dashboard").charts[0]!;
    fake.sheet("Dashboard").charts.push({ ...mine, serial: -1, name: "My chart", series: [] });
    // KPI 2 loses every actual: it has nothing to chart.
    const data = fake.sheet("Data");
    for (const [key, cell] of data.cells)
      if (key.endsWith(",4") && data.cells.get(key.replace(/,4$/, ",3"))?.value === "KPI 2") cell.value = "";
    await refresh(fake);
    expect(fake.sheet("Dashboard").charts.map((c) => c.name)).toEqual([
      STATUS_CHART_NAME,
      trendChartName(1),
      trendChartName(2),
      "My chart",
    ]);
  });

  it("takes as many round trips whatever the number of charts", async () => {
    const few = await counted(monthlyBook(1, 3));
    const many = await counted(monthlyBook(20, 3));
    expect(many.operations.filter((op) => op.startsWith("ChartCollection.add"))).toHaveLength(21);
    expect(many.syncs).toBe(few.syncs);
  });
});

describe("the fake's charts, as strict as the reference", () => {
  it("refuses a point past the series' last and an axis minimum that is neither a number nor empty", async () => {
    const fake = monthlyBook(1, 2);
    await refresh(fake);
    const run = (write: (chart: Excel.Chart) => void) =>
      fake.run(async (context) => {
        write(context.workbook.worksheets.getItem("Dashboard").charts.getItem(trendChartName(1)));
        await context.sync();
      });
    await expect(
      run((c) => c.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor("#000000")),
    ).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    await expect(run((c) => (c.axes.valueAxis.minimum = "auto"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(run((c) => c.series.getItemAt(2).delete())).rejects.toThrow();
  });

  it("refuses a maximum, a label angle or a label spacing the reference does not allow", async () => {
    const fake = monthlyBook(1, 2);
    await refresh(fake);
    const run = (write: (axes: Excel.ChartAxes) => void) =>
      fake.run(async (context) => {
        write(context.workbook.worksheets.getItem("Dashboard").charts.getItem(trendChartName(1)).axes);
        await context.sync();
      });
    for (const write of [
      (a: Excel.ChartAxes) => (a.valueAxis.maximum = "100%"),
      (a: Excel.ChartAxes) => (a.categoryAxis.textOrientation = -91),
      (a: Excel.ChartAxes) => (a.categoryAxis.textOrientation = 45.5),
      (a: Excel.ChartAxes) => (a.categoryAxis.textOrientation = ""),
      (a: Excel.ChartAxes) => (a.categoryAxis.tickLabelSpacing = 0),
      (a: Excel.ChartAxes) => (a.categoryAxis.tickLabelSpacing = 32000),
      (a: Excel.ChartAxes) => (a.categoryAxis.tickLabelSpacing = 1.5),
    ])
      await expect(run(write)).rejects.toMatchObject({ code: "InvalidArgument" });
    // What the reference allows: a number or "" for automatic, 180 for vertical text.
    await run((a) => {
      a.valueAxis.maximum = "";
      a.categoryAxis.textOrientation = 180;
      a.categoryAxis.tickLabelSpacing = "";
    });
    expect(fake.sheet("Dashboard").charts[1]!.categoryAxis).toEqual({
      textOrientation: 180,
      tickLabelSpacing: "",
    });
  });
});
