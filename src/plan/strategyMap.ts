import type { ScorecardResult } from "../engine/evaluate";
import type { Status } from "../engine/types";
import { objectiveNameKey, type ObjectiveModel } from "../model/scorecard";

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
}

/**
 * The objectives by perspective, in the scorecard's order. Only objectives with KPIs are drawn: a
 * name the Objectives table adds and no KPI uses is reported by the reader as a likely typo.
 */
function objectivesByPerspective(result: ScorecardResult): Map<string, Placed[]> {
  return new Map(
    result.perspectives.map((p) => [
      p.name,
      p.objectives.map((o) => ({
        perspective: p.name,
        name: o.name,
        status: o.status,
        score: o.score,
        kpiCount: o.kpis.length,
      })),
    ]),
  );
}

function linkBetween(from: MapObjective, to: MapObjective): MapLink {
  const centre = (b: MapBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const a = centre(from);
  const b = centre(to);
  let fromSide: MapSide;
  let toSide: MapSide;
  if (to.y < from.y) [fromSide, toSide] = ["top", "bottom"];
  else if (to.y > from.y) [fromSide, toSide] = ["bottom", "top"];
  else if (to.x > from.x) [fromSide, toSide] = ["right", "left"];
  else [fromSide, toSide] = ["left", "right"];
  const at = (box: MapBox, side: MapSide, c: { x: number; y: number }) => {
    switch (side) {
      case "top":
        return { x: c.x, y: box.y };
      case "bottom":
        return { x: c.x, y: box.y + box.height };
      case "left":
        return { x: box.x, y: c.y };
      default:
        return { x: box.x + box.width, y: c.y };
    }
  };
  return {
    from: from.key,
    to: to.key,
    fromSide,
    toSide,
    start: at(from, fromSide, a),
    end: at(to, toSide, b),
  };
}

/**
 * Lays the map out: one lane per perspective (Financial on top, Learning & Growth at the bottom),
 * each objective a box coloured by its status, an arrow from each objective to every objective its
 * Drives cell names.
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
  const widest = Math.max(1, ...[...byPerspective.values()].map((l) => l.length));
  const mapWidth = Math.max(
    measures.width,
    labelWidth + 2 * padding + widest * minBoxWidth + (widest - 1) * gap,
  );
  const usable = mapWidth - labelWidth - 2 * padding;

  const lanes: MapLane[] = [];
  const placed: MapObjective[] = [];
  order.forEach(({ name }, laneIndex) => {
    const y = laneIndex * laneHeight;
    lanes.push({ name, x: 0, y, width: mapWidth, height: laneHeight });
    const members = byPerspective.get(name) ?? [];
    const n = members.length;
    const boxWidth = Math.min(maxBoxWidth, (usable - (n - 1) * gap) / Math.max(n, 1));
    const rowWidth = n * boxWidth + (n - 1) * gap;
    const left = labelWidth + padding + (usable - rowWidth) / 2;
    members.forEach((o, i) => {
      placed.push({
        ...o,
        key: objectiveMapKey(o.perspective, o.name),
        x: left + i * (boxWidth + gap),
        y: y + titleHeight + (laneHeight - titleHeight - boxHeight) / 2,
        width: boxWidth,
        height: boxHeight,
      });
    });
  });

  const byName = new Map<string, MapObjective[]>();
  for (const o of placed) byName.set(nameKey(o.name), [...(byName.get(nameKey(o.name)) ?? []), o]);
  const links: MapLink[] = [];
  const unknownLinks: { from: string; name: string }[] = [];
  for (const model of objectives) {
    const from = placed.find((o) => o.key === objectiveMapKey(model.perspective, model.name));
    if (!from) continue;
    for (const driven of model.drives) {
      const candidates = (byName.get(nameKey(driven)) ?? []).filter((o) => o !== from);
      // The same name in two perspectives: the one in another lane is the effect meant.
      const to = candidates.find((o) => o.perspective !== from.perspective) ?? candidates[0];
      if (to) links.push(linkBetween(from, to));
      else unknownLinks.push({ from: from.key, name: driven });
    }
  }
  return {
    width: mapWidth,
    height: lanes.length * laneHeight,
    lanes,
    objectives: placed,
    links,
    unknownLinks,
  };
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
