import type { KpiResult } from "../../engine/evaluate";
import { STATUS_MEANINGS, STATUS_SHAPES } from "../../plan/palette";
import { initiativesText, SHEET_MAP, type MapMeasures, type MapObjective } from "../../plan/strategyMap";

/** The pane's map: as wide as the pane at 300 px, each lane named above its objectives. */
export const PANE_MAP: MapMeasures = {
  ...SHEET_MAP,
  width: 300,
  labelWidth: 0,
  titleHeight: 18,
  laneHeight: 92,
  boxHeight: 62,
  gap: 8,
  padding: 6,
  minBoxWidth: 84,
};

export const FONT_SIZE = 10;

/** The shape and score a box shows under its name: "● 3.5". */
export const boxScore = (o: MapObjective): string =>
  `${STATUS_SHAPES[o.status]} ${o.score === null ? "–" : o.score.toFixed(1)}`;

/** The box's count of initiatives, short for the pane's narrow boxes: "2 init. ⚑1" (1 flagged). */
export const boxInitiatives = (o: MapObjective): string =>
  o.initiatives ? ` · ${o.initiatives} init.${o.initiativesFlagged ? ` ⚑${o.initiativesFlagged}` : ""}` : "";

export const scoreText = (score: number | null): string =>
  score === null ? "no score" : `score ${score.toFixed(1)}`;

/** A KPI of the chosen objective as the details list it and the announcement says it. */
export const kpiLine = (k: KpiResult): string =>
  `${k.kpi.name}: ${STATUS_MEANINGS[k.status]}${k.score === null ? "" : `, ${k.score.toFixed(1)}`}`;

/**
 * A box's name starts with the words it shows (its name as wrapped, its shape and score), so a
 * user of speech input can say what they see; a name cut short on the box follows in full.
 */
export const describeBox = (o: MapObjective, lines: readonly string[]): string => {
  const shown = lines.join(" ");
  const full = shown === o.name ? "" : ` (${o.name})`;
  const initiatives = initiativesText(o);
  return `${shown}${full} ${boxScore(o)}${boxInitiatives(o)}, ${o.perspective}: ${STATUS_MEANINGS[o.status]}, ${o.kpiCount} KPI${o.kpiCount === 1 ? "" : "s"}${initiatives ? `, ${initiatives}` : ""}`;
};
