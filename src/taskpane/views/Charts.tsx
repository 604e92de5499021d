import { makeStyles, tokens } from "@fluentui/react-components";
import type { KpiPoint } from "../../app/history";
import { formatByCell } from "../../app/numberFormat";
import { PALETTES, STATUS_MEANINGS, type PaletteName } from "../../plan/palette";

const useStyles = makeStyles({
  spark: { flexShrink: 0, color: tokens.colorNeutralForeground2, verticalAlign: "middle" },
  chart: { width: "100%", height: "auto", maxWidth: "360px", color: tokens.colorNeutralForeground1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

interface Box {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Where each point sits in a box: x by its place, y by its value between the lowest and highest. */
function scale(points: readonly KpiPoint[], box: Box, withTarget: boolean) {
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
function runs(
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

/** The actual over the last periods, in a line a word wide; the last point in its status colour. */
export function Sparkline({ points, palette }: { points: readonly KpiPoint[]; palette: PaletteName }) {
  const styles = useStyles();
  const box: Box = { width: 48, height: 16, left: 2, right: 3, top: 3, bottom: 3 };
  const withValue = points.filter((p) => p.actual !== null);
  if (withValue.length < 2)
    return <svg className={styles.spark} width={box.width} height={box.height} aria-hidden="true" />;
  const { x, y } = scale(points, box, false);
  let lastIndex = points.length - 1;
  while (points[lastIndex]?.actual === null) lastIndex--;
  const last = points[lastIndex] as KpiPoint;
  const colours = PALETTES[palette][last.status];
  return (
    <svg
      className={styles.spark}
      width={box.width}
      height={box.height}
      viewBox={`0 0 ${box.width} ${box.height}`}
      aria-hidden="true"
      focusable="false"
    >
      {runs(points, (p) => p.actual, x, y).map((line) => (
        <polyline
          key={line}
          points={line}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.25}
          strokeLinejoin="round"
        />
      ))}
      <circle
        cx={x(lastIndex)}
        cy={y(last.actual as number)}
        r={2.5}
        fill={`#${colours.fill}`}
        stroke={`#${colours.color}`}
        strokeWidth={1}
      />
    </svg>
  );
}

/** One sentence on the history, for a screen reader: what the chart shows. */
export function historySentence(
  name: string,
  points: readonly KpiPoint[],
  numberFormat: string | null,
): string {
  const shown = points.filter((p) => p.actual !== null || p.status !== "none");
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (!first || !last) return `${name}: no history yet.`;
  const f = (v: number | null) => formatByCell(v, numberFormat);
  const counts = (["green", "amber", "red"] as const)
    .map((s) => [s, shown.filter((p) => p.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${STATUS_MEANINGS[s].toLowerCase()} ${n}`);
  return (
    `${name} over ${shown.length} period${shown.length === 1 ? "" : "s"}: ${f(first.actual)} in ${first.period}, ` +
    `${f(last.actual)} in ${last.period} against a target of ${f(last.target)}` +
    `${counts.length ? `; ${counts.join(", ")}` : ""}.`
  );
}

/**
 * A KPI's history as a small chart: the actual as a line whose points carry their status colour,
 * the target dashed; the lowest and highest values and the first and last periods labelled.
 */
export function HistoryChart({
  name,
  points,
  numberFormat,
  palette,
}: {
  name: string;
  points: readonly KpiPoint[];
  numberFormat: string | null;
  palette: PaletteName;
}) {
  const styles = useStyles();
  const sentence = historySentence(name, points, numberFormat);
  const hasValues = points.some((p) => p.actual !== null || p.target !== null);
  if (points.length < 2 || !hasValues) return null;
  const box: Box = { width: 300, height: 132, left: 52, right: 10, top: 10, bottom: 22 };
  const { x, y, low, high } = scale(points, box, true);
  const f = (v: number) => formatByCell(v, numberFormat);
  const label = { fontSize: 11, fill: "currentColor" } as const;
  const lastPoint = points[points.length - 1] as KpiPoint;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={sentence}
      >
        <line
          x1={box.left}
          x2={box.width - box.right}
          y1={y(low)}
          y2={y(low)}
          stroke="currentColor"
          strokeOpacity={0.25}
        />
        <line
          x1={box.left}
          x2={box.width - box.right}
          y1={y(high)}
          y2={y(high)}
          stroke="currentColor"
          strokeOpacity={0.25}
        />
        <text x={box.left - 6} y={y(high) + 4} textAnchor="end" {...label}>
          {f(high)}
        </text>
        {high !== low && (
          <text x={box.left - 6} y={y(low) + 4} textAnchor="end" {...label}>
            {f(low)}
          </text>
        )}
        {runs(points, (p) => p.target, x, y).map((line) => (
          <polyline
            key={`t${line}`}
            points={line}
            fill="none"
            stroke="currentColor"
            strokeOpacity={0.6}
            strokeDasharray="4 3"
            strokeWidth={1.5}
          />
        ))}
        {runs(points, (p) => p.actual, x, y).map((line) => (
          <polyline
            key={`a${line}`}
            points={line}
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ))}
        {points.map((p, i) =>
          p.actual === null ? null : (
            <circle
              key={p.period}
              cx={x(i)}
              cy={y(p.actual)}
              r={4}
              fill={`#${PALETTES[palette][p.status].fill}`}
              stroke={`#${PALETTES[palette][p.status].color}`}
              strokeWidth={1.5}
            />
          ),
        )}
        <text x={x(0)} y={box.height - 6} textAnchor="start" {...label}>
          {(points[0] as KpiPoint).period}
        </text>
        <text x={x(points.length - 1)} y={box.height - 6} textAnchor="end" {...label}>
          {lastPoint.period}
        </text>
      </svg>
      <figcaption className={styles.legend} aria-hidden="true">
        <span>── actual</span>
        <span>- - target</span>
        <span>● coloured by status</span>
      </figcaption>
    </figure>
  );
}
