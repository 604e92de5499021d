import { parseColumnsReference, parseReference, quoteSheetName } from "../../src/model/address";
import { DEFINITION_VERSION, migrateDefinition, parseDefinition } from "../../src/model/definition";
import { tableFromRange } from "../../src/model/detect";
import { normalizeHeader } from "../../src/model/headers";
import {
  DASHBOARD_MARKER_NAME,
  DASHBOARD_SHEET_STAMP,
  ownedSheetNames,
  ownedSheets,
  STRATEGY_MAP_MARKER_NAME,
  SUMMARY_MARKER_NAME,
} from "../../src/model/ownership";
import { objectiveNameKey } from "../../src/model/scorecard";
import type { CellValue, WorkbookSnapshot } from "../../src/model/snapshot";
import { numberFromText } from "../../src/model/values";
import { sheet } from "../helpers/book";

/**
 * Rules of the model that a mutation run of src/model found unstated (docs/mutation-survivors.md):
 * which sheets are the product's, names and references, the stored definition's reasons, and the
 * header row of a block chosen as whole columns.
 */

const box = { top: 1, left: 1, bottom: 1, right: 1 };

describe("the product's sheets", () => {
  const marked = (rows: CellValue[][]): WorkbookSnapshot => ({
    sheets: [sheet("Board", rows)],
    names: [{ name: SUMMARY_MARKER_NAME, sheet: "Board", box }],
  });

  it("include a marked sheet left empty by a refresh that failed after clearing it", () => {
    expect(ownedSheets(marked([[null, ""], [], [""]])).summary).toBe("Board");
  });

  it("do not include a marked sheet with a user's value anywhere in it", () => {
    expect(ownedSheets(marked([[null, "notes"]])).summary).toBeNull();
    expect(ownedSheets(marked([[null], [], [null, 5]])).summary).toBeNull();
  });

  it("are named together, the dashboard and the strategy map included", () => {
    const names = ownedSheetNames({
      summary: "Board",
      definition: null,
      dashboard: "Charts",
      strategyMap: "Map",
    });
    expect([...names].sort()).toEqual(["Board", "Charts", "Map"]);
    expect([...ownedSheetNames({ summary: null, definition: "Defs" })]).toEqual(["Defs"]);
  });

  it("include a dashboard and a strategy map found by their markers", () => {
    const owned = ownedSheets({
      sheets: [sheet("Charts", [[DASHBOARD_SHEET_STAMP]]), sheet("Map", [])],
      names: [
        { name: DASHBOARD_MARKER_NAME, sheet: "Charts", box },
        { name: STRATEGY_MAP_MARKER_NAME, sheet: "Map", box },
      ],
    });
    expect(owned).toMatchObject({ dashboard: "Charts", strategyMap: "Map", issues: [] });
  });
});

describe("names", () => {
  it("of objectives match whatever their case, width and runs of spaces", () => {
    expect(objectiveNameKey("  Grow   REVENUE ")).toBe("grow revenue");
    expect(objectiveNameKey("Ｇｒｏｗ\trevenue")).toBe("grow revenue");
  });

  it("of headers lose a trailing unit in brackets, spaces after it included", () => {
    expect(normalizeHeader("Actual (USD) ")).toBe("actual");
    expect(normalizeHeader("Actual (USD) net")).toBe("actualusdnet");
  });

  it("of sheets are quoted when Excel would read them as a cell in A1 or R1C1 style", () => {
    expect(quoteSheetName("Sales2026")).toBe("Sales2026");
    expect(quoteSheetName("AB12")).toBe("'AB12'");
    expect(quoteSheetName("RCA")).toBe("RCA");
    expect(quoteSheetName("RC")).toBe("'RC'");
    expect(quoteSheetName("R12C3")).toBe("'R12C3'");
    expect(quoteSheetName("R1C12")).toBe("'R1C12'");
  });
});

describe("references", () => {
  it("end in a column of up to three letters", () => {
    expect(parseReference("Data!A1:AB3")).toEqual({
      sheet: "Data",
      box: { top: 1, left: 1, bottom: 3, right: 28 },
    });
  });

  it("to whole columns are read with spaces around them, and nothing else before or after", () => {
    expect(parseColumnsReference(" Data!B:F ")).toEqual({ sheet: "Data", left: 2, right: 6 });
    expect(parseColumnsReference("Data!B:F1")).toBeNull();
    expect(parseColumnsReference("'Data!B:F")).toBeNull();
  });
});

describe("numbers written as text with brackets", () => {
  it("are not negated twice by a minus after the currency inside the brackets", () => {
    expect(numberFromText("($-5)")).toBeNull();
    expect(numberFromText("(-5)")).toBeNull();
    expect(numberFromText("($5)")).toBe(-5);
  });
});

describe("the stored definition", () => {
  it.each(["[]", "5", "null", '"text"'])("is refused when it is no JSON object: %s", (json) => {
    expect(parseDefinition(json)).toEqual({ ok: false, reason: "it is not a JSON object" });
  });

  it("is refused with each problem on its own, named by where it is", () => {
    expect(parseDefinition(`{"schemaVersion":${DEFINITION_VERSION},"kpis":5,"tagged":7}`)).toEqual({
      ok: false,
      reason:
        "kpis: Invalid input: expected array, received number; tagged: Invalid input: expected array, received number",
    });
    const unnamed = parseDefinition(
      `{"schemaVersion":${DEFINITION_VERSION},"kpis":[{"perspective":"P","objective":"O"}]}`,
    );
    expect(unnamed).toEqual({
      ok: false,
      reason: "kpis[0].name: Invalid input: expected string, received undefined",
    });
  });

  it("of an older schema is lifted one version at a time to the latest", () => {
    const lift = (to: number) => (doc: Record<string, unknown>) => ({
      ...doc,
      schemaVersion: to,
      steps: [...((doc.steps as number[]) ?? []), to],
    });
    expect(migrateDefinition({ schemaVersion: 1 }, 1, 3, { 1: lift(2), 2: lift(3) })).toEqual({
      ok: true,
      doc: { schemaVersion: 3, steps: [2, 3] },
    });
    expect(migrateDefinition({ schemaVersion: 3 }, 3, 3, {})).toEqual({
      ok: true,
      doc: { schemaVersion: 3 },
    });
  });

  it("of an older schema with a missing step is refused, naming the schema it stops at", () => {
    expect(migrateDefinition({ schemaVersion: 1 }, 1, 3, { 1: (d) => ({ ...d, schemaVersion: 2 }) })).toEqual(
      {
        ok: false,
        reason: "no migration from schema 2",
      },
    );
  });
});

describe("a block chosen as whole columns", () => {
  const book = (headerRow: number, headers: CellValue[]): WorkbookSnapshot => ({
    sheets: [
      sheet("Data", [
        ["Scorecard 2026"],
        ...Array.from({ length: headerRow - 2 }, () => []),
        headers,
        ["Revenue", 5],
      ]),
    ],
    names: [],
  });
  const headerRowOf = (b: WorkbookSnapshot, range = "Data!A:B") => {
    const found = tableFromRange(b, range);
    return "headerRow" in found ? found.headerRow : found.code;
  };

  it("has its header on the first row that names two of its columns, down to row 30", () => {
    expect(headerRowOf(book(3, ["KPI", "Actual"]))).toBe(3);
    expect(headerRowOf(book(30, ["KPI", "Actual"]))).toBe(30);
  });

  it("has no header row when the first 30 rows name fewer than two of its columns", () => {
    expect(headerRowOf(book(31, ["KPI", "Actual"]))).toBe("range-unusable");
  });

  it("counts the names in its last column too", () => {
    expect(headerRowOf(book(4, [null, "KPI", "Actual"]), "Data!B:C")).toBe(4);
    expect(headerRowOf(book(4, ["KPI", "Actual"]), "Data!A:B")).toBe(4);
  });

  it("counts a row's texts, not its numbers", () => {
    expect(headerRowOf(book(4, ["KPI", 2026]))).toBe("range-unusable");
  });
});
