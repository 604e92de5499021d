import type { KpiReport } from "../../app/report";
import { formatByCell } from "../../app/numberFormat";
import type { directionOf } from "../../app/paneTrends";
import type { Status, Trend } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { useScorecardStyles } from "./ScorecardView.styles";
import { StatusBadge } from "./StatusBadge";
import { TrendMark } from "./TrendMark";
import { formatScore } from "./format";
import type { ScorecardViewModel } from "./useScorecardView";

export interface KpiFactsProps {
  readonly kpi: KpiReport;
  /** The KPI's own figures in each entity, where the scorecard has entities (then no single actual). */
  readonly entities: ReturnType<ScorecardViewModel["entitiesOf"]>;
  readonly direction: ReturnType<typeof directionOf>;
  readonly palette: PaletteName;
  /** The number format of the KPI's cells, that its figures are shown in. */
  readonly format: string | null;
}

/** A KPI's facts in its details: status and score, its figures or each entity's, owner and cell. */
export function KpiFacts({ kpi, entities, direction, palette, format }: KpiFactsProps) {
  const styles = useScorecardStyles();
  const f = (v: number | null) => formatByCell(v, format);
  return (
    <>
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={kpi.status as Status} palette={palette} /> score {formatScore(kpi.score)}
        </dd>
        {entities.length === 0 && (
          <>
            <dt>Actual</dt>
            <dd>{f(kpi.actual)}</dd>
            <dt>Target</dt>
            <dd>{f(kpi.target)}</dd>
            <dt>{kpi.polarity === "band" ? "Tolerance" : "Threshold"}</dt>
            <dd>{f(kpi.threshold)}</dd>
            <dt>Trend</dt>
            <dd>
              {direction === "none" ? (
                "–"
              ) : (
                <TrendMark direction={direction} trend={kpi.trend as Trend} palette={palette} spelled />
              )}
            </dd>
          </>
        )}
        <dt>Owner</dt>
        <dd>{kpi.owner || "–"}</dd>
        <dt>Cell</dt>
        <dd>{kpi.cell ?? "–"}</dd>
      </dl>
      {entities.length > 0 && (
        <ul className={styles.entities} aria-label={`${kpi.name} by entity`}>
          {entities.map(({ entity: name, kpi: own }) => (
            <li key={name}>
              {name}: {f(own.actual)} / {f(own.target)}{" "}
              <StatusBadge status={own.status as Status} palette={palette} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
