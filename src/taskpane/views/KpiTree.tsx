import { Tree, TreeItem, TreeItemLayout, mergeClasses } from "@fluentui/react-components";
import { BranchLayout } from "./KpiTreeRows";
import type { KeyboardEvent } from "react";
import { formatByCell } from "../../app/numberFormat";
import { directionOf } from "../../app/paneTrends";
import type { KpiReport } from "../../app/report";
import type { Status, Trend } from "../../engine/types";
import { kpiKey } from "../../model/scorecard";
import type { PaletteName } from "../../plan/palette";
import { Sparkline } from "./Charts";
import { useScorecardStyles } from "./ScorecardView.styles";
import { StatusBadge } from "./StatusBadge";
import { TrendMark } from "./TrendMark";
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
}: {
  view: ScorecardViewModel;
  palette: PaletteName;
  period: string | null;
  onChoose: (chosen: Chosen, kpi: KpiReport) => void;
}) {
  const styles = useScorecardStyles();
  const { models, entitiesOf, pointsOf, rows, key } = view;
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
                    const isChosen = rowKey === key;
                    const kpiModel = models.get(rowKey);
                    const entities = entitiesOf(rowKey);
                    const show = (v: number | null) => formatByCell(v, kpiModel?.numberFormat ?? null);
                    const choose = () =>
                      onChoose({ perspective: p.name, objective: o.name, name: k.name }, k);
                    return (
                      <TreeItem
                        key={k.name}
                        itemType="leaf"
                        value={`k:${rowKey}`}
                        data-kpi={rowKey}
                        aria-selected={isChosen}
                        ref={(el: HTMLDivElement | null) => {
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
                        <TreeItemLayout
                          className={mergeClasses(styles.leafLayout, isChosen && styles.chosen)}
                          main={{ className: styles.main }}
                          aside={{
                            className: styles.aside,
                            children: <StatusBadge status={k.status as Status} palette={palette} />,
                          }}
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
                              <TrendMark
                                direction={directionOf(kpiModel, period)}
                                trend={k.trend as Trend}
                                palette={palette}
                              />
                            )}
                            <Sparkline points={pointsOf(rowKey)} palette={palette} />
                          </span>
                        </TreeItemLayout>
                      </TreeItem>
                    );
                  })}
                </Tree>
              </TreeItem>
            ))}
          </Tree>
        </TreeItem>
      ))}
    </Tree>
  );
}
