import { formatDateSerial, headerLabel, isDateFormat } from "../../src/taskpane/views/headerLabel";
import type { DetectedTable } from "../../src/model/detect";
import type { WorkbookSnapshot } from "../../src/model/snapshot";

describe("a header as the sheet shows it", () => {
  it("tells a date format from a number format", () => {
    expect(isDateFormat("mmm-yy")).toBe(true);
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat("#,##0.00")).toBe(false);
    expect(isDateFormat('0 "days"')).toBe(false);
    expect(isDateFormat(null)).toBe(false);
  });

  it("writes a date serial in its format's words", () => {
    // 46023 is 1 January 2026; 46054 is 1 February 2026.
    expect(formatDateSerial(46023, "mmm-yy")).toBe("Jan-26");
    expect(formatDateSerial(46054, "mmmm yyyy")).toBe("February 2026");
    expect(formatDateSerial(46054, "dd/mm/yyyy")).toBe("01/02/2026");
    expect(formatDateSerial(46054, '"Month "m')).toBe("Month 2");
    expect(formatDateSerial(46054, null)).toBe("2026-02-01");
  });

  it("reads the header cell and its format from the snapshot", () => {
    const snapshot = {
      sheets: [
        {
          name: "Data",
          visibility: "visible",
          origin: { row: 1, col: 1 },
          values: [["KPI", 46023, { date: 46054 }, 1234.5]],
          formats: [["General", "mmm-yy", null, "#,##0.0"]],
        },
      ],
      names: [],
    } as unknown as WorkbookSnapshot;
    const table = { sheet: "Data", headerRow: 1 } as DetectedTable;
    expect(headerLabel(snapshot, table, 1, "KPI")).toBe("KPI");
    expect(headerLabel(snapshot, table, 2, "46023")).toBe("Jan-26");
    expect(headerLabel(snapshot, table, 3, "46054")).toBe("2026-02-01");
    expect(headerLabel(snapshot, table, 4, "1234.5")).toBe("1,234.5");
  });
});
