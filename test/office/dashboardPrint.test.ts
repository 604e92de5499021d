/** The Dashboard's print setup and manual page breaks through Office.js (ExcelApi 1.9). */
import { refresh, monthlyBook } from "./books";

describe("the Dashboard's printed pages through Office.js", () => {
  it("prints landscape, one page wide, and breaks pages above chart blocks, the last refresh's breaks replaced", async () => {
    const fake = monthlyBook(6, 4);
    await refresh(fake);
    const sheet = fake.sheet("Dashboard");
    expect(sheet.pageLayout.orientation).toBe("Landscape");
    expect(sheet.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(sheet.pageLayout.headersFooters.rightFooter).toBe("Page &P of &N");
    const breaks = [...sheet.horizontalPageBreaks];
    expect(breaks.length).toBeGreaterThan(0);
    // Each break lies above the top of a chart block: a row whose column A names a KPI or a heading.
    for (const row of breaks) expect(fake.value("Dashboard", `A${row}`)).toBeTruthy();
    await refresh(fake);
    expect(fake.sheet("Dashboard").horizontalPageBreaks).toEqual(breaks);
    expect(fake.operationLog.filter((op) => op === "PageBreakCollection.removePageBreaks")).toHaveLength(2);
  });
});
