import { Body1 } from "@fluentui/react-components";
import { STATUS_MEANINGS } from "../../plan/palette";
import { useStrategyMapStyles } from "./StrategyMapView.styles";
import { kpiLine, scoreText } from "./strategyMapPane";
import type { StrategyMapViewState } from "./useStrategyMapView";

/** Below the map, the chosen objective: its KPIs, its commentary and its initiatives. */
export function StrategyMapDetails({
  objective,
  kpis,
  followUps,
}: {
  objective: NonNullable<StrategyMapViewState["chosenObjective"]>;
  kpis: StrategyMapViewState["chosenKpis"];
  followUps: StrategyMapViewState["chosenFollowUps"];
}) {
  const styles = useStrategyMapStyles();
  return (
    <section className={styles.details} aria-label={`KPIs of ${objective.name}`}>
      <Body1>
        <strong>{objective.name}</strong>
        {` · ${STATUS_MEANINGS[objective.status]} · ${scoreText(objective.score)}`}
      </Body1>
      <ul className={styles.list}>
        {kpis.map((k) => (
          <li key={k.kpi.name}>{kpiLine(k)}</li>
        ))}
      </ul>
      {followUps.analysis && <Body1>{followUps.analysis}</Body1>}
      {followUps.initiatives.length > 0 && (
        <ul className={styles.list} aria-label={`Initiatives of ${objective.name}`}>
          {followUps.initiatives.map((i) => (
            <li key={i.name}>
              {`${i.name}${i.complete === null ? "" : `: ${Math.round(i.complete * 100)}%`}${i.flags.length ? ` (${i.flags.join(", ")})` : ""}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
