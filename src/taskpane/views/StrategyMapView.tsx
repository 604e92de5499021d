import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { ScorecardResult } from "../../engine/evaluate";
import type { ObjectiveModel } from "../../model/scorecard";
import type { PaletteName } from "../../plan/palette";
import { PALETTES, STATUS_MEANINGS, STATUS_SHAPES } from "../../plan/palette";
import {
  initiativesText,
  SHEET_MAP,
  strategyMapLayout,
  wrapLabel,
  type MapMeasures,
  type MapObjective,
} from "../../plan/strategyMap";
import { useAnnounceChange } from "../Announcer";
// Its boxes are SVG elements reached by Tab: Preact must write their tabindex as React does.
import "../svgTabIndex";

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

const FONT_SIZE = 10;

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  figure: { margin: 0, width: "100%", overflowX: "auto" },
  svg: { display: "block", width: "100%", height: "auto" },
  box: {
    cursor: "pointer",
    outlineStyle: "none",
    ":focus-visible > rect:first-of-type": {
      stroke: tokens.colorStrokeFocus2,
      strokeWidth: "3px",
    },
  },
  details: { display: "grid", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The shape and score a box shows under its name: "● 3.5". */
const boxScore = (o: MapObjective): string =>
  `${STATUS_SHAPES[o.status]} ${o.score === null ? "–" : o.score.toFixed(1)}`;

/** The box's count of initiatives, short for the pane's narrow boxes: "2 init. ⚑1" (1 flagged). */
const boxInitiatives = (o: MapObjective): string =>
  o.initiatives ? ` · ${o.initiatives} init.${o.initiativesFlagged ? ` ⚑${o.initiativesFlagged}` : ""}` : "";

const scoreText = (score: number | null): string =>
  score === null ? "no score" : `score ${score.toFixed(1)}`;

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
export function StrategyMapView({ result, objectives, palette }: StrategyMapViewProps) {
  const styles = useStyles();
  const arrowId = useId().replace(/:/g, "");
  const map = useMemo(() => strategyMapLayout(result, objectives, PANE_MAP), [result, objectives]);
  const [chosen, setChosen] = useState<string | null>(null);
  const colours = PALETTES[palette];
  const chosenObjective = map.objectives.find((o) => o.key === chosen) ?? null;
  const chosenKpis = chosenObjective
    ? (result.perspectives
        .find((p) => p.name === chosenObjective.perspective)
        ?.objectives.find((o) => o.name === chosenObjective.name)?.kpis ?? [])
    : [];

  // The chosen objective's own commentary for the period and its initiatives (the Commentary and
  // Initiatives tables, and the pane's commentary).
  const ofChosen = <T extends { perspective: string; objective: string }>(items: readonly T[] = []): T[] =>
    chosenObjective
      ? items.filter(
          (x) => x.perspective === chosenObjective.perspective && x.objective === chosenObjective.name,
        )
      : [];
  const chosenFollowUps = {
    analysis: ofChosen(result.followUps?.commentary)
      .filter((c) => c.kpi === null && c.analysis !== "")
      .map((c) => c.analysis)
      .join("\n"),
    initiatives: ofChosen(result.followUps?.initiatives),
  };

  const chosenSummary = chosenObjective
    ? `${chosenObjective.name} · ${STATUS_MEANINGS[chosenObjective.status]} · ${scoreText(chosenObjective.score)}`
    : null;
  const kpiLine = (k: (typeof chosenKpis)[number]): string =>
    `${k.kpi.name}: ${STATUS_MEANINGS[k.status]}${k.score === null ? "" : `, ${k.score.toFixed(1)}`}`;
  // The objective chosen is said with its KPIs, as the details below the map show them.
  useAnnounceChange(chosenSummary && `${chosenSummary}. ${chosenKpis.map(kpiLine).join("; ")}`);

  if (map.objectives.length === 0) return <Body1>There are no objectives to draw yet.</Body1>;

  /**
   * A box's name starts with the words it shows (its name as wrapped, its shape and score), so a
   * user of speech input can say what they see; a name cut short on the box follows in full.
   */
  const describe = (o: MapObjective, lines: readonly string[]) => {
    const shown = lines.join(" ");
    const full = shown === o.name ? "" : ` (${o.name})`;
    const initiatives = initiativesText(o);
    return `${shown}${full} ${boxScore(o)}${boxInitiatives(o)}, ${o.perspective}: ${STATUS_MEANINGS[o.status]}, ${o.kpiCount} KPI${o.kpiCount === 1 ? "" : "s"}${initiatives ? `, ${initiatives}` : ""}`;
  };
  const choose = (key: string) => setChosen((current) => (current === key ? null : key));
  const onKey = (event: KeyboardEvent, key: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(key);
    }
    // Escape closes what the box opened, as it closes a KPI's details; focus stays on the box.
    if (event.key === "Escape" && chosen !== null) {
      event.stopPropagation();
      setChosen(null);
    }
  };

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
          {map.objectives.map((o) => {
            const c = colours[o.status];
            const lines = wrapLabel(o.name, o.width - 8, 3);
            return (
              <g
                key={o.key}
                className={styles.box}
                role="button"
                tabIndex={0}
                aria-pressed={chosen === o.key}
                aria-label={describe(o, lines)}
                onClick={() => choose(o.key)}
                onKeyDown={(e) => onKey(e, o.key)}
              >
                <rect
                  x={o.x}
                  y={o.y}
                  width={o.width}
                  height={o.height}
                  rx={6}
                  fill={`#${c.fill}`}
                  stroke={chosen === o.key ? tokens.colorBrandStroke1 : `#${c.color}`}
                  strokeWidth={chosen === o.key ? 2.5 : 1}
                />
                {lines.map((line, i) => (
                  <text
                    key={i}
                    x={o.x + o.width / 2}
                    y={o.y + 13 + i * (FONT_SIZE + 2)}
                    fontSize={FONT_SIZE}
                    textAnchor="middle"
                    fill={`#${c.color}`}
                  >
                    {/* A space after each line: the words of two lines stay two words to a screen reader. */}
                    {`${line} `}
                  </text>
                ))}
                <text
                  x={o.x + o.width / 2}
                  y={o.y + o.height - 6}
                  fontSize={FONT_SIZE}
                  fontWeight={700}
                  textAnchor="middle"
                  fill={`#${c.color}`}
                >
                  {boxScore(o)}
                  {boxInitiatives(o)}
                </text>
              </g>
            );
          })}
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
        <section className={styles.details} aria-label={`KPIs of ${chosenObjective.name}`}>
          <Body1>
            <strong>{chosenObjective.name}</strong>
            {` · ${STATUS_MEANINGS[chosenObjective.status]} · ${scoreText(chosenObjective.score)}`}
          </Body1>
          <ul className={styles.list}>
            {chosenKpis.map((k) => (
              <li key={k.kpi.name}>{kpiLine(k)}</li>
            ))}
          </ul>
          {chosenFollowUps.analysis && <Body1>{chosenFollowUps.analysis}</Body1>}
          {chosenFollowUps.initiatives.length > 0 && (
            <ul className={styles.list} aria-label={`Initiatives of ${chosenObjective.name}`}>
              {chosenFollowUps.initiatives.map((i) => (
                <li key={i.name}>
                  {`${i.name}${i.complete === null ? "" : `: ${Math.round(i.complete * 100)}%`}${i.flags.length ? ` (${i.flags.join(", ")})` : ""}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
