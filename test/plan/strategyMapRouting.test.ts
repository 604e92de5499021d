/**
 * The strategy map's arrows are straight connectors glued to their boxes (the only kind every
 * renderer draws: SVG, Office.js shapes, DrawingML), so the layout has to keep each arrow's path
 * clear of the boxes it does not join.
 *
 * What the layout guarantees, and the generator below builds: any lanes (here up to five) with any
 * objectives (here up to four a lane) and Drives links such that
 * - in each lane, the links between objectives of that lane form simple chains (nobody linked
 *   sideways to more than two objectives of its lane, no ring): the lane can put linked ones side by side;
 * - every objective has at most one link spanning two or more lanes upwards and at most one
 *   downwards: such a link runs straight up a column the lanes between leave free;
 * - an objective with such a long link has no link within its own lane.
 * Then no arrow's segment enters the inside of any box other than its two ends. Outside that
 * class the layout still tries (and the sample, for one, is inside it), but does not promise.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/model/snapshot";
import { SAMPLE_KPIS, SAMPLE_OBJECTIVES } from "../../src/app/sample";
import {
  SHEET_MAP,
  strategyMapLayout,
  type MapBox,
  type MapMeasures,
  type StrategyMap,
} from "../../src/plan/strategyMap";
import { placeInLanes } from "../../src/plan/strategyMapPlacement";
import { PANE_MAP } from "../../src/taskpane/views/strategyMapPane";
import { book, score, sheet } from "../helpers/book";
import { anyLinks, lanesAndCandidates } from "../helpers/strategyMapScorecards";

const PERSPECTIVES = ["Financial", "Customer", "Internal Processes", "Sustainability", "Learning & Growth"];

interface Drawn {
  readonly lanes: readonly number[];
  /** [from lane, from index, to lane, to index] */
  readonly links: readonly (readonly [number, number, number, number])[];
}

function mapOf(drawn: Drawn, measures: MapMeasures = SHEET_MAP): StrategyMap {
  const name = (lane: number, i: number) => `${PERSPECTIVES[lane]!.slice(0, 3)} objective ${i + 1}`;
  const kpis: CellValue[][] = [];
  drawn.lanes.forEach((count, lane) => {
    for (let i = 0; i < count; i++) kpis.push([PERSPECTIVES[lane]!, name(lane, i), `K${lane}.${i}`, 1, 1]);
  });
  const drives = new Map<string, string[]>();
  for (const [fl, fi, tl, ti] of drawn.links) {
    const key = `${fl}|${fi}`;
    drives.set(key, [...(drives.get(key) ?? []), name(tl, ti)]);
  }
  const objectives: CellValue[][] = [...drives].map(([key, to]) => {
    const [lane, i] = key.split("|").map(Number) as [number, number];
    return [PERSPECTIVES[lane]!, name(lane, i), to.join("; ")];
  });
  const sheets = [sheet("KPIs", [["Perspective", "Objective", "KPI", "Actual", "Target"], ...kpis])];
  if (objectives.length)
    sheets.push(sheet("Objectives", [["Perspective", "Objective", "Drives"], ...objectives]));
  const { model, result } = score(book(...sheets));
  return strategyMapLayout(result, model.objectives, measures);
}

/**
 * Whether some point of the segment lies strictly inside the box: the parameters t in [0, 1] at
 * which x is strictly between the box's sides and those at which y is must overlap.
 */
function entersInside(a: { x: number; y: number }, b: { x: number; y: number }, box: MapBox): boolean {
  const EPS = 1e-6;
  const open = (p: number, d: number, low: number, high: number): [number, number] => {
    if (Math.abs(d) < 1e-12) return p > low + EPS && p < high - EPS ? [0, 1] : [1, 0];
    const t1 = (low + EPS - p) / d;
    const t2 = (high - EPS - p) / d;
    return [Math.max(0, Math.min(t1, t2)), Math.min(1, Math.max(t1, t2))];
  };
  const [x0, x1] = open(a.x, b.x - a.x, box.x, box.x + box.width);
  const [y0, y1] = open(a.y, b.y - a.y, box.y, box.y + box.height);
  return Math.max(x0, y0) < Math.min(x1, y1) - 1e-9;
}

/** Each link and the boxes its segment enters, its own two ends included. */
function crossings(map: StrategyMap): string[] {
  const found: string[] = [];
  for (const link of map.links)
    for (const o of map.objectives)
      if (entersInside(link.start, link.end, o)) found.push(`${link.from} → ${link.to} crosses ${o.key}`);
  return found;
}

/** Keeps the links that leave the scorecard inside the guaranteed class (see the top). */
function guaranteed(
  lanes: readonly number[],
  candidates: readonly (readonly [number, number, number, number])[],
) {
  const kept: (readonly [number, number, number, number])[] = [];
  const id = (l: number, i: number) => `${l}|${i}`;
  const sideways = new Map<string, Set<string>>();
  const longUp = new Set<string>();
  const longDown = new Set<string>();
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    seen.add(from);
    return [...(sideways.get(from) ?? [])].some((n) => !seen.has(n) && reaches(n, to, seen));
  };
  for (const link of candidates) {
    const [fl, fi, tl, ti] = link;
    if (fi >= lanes[fl]! || ti >= lanes[tl]! || (fl === tl && fi === ti)) continue;
    const a = id(fl, fi);
    const b = id(tl, ti);
    if (fl === tl) {
      if (sideways.get(a)?.has(b)) continue;
      if (longUp.has(a) || longDown.has(a) || longUp.has(b) || longDown.has(b)) continue;
      if ((sideways.get(a)?.size ?? 0) >= 2 || (sideways.get(b)?.size ?? 0) >= 2 || reaches(a, b)) continue;
      sideways.set(a, new Set([...(sideways.get(a) ?? []), b]));
      sideways.set(b, new Set([...(sideways.get(b) ?? []), a]));
    } else if (Math.abs(fl - tl) >= 2) {
      const [upper, lower] = fl < tl ? [a, b] : [b, a];
      if (sideways.has(a) || sideways.has(b) || longDown.has(upper) || longUp.has(lower)) continue;
      longDown.add(upper);
      longUp.add(lower);
    }
    kept.push(link);
  }
  return kept;
}

/** Up to five lanes of one to four objectives, and up to 14 candidate links between them. */
const fourPerLane = lanesAndCandidates(4, 14);

const scorecards = fourPerLane.map(({ lanes, candidates }) => ({
  lanes,
  links: guaranteed(lanes, candidates),
}));

/** Any links at all: the sideways ones may branch, the long ones share ends. */
const anyScorecards = fourPerLane.map(anyLinks);

const sampleMap = (measures: MapMeasures = SHEET_MAP) => {
  const kpis = SAMPLE_KPIS.map((k) => [k.perspective, k.objective, k.name, 1, 1]);
  const objectives = SAMPLE_OBJECTIVES.map((o) => [o.perspective, o.name, o.drives]);
  const { model, result } = score(
    book(
      sheet("KPIs", [["Perspective", "Objective", "KPI", "Actual", "Target"], ...kpis]),
      sheet("Objectives", [["Perspective", "Objective", "Drives"], ...objectives]),
    ),
  );
  return strategyMapLayout(result, model.objectives, measures);
};

describe("the strategy map's arrows miss the boxes they do not join", () => {
  it("in the sample: Improve quality → Control costs no longer runs through Win and keep customers", () => {
    for (const measures of [SHEET_MAP, PANE_MAP]) {
      const map = sampleMap(measures);
      expect(map.links).toHaveLength(8);
      expect(crossings(map)).toEqual([]);
      const link = map.links.find((l) => l.to === "Financial › Control costs")!;
      // Straight up a column: cause and effect stand one above the other.
      expect(link).toMatchObject({ fromSide: "top", toSide: "bottom" });
      expect(link.start.x).toBeCloseTo(link.end.x, 9);
    }
  });

  it("in the sample, within the sheet's page width and the pane's 300 px", () => {
    expect(sampleMap(SHEET_MAP).width).toBe(SHEET_MAP.width);
    expect(sampleMap(PANE_MAP).width).toBe(PANE_MAP.width);
  });

  it("for every scorecard of the guaranteed class, on the sheet and in the pane", () => {
    fc.assert(
      fc.property(scorecards, fc.constantFrom(SHEET_MAP, PANE_MAP), (drawn, measures) => {
        const map = mapOf(drawn, measures);
        expect(crossings(map)).toEqual([]);
        // Every link over two or more lanes runs straight up its column.
        const laneOf = (key: string) => map.lanes.findIndex((l) => key.startsWith(`${l.name} › `));
        for (const link of map.links)
          if (Math.abs(laneOf(link.from) - laneOf(link.to)) >= 2) expect(link.start.x).toBe(link.end.x);
      }),
      { numRuns: 300 },
    );
  });
});

describe("how the strategy map keeps its arrows clear", () => {
  it("puts two objectives of a lane linked to each other side by side", () => {
    const map = mapOf({ lanes: [3], links: [[0, 0, 0, 2]] });
    expect(map.objectives.map((o) => o.name)).toEqual([
      "Fin objective 1",
      "Fin objective 3",
      "Fin objective 2",
    ]);
    expect(map.links[0]).toMatchObject({ fromSide: "right", toSide: "left" });
  });

  it("orders a lane so that the arrows from the lane below do not cross", () => {
    const map = mapOf({
      lanes: [2, 2],
      links: [
        [1, 0, 0, 1],
        [1, 1, 0, 0],
      ],
    });
    const [a, b] = map.links;
    // Both arrows run straight up: their causes stand under their effects.
    for (const link of [a!, b!]) expect(link.start.x).toBe(link.end.x);
  });

  it("leaves the corridor's column empty in the lane between and widens the pane's map where 300 px cannot hold it", () => {
    const drawn: Drawn = { lanes: [3, 3, 3], links: [[2, 0, 0, 0]] };
    const sheetMap = mapOf(drawn, SHEET_MAP);
    expect(sheetMap.width).toBe(SHEET_MAP.width);
    const pane = mapOf(drawn, PANE_MAP);
    // Four columns: the middle lane's three objectives and the corridor.
    const { padding, minBoxWidth, gap } = PANE_MAP;
    expect(pane.width).toBe(2 * padding + 4 * minBoxWidth + 3 * gap);
    for (const map of [sheetMap, pane]) {
      const [link] = map.links;
      expect(link!.start.x).toBe(link!.end.x);
      expect(crossings(map)).toEqual([]);
    }
  });

  it("takes another side where an objective has two long links the same way and only one column", () => {
    const map = mapOf({
      lanes: [4, 1, 2, 1, 1],
      links: [
        [2, 1, 0, 1],
        [3, 0, 0, 1],
      ],
    });
    expect(map.links.map((l) => [l.fromSide, l.toSide])).toEqual([
      ["top", "bottom"],
      ["top", "left"],
    ]);
    expect(crossings(map)).toEqual([]);
  });
});

describe("the strategy map's layout for any Drives", () => {
  it("keeps every box in its lane, within the box sizes, apart from its neighbours, with arrows glued to its sides", () => {
    fc.assert(
      fc.property(anyScorecards, fc.constantFrom(SHEET_MAP, PANE_MAP), (drawn, measures) => {
        const map = mapOf(drawn, measures);
        expect(map.objectives).toHaveLength(drawn.lanes.reduce((a, b) => a + b, 0));
        for (const o of map.objectives) {
          const lane = map.lanes.find((l) => l.name === o.perspective)!;
          expect(o.y).toBeGreaterThanOrEqual(lane.y + measures.titleHeight);
          expect(o.y + o.height).toBeLessThanOrEqual(lane.y + lane.height);
          expect(o.x).toBeGreaterThanOrEqual(measures.labelWidth + measures.padding - 1e-9);
          expect(o.x + o.width).toBeLessThanOrEqual(map.width - measures.padding + 1e-9);
          expect(o.width).toBeGreaterThanOrEqual(measures.minBoxWidth - 1e-9);
          expect(o.width).toBeLessThanOrEqual(measures.maxBoxWidth + 1e-9);
        }
        for (const lane of map.lanes) {
          const row = map.objectives.filter((o) => o.perspective === lane.name);
          // Listed left to right, so that Tab moves along the lane as the eye does.
          for (let i = 1; i < row.length; i++)
            expect(row[i]!.x).toBeGreaterThanOrEqual(row[i - 1]!.x + row[i - 1]!.width + measures.gap - 1e-9);
        }
        const at = (key: string) => map.objectives.find((o) => o.key === key)!;
        const site = (b: MapBox, side: string) =>
          side === "top"
            ? { x: b.x + b.width / 2, y: b.y }
            : side === "bottom"
              ? { x: b.x + b.width / 2, y: b.y + b.height }
              : side === "left"
                ? { x: b.x, y: b.y + b.height / 2 }
                : { x: b.x + b.width, y: b.y + b.height / 2 };
        for (const link of map.links) {
          expect(link.start).toEqual(site(at(link.from), link.fromSide));
          expect(link.end).toEqual(site(at(link.to), link.toSide));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is the same every time for the same scorecard", () => {
    fc.assert(
      fc.property(anyScorecards, (drawn) => {
        expect(mapOf(drawn)).toEqual(mapOf(drawn));
      }),
      { numRuns: 100 },
    );
  });

  it("places nothing on a single empty column where the lanes hold no objectives", () => {
    const placement = placeInLanes([0, 0], []);
    expect(placement).toMatchObject({ order: [[], []], column: [[], []], columns: 1 });
  });

  it("keeps the scorecard's order in a lane where no arrow asks for another", () => {
    const map = mapOf({ lanes: [3, 2], links: [[1, 0, 0, 1]] });
    expect(map.objectives.filter((o) => o.perspective === "Financial").map((o) => o.name)).toEqual([
      "Fin objective 1",
      "Fin objective 2",
      "Fin objective 3",
    ]);
  });
});
