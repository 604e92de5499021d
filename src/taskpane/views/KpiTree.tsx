import { BranchLayout } from "./KpiTreeRows";
import { KpiLeaf } from "./KpiLeaf";
import { PaneTree } from "./PaneTree";
import { PaneBranch } from "./PaneTreeItems";
import type { KeyboardEvent, ReactNode } from "react";
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
  const isOpen = (value: string) => view.openItems.has(value);
  const setOpen = (value: string, open: boolean) => {
    const next = new Set(view.openItems);
    if (open) next.add(value);
    else next.delete(value);
    view.setOpenItems(next);
  };
  // A perspective's (level 1) or an objective's (level 2) row and, open, what it holds.
  const branch = (
    value: string,
    level: 1 | 2,
    of: { name: string; score: number | null; status: string },
    children: ReactNode,
  ) => (
    <PaneBranch
      key={of.name}
      value={value}
      level={level}
      open={isOpen(value)}
      row={
        <BranchLayout
          name={of.name}
          level={level}
          open={isOpen(value)}
          score={of.score}
          status={of.status as Status}
          palette={palette}
        />
      }
    >
      {children}
    </PaneBranch>
  );
  return (
    <PaneTree
      className={styles.tree}
      label="Perspectives, objectives and KPIs"
      isOpen={isOpen}
      onOpenChange={setOpen}
      onKeyDown={onTreeKey}
    >
      {view.perspectives.map((p) =>
        branch(
          `p:${p.name}`,
          1,
          p,
          p.objectives.map((o) =>
            branch(`o:${p.name}/${o.name}`, 2, o, [
              ...o.kpis.map((k) => {
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
              }),
              ...initiatives
                .filter((i) => i.perspective === p.name && i.objective === o.name)
                .map((i) => <InitiativeLeaf key={`i:${i.name}`} initiative={i} palette={palette} />),
            ]),
          ),
        ),
      )}
    </PaneTree>
  );
}
