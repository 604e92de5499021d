import type { KpiPoint } from "../../app/history";
import { PALETTES, type PaletteName } from "../../plan/palette";
import { useChartStyles } from "./Charts.styles";
import { runs, scale, type Box } from "./chartGeometry";

// The KPI details take the history chart from here, beside the sparkline: the charts are one module.
export { HistoryChart } from "./HistoryChart";

/** The actual over the last periods, in a line a word wide; the last point in its status colour. */
export function Sparkline({ points, palette }: { points: readonly KpiPoint[]; palette: PaletteName }) {
  const styles = useChartStyles();
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
