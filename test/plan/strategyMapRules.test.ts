/**
 * Rules of the strategy map stated one by one: how a box's name is wrapped, which objective an
 * Objectives row speaks for, how the Strategy Map sheet notes and prints the map.
 */
import type { CellValue } from "../../src/model/snapshot";
import { PALETTES } from "../../src/plan/palette";
import { SHEET_MAP, strategyMapLayout, wrapLabel, type StrategyMap } from "../../src/plan/strategyMap";
import { MAP_TOP, strategyMapSheet } from "../../src/plan/strategyMapSheet";
import { book, score, sheet } from "../helpers/book";

/** A scorecard table and, when given, an Objectives table with a Drives column, scored. */
function scored(kpis: readonly (readonly CellValue[])[], objectives: readonly (readonly CellValue[])[] = []) {
  const sheets = [sheet("KPIs", [["Perspective", "Objective", "KPI", "Actual", "Target"], ...kpis])];
  if (objectives.length)
    sheets.push(sheet("Objectives", [["Perspective", "Objective", "Drives"], ...objectives]));
  return score(book(...sheets));
}

function mapOf(
  kpis: readonly (readonly CellValue[])[],
  objectives: readonly (readonly CellValue[])[] = [],
): StrategyMap {
  const { model, result } = scored(kpis, objectives);
  return strategyMapLayout(result, model.objectives, SHEET_MAP);
}

// At 10 pt a character is taken as 5.5 pt wide: a width of 55 pt holds 10 characters a line.
const TEN_A_LINE = 55;

describe("a box's name in lines", () => {
  it("puts as many words on a line as fit, a line of exactly the width included", () => {
    expect(wrapLabel("abcd efghi", TEN_A_LINE, 3)).toEqual(["abcd efghi"]);
    expect(wrapLabel("abcd efghi j", TEN_A_LINE, 3)).toEqual(["abcd efghi", "j"]);
  });

  it("cuts a word longer than a line to one character less than the line, ending it with …", () => {
    // Without the cut the word would spill out of the box; the … says something is missing.
    expect(wrapLabel("Internationalisation", TEN_A_LINE, 3)).toEqual(["Internati…"]);
    expect(wrapLabel("Grow Internationalisation", TEN_A_LINE, 3)).toEqual(["Grow", "Internati…"]);
  });

  it("keeps a word exactly a line long whole, on a line of its own", () => {
    expect(wrapLabel("Grow abcdefghij", TEN_A_LINE, 3)).toEqual(["Grow", "abcdefghij"]);
  });

  it("keeps a name that takes exactly the lines allowed whole", () => {
    expect(wrapLabel("abcd efghi jklm nopqr", TEN_A_LINE, 2)).toEqual(["abcd efghi", "jklm nopqr"]);
  });

  it("cuts the last line kept of a longer name to one character less than the line, ending it with …", () => {
    // Three lines' worth in two: the second line, full, loses its last character to the ….
    expect(wrapLabel("abcd efghi jklm nopqr stuv wxyz", TEN_A_LINE, 2)).toEqual(["abcd efghi", "jklm nopq…"]);
  });

  it("wraps the words alone: whitespace at the ends adds nothing, and an empty name makes no line", () => {
    expect(wrapLabel("  Grow revenue  ", 100, 3)).toEqual(["Grow revenue"]);
    expect(wrapLabel("", 100, 3)).toEqual([]);
    expect(wrapLabel("   ", 100, 3)).toEqual([]);
  });
});

describe("which objective an Objectives row speaks for", () => {
  it("is the one of the row's perspective where two perspectives share the name", () => {
    const map = mapOf(
      [
        ["Financial", "Grow", "Revenue", 1, 1],
        ["Customer", "Grow", "Clients", 1, 1],
        ["Customer", "Delight", "NPS", 1, 1],
      ],
      [["Customer", "Grow", "Delight"]],
    );
    // The Financial "Grow" stands first on the map, but the row speaks for the Customer one.
    expect(map.links.map((l) => [l.from, l.to])).toEqual([["Customer › Grow", "Customer › Delight"]]);
  });
});

describe("the Strategy Map sheet", () => {
  const planOf = (kpis: readonly (readonly CellValue[])[], objectives: readonly (readonly CellValue[])[]) => {
    const { model, result } = scored(kpis, objectives);
    const input = {
      result,
      objectives: model.objectives,
      colours: PALETTES.standard,
      refreshedAt: "2026-12-01",
    };
    return {
      plan: strategyMapSheet(input, "Strategy Map", null),
      map: strategyMapLayout(result, model.objectives),
    };
  };

  it("says how to read the arrows where every Drives name matches an objective", () => {
    const { plan } = planOf(
      [
        ["Financial", "Grow revenue", "Revenue", 1, 1],
        ["Customer", "Delight customers", "NPS", 1, 1],
      ],
      [["Customer", "Delight customers", "Grow revenue"]],
    );
    expect(plan.cells[2]?.value).toBe(
      "Arrows run from cause to effect (Objectives table, Drives column). Each box: status and score (0–10).",
    );
  });

  it("prints down to the row and across to the column just past the map's bottom right corner", () => {
    const { plan, map } = planOf(
      [
        ["Financial", "Grow revenue", "Revenue", 1, 1],
        ["Customer", "Delight customers", "NPS", 1, 1],
        ["Internal Processes", "Deliver", "On time", 1, 1],
        ["Learning & Growth", "Build skills", "Training", 1, 1],
      ],
      [],
    );
    // Excel's default rows are 15 points high and its columns 48 points wide: the map's bottom
    // (MAP_TOP + 4 lanes of 96 = 450 points) falls at the end of row 30, its right edge (760
    // points) in column 16; the area reaches one row and one column further.
    expect(MAP_TOP + map.height).toBe(450);
    expect(map.width).toBe(760);
    expect(plan.print!.area).toEqual({ top: 1, left: 1, bottom: 31, right: 17 });
  });
});
