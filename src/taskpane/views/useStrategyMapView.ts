import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { STATUS_MEANINGS } from "../../plan/palette";
import { strategyMapLayout } from "../../plan/strategyMap";
import { useAnnounceChange } from "../Announcer";
import { kpiLine, PANE_MAP, scoreText } from "./strategyMapPane";
import type { StrategyMapViewProps } from "./StrategyMapView";

/**
 * The strategy map's state: its layout, the objective chosen (its KPIs, its commentary and
 * initiatives) and how a box is chosen by click or key; the choice is announced.
 */
export function useStrategyMapView({ result, objectives }: StrategyMapViewProps) {
  const arrowId = useId().replace(/:/g, "");
  const map = useMemo(() => strategyMapLayout(result, objectives, PANE_MAP), [result, objectives]);
  const [chosen, setChosen] = useState<string | null>(null);
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
  // The objective chosen is said with its KPIs, as the details below the map show them.
  useAnnounceChange(chosenSummary && `${chosenSummary}. ${chosenKpis.map(kpiLine).join("; ")}`);

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

  return { arrowId, map, chosen, chosenObjective, chosenKpis, chosenFollowUps, choose, onKey };
}

export type StrategyMapViewState = ReturnType<typeof useStrategyMapView>;
