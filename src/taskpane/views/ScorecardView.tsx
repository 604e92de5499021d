import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { CommentaryEdit, InitiativeEdit, KpiFieldEdits } from "../../app/definitionEdits";
import type { KpiReport, ScorecardReport } from "../../app/report";
import type { Status } from "../../engine/types";
import type { ScorecardModel } from "../../model/scorecard";
import type { PaletteName } from "../../plan/palette";
import { ChosenKpiDetails, prefetchKpiDetails } from "./ChosenKpiDetails";
import { KpiFilters } from "./KpiFilters";
import { KpiTree } from "./KpiTree";
import { ScoreAndStatus } from "./KpiTreeRows";
import { ScorecardPickers } from "./ScorecardPickers";
import { useScorecardStyles } from "./ScorecardView.styles";
import { shownSentence, statusCounts, useAnnounceShown } from "./scorecardHeadline";
import { useScorecardView, type Chosen } from "./useScorecardView";

export { OPEN_ALL_UP_TO, FILTER_FROM } from "./useScorecardView";

export interface ScorecardViewProps {
  readonly report: ScorecardReport;
  readonly palette: PaletteName;
  /** What was read, for number formats and history; null where none (a failed re-score). */
  readonly model: ScorecardModel | null;
  /** The period the Scorecard sheet shows (the scored one); the pane may show another. */
  readonly sheetPeriod: string | null;
  readonly onChoosePeriod: (period: string) => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
  readonly onEditKpi: (kpi: Chosen, edits: KpiFieldEdits) => void;
  /** Keeps commentary written in a KPI's details for the period shown; absent: commentary is read only. */
  readonly onSaveCommentary?:
    ((kpi: Chosen, period: string | null, edit: CommentaryEdit) => void) | undefined;
  /** Marks an action written in the pane done, for the period shown. */
  readonly onMarkActionDone?: ((kpi: Chosen, period: string | null, action: string) => void) | undefined;
  /** Keeps an initiative added under the chosen KPI's objective; absent: initiatives are read only. */
  readonly onAddInitiative?:
    ((objective: { perspective: string; objective: string }, edit: InitiativeEdit) => void) | undefined;
  /** Where the host can trace a formula's inputs (ExcelApi 1.12); absent elsewhere. */
  readonly onShowInputs?: ((sheet: string, address: string) => void) | undefined;
}

/**
 * The scorecard: its overall result, the period and entity shown, a search over a long tree,
 * the tree of perspectives, objectives and KPIs, and the chosen KPI's details in a drawer.
 */
export function ScorecardView(props: ScorecardViewProps) {
  const { report, palette, sheetPeriod, onChoosePeriod } = props;
  const styles = useScorecardStyles();
  const view = useScorecardView(report, props.model);
  const periods = view.periodsWithData;
  const entities = report.entities ?? [];
  // The latest onSelectCell, read at the click, so that the rows' onChoose keeps its identity
  // across renders (the host's callback is new at each) and a memoised row is not redrawn for it.
  const selectCell = useRef(props.onSelectCell);
  useLayoutEffect(() => {
    selectCell.current = props.onSelectCell;
  });
  const shown = [view.entity || "Overall", report.period].filter(Boolean).join(", ");
  useAnnounceShown(shown, shownSentence(shown, view.overall, view.all));
  const { choose } = view;
  const onChoose = useCallback(
    (chosen: Chosen, kpi: KpiReport) =>
      choose(chosen, kpi, (sheet, address) => selectCell.current(sheet, address)),
    [choose],
  );
  return (
    <section
      aria-label="Scorecard"
      className={styles.root}
      // The chosen KPI's details are fetched once the user reaches for the scorecard (a pointer over
      // it, a key pressed in it), not when it shows: focus lands in the tree by itself after a create.
      onPointerEnter={prefetchKpiDetails}
      onKeyDown={prefetchKpiDetails}
    >
      <div className={styles.overall}>
        <div className={styles.overallLine}>
          <Subtitle2 as="h2">{shown}</Subtitle2>
          <ScoreAndStatus
            score={view.overall.score}
            status={view.overall.status as Status}
            palette={palette}
          />
        </div>
        <Caption1>{statusCounts(view.all)}</Caption1>
      </div>
      <ScorecardPickers
        periods={periods}
        period={report.period}
        entities={entities}
        entity={view.entity}
        onChoosePeriod={onChoosePeriod}
        onChooseEntity={view.chooseEntity}
      />
      {sheetPeriod !== null && report.period !== null && report.period !== sheetPeriod && (
        <Caption1>
          The Scorecard sheet shows {sheetPeriod}. To write {report.period} there, choose it as the scored
          period in Settings.
        </Caption1>
      )}
      <KpiFilters view={view} />
      <KpiTree
        view={view}
        palette={palette}
        period={report.period}
        onChoose={onChoose}
        initiatives={report.initiatives}
      />
      {report.perspectives.length === 0 && <Body1>The scorecard table has no KPIs yet.</Body1>}
      <ChosenKpiDetails
        view={view}
        report={report}
        palette={palette}
        onSelectCell={props.onSelectCell}
        onEditKpi={props.onEditKpi}
        onShowInputs={props.onShowInputs}
        onSaveCommentary={props.onSaveCommentary}
        onMarkActionDone={props.onMarkActionDone}
        onAddInitiative={props.onAddInitiative}
      />
    </section>
  );
}
