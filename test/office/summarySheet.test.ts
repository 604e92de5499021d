/**
 * The Scorecard sheet's layout through Office.js: outline groups (Range.group, ExcelApi 1.10,
 * checked at run time), links to the KPIs' cells, and the print setup (PageLayout, ExcelApi 1.9).
 */
import { SUMMARY_HEADER_ROW } from "../../src/plan/summary";
import { outlineGroups } from "../../src/workbook/office/officeWorkbook";
import { refresh, scorecardBook } from "./books";
import type { FakeExcel } from "./fakeExcel";

/** The summary's rows below its header: [name, outline level]. */
function outline(fake: FakeExcel): [unknown, number][] {
  const sheet = fake.sheet("Scorecard");
  const rows: [unknown, number][] = [];
  for (let row = SUMMARY_HEADER_ROW + 1; sheet.cells.has(`${row - 1},0`); row++)
    rows.push([sheet.cells.get(`${row - 1},0`)!.value, sheet.rowOutline.get(row) ?? 0]);
  return rows;
}

/** Every perspective at level 0, its objectives at 1, their KPIs at 2, for the book's KPIs. */
function expectedOutline(fake: FakeExcel): [unknown, number][] {
  return outline(fake).map(([name]) => [
    name,
    /^KPI /.test(String(name)) ? 2 : /^Objective /.test(String(name)) ? 1 : 0,
  ]);
}

describe("the row groups Excel shows", () => {
  it("are each run of rows at a level or deeper, outermost first", () => {
    const groups = outlineGroups([
      { row: 11, level: 1 },
      { row: 12, level: 2 },
      { row: 13, level: 2 },
      { row: 15, level: 1 },
      { row: 16, level: 2 },
    ]);
    expect(groups).toEqual(["11:13", "15:16", "12:13", "16:16"]);
  });
});

describe("the summary's outline through Office.js", () => {
  it("groups objectives and KPIs under their perspective where the host has ExcelApi 1.10", async () => {
    const fake = scorecardBook(12);
    fake.excelApi = "1.10";
    await refresh(fake);
    expect(outline(fake)).toEqual(expectedOutline(fake));
    expect(outline(fake).filter(([, level]) => level === 2)).toHaveLength(12);
  });

  it("stays two levels deep refresh after refresh, the earlier groups taken away first", async () => {
    const fake = scorecardBook(12);
    fake.excelApi = "1.10";
    await refresh(fake);
    const first = outline(fake);
    await refresh(fake);
    await refresh(fake);
    expect(outline(fake)).toEqual(first);
    expect(Math.max(...fake.sheet("Scorecard").rowOutline.values())).toBe(2);
  });

  it("shows again the rows a user had collapsed", async () => {
    const fake = scorecardBook(12);
    fake.excelApi = "1.10";
    await refresh(fake);
    fake.sheet("Scorecard").hiddenRows.add(SUMMARY_HEADER_ROW + 2);
    await refresh(fake);
    expect([...fake.sheet("Scorecard").hiddenRows]).toEqual([]);
  });

  it("is left out, with no call to Range.group, where the host has only ExcelApi 1.9", async () => {
    const fake = scorecardBook(12);
    await refresh(fake);
    await refresh(fake);
    expect(fake.sheet("Scorecard").rowOutline.size).toBe(0);
    expect(fake.apiCalls.has("Range.group")).toBe(false);
    expect(fake.apiCalls.has("Range.ungroup")).toBe(false);
    // The hierarchy still shows by indentation.
    const styled = fake.sheet("Scorecard").styled;
    expect([...styled.values()].some((s) => s.indent === 2)).toBe(true);
  });

  it("costs one round trip more on a refresh that replaces an outline, whatever the number of KPIs", async () => {
    const extra: number[] = [];
    for (const kpis of [10, 1000]) {
      const syncs: Record<string, number> = {};
      for (const excelApi of ["1.9", "1.10"]) {
        const fake = scorecardBook(kpis);
        fake.excelApi = excelApi;
        await refresh(fake);
        const before = fake.syncs;
        await refresh(fake);
        syncs[excelApi] = fake.syncs - before;
      }
      extra.push(syncs["1.10"]! - syncs["1.9"]!);
    }
    expect(extra).toEqual([1, 1]);
  }, 30000);

  it("is rebuilt whole when the request that takes the old groups away fails", async () => {
    // Where a second refresh queues its first ungroup, found on a twin workbook.
    const twin = scorecardBook(12);
    twin.excelApi = "1.10";
    await refresh(twin);
    const start = twin.operationsQueued;
    await refresh(twin);
    const firstUngroup = twin.operationLog.slice(start).findIndex((op) => op.startsWith("Range.ungroup"));
    expect(firstUngroup).toBeGreaterThanOrEqual(0);

    const fake = scorecardBook(12);
    fake.excelApi = "1.10";
    await refresh(fake);
    fake.failAtOperation = fake.operationsQueued + firstUngroup;
    await refresh(fake);
    expect(fake.operationLog[fake.operationsQueued - (twin.operationsQueued - start) + firstUngroup]).toMatch(
      /^Range\.ungroup/,
    );
    // The old groups stayed (the failure came first), so the new ones stack on them this once…
    expect(Math.max(...fake.sheet("Scorecard").rowOutline.values())).toBe(4);
    // …and the next refresh takes every level away before grouping again.
    fake.failAtOperation = null;
    await refresh(fake);
    expect(outline(fake)).toEqual(expectedOutline(fake));
  });
});

describe("a second refresh failing at any operation where the host has ExcelApi 1.10", () => {
  it("leaves an outline the next refresh makes right, two levels deep", async () => {
    const twin = scorecardBook(4);
    twin.excelApi = "1.10";
    await refresh(twin);
    const start = twin.operationsQueued;
    await refresh(twin);
    // The outline's, links' and print setup's operations: failures.test.ts sweeps every operation
    // of a refresh at ExcelApi 1.9; these are the ones a host with 1.10 adds or orders differently.
    const ours = twin.operationLog
      .slice(start)
      .map((op, n) => ({ op, n }))
      .filter(({ op }) =>
        /^(Range\.(un)?group|Range\.rowHidden|Range\.setCellProperties|PageLayout|HeaderFooter)/.test(op),
      );
    expect(ours.filter(({ op }) => op.startsWith("Range.ungroup")).length).toBeGreaterThan(0);
    expect(ours.filter(({ op }) => op.startsWith("Range.group")).length).toBeGreaterThan(0);
    for (const { n } of ours) {
      const fake = scorecardBook(4);
      fake.excelApi = "1.10";
      await refresh(fake);
      fake.failAtOperation = fake.operationsQueued + n;
      await refresh(fake).catch(() => undefined);
      fake.failAtOperation = null;
      await refresh(fake);
      expect({ n, outline: outline(fake) }).toEqual({ n, outline: expectedOutline(fake) });
      expect({ n, links: fake.sheet("Scorecard").hyperlinks.size }).toEqual({ n, links: 4 });
    }
  }, 60000);
});

describe("the summary's links and print setup through Office.js", () => {
  it("links each KPI's source cell to the cell it names, showing its address", async () => {
    const fake = scorecardBook(6);
    await refresh(fake);
    const links = [...fake.sheet("Scorecard").hyperlinks.entries()];
    expect(links).toHaveLength(6);
    // All in one request, not one per cell.
    expect(fake.operationLog.filter((op) => op.startsWith("Range.setCellProperties"))).toHaveLength(1);
    for (const [address, link] of links) {
      expect(link.documentReference).toMatch(/^Data!D\d+$/);
      expect(fake.value("Scorecard", address)).toBe(link.documentReference);
    }
  });

  it("prints landscape, one page wide, the header row on every page, with the period and page numbers", async () => {
    const fake = scorecardBook(6);
    await refresh(fake);
    const layout = fake.sheet("Scorecard").pageLayout;
    expect(layout.orientation).toBe("Landscape");
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(layout.printTitleRows).toBe(`$${SUMMARY_HEADER_ROW}:$${SUMMARY_HEADER_ROW}`);
    // The technical columns (weight, source cell) are right of the print area.
    const header = [...fake.sheet("Scorecard").cells.entries()]
      .filter(([k]) => k.startsWith(`${SUMMARY_HEADER_ROW - 1},`))
      .map(([k, c]) => [Number(k.split(",")[1]), c.value] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, v]) => v);
    const lastPrinted = String.fromCharCode(64 + header.indexOf("Weight"));
    expect(layout.printArea).toMatch(new RegExp(`^A1:${lastPrinted}\\d+$`));
    expect(layout.headersFooters).toEqual({
      leftHeader: "Balanced Scorecard",
      centerHeader: "",
      rightHeader: "",
      leftFooter: expect.stringMatching(/^Refreshed /),
      centerFooter: "",
      rightFooter: "Page &P of &N",
    });
  });
});
