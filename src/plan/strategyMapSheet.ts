import type { ScorecardResult } from "../engine/evaluate";
import type { Status } from "../engine/types";
import type { ObjectiveModel } from "../model/scorecard";
import { STRATEGY_MAP_MARKER_NAME, STRATEGY_MAP_SHEET_STAMP } from "../model/ownership";
import type { StatusColours } from "./palette";
import { STATUS_MEANINGS, STATUS_SHAPES } from "./palette";
import type { CellStyle, PlanCell, SheetPlan } from "./plan";
import { productPageText } from "./plan";
import type { ConnectionSite, ConnectorPlan, ShapePlan } from "./shapes";
import { PRODUCT_SHAPE_PREFIX } from "./shapes";
import {
  initiativesText,
  SHEET_MAP,
  strategyMapLayout,
  wrapLabel,
  type MapSide,
  type StrategyMap,
} from "./strategyMap";

/** The rows above the map: its title, the period and the key. The map starts below them. */
export const MAP_TOP_ROWS = 4;
/** Excel's default row height, in points: where the map's top is, under the rows above it. */
const ROW_HEIGHT = 15;
/** Excel's default column width (8.43 characters of Calibri 11), in points. */
const COLUMN_WIDTH = 48;
/** Unknown Drives names written on the sheet before "and N more". */
const UNKNOWN_SHOWN = 3;
export const MAP_TOP = MAP_TOP_ROWS * ROW_HEIGHT + 6;
const LANE_FILLS = ["F2F2F2", "FFFFFF"];
const LANE_LINE = "BFBFBF";
const ARROW_COLOUR = "404040";
const SITES: Readonly<Record<MapSide, ConnectionSite>> = { top: 0, left: 1, bottom: 2, right: 3 };

export const laneShapeName = (lane: string): string => `${PRODUCT_SHAPE_PREFIX}lane ${lane}`;
export const objectiveShapeName = (key: string): string => `${PRODUCT_SHAPE_PREFIX}${key}`;

export function strategyMapStyles(): Record<string, CellStyle> {
  return {
    "map-title": { bold: true, size: 16 },
    "map-note": { italic: true, color: "595959" },
  };
}

/** The map's shapes: a band per perspective, a box per objective, an arrow per Drives link. */
export function strategyMapShapes(
  map: StrategyMap,
  colours: Readonly<Record<Status, StatusColours>>,
): { shapes: ShapePlan[]; connectors: ConnectorPlan[] } {
  const shapes: ShapePlan[] = map.lanes.map((lane, i) => ({
    name: laneShapeName(lane.name),
    geometry: "rectangle",
    left: lane.x,
    top: MAP_TOP + lane.y,
    width: lane.width,
    height: lane.height,
    fill: LANE_FILLS[i % 2] as string,
    line: LANE_LINE,
    text: lane.name,
    color: "1F3864",
    fontSize: 11,
    bold: true,
    align: "left",
    verticalAlign: "top",
  }));
  for (const o of map.objectives) {
    const c = colours[o.status];
    const score = o.score === null ? "–" : o.score.toFixed(1);
    shapes.push({
      name: objectiveShapeName(o.key),
      geometry: "roundRectangle",
      left: o.x,
      top: MAP_TOP + o.y,
      width: o.width,
      height: o.height,
      fill: c.fill,
      line: c.color,
      // The name in at most three lines that fit the box (insets aside), so nothing spills out;
      // two where a line counts the objective's initiatives.
      text: [
        ...wrapLabel(o.name, o.width - 12, o.initiatives ? 2 : 3, 10),
        `${STATUS_SHAPES[o.status]} ${score} · ${STATUS_MEANINGS[o.status]}`,
        ...(o.initiatives ? [initiativesText(o)] : []),
      ].join("\n"),
      color: c.color,
      fontSize: 10,
      bold: false,
      align: "center",
      verticalAlign: "middle",
    });
  }
  const connectors: ConnectorPlan[] = map.links.map((link) => ({
    name: `${PRODUCT_SHAPE_PREFIX}${link.from} → ${link.to}`,
    from: objectiveShapeName(link.from),
    fromSite: SITES[link.fromSide],
    to: objectiveShapeName(link.to),
    toSite: SITES[link.toSide],
    start: { x: link.start.x, y: MAP_TOP + link.start.y },
    end: { x: link.end.x, y: MAP_TOP + link.end.y },
    color: ARROW_COLOUR,
  }));
  return { shapes, connectors };
}

export interface StrategyMapSheetInput {
  readonly result: ScorecardResult;
  readonly objectives: readonly ObjectiveModel[];
  readonly colours: Readonly<Record<Status, StatusColours>>;
  readonly refreshedAt: string;
}

/** The Strategy Map sheet's plan: `name` as productSheetName chose it, replacing the product's `replaces`. */
export function strategyMapSheet(
  input: StrategyMapSheetInput,
  name: string,
  replaces: string | null,
): SheetPlan {
  const map = strategyMapLayout(input.result, input.objectives, SHEET_MAP);
  const { shapes, connectors } = strategyMapShapes(map, input.colours);
  // At most a few names, so that the note stays within the printed width; the issues list them all.
  const shown = map.unknownLinks.slice(0, UNKNOWN_SHOWN).map((l) => `"${l.name}"`);
  const more = map.unknownLinks.length - shown.length;
  const unknown = shown.length ? `${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}` : "";
  const cells: PlanCell[] = [
    { row: 1, col: 1, value: STRATEGY_MAP_SHEET_STAMP, style: "map-title" },
    {
      row: 2,
      col: 1,
      value: `Period: ${input.result.period ?? "Single period"} · refreshed ${input.refreshedAt}`,
      style: "map-note",
    },
    {
      row: 3,
      col: 1,
      value: unknown
        ? `Drives names no objective: ${unknown} (see the issues). Each box: status and score (0–10).`
        : map.links.length
          ? "Arrows run from cause to effect (Objectives table, Drives column). Each box: status and score (0–10)."
          : "Each box: status and score (0–10). An Objectives table with a Drives column adds cause-and-effect arrows.",
      style: "map-note",
    },
  ];
  // The printed block covers the cells the shapes float over, so that the whole map prints.
  const area = {
    top: 1,
    left: 1,
    bottom: Math.ceil((MAP_TOP + map.height) / ROW_HEIGHT) + 1,
    right: Math.ceil(map.width / COLUMN_WIDTH) + 1,
  };
  return {
    role: "strategyMap",
    name,
    replaces,
    visibility: "visible",
    cells,
    columnWidths: [],
    frozenRows: 0,
    markerName: STRATEGY_MAP_MARKER_NAME,
    shapes,
    connectors,
    print: {
      orientation: "landscape",
      fitToPagesWide: 1,
      area,
      titleRows: { first: 1, last: 1 },
      ...productPageText(STRATEGY_MAP_SHEET_STAMP, input.result.period, input.refreshedAt),
    },
  };
}
