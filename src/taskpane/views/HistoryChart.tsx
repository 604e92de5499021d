import type { KpiPoint } from "../../app/history";
import { formatByCell } from "../../app/numberFormat";
import { PALETTES, type PaletteName } from "../../plan/palette";
import { useChartStyles } from "./Charts.styles";
import { runs, scale, type Box } from "./chartGeometry";
import { historySentence } from "./historySentence";

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
  const styles = useChartStyles();
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
