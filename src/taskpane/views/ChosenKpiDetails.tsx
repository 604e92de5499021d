import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { ScorecardReport } from "../../app/report";
import type { PaletteName } from "../../plan/palette";
import type { ScorecardViewProps } from "./ScorecardView";
import type { ScorecardViewModel } from "./useScorecardView";

/**
 * The details (commentary, initiatives, the history chart, their forms) come in a chunk of their
 * own: no KPI is chosen when the tree first shows, so the tree's first load goes without them
 * (issue 21 item 8). The chunk is fetched as soon as the user reaches for the tree
 * (`prefetchKpiDetails`), before a KPI is chosen.
 */
const loadKpiDetails = () => import(/* webpackChunkName: "kpi-details" */ "./KpiDetails.js");
export const prefetchKpiDetails = (): void => void loadKpiDetails().catch(() => undefined);
const KpiDetails = lazy(() => loadKpiDetails().then((m) => ({ default: m.KpiDetails })));

type Handlers = Pick<
  ScorecardViewProps,
  "onSelectCell" | "onEditKpi" | "onShowInputs" | "onSaveCommentary" | "onMarkActionDone" | "onAddInitiative"
>;

export interface ChosenKpiDetailsProps extends Handlers {
  readonly view: ScorecardViewModel;
  readonly report: ScorecardReport;
  readonly palette: PaletteName;
}

/**
 * The chosen KPI's details, if a KPI is chosen and still in the report: its commentary for the
 * period shown and its objective's initiatives, with the scorecard's handlers bound to that KPI.
 */
export function ChosenKpiDetails({ view, report, palette, ...on }: ChosenKpiDetailsProps) {
  const { chosen, found } = view;
  if (!chosen || !found) return null;
  const period = report.period;
  const ofObjective = (o: { perspective: string; objective: string }) =>
    o.objective === chosen.objective && o.perspective === chosen.perspective;
  const { onAddInitiative, onMarkActionDone, onSaveCommentary } = on;
  const details = (
    <KpiDetails
      view={view}
      kpi={found}
      chosen={chosen}
      palette={palette}
      period={period}
      onSelectCell={on.onSelectCell}
      onEditKpi={on.onEditKpi}
      onShowInputs={on.onShowInputs}
      commentary={(report.commentary ?? []).filter((c) => c.kpi === chosen.name && ofObjective(c))}
      initiatives={(report.initiatives ?? []).filter(ofObjective)}
      onAddInitiative={
        onAddInitiative &&
        ((edit) => onAddInitiative({ perspective: chosen.perspective, objective: chosen.objective }, edit))
      }
      onMarkActionDone={onMarkActionDone && ((action) => onMarkActionDone(chosen, period, action))}
      onSaveCommentary={onSaveCommentary && ((edit) => onSaveCommentary(chosen, period, edit))}
    />
  );
  return <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>{details}</Suspense>;
}
