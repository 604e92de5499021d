import type { KpiPoint } from "../../app/history";

export interface Box {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Where each point sits in a box: x by its place, y by its value between the lowest and highest. */
export function scale(points: readonly KpiPoint[], box: Box, withTarget: boolean) {
  const values = points
    .flatMap((p) => [p.actual, ...(withTarget ? [p.target] : [])])
    .filter((v) => v !== null);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || Math.abs(high) || 1;
  const [min, max] = high === low ? [low - span / 2, high + span / 2] : [low, high];
  const innerWidth = box.width - box.left - box.right;
  const innerHeight = box.height - box.top - box.bottom;
  const x = (i: number) =>
    box.left + (points.length === 1 ? innerWidth / 2 : (innerWidth * i) / (points.length - 1));
  const y = (v: number) => box.top + innerHeight - ((v - min) / (max - min)) * innerHeight;
  return { x, y, min, max, low, high };
}

/** "x,y x,y …" for the runs of a series without gaps: a missing value breaks the line. */
export function runs(
  points: readonly KpiPoint[],
  value: (p: KpiPoint) => number | null,
  x: (i: number) => number,
  y: (v: number) => number,
) {
  const lines: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    const v = value(p);
    if (v === null) {
      if (current.length > 1) lines.push(current.join(" "));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length > 1) lines.push(current.join(" "));
  return lines;
}
