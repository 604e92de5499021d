import { Tree, TreeItem } from "@fluentui/react-components";
import { BranchLayout } from "./KpiTreeRows";
import { KpiLeaf } from "./KpiLeaf";
import type { KeyboardEvent } from "react";
import type { InitiativeReport, KpiReport } from "../../app/report";
import { InitiativeLeaf } from "./FollowUps";
import type { Status } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { kpiKey } from "../../model/scorecard";
import { useScorecardStyles } from "./ScorecardView.styles";
import type { Chosen, ScorecardViewModel } from "./useScorecardView";

/**
 * Perspectives → objectives → KPIs. Enter, Space or a click opens a KPI's details; Escape, on a
 * row as in the details, closes them.
 */
export function KpiTree({
  view,
  palette,
  period,
  onChoose,
  initiatives = [],
}: {
  view: ScorecardViewModel;
  palette: PaletteName;
  period: string | null;
  onChoose: (chosen: Chosen, kpi: KpiReport) => void;
  /** The Initiatives table's rows, each shown under its objective after its KPIs. */
  initiatives?: readonly InitiativeReport[] | undefined;
}) {
  const styles = useScorecardStyles();
  const onTreeKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && view.chosen) {
      e.stopPropagation();
      view.close();
    }
  };
  return (
    <Tree
      className={styles.tree}
      aria-label="Perspectives, objectives and KPIs"
      openItems={view.openItems}
      onOpenChange={(_, d) => view.setOpenItems(new Set([...d.openItems].map(String)))}
      onKeyDown={onTreeKey}
    >
      {view.perspectives.map((p) => (
        <TreeItem key={p.name} itemType="branch" value={`p:${p.name}`}>
          <BranchLayout name={p.name} score={p.score} status={p.status as Status} palette={palette} />
          <Tree collapseMotion={null}>
            {p.objectives.map((o) => (
              <TreeItem key={o.name} itemType="branch" value={`o:${p.name}/${o.name}`}>
                <BranchLayout name={o.name} score={o.score} status={o.status as Status} palette={palette} />
                <Tree collapseMotion={null}>
                  {o.kpis.map((k) => {
                    const rowKey = kpiKey(p.name, o.name, k.name);
                    return (
                      <KpiLeaf
                        key={k.name}
                        palette={palette}
                        period={period}
                        kpi={k}
                        perspective={p.name}
                        objective={o.name}
                        isChosen={rowKey === view.key}
                        kpiModel={view.models.get(rowKey)}
                        entitiesOf={view.entitiesOf}
                        pointsOf={view.pointsOf}
                        rows={view.rows}
                        onChoose={onChoose}
                      />
                    );
                  })}
                  {initiatives
                    .filter((i) => i.perspective === p.name && i.objective === o.name)
                    .map((i) => (
                      <InitiativeLeaf key={`i:${i.name}`} initiative={i} palette={palette} />
                    ))}
                </Tree>
              </TreeItem>
            ))}
          </Tree>
        </TreeItem>
      ))}
    </Tree>
  );
}
