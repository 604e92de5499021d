/**
 * Rules of the strategy map stated one by one: how a box's name is wrapped, which objective an
 * Objectives row speaks for, how the Strategy Map sheet notes and prints the map.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/model/snapshot";
import { PALETTES } from "../../src/plan/palette";
import {
  SHEET_MAP,
  strategyMapLayout,
  wrapLabel,
  type MapBox,
  type MapMeasures,
  type MapSide,
  type StrategyMap,
} from "../../src/plan/strategyMap";
import { placeInLanes } from "../../src/plan/strategyMapPlacement";
import { MAP_TOP, strategyMapSheet } from "../../src/plan/strategyMapSheet";
import { PANE_MAP } from "../../src/taskpane/views/strategyMapPane";
import { book, score, sheet } from "../helpers/book";
import { anyLinks, lanesAndCandidates } from "../helpers/strategyMapScorecards";

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

const PERSPECTIVES = ["Financial", "Customer", "Internal Processes", "Sustainability", "Learning & Growth"];

/** Objectives by lane (a count per lane, top down) and Drives links: [from lane, from index, to lane, to index]. */
interface Drawn {
  readonly lanes: readonly number[];
  readonly links: readonly (readonly [number, number, number, number])[];
}

const objectiveName = (lane: number, i: number) => `${PERSPECTIVES[lane]!.slice(0, 3)} objective ${i + 1}`;

function drawnMap(drawn: Drawn, measures: MapMeasures = SHEET_MAP): StrategyMap {
  const kpis: CellValue[][] = [];
  drawn.lanes.forEach((count, lane) => {
    for (let i = 0; i < count; i++)
      kpis.push([PERSPECTIVES[lane]!, objectiveName(lane, i), `K${lane}.${i}`, 1, 1]);
  });
  const drives = new Map<string, string[]>();
  for (const [fl, fi, tl, ti] of drawn.links) {
    const key = `${fl}|${fi}`;
    drives.set(key, [...(drives.get(key) ?? []), objectiveName(tl, ti)]);
  }
  const objectives = [...drives].map(([key, to]) => {
    const [lane, i] = key.split("|").map(Number) as [number, number];
    return [PERSPECTIVES[lane]!, objectiveName(lane, i), to.join("; ")];
  });
  const { model, result } = scored(kpis, objectives);
  return strategyMapLayout(result, model.objectives, measures);
}

type Point = { readonly x: number; readonly y: number };

/** Excel's connection site on a side of a box: the middle of that side. */
function siteOf(box: MapBox, side: MapSide): Point {
  if (side === "top") return { x: box.x + box.width / 2, y: box.y };
  if (side === "bottom") return { x: box.x + box.width / 2, y: box.y + box.height };
  if (side === "left") return { x: box.x, y: box.y + box.height / 2 };
  return { x: box.x + box.width, y: box.y + box.height / 2 };
}

/** Whether a stretch of the segment, longer than a point, lies strictly inside the box grown by `margin`. */
function runsThrough(a: Point, b: Point, box: MapBox, margin: number): boolean {
  let [from, to] = [0, 1];
  for (const [p, d, low, high] of [
    [a.x, b.x - a.x, box.x - margin, box.x + box.width + margin],
    [a.y, b.y - a.y, box.y - margin, box.y + box.height + margin],
  ] as const) {
    if (d === 0) {
      if (p <= low || p >= high) return false;
    } else {
      from = Math.max(from, Math.min((low - p) / d, (high - p) / d));
      to = Math.min(to, Math.max((low - p) / d, (high - p) / d));
    }
  }
  return to - from > 1e-9;
}

const SIDES: readonly MapSide[] = ["top", "bottom", "left", "right"];

/**
 * The boxes a straight path from a side of `from` to a side of `to` runs through: another box when
 * it comes within 2 points of it (an arrow along a box's outline reads as part of it), one of its
 * own two boxes when it runs through more than its outline's half-point.
 */
function boxesOnPath(from: MapBox, fromSide: MapSide, to: MapBox, toSide: MapSide, boxes: readonly MapBox[]) {
  const [a, b] = [siteOf(from, fromSide), siteOf(to, toSide)];
  return boxes.filter((box) => runsThrough(a, b, box, box === from || box === to ? -0.5 : 2)).length;
}

/** The sides facing each other: top to bottom when the effect stands higher, side to side within a lane. */
function facingSides(from: MapBox, to: MapBox): [MapSide, MapSide] {
  if (to.y < from.y) return ["top", "bottom"];
  if (to.y > from.y) return ["bottom", "top"];
  return to.x > from.x ? ["right", "left"] : ["left", "right"];
}

/** The facing sides when their path crosses no more boxes than any other; else the first pair that crosses fewest. */
function sidesMeant(from: MapBox, to: MapBox, boxes: readonly MapBox[]): [MapSide, MapSide] {
  const pairs = SIDES.flatMap((a) => SIDES.map((b): [MapSide, MapSide] => [a, b]));
  const crossed = (pair: [MapSide, MapSide]) => boxesOnPath(from, pair[0], to, pair[1], boxes);
  const fewest = Math.min(...pairs.map(crossed));
  const facing = facingSides(from, to);
  return crossed(facing) === fewest ? facing : pairs.find((pair) => crossed(pair) === fewest)!;
}

/** Up to five lanes of up to five objectives, and up to 16 Drives links of any kind between them. */
const anyScorecard = lanesAndCandidates(5, 16).map(anyLinks);

describe("the sides an arrow joins", () => {
  it("are the facing sides where their path is clear, else the first pair, in the order top, bottom, left, right, whose path crosses fewest boxes", () => {
    fc.assert(
      fc.property(anyScorecard, fc.constantFrom(SHEET_MAP, PANE_MAP), (drawn, measures) => {
        const map = drawnMap(drawn, measures);
        const at = (key: string) => map.objectives.find((o) => o.key === key)!;
        for (const link of map.links)
          expect([link.fromSide, link.toSide]).toEqual(
            sidesMeant(at(link.from), at(link.to), map.objectives),
          );
      }),
      // A fixed seed: the same scorecards every run, so that the test passes or fails alike each time.
      { numRuns: 300, seed: 20261201 },
    );
  });
});

/** Each arrow and the boxes it runs through (their inside, outlines aside) other than its own two. */
function arrowsThroughBoxes(map: StrategyMap): string[] {
  return map.links.flatMap((link) =>
    map.objectives
      .filter((o) => o.key !== link.from && o.key !== link.to && runsThrough(link.start, link.end, o, 0))
      .map((o) => `${link.from} → ${link.to} through ${o.key}`),
  );
}

describe("where the first layout leaves an arrow running through a box", () => {
  it("moves the box out of the way: an arrow straight up a column misses the box the first layout put in it", () => {
    // Fin 1 has two causes below it. Laid out first, Int 1 stands under Fin 1 and the arrow from
    // Sus 2, two lanes further down the same column, runs straight up through it. Trying again
    // with that arrow's column kept free moves Int 1 aside; its own arrow comes in from its side.
    const map = drawnMap({
      lanes: [2, 2, 2, 2],
      links: [
        [3, 1, 0, 0],
        [2, 0, 0, 0],
        [3, 0, 1, 1],
      ],
    });
    expect(arrowsThroughBoxes(map)).toEqual([]);
    const fromSus2 = map.links.find((l) => l.from === "Sustainability › Sus objective 2")!;
    expect(fromSus2).toMatchObject({ fromSide: "top", toSide: "bottom" });
    expect(fromSus2.start.x).toBe(fromSus2.end.x);
    const fromInt1 = map.links.find((l) => l.from === "Internal Processes › Int objective 1")!;
    expect(fromInt1).toMatchObject({ fromSide: "right", toSide: "bottom" });
  });
});

/**
 * Whether every box stands where the lanes' first placement (no arrow given its corridor first)
 * puts it: one column further right is one box and one gap further right.
 */
function expectFirstPlacement(map: StrategyMap, drawn: Drawn) {
  // The links in the scorecard's order of their causes (the order the map reads them in).
  const links = [...drawn.links].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const placement = placeInLanes(
    drawn.lanes,
    links.map(([fl, fi, tl, ti]) => ({ from: { lane: fl, index: fi }, to: { lane: tl, index: ti } })),
  );
  const columnOf = (o: StrategyMap["objectives"][number]) => {
    const lane = PERSPECTIVES.indexOf(o.perspective);
    return placement.column[lane]![Number(/\d+$/.exec(o.name)![0]) - 1]!;
  };
  const [first] = map.objectives;
  const step = first!.width + SHEET_MAP.gap;
  for (const o of map.objectives)
    expect(o.x).toBeCloseTo(first!.x + (columnOf(o) - columnOf(first!)) * step, 6);
}

describe("trying the layout again", () => {
  it("keeps the first layout where giving another arrow its corridor first crosses no fewer boxes", () => {
    // Sus 1 drives Fin 2 and is driven by Fin 1, both three lanes up: one column cannot hold
    // both arrows. Whichever runs straight, the other passes through a box on its slant.
    const drawn: Drawn = {
      lanes: [2, 3, 2, 1, 1],
      links: [
        [3, 0, 0, 1],
        [0, 0, 3, 0],
      ],
    };
    const map = drawnMap(drawn);
    expect(arrowsThroughBoxes(map)).toHaveLength(1);
    expectFirstPlacement(map, drawn);
  });

  // Fin 1's two causes of the first test above, under a Learning & Growth lane of unlinked
  // objectives that brings the map to the size wanted.
  const crowded = (count: number): Drawn => ({
    lanes: [2, 2, 2, 2, count - 8],
    links: [
      [3, 1, 0, 0],
      [2, 0, 0, 0],
      [3, 0, 1, 1],
    ],
  });

  it("still tries on a map of 100 objectives", () => {
    expect(arrowsThroughBoxes(drawnMap(crowded(100)))).toEqual([]);
  });

  it("not on a map of more than 100 objectives, where each try would lay out a map too large to present anyway", () => {
    const drawn = crowded(101);
    const map = drawnMap(drawn);
    expectFirstPlacement(map, drawn);
    // What the limit costs: the arrow from Sus 2 runs straight up through Int 1.
    expect(arrowsThroughBoxes(map)).toEqual([
      "Sustainability › Sus objective 2 → Financial › Fin objective 1 through Internal Processes › Int objective 1",
    ]);
  });
});
