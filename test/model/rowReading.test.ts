import type { DetectedTable } from "../../src/model/detect";
import { EntityColumn } from "../../src/model/drafts";
import type { ColumnRole } from "../../src/model/headers";
import { RowContext, TableReader, type RowReading } from "../../src/model/rows";
import type { CellValue } from "../../src/model/snapshot";
import { sheet } from "../helpers/book";

/**
 * The row-by-row reading of a long table, rule by rule: each block states one decision of
 * RowContext (heading, total, fill-down, left out) on a literal sheet whose first row is the header.
 */

type Columns = Partial<Record<ColumnRole, number>>;

function tableOf(rows: readonly (readonly CellValue[])[], columns: Columns): DetectedTable {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    kind: "scorecard",
    shape: "long",
    periodColumns: [],
    name: "Data",
    sheet: "Data",
    source: "range",
    headerRow: 1,
    firstDataRow: 2,
    lastDataRow: rows.length,
    left: 1,
    right: width,
    columns,
    headers: [],
    issues: [],
  };
}

/** Every data row's reading, read top to bottom as the model reads a block. */
function readRows(
  rows: readonly (readonly CellValue[])[],
  columns: Columns,
  options: { sheetAsPerspective?: boolean; fillKpiDown?: boolean; defaults?: boolean } = {},
): RowReading[] {
  const snapshot = sheet("Data", rows);
  const table = tableOf(rows, columns);
  const reader = options.defaults
    ? new TableReader(snapshot, table)
    : new TableReader(snapshot, table, options.sheetAsPerspective ?? false);
  const context = options.defaults
    ? new RowContext(reader)
    : new RowContext(reader, options.fillKpiDown ?? false);
  const readings: RowReading[] = [];
  for (let row = 2; row <= rows.length; row++) readings.push(context.read(row));
  return readings;
}

/** A reading as one line: "kpi P / O / N", "heading", "total <message>", "left-out <cell> <message>". */
function describeReading(reading: RowReading): string {
  switch (reading.kind) {
    case "kpi":
      return `kpi ${reading.perspective} / ${reading.objective} / ${reading.name}`;
    case "total":
    case "left-out":
      return `${reading.kind} ${reading.issue.cell} ${reading.issue.message}`;
    default:
      return reading.kind;
  }
}

const described = (...args: Parameters<typeof readRows>): string[] => readRows(...args).map(describeReading);
const kpisOf = (...args: Parameters<typeof readRows>): string[] =>
  described(...args).filter((line) => line.startsWith("kpi "));

const KPI_ACTUAL_TARGET: Columns = { kpi: 1, actual: 2, target: 3 };

describe("reading rows: the cells a row holds", () => {
  it("sees a value in the block's rightmost column, so such a row is not taken for a blank one", () => {
    expect(
      described(
        [
          ["KPI", "Actual", "Target"],
          [null, null, 5],
        ],
        KPI_ACTUAL_TARGET,
      ),
    ).toEqual([`left-out Data!A2 This row has no KPI name; it is left out of the scorecard.`]);
  });

  it("reads a table without being told about sheet names as a table whose perspective comes from headings", () => {
    expect(
      kpisOf([["KPI", "Actual", "Target"], ["Growth drivers"], ["Revenue", 1, 1]], KPI_ACTUAL_TARGET, {
        defaults: true,
      }),
    ).toEqual(["kpi Growth drivers / Revenue / Revenue"]);
  });
});

describe("reading rows: names missing", () => {
  it("leaves out a KPI row that comes before any perspective, naming its Perspective cell", () => {
    expect(
      described(
        [
          ["Perspective", "KPI", "Actual", "Target"],
          [null, "Revenue", 1, 1],
          ["Financial", "Margin", 1, 1],
        ],
        { perspective: 1, kpi: 2, actual: 3, target: 4 },
      ),
    ).toEqual([
      "left-out Data!A2 This row has no perspective; it is left out of the scorecard.",
      "kpi Financial / Margin / Margin",
    ]);
  });

  it("leaves out a KPI row that comes before any objective, naming its Objective cell", () => {
    expect(
      described(
        [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Financial", null, "Revenue", 1, 1],
          [null, "Grow", "Margin", 1, 1],
        ],
        { perspective: 1, objective: 2, kpi: 3, actual: 4, target: 5 },
      ),
    ).toEqual([
      "left-out Data!B2 This row has no objective; it is left out of the scorecard.",
      "kpi Financial / Grow / Margin",
    ]);
  });

  it("leaves out a first KPI row without an objective where the table has no Perspective column", () => {
    expect(
      described(
        [
          ["Objective", "KPI", "Actual", "Target"],
          [null, "Revenue", 1, 1],
        ],
        { objective: 1, kpi: 2, actual: 3, target: 4 },
      ),
    ).toEqual(["left-out Data!A2 This row has no objective; it is left out of the scorecard."]);
  });

  it("leaves out a row with numbers and no name, naming its KPI cell", () => {
    expect(
      described(
        [
          ["KPI", "Actual", "Target"],
          ["Revenue", 5, 4],
          [null, 3, 4],
        ],
        KPI_ACTUAL_TARGET,
      ),
    ).toEqual([
      "kpi Data / Revenue / Revenue",
      "left-out Data!A3 This row has no KPI name; it is left out of the scorecard.",
    ]);
  });

  it("does not take a lone text in the Actual or the Target column for a heading", () => {
    const lines = described(
      [
        ["KPI", "Actual", "Target"],
        [null, "n/a"],
        [null, null, "tbd"],
        ["Revenue", 1, 1],
      ],
      KPI_ACTUAL_TARGET,
    );
    expect(lines).toEqual([
      "left-out Data!A2 This row has no KPI name; it is left out of the scorecard.",
      "left-out Data!A3 This row has no KPI name; it is left out of the scorecard.",
      "kpi Data / Revenue / Revenue",
    ]);
  });

  it("does not take a lone TRUE for a heading", () => {
    expect(
      described(
        [
          ["KPI", "Actual", "Target", "Reviewed"],
          [null, null, null, true],
          ["Revenue", 1, 1],
        ],
        { kpi: 1, actual: 2, target: 3 },
      ),
    ).toEqual([
      "left-out Data!A2 This row has no KPI name; it is left out of the scorecard.",
      "kpi Data / Revenue / Revenue",
    ]);
  });

  it("leaves out a perspective written beside a note, rather than taking it for a heading", () => {
    expect(
      described(
        [
          ["Perspective", "KPI", "Actual", "Target", "Notes"],
          ["Financial", null, null, null, "to be checked"],
          ["Financial", "Revenue", 1, 1],
        ],
        { perspective: 1, kpi: 2, actual: 3, target: 4 },
      ),
    ).toEqual([
      "left-out Data!B2 This row has no KPI name; it is left out of the scorecard.",
      "kpi Financial / Revenue / Revenue",
    ]);
  });
});

describe("reading rows: totals", () => {
  const totals = (label: string): string[] =>
    described(
      [
        ["Perspective", "KPI", "Actual", "Target"],
        ["Financial", "Revenue", 1, 1],
        ["Financial", label, 2, 2],
      ],
      { perspective: 1, kpi: 2, actual: 3, target: 4 },
    ).slice(1);

  it.each([
    "Financial total",
    "Financial totals",
    "Financial subtotal",
    "Subtotal Financial",
    "Total for Financial",
    "Total:",
    "ＴＯＴＡＬ",
  ])("leaves out %p as a total, quoting its label", (label) => {
    expect(totals(label)).toEqual([
      `total Data!B3 "${label}" is a total row; it is left out of the scorecard.`,
    ]);
  });

  it.each(["Net total Financial", "Financial total revenue", "Total revenue"])(
    "scores %p: a name that only contains the word total is a KPI",
    (label) => {
      expect(totals(label)).toEqual([`kpi Financial / ${label} / ${label}`]);
    },
  );

  it("leaves out a nameless row that adds up the rows above, saying that it adds them up", () => {
    expect(
      described(
        [
          ["KPI", "Actual", "Target"],
          ["Revenue", 2, 1],
          ["Margin", 3, 1],
          [null, 5, null],
        ],
        KPI_ACTUAL_TARGET,
      )[2],
    ).toBe("total Data!B4 This row adds up the rows above it; it is left out of the scorecard as a total.");
  });
});

describe("reading rows: headings", () => {
  it("takes single headings for perspectives whatever their names, when none is followed by another", () => {
    expect(
      kpisOf(
        [
          ["KPI", "Actual", "Target"],
          ["Growth drivers"],
          ["Revenue", 1, 1],
          ["Cost control"],
          ["Cost", 1, 1],
        ],
        KPI_ACTUAL_TARGET,
      ),
    ).toEqual(["kpi Growth drivers / Revenue / Revenue", "kpi Cost control / Cost / Cost"]);
  });

  it("looks past blank rows for the row after a heading", () => {
    expect(
      kpisOf(
        [["KPI", "Actual", "Target"], ["Growth drivers"], [], ["More sales"], ["Revenue", 1, 1]],
        KPI_ACTUAL_TARGET,
      ),
    ).toEqual(["kpi Growth drivers / More sales / Revenue"]);
  });

  it("does not count a heading followed by a KPI across a blank row as a two-level heading", () => {
    expect(
      kpisOf(
        [
          ["KPI", "Actual", "Target"],
          ["Growth drivers"],
          [],
          ["Revenue", 1, 1],
          ["Cost control"],
          ["Cost", 1, 1],
        ],
        KPI_ACTUAL_TARGET,
      ),
    ).toEqual(["kpi Growth drivers / Revenue / Revenue", "kpi Cost control / Cost / Cost"]);
  });

  it("takes a heading followed by another heading for a perspective, even when its name is no perspective word", () => {
    expect(
      kpisOf(
        [
          ["KPI", "Actual", "Target"],
          ["Financial"],
          ["Grow"],
          ["Revenue", 1, 1],
          ["Growth drivers"],
          ["Win clients"],
          ["Clients", 1, 1],
        ],
        KPI_ACTUAL_TARGET,
      ),
    ).toEqual(["kpi Financial / Grow / Revenue", "kpi Growth drivers / Win clients / Clients"]);
  });

  it("knows perspective words written with an ampersand", () => {
    expect(
      kpisOf(
        [
          ["KPI", "Actual", "Target"],
          ["Financial"],
          ["Grow"],
          ["Revenue", 1, 1],
          ["Customer & Market"],
          ["Clients", 1, 1],
        ],
        KPI_ACTUAL_TARGET,
      ),
    ).toEqual(["kpi Financial / Grow / Revenue", "kpi Customer & Market / Clients / Clients"]);
  });

  it("takes every heading for a perspective where the table has an Objective column", () => {
    expect(
      kpisOf(
        [
          ["Objective", "KPI", "Actual", "Target"],
          [null, "Customer"],
          [null, "Growth drivers"],
          ["Delight", "NPS", 1, 1],
        ],
        { objective: 1, kpi: 2, actual: 3, target: 4 },
      ),
    ).toEqual(["kpi Growth drivers / Delight / NPS"]);
  });

  it("keeps a paired row with only its series label under the KPI above, when names are filled down", () => {
    expect(
      described(
        [
          ["KPI", "Series", "Jan-26"],
          ["Revenue", "Actual", 1],
          [null, "Budget"],
        ],
        { kpi: 1 },
        { fillKpiDown: true },
      ),
    ).toEqual(["kpi Data / Revenue / Revenue", "kpi Data / Revenue / Revenue"]);
  });
});

describe("reading rows: names filled down for paired rows", () => {
  const pairs = (rows: CellValue[][]): string[] =>
    described([["KPI", "Actual", "Target"], ...rows], KPI_ACTUAL_TARGET, { fillKpiDown: true });
  const noName = (row: number): string =>
    `left-out Data!A${row} This row has no KPI name; it is left out of the scorecard.`;

  it("has no name to fill into the first row", () => {
    expect(pairs([[null, 1, 1]])).toEqual([noName(2)]);
  });

  it("does not fill a name across a blank row", () => {
    expect(pairs([["Revenue", 1, 1], [], [null, 1, 1]])).toEqual([
      "kpi Data / Revenue / Revenue",
      "blank",
      noName(4),
    ]);
  });

  it("does not fill a name across a total row", () => {
    expect(
      pairs([
        ["Revenue", 1, 1],
        ["Total", 1, 1],
        [null, 3, 3],
      ])[2],
    ).toBe(noName(4));
  });
});

describe("entity column", () => {
  it("gives no entity to rows above the first written one", () => {
    const entities = ["", "North", "", "South"];
    const column = new EntityColumn((row) => entities[row] ?? "");
    expect([0, 1, 2, 3].map((row) => column.at(row))).toEqual(["", "North", "North", "South"]);
  });

  it("gives null for every row of a table without an Entity column", () => {
    expect(new EntityColumn(null).at(1)).toBeNull();
  });
});
