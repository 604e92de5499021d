import { detectTables, HEADER_SEARCH_ROWS } from "../../src/model/detect";
import { emptyDefinition } from "../../src/model/definition";
import { readScorecard } from "../../src/model/read";
import { book, HEADER, score, sheet, tableSheet } from "../helpers/book";

const ROW = ["Financial", "Grow", "Revenue", 1, 1, null, null, null, null];

describe("finding scorecard tables", () => {
  it("finds an Excel table by its headers", () => {
    const [t] = detectTables(book(tableSheet("Data", "Kpis", [HEADER, ROW])), new Set());
    expect(t).toMatchObject({
      kind: "scorecard",
      name: "Kpis",
      source: "table",
      firstDataRow: 2,
      lastDataRow: 2,
    });
  });
  it("finds a plain block under a title row, with synonyms and units in the headers", () => {
    const s = sheet(
      "P&L 2026",
      [
        ["Monthly scorecard"],
        [],
        ["Metric", "Owner", "Strategic Objective", "Perspective", "Goal", "Result (USD k)"],
        ["Rev", "Ann", "Grow", "Financial", 10, 11],
        ["Cost", "Bo", "Save", "Financial", 5, 6],
        [],
        ["a note below"],
      ],
      {},
    );
    const [t] = detectTables(book(s), new Set());
    expect(t).toMatchObject({
      kind: "scorecard",
      source: "range",
      headerRow: 3,
      lastDataRow: 5,
      columns: { kpi: 1, actual: 6, target: 5 },
    });
  });
  it("looks for header rows only within the first 10 rows", () => {
    const late = sheet("Late", [HEADER, ROW], { top: HEADER_SEARCH_ROWS + 1 });
    expect(detectTables(book(late), new Set())).toEqual([]);
    const justInTime = sheet("OnTime", [HEADER, ROW], { top: HEADER_SEARCH_ROWS });
    expect(detectTables(book(justInTime), new Set())).toHaveLength(1);
  });
  it("finds the optional Perspectives and Objectives tables", () => {
    const strategy = sheet("Strategy", [
      ["Perspective", "Weight", null, null, "Perspective", "Objective", "Weight", "Drives"],
      ["Financial", 3, null, null, "Financial", "Grow", 2, ""],
    ]);
    const kinds = detectTables(book(tableSheet("Data", "Kpis", [HEADER, ROW]), strategy), new Set()).map(
      (t) => t.kind,
    );
    expect(kinds).toEqual(["scorecard", "perspectives", "objectives"]);
  });
  it("skips the sheets the product owns", () => {
    expect(
      detectTables(book(tableSheet("Scorecard", "Kpis", [HEADER, ROW])), new Set(["Scorecard"])),
    ).toEqual([]);
  });
  it("warns of a second column with the same role", () => {
    const [t] = detectTables(
      book(
        tableSheet("Data", "Kpis", [
          [...HEADER, "Value"],
          [...ROW, 5],
        ]),
      ),
      new Set(),
    );
    expect(t!.issues).toEqual([expect.objectContaining({ code: "duplicate-header", cell: "Data!J1" })]);
  });
});

describe("choosing the scorecard table", () => {
  const two = book(tableSheet("A", "First", [HEADER, ROW]), tableSheet("B", "Second", [HEADER, ROW]));
  it("is ambiguous with two tables and no choice", () => {
    const r = readScorecard(two, null, new Set());
    expect(r).toMatchObject({ ok: false, fatal: { code: "ambiguous-table" } });
    if (!r.ok) expect(r.fatal.message).toContain("First");
  });
  it("takes the table named by --table, by table or sheet name", () => {
    expect(readScorecard(two, null, new Set(), { table: "second" })).toMatchObject({
      ok: true,
      model: { table: { name: "Second" } },
    });
    expect(readScorecard(two, null, new Set(), { table: "B" })).toMatchObject({
      ok: true,
      model: { table: { name: "Second" } },
    });
  });
  it("names two blocks of one sheet apart, so that either can be chosen and stored", () => {
    // Headed KPI both times, the blocks are two tables, not a block per perspective.
    const stacked = book(
      sheet("Dashboard", [
        ["KPI", "PY", "Actual", "Plan"],
        ["Revenue", 82, 90, 100],
        [],
        [],
        ["KPI", "PY", "Actual", "Plan"],
        ["Satisfaction %", 0.66, 0.4, 0.8],
      ]),
    );
    expect(detectTables(stacked, new Set()).map((t) => t.name)).toEqual(["Dashboard", "Dashboard (2)"]);
    const ambiguous = readScorecard(stacked, null, new Set());
    expect(ambiguous).toMatchObject({ ok: false, fatal: { code: "ambiguous-table" } });
    const second = readScorecard(stacked, null, new Set(), { table: "Dashboard (2)" });
    expect(second.ok && second.model.kpis.map((k) => k.name)).toEqual(["Satisfaction %"]);
    // Stored as the refresh stores it (its name and sheet), the second block is read again.
    const stored = {
      ...emptyDefinition(),
      source: { table: "Dashboard (2)", sheet: "Dashboard", columns: {} },
    };
    const again = readScorecard(stacked, stored, new Set());
    expect(again.ok && again.model.kpis.map((k) => k.name)).toEqual(["Satisfaction %"]);
  });
  it("names the tables there are when --table names none", () => {
    const r = readScorecard(two, null, new Set(), { table: "Third" });
    expect(r).toMatchObject({ ok: false, fatal: { code: "table-not-found" } });
  });
  it("says what a scorecard table needs when there is none", () => {
    const r = readScorecard(book(sheet("Empty", [["Hello"]])), null, new Set());
    expect(r).toMatchObject({ ok: false, fatal: { code: "no-scorecard-table" } });
    if (!r.ok) expect(r.fatal.message).toContain("KPI, Actual and Target");
  });
});

describe("reading rows", () => {
  it("reports a row without a KPI name, naming the cell, and leaves it out", () => {
    const { model } = score(book(tableSheet("Data", "T", [HEADER, ["F", "O", "", 1, 1], ROW])));
    expect(model.kpis).toHaveLength(1);
    expect(model.issues).toContainEqual(expect.objectContaining({ code: "missing-name", cell: "Data!C2" }));
  });
  it("skips blank rows inside a table", () => {
    const { model } = score(book(tableSheet("Data", "T", [HEADER, [], ROW])));
    expect(model.kpis).toHaveLength(1);
    expect(model.issues).toEqual([]);
  });
  it("keys objectives by perspective: the same objective name under two perspectives is two objectives", () => {
    const { model } = score(
      book(tableSheet("Data", "T", [HEADER, ["F", "O", "A", 1, 1], ["C", "O", "B", 1, 1]])),
    );
    expect(model.objectives.map((o) => `${o.perspective}/${o.name}`)).toEqual(["F/O", "C/O"]);
  });
  it("reports a duplicate KPI row and uses the first", () => {
    const { model } = score(
      book(tableSheet("Data", "T", [HEADER, ["F", "O", "A", 1, 1], ["F", "O", "A", 2, 1]])),
    );
    expect(model.kpis).toHaveLength(1);
    expect(model.issues).toContainEqual(expect.objectContaining({ code: "duplicate-kpi", cell: "Data!C3" }));
  });
  it("takes perspective and objective weights from their tables", () => {
    const strategy = sheet("Strategy", [
      ["Perspective", "Weight", null, null, "Perspective", "Objective", "Weight", "Owner", "Drives"],
      ["F", 3, null, null, "F", "O", 2, "Ann", "X; Y"],
    ]);
    const { model } = score(book(tableSheet("Data", "T", [HEADER, ["F", "O", "A", 1, 1]]), strategy));
    expect(model.perspectives).toEqual([{ name: "F", weight: 3 }]);
    expect(model.objectives[0]).toMatchObject({ weight: 2, owner: "Ann", drives: ["X", "Y"] });
  });
  it("reports a negative weight, naming the cell, and leaves the KPI out of the roll-up", () => {
    const { model, result } = score(
      book(
        tableSheet("Data", "T", [HEADER, ["F", "O", "A", 1, 1, null, null, null, -2], ["F", "O", "B", 0, 1]]),
      ),
    );
    expect(model.kpis[0]!.weight).toBe(0);
    expect(model.issues).toContainEqual(
      expect.objectContaining({ code: "weight-invalid", cell: "Data!I2", severity: "error" }),
    );
    expect(result.score).toBe(0);
  });
});

describe("the optional tables", () => {
  it("warn of a perspective or objective no KPI uses, naming its cell", () => {
    const strategy = sheet("Strategy", [
      ["Perspective", "Weight", null, null, "Perspective", "Objective", "Weight"],
      ["Financal", 3, null, null, "Financial", "Grwo", 2],
    ]);
    const { model } = score(book(tableSheet("Data", "T", [HEADER, ROW]), strategy));
    expect(model.issues.filter((i) => i.code === "unknown-parent").map((i) => i.cell)).toEqual([
      "Strategy!A2",
      "Strategy!F2",
    ]);
  });
});
