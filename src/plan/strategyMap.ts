import type { ScorecardResult } from "../engine/evaluate";
import type { Status } from "../engine/types";
import { objectiveNameKey, type ObjectiveModel } from "../model/scorecard";
import { placeInLanes, type LaneLink, type LaneNode, type LanePlacement } from "./strategyMapPlacement";

/**
 * The strategy map's geometry, in points (1/72 inch), so that the pane's SVG and the shapes drawn
 * on a sheet (Office.js and DrawingML both place shapes in points) come from the same layout.
 */

export interface MapBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapLane extends MapBox {
  readonly name: string;
}

export interface MapObjective extends MapBox {
  /** Unique within the map: the perspective and the objective's name. */
  readonly key: string;
  readonly perspective: string;
  readonly name: string;
  readonly status: Status;
  readonly score: number | null;
  readonly kpiCount: number;
  /** The Initiatives table's initiatives under the objective, and how many of them are flagged. */
  readonly initiatives: number;
  readonly initiativesFlagged: number;
}

/**
 * A box's count of initiatives, as the sheet and the pane both say it ("2 initiatives, 1
 * flagged"); empty for an objective without any.
 */
export function initiativesText(o: Pick<MapObjective, "initiatives" | "initiativesFlagged">): string {
  if (o.initiatives === 0) return "";
  const count = `${o.initiatives} initiative${o.initiatives === 1 ? "" : "s"}`;
  return o.initiativesFlagged ? `${count}, ${o.initiativesFlagged} flagged` : count;
}

/** A side of a box; Excel numbers a rectangle's connection sites top 0, left 1, bottom 2, right 3. */
export type MapSide = "top" | "left" | "bottom" | "right";

/** A cause-and-effect arrow: the objective that drives, pointing at the one it drives. */
export interface MapLink {
  readonly from: string;
  readonly to: string;
  readonly fromSide: MapSide;
  readonly toSide: MapSide;
  readonly start: { readonly x: number; readonly y: number };
  readonly end: { readonly x: number; readonly y: number };
}

export interface StrategyMap {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly MapLane[];
  readonly objectives: readonly MapObjective[];
  readonly links: readonly MapLink[];
  /** Drives entries that name no objective of the scorecard, so that the user can mend them. */
  readonly unknownLinks: readonly { readonly from: string; readonly name: string }[];
}

/** The map's measures. A sheet has room for a label column; the pane's narrow map names each lane above it. */
export interface MapMeasures {
  /** The wanted width; a lane with many objectives widens the map. */
  readonly width: number;
  /** The column on the left that names the lanes; 0 to name them above their boxes instead. */
  readonly labelWidth: number;
  /** Room at the top of each lane for its name, where there is no label column. */
  readonly titleHeight: number;
  readonly laneHeight: number;
  readonly boxHeight: number;
  readonly gap: number;
  readonly padding: number;
  readonly minBoxWidth: number;
  readonly maxBoxWidth: number;
}

/** A sheet's map: about the width of a landscape page. */
export const SHEET_MAP: MapMeasures = {
  width: 760,
  labelWidth: 110,
  titleHeight: 0,
  laneHeight: 96,
  boxHeight: 60,
  gap: 16,
  padding: 12,
  minBoxWidth: 96,
  maxBoxWidth: 180,
};

/**
 * Where a perspective's lane stands: the classic order of Kaplan and Norton's maps (outcomes on
 * top, capabilities at the bottom), a perspective of another name between the processes and the
 * capabilities.
 */
const LANE_RANKS: readonly (readonly [RegExp, number])[] = [
  [/financ|stakeholder|shareholder|mission/i, 0],
  [/customer|client|citizen|market|patient|student/i, 1],
  [/internal|process|operation/i, 2],
  [/learning|growth|people|employee|capacit|innovation|organi[sz]ation/i, 4],
];
const CUSTOM_RANK = 3;

export function laneRank(perspective: string): number {
  for (const [pattern, rank] of LANE_RANKS) if (pattern.test(perspective)) return rank;
  return CUSTOM_RANK;
}

const nameKey = objectiveNameKey;
export const objectiveMapKey = (perspective: string, name: string): string => `${perspective} › ${name}`;

interface Placed {
  readonly perspective: string;
  readonly name: string;
  readonly status: Status;
  readonly score: number | null;
  readonly kpiCount: number;
  readonly initiatives: number;
  readonly initiativesFlagged: number;
}

/**
 * The objectives by perspective, in the scorecard's order. Only objectives with KPIs are drawn: a
 * name the Objectives table adds and no KPI uses is reported by the reader as a likely typo.
 */
function objectivesByPerspective(result: ScorecardResult): Map<string, Placed[]> {
  const initiatives = new Map<string, { count: number; flagged: number }>();
  for (const i of result.followUps?.initiatives ?? []) {
    const key = objectiveMapKey(i.perspective, i.objective);
    const tally = initiatives.get(key) ?? { count: 0, flagged: 0 };
    tally.count++;
    if (i.flags.length) tally.flagged++;
    initiatives.set(key, tally);
  }
  return new Map(
    result.perspectives.map((p) => [
      p.name,
      p.objectives.map((o) => ({
        perspective: p.name,
        name: o.name,
        status: o.status,
        score: o.score,
        kpiCount: o.kpis.length,
        initiatives: initiatives.get(objectiveMapKey(p.name, o.name))?.count ?? 0,
        initiativesFlagged: initiatives.get(objectiveMapKey(p.name, o.name))?.flagged ?? 0,
      })),
    ]),
  );
}

const SIDES: readonly MapSide[] = ["top", "bottom", "left", "right"];

/** The centre of a box's side: where Excel's connection site on that side is. */
function siteOf(box: MapBox, side: MapSide): { x: number; y: number } {
  switch (side) {
    case "top":
      return { x: box.x + box.width / 2, y: box.y };
    case "bottom":
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case "left":
      return { x: box.x, y: box.y + box.height / 2 };
    default:
      return { x: box.x + box.width, y: box.y + box.height / 2 };
  }
}

const linkAt = (from: MapObjective, fromSide: MapSide, to: MapObjective, toSide: MapSide): MapLink => ({
  from: from.key,
  to: to.key,
  fromSide,
  toSide,
  start: siteOf(from, fromSide),
  end: siteOf(to, toSide),
});

/**
 * Whether the segment from a to b passes through the box grown by `margin` on every side (shrunk
 * where negative): the parameters at which it lies between the box's left and right and those at
 * which it lies between its top and bottom overlap over more than a point (Liang–Barsky).
 */
function passesThrough(
  a: { x: number; y: number },
  b: { x: number; y: number },
  box: MapBox,
  margin: number,
) {
  const [left, right] = [box.x - margin, box.x + box.width + margin];
  const [top, bottom] = [box.y - margin, box.y + box.height + margin];
  // Most boxes lie wholly aside: a quick answer for them, which matters on a map of hundreds.
  if (Math.max(a.x, b.x) <= left || Math.min(a.x, b.x) >= right) return false;
  if (Math.max(a.y, b.y) <= top || Math.min(a.y, b.y) >= bottom) return false;
  let enter = 0;
  let leave = 1;
  for (const [p, d, low, high] of [
    [a.x, b.x - a.x, left, right],
    [a.y, b.y - a.y, top, bottom],
  ] as const) {
    if (d === 0) {
      if (p <= low || p >= high) return false;
    } else {
      const [t1, t2] = [(low - p) / d, (high - p) / d];
      enter = Math.max(enter, Math.min(t1, t2));
      leave = Math.min(leave, Math.max(t1, t2));
    }
  }
  return leave - enter > 1e-9;
}

/** Room an arrow keeps from the boxes it passes, so that it never runs along one's outline. */
const CLEARANCE = 2;

/** The boxes an arrow would run through: others within the clearance, its own ends inside. */
function boxesCrossed(link: MapLink, from: MapObjective, to: MapObjective, boxes: readonly MapObjective[]) {
  return boxes.filter((box) =>
    box === from || box === to
      ? passesThrough(link.start, link.end, box, -0.5)
      : passesThrough(link.start, link.end, box, CLEARANCE),
  ).length;
}

/**
 * The arrow from a cause to its effect: from the side facing the effect to the side facing the
 * cause (top to bottom when the effect stands higher, side to side within a lane). The layout
 * keeps that segment clear of other boxes wherever it can; where it could not (see
 * strategyMapPlacement), the arrow leaves and enters by the first pair of sides, in a fixed order,
 * whose segment crosses fewest boxes.
 */
function linkBetween(
  from: MapObjective,
  to: MapObjective,
  boxes: readonly MapObjective[],
): { link: MapLink; crossed: number } {
  let fromSide: MapSide;
  let toSide: MapSide;
  if (to.y < from.y) [fromSide, toSide] = ["top", "bottom"];
  else if (to.y > from.y) [fromSide, toSide] = ["bottom", "top"];
  else if (to.x > from.x) [fromSide, toSide] = ["right", "left"];
  else [fromSide, toSide] = ["left", "right"];
  // Every segment between the two boxes' sides lies within the rectangle around both.
  const [left, right] = [Math.min(from.x, to.x), Math.max(from.x + from.width, to.x + to.width)];
  const [top, bottom] = [Math.min(from.y, to.y), Math.max(from.y + from.height, to.y + to.height)];
  const near = boxes.filter(
    (b) =>
      b.x < right + CLEARANCE &&
      b.x + b.width > left - CLEARANCE &&
      b.y < bottom + CLEARANCE &&
      b.y + b.height > top - CLEARANCE,
  );
  let best = linkAt(from, fromSide, to, toSide);
  let fewest = boxesCrossed(best, from, to, near);
  for (const a of SIDES)
    for (const b of SIDES) {
      if (fewest === 0) return { link: best, crossed: 0 };
      const other = linkAt(from, a, to, b);
      const crossed = boxesCrossed(other, from, to, near);
      if (crossed < fewest) [best, fewest] = [other, crossed];
    }
  return { link: best, crossed: fewest };
}

/** Tries, one by one, giving a crossing arrow the first claim on a corridor; at most this many. */
const RETRIES = 8;
const RETRY_MAX_OBJECTIVES = 100;

/**
 * Lays the map out: one lane per perspective (Financial on top, Learning & Growth at the bottom),
 * each objective a box coloured by its status, an arrow from each objective to every objective its
 * Drives cell names. The boxes stand on a grid of columns of one width, in an order that keeps
 * every arrow clear of the boxes it does not join wherever the links allow (strategyMapPlacement);
 * the map widens beyond `measures.width` only when the columns would be narrower than minBoxWidth.
 * Objectives are listed lane by lane, left to right, the order Tab follows in the pane.
 */
export function strategyMapLayout(
  result: ScorecardResult,
  objectives: readonly ObjectiveModel[],
  measures: MapMeasures = SHEET_MAP,
): StrategyMap {
  const { labelWidth, titleHeight, laneHeight, boxHeight, gap, padding, minBoxWidth, maxBoxWidth } = measures;
  const byPerspective = objectivesByPerspective(result);
  // Array.prototype.sort is stable: lanes of one rank keep the scorecard's order.
  const order = [...byPerspective.keys()]
    .map((name) => ({ name, rank: laneRank(name) }))
    .sort((a, b) => a.rank - b.rank);
  const laneMembers = order.map(({ name }) => byPerspective.get(name) ?? []);

  // The Drives links between the objectives, before any is placed.
  const nodes = laneMembers.flatMap((members, lane) => members.map((o, index) => ({ o, lane, index })));
  const byName = new Map<string, (typeof nodes)[number][]>();
  for (const n of nodes) byName.set(nameKey(n.o.name), [...(byName.get(nameKey(n.o.name)) ?? []), n]);
  const laneLinks: LaneLink[] = [];
  const unknownLinks: { from: string; name: string }[] = [];
  for (const model of objectives) {
    const from = nodes.find((n) => n.o.perspective === model.perspective && n.o.name === model.name);
    if (!from) continue;
    for (const driven of model.drives) {
      const candidates = (byName.get(nameKey(driven)) ?? []).filter((n) => n !== from);
      // The same name in two perspectives: the one in another lane is the effect meant.
      const to = candidates.find((n) => n.o.perspective !== from.o.perspective) ?? candidates[0];
      if (to) laneLinks.push({ from, to });
      else unknownLinks.push({ from: objectiveMapKey(from.o.perspective, from.o.name), name: driven });
    }
  }

  const sizes = laneMembers.map((m) => m.length);
  const drawOn = (placement: LanePlacement) => {
    const columns = Math.max(1, placement.columns);
    const mapWidth = Math.max(
      measures.width,
      labelWidth + 2 * padding + columns * minBoxWidth + (columns - 1) * gap,
    );
    const usable = mapWidth - labelWidth - 2 * padding;
    const boxWidth = Math.min(maxBoxWidth, (usable - (columns - 1) * gap) / columns);
    const gridWidth = columns * boxWidth + (columns - 1) * gap;
    const left = labelWidth + padding + (usable - gridWidth) / 2;

    const lanes: MapLane[] = [];
    const placed: MapObjective[] = [];
    const boxOf = new Map<string, MapObjective>();
    order.forEach(({ name }, lane) => {
      const y = lane * laneHeight;
      lanes.push({ name, x: 0, y, width: mapWidth, height: laneHeight });
      for (const index of placement.order[lane] ?? []) {
        const o = laneMembers[lane]?.[index] as Placed;
        const box: MapObjective = {
          ...o,
          key: objectiveMapKey(o.perspective, o.name),
          x: left + (placement.column[lane]?.[index] as number) * (boxWidth + gap),
          y: y + titleHeight + (laneHeight - titleHeight - boxHeight) / 2,
          width: boxWidth,
          height: boxHeight,
        };
        placed.push(box);
        boxOf.set(`${lane}|${index}`, box);
      }
    });
    const at = (n: LaneNode) => boxOf.get(`${n.lane}|${n.index}`) as MapObjective;
    const routed = laneLinks.map((l) => linkBetween(at(l.from), at(l.to), placed));
    const map: StrategyMap = {
      width: mapWidth,
      height: lanes.length * laneHeight,
      lanes,
      objectives: placed,
      links: routed.map((r) => r.link),
      unknownLinks,
    };
    return {
      map,
      crossing: routed.flatMap((r, i) => (r.crossed ? [i] : [])),
      crossed: routed.reduce((n, r) => n + r.crossed, 0),
    };
  };

  // Outside what the placement guarantees (an objective with two long links the same way, links
  // within a lane that branch), a crossing arrow may do better with the corridor another took.
  let best = drawOn(placeInLanes(sizes, laneLinks));
  // Each retry lays the whole map out again: only for a map small enough to present.
  const retries = nodes.length <= RETRY_MAX_OBJECTIVES ? RETRIES : 0;
  for (const link of best.crossing.slice(0, retries)) {
    if (best.crossed === 0) break;
    const other = drawOn(placeInLanes(sizes, laneLinks, [link]));
    if (other.crossed < best.crossed) best = other;
  }
  return best.map;
}

/** A box's name in lines that fit its width (about 0.55 em a character), the last cut with "…". */
export function wrapLabel(text: string, width: number, maxLines: number, fontSize = 10): string[] {
  const perLine = Math.max(4, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, perLine - 1))}…`;
  return kept;
}
