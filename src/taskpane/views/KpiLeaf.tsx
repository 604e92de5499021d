import { mergeClasses } from "@fluentui/react-components";
import { memo } from "react";
import { formatByCell } from "../../app/numberFormat";
import { directionOf } from "../../app/paneTrends";
import type { KpiReport } from "../../app/report";
import type { Status, Trend } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { Sparkline } from "./Charts";
import { PaneLeaf, PaneTreeRow } from "./PaneTreeItems";
import { useScorecardStyles } from "./ScorecardView.styles";
import { StatusBadge } from "./StatusBadge";
import { TrendMark } from "./TrendMark";
import type { KpiModel } from "../../model/scorecard";
import { chosenKey, type Chosen, type ScorecardViewModel } from "./useScorecardView";

/**
 * A KPI's row: its figures, trend and sparkline are worked out only when the row is drawn, that
 * is when its objective is open (a closed branch's rows are not mounted): at 2,000 KPIs, scoring
 * every sparkline at each render took a second. Memoised: every prop keeps its identity until
 * what it says changes (the report's KPI, the view's stable row data, a stable onChoose), so a
 * state change that does not touch the row (a notice, another row chosen) leaves it undrawn.
 */
export const KpiLeaf = memo(function KpiLeaf({
  palette,
  period,
  kpi: k,
  perspective,
  objective,
  isChosen,
  kpiModel,
  entitiesOf,
  pointsOf,
  rows,
  onChoose,
}: {
  palette: PaletteName;
  period: string | null;
  kpi: KpiReport;
  perspective: string;
  objective: string;
  isChosen: boolean;
  kpiModel: KpiModel | undefined;
  entitiesOf: ScorecardViewModel["entitiesOf"];
  pointsOf: ScorecardViewModel["pointsOf"];
  rows: ScorecardViewModel["rows"];
  onChoose: (chosen: Chosen, kpi: KpiReport) => void;
}) {
  const styles = useScorecardStyles();
  const chosen: Chosen = { perspective, objective, name: k.name };
  const rowKey = chosenKey(chosen);
  const entities = entitiesOf(rowKey);
  const show = (v: number | null) => formatByCell(v, kpiModel?.numberFormat ?? null);
  const choose = () => onChoose(chosen, k);
  return (
    <PaneLeaf
      level={3}
      data-kpi={rowKey}
      aria-selected={isChosen}
      elementRef={(el) => {
        if (el) rows.current.set(rowKey, el);
        else rows.current.delete(rowKey);
      }}
      onClick={choose}
      onKeyDown={(e) => {
        if (e.key === " " && e.target === e.currentTarget) {
          e.preventDefault();
          choose();
        }
      }}
    >
      <PaneTreeRow
        className={mergeClasses(styles.leafLayout, isChosen && styles.chosen)}
        mainClassName={styles.main}
        asideClassName={styles.aside}
        aside={<StatusBadge status={k.status as Status} palette={palette} />}
      >
        {/* Two lines at most; the whole name on hover, and always to a screen reader. */}
        <span className={styles.name} title={k.name}>
          {k.name}
        </span>
        <span className={styles.figures}>
          {entities.length > 0 ? (
            <span>
              {entities.length} {entities.length === 1 ? "entity" : "entities"}
            </span>
          ) : (
            <span className={styles.numbers}>
              {show(k.actual)} / {show(k.target)}
            </span>
          )}
          {entities.length === 0 && (
            <TrendMark direction={directionOf(kpiModel, period)} trend={k.trend as Trend} palette={palette} />
          )}
          <Sparkline points={pointsOf(rowKey)} palette={palette} />
        </span>
      </PaneTreeRow>
    </PaneLeaf>
  );
});
