import { Body1, Caption1, tokens } from "@fluentui/react-components";
import type { ScorecardResult } from "../../engine/evaluate";
import type { ObjectiveModel } from "../../model/scorecard";
import type { PaletteName } from "../../plan/palette";
import { StrategyMapBox } from "./StrategyMapBox";
import { StrategyMapDetails } from "./StrategyMapDetails";
import { useStrategyMapStyles } from "./StrategyMapView.styles";
import { PANE_MAP } from "./strategyMapPane";
import { useStrategyMapView } from "./useStrategyMapView";

export interface StrategyMapViewProps {
  readonly result: ScorecardResult;
  readonly objectives: readonly ObjectiveModel[];
  readonly palette: PaletteName;
}

/**
 * The strategy map in the pane: objectives in perspective lanes, coloured by status and showing
 * their scores, with the cause-and-effect arrows of the Objectives table's Drives column. Every
 * objective is a button: Tab reaches it, Enter or Space shows its KPIs below the map, Escape
 * folds them away.
 */
export function StrategyMapView(props: StrategyMapViewProps) {
  const styles = useStrategyMapStyles();
  const { arrowId, map, chosen, chosenObjective, chosenKpis, chosenFollowUps, choose, onKey } =
    useStrategyMapView(props);

  if (map.objectives.length === 0) return <Body1>There are no objectives to draw yet.</Body1>;

  return (
    <div className={styles.root}>
      <figure className={styles.figure} aria-label="Strategy map">
        <svg
          className={styles.svg}
          viewBox={`0 0 ${map.width} ${map.height}`}
          role="group"
          aria-label={`Strategy map: ${map.lanes.length} perspectives, ${map.objectives.length} objectives, ${map.links.length} cause-and-effect links`}
        >
          <defs>
            <marker
              id={arrowId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={tokens.colorNeutralForeground2} />
            </marker>
          </defs>
          {map.lanes.map((lane, i) => (
            <g key={lane.name}>
              <rect
                x={lane.x}
                y={lane.y}
                width={lane.width}
                height={lane.height}
                fill={i % 2 === 0 ? tokens.colorNeutralBackground2 : tokens.colorNeutralBackground1}
              />
              <text
                x={PANE_MAP.padding}
                y={lane.y + 13}
                fontSize={11}
                fontWeight={600}
                fill={tokens.colorNeutralForeground2}
              >
                {lane.name}
              </text>
            </g>
          ))}
          {map.links.map((link) => (
            <line
              key={`${link.from}→${link.to}`}
              x1={link.start.x}
              y1={link.start.y}
              x2={link.end.x}
              y2={link.end.y}
              stroke={tokens.colorNeutralForeground2}
              strokeWidth={1.2}
              markerEnd={`url(#${arrowId})`}
              aria-hidden="true"
            />
          ))}
          {map.objectives.map((o) => (
            <StrategyMapBox
              key={o.key}
              objective={o}
              palette={props.palette}
              pressed={chosen === o.key}
              choose={choose}
              onKey={onKey}
            />
          ))}
        </svg>
      </figure>
      {map.unknownLinks.length > 0 && (
        <Caption1>
          {`Drives names no objective of the scorecard: ${map.unknownLinks
            .map((l) => `"${l.name}" (from ${l.from})`)
            .join(", ")}.`}
        </Caption1>
      )}
      {chosenObjective && (
        <StrategyMapDetails objective={chosenObjective} kpis={chosenKpis} followUps={chosenFollowUps} />
      )}
    </div>
  );
}
