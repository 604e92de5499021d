import { detectTables, nearMisses, tableFromRange, type DetectedTable } from "../../src/model/detect";
import type { Issue } from "../../src/engine/issues";
import { book, HEADER, sheet } from "../helpers/book";

const none = new Set<string>();
const asTable = (t: DetectedTable | Issue): DetectedTable => {
  if (!("kind" in t)) throw new Error(`unusable: ${t.message}`);
  return t;
};

describe("classifying a header row", () => {
  it("reads only the period headers of the first period's granularity as a wide table's columns", () => {
    const s = sheet("Data", [
      ["KPI", "2026-01", "2026-02", "Q1 2026"],
      ["Revenue", 1, 2, 3],
    ]);
    const [t] = detectTables(book(s), none);
    expect(t!.periodColumns.map((p) => p.col)).toEqual([2, 3]);
  });
  it("gives a long table no period columns even when period headers stand beside its columns", () => {
    const s = sheet("Data", [
      ["KPI", "Period", "Actual", "Target", "2026-01", "2026-02"],
      ["Revenue", "2026-01", 1, 2, 3, 4],
    ]);
    const [t] = detectTables(book(s), none);
    expect(t).toMatchObject({ shape: "long", periodColumns: [], columns: { period: 2 } });
  });
  it("does not read a block with a KPI column but no Actual and Target as an Objectives table", () => {
    const s = sheet("Data", [
      ["Perspective", "Objective", "KPI"],
      ["Financial", "Grow", "Revenue"],
    ]);
    expect(detectTables(book(s), none)).toEqual([]);
  });
  it("does not read a block with an Actual column but no KPI as an Objectives table", () => {
    const s = sheet("Data", [
      ["Perspective", "Objective", "Actual"],
      ["Financial", "Grow", 5],
    ]);
    expect(detectTables(book(s), none)).toEqual([]);
  });
  it("needs both a Perspective and a Weight column for a Perspectives table", () => {
    const onlyPerspective = sheet("A", [
      ["Perspective", "Remark"],
      ["Financial", "x"],
    ]);
    const onlyWeight = sheet("B", [
      ["Remark", "Weight"],
      ["x", 2],
    ]);
    expect(detectTables(book(onlyPerspective, onlyWeight), none)).toEqual([]);
  });
});

describe("header words the user maps by hand", () => {
  it("a role said to have no column is read from no header, even one of units alone", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "(note)"],
      ["Revenue", 1, "x"],
    ]);
    expect(detectTables(book(s), none, { target: "" })).toEqual([]);
  });
});

describe("reading a header row's cells", () => {
  it("lists no header for a blank header cell", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", null, "Target"],
      ["Revenue", 1, null, 2],
    ]);
    const [t] = detectTables(book(s), none);
    expect(t!.headers).toEqual([
      { col: 1, text: "KPI" },
      { col: 2, text: "Actual" },
      { col: 4, text: "Target" },
    ]);
  });
  it("reads a wide table's period headers under headers that name no role", () => {
    const s = sheet("Data", [
      ["KPI", "2026-01", "2026-02"],
      ["Revenue", 1, 2],
    ]);
    const [t] = detectTables(book(s), none);
    expect(t).toMatchObject({ shape: "wide", periodColumns: [{ col: 2 }, { col: 3 }] });
  });
  it("keeps a Period column as a column when the periods are not said to run across", () => {
    const s = sheet("Data", [
      ["KPI", "Period", "Actual", "Target"],
      ["Revenue", "2026-01", 1, 2],
    ]);
    const [t] = detectTables(book(s), none);
    expect(t!.columns.period).toBe(2);
  });
  it("told the periods run across, a Period header is not a column of its own", () => {
    const s = sheet("Data", [
      ["KPI", "Period", "2026-01"],
      ["Revenue", "x", 1],
    ]);
    const t = asTable(tableFromRange(book(s), "Data!A1:C2", {}, true));
    expect(t.columns).toEqual({ kpi: 1 });
  });
  it.each(["period", "actual"] as const)(
    "told the periods run across, a period header mapped to the %s role is a period column",
    (role) => {
      const s = sheet("Data", [
        ["KPI", "2026-01"],
        ["Revenue", 1],
      ]);
      const t = asTable(tableFromRange(book(s), "Data!A1:B2", { [role]: "2026-01" }, true));
      expect(t).toMatchObject({ shape: "wide", columns: { kpi: 1 }, periodColumns: [{ col: 2 }] });
      expect(t.columns[role]).toBeUndefined();
    },
  );
  it("names the second header of a role in its warning", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "Target", "Value"],
      ["Revenue", 1, 2, 3],
    ]);
    const [t] = detectTables(book(s), none);
    expect(t!.issues[0]!.message).toContain("Value");
    expect(t!.issues[0]!.message).toContain("actual");
  });
});

describe("Excel tables", () => {
  it("does not read an Excel table without a header row", () => {
    const s = sheet("Data", [HEADER, ["Financial", "Grow", "Revenue", 1, 1]], {
      tables: [
        {
          name: "T",
          box: { top: 1, left: 1, bottom: 2, right: 9 },
          hasHeaderRow: false,
          hasTotalsRow: false,
        },
      ],
    });
    expect(detectTables(book(s), none)).toEqual([]);
  });
  it("ends a table's data above its totals row", () => {
    const s = sheet("Data", [HEADER, ["Financial", "Grow", "Revenue", 1, 1], ["Total", null, null, 1, 1]], {
      tables: [
        { name: "T", box: { top: 1, left: 1, bottom: 3, right: 9 }, hasHeaderRow: true, hasTotalsRow: true },
      ],
    });
    expect(detectTables(book(s), none)[0]!.lastDataRow).toBe(2);
  });
  const table = (top: number, bottom: number, left: number, right: number) => ({
    name: "T",
    box: { top, bottom, left, right },
    hasHeaderRow: true,
    hasTotalsRow: false,
  });
  it("does not find an Excel table holding only its header row again as a plain block", () => {
    const s = sheet("Data", [["KPI", "Actual", "Target"]], { tables: [table(1, 1, 1, 3)] });
    expect(detectTables(book(s), none).map((t) => t.source)).toEqual(["table"]);
  });
  it("finds a plain block above an Excel table in the same columns", () => {
    const s = sheet(
      "Data",
      [["KPI", "Actual", "Target"], ["Revenue", 1, 2], [], [], ["KPI", "Actual", "Target"], ["Cost", 1, 2]],
      { tables: [table(5, 6, 1, 3)] },
    );
    expect(detectTables(book(s), none).map((t) => [t.source, t.headerRow])).toEqual([
      ["table", 5],
      ["range", 1],
    ]);
  });
  it("finds plain blocks left and right of an Excel table in the same rows", () => {
    const s = sheet(
      "Data",
      [
        [
          "KPI",
          "Actual",
          "Target",
          null,
          null,
          "KPI",
          "Actual",
          "Target",
          null,
          null,
          "KPI",
          "Actual",
          "Target",
        ],
        ["A", 1, 2, null, null, "B", 1, 2, null, null, "C", 1, 2],
      ],
      { tables: [table(1, 2, 6, 8)] },
    );
    expect(detectTables(book(s), none).map((t) => [t.source, t.left])).toEqual([
      ["table", 6],
      ["range", 1],
      ["range", 11],
    ]);
  });
  it("does not join an Excel table's first header to header cells one blank to its left", () => {
    const s = sheet(
      "Data",
      [
        ["KPI", "Actual", null, "Target", "Perspective", "Objective"],
        [null, null, null, 1, "Financial", "Grow"],
      ],
      { tables: [table(1, 2, 4, 6)] },
    );
    expect(detectTables(book(s), none).map((t) => [t.kind, t.source])).toEqual([["objectives", "table"]]);
  });
  it("does not join an Excel table's last header to header cells one blank to its right", () => {
    const s = sheet(
      "Data",
      [
        ["Perspective", "Objective", "Target", null, "KPI", "Actual"],
        ["Financial", "Grow", 1, null, null, null],
      ],
      { tables: [table(1, 2, 1, 3)] },
    );
    expect(detectTables(book(s), none).map((t) => [t.kind, t.source])).toEqual([["objectives", "table"]]);
  });
});

describe("plain blocks", () => {
  it("starts a block at its first header cell, not at the sheet's first column", () => {
    const s = sheet("Data", [
      [null, null, null, "KPI", "Actual", "Target"],
      [null, null, null, "Revenue", 1, 2],
    ]);
    expect(detectTables(book(s), none)[0]).toMatchObject({ left: 4, right: 6 });
  });
  it("starts a block at its first header cell on a sheet whose used range begins right of column A", () => {
    const s = {
      ...sheet("Data", [
        ["KPI", "Actual", "Target"],
        ["Revenue", 1, 2],
      ]),
      origin: { row: 1, col: 4 },
    };
    expect(detectTables(book(s), none)[0]).toMatchObject({ left: 4, right: 6, columns: { kpi: 4 } });
  });
  it("a single blank cell in the header row does not split a block", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", null, "Target"],
      ["Revenue", 1, null, 2],
    ]);
    expect(detectTables(book(s), none).map((t) => [t.left, t.right])).toEqual([[1, 4]]);
  });
  it("two blank cells between header cells split them into two blocks", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "Target", null, null, "Perspective", "Weight"],
      ["Revenue", 1, 2, null, null, "Financial", 3],
    ]);
    expect(detectTables(book(s), none).map((t) => [t.kind, t.left, t.right])).toEqual([
      ["scorecard", 1, 3],
      ["perspectives", 6, 7],
    ]);
  });
  it("a row filled only in the block's last column is not blank", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "Target"],
      ["Revenue", 1, 2],
      [null, null, 5],
    ]);
    expect(detectTables(book(s), none)[0]!.lastDataRow).toBe(3);
  });
  it("ends a block at a header row after a gap whose last named column is the block's last", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "Target"],
      ["Revenue", 1, 2],
      [],
      ["note", "Perspective", "Objective"],
    ]);
    expect(detectTables(book(s), none)[0]!.lastDataRow).toBe(2);
  });
  it("after a gap, a row with one number, in the last column, is data", () => {
    const s = sheet("Data", [["KPI", "Actual", "Target"], ["Revenue", 1, 2], [], [null, null, 7]]);
    expect(detectTables(book(s), none)[0]!.lastDataRow).toBe(4);
  });
  it("after a gap, a row with two text cells is data, one text cell is a note", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "Target"],
      ["Revenue", 1, 2],
      [],
      ["Cost", "n/a"],
      [],
      ["a note"],
    ]);
    expect(detectTables(book(s), none)[0]!.lastDataRow).toBe(4);
  });
  it("the row right under the header is data even when its words name columns", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "Target"],
      ["Weight", "Target", 2],
    ]);
    expect(detectTables(book(s), none)[0]!.lastDataRow).toBe(2);
  });
  it("a row naming columns right under a data row after a gap belongs to the block", () => {
    const s = sheet("Data", [
      ["KPI", "Actual", "Target"],
      ["Revenue", 1, 2],
      [],
      ["Cost", 1, 2],
      ["Weight", "Target", 2],
    ]);
    expect(detectTables(book(s), none)[0]!.lastDataRow).toBe(5);
  });
});

describe("near misses", () => {
  it("skips the sheets the product owns", () => {
    const s = sheet("Scorecard", [["KPI", "Actual"]]);
    expect(nearMisses(book(s), new Set(["Scorecard"]))).toEqual([]);
  });
  it("looks for header rows only within the first rows", () => {
    const rows: (string | null)[][] = Array.from({ length: 34 }, () => []);
    rows.push(["KPI", "Actual"]);
    expect(nearMisses(book(sheet("Data", rows)), none)).toEqual([]);
  });
  it("a header row naming none of a scorecard's required columns is no near miss", () => {
    const s = sheet("Data", [["Perspective", "Objective", "Weight"]]);
    expect(nearMisses(book(s), none)).toEqual([]);
  });
  it("ranks by required columns found first, then by all columns found", () => {
    const s = sheet("Data", [
      ["Perspective", "Objective", "Weight", "Owner", "KPI"],
      [],
      ["KPI"],
      [],
      ["KPI", "Actual"],
      [],
      ["KPI", "Perspective"],
    ]);
    expect(nearMisses(book(s), none).map((m) => m.table.headerRow)).toEqual([5, 1, 7]);
  });
});
