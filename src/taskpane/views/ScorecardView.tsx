import { Body1, Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import type { CommentaryEdit, InitiativeEdit, KpiFieldEdits } from "../../app/definitionEdits";
import type { KpiReport, PerspectiveReport, ScorecardReport } from "../../app/report";
import type { Status } from "../../engine/types";
import type { ScorecardModel } from "../../model/scorecard";
import { STATUS_MEANINGS, type PaletteName } from "../../plan/palette";
import { useAnnounce } from "../Announcer";
import { KpiDetails } from "./KpiDetails";
import { KpiFilters } from "./KpiFilters";
import { KpiTree } from "./KpiTree";
import { ScoreAndStatus } from "./KpiTreeRows";
import { useScorecardStyles } from "./ScorecardView.styles";
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

/** How many KPIs have each status, as a line: "9 on target · 3 watch · 2 off target". */
function statusCounts(perspectives: readonly PerspectiveReport[]): string {
  const kpis = perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
  return (["green", "amber", "red", "none"] as const)
    .map((s) => [s, kpis.filter((k) => k.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_MEANINGS[s].toLowerCase()}`)
    .join(" · ");
}

/**
 * Says the result shown when the user looks at another period or entity (the heading changes in
 * place, which a screen reader does not read): not at first, when the create or refresh that drew
 * the view has said its own result.
 */
function useAnnounceShown(shown: string, sentence: string): void {
  const announce = useAnnounce();
  const said = useRef(shown);
  const latest = useRef(sentence);
  latest.current = sentence;
  useEffect(() => {
    if (said.current === shown) return;
    said.current = shown;
    announce(latest.current);
  }, [announce, shown]);
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
  useAnnounceShown(
    shown,
    `${shown}: ${view.overall.score === null ? "no score" : view.overall.score.toFixed(2)} (${STATUS_MEANINGS[view.overall.status as Status]}). ${statusCounts(view.all)}.`,
  );
  const { choose } = view;
  const onChoose = useCallback(
    (chosen: Chosen, kpi: KpiReport) =>
      choose(chosen, kpi, (sheet, address) => selectCell.current(sheet, address)),
    [choose],
  );
  return (
    <section aria-label="Scorecard" className={styles.root}>
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
      {(periods.length > 1 || entities.length > 0) && (
        <div className={styles.pickers}>
          {periods.length > 1 && (
            <Field label="Period">
              <Select value={report.period ?? ""} onChange={(_, d) => onChoosePeriod(d.value)}>
                {!periods.includes(report.period ?? "") && (
                  <option value={report.period ?? ""}>{report.period}</option>
                )}
                {periods.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {entities.length > 0 && (
            <Field label="Entity">
              <Select value={view.entity} onChange={(_, d) => view.chooseEntity(d.value)}>
                <option value="">All, consolidated</option>
                {entities.map((e) => (
                  <option key={e.name} value={e.name}>
                    {e.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      )}
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
      {view.chosen && view.found && (
        <KpiDetails
          view={view}
          kpi={view.found}
          chosen={view.chosen}
          palette={palette}
          period={report.period}
          onSelectCell={props.onSelectCell}
          onEditKpi={props.onEditKpi}
          onShowInputs={props.onShowInputs}
          commentary={(report.commentary ?? []).filter(
            (c) =>
              c.kpi === view.chosen?.name &&
              c.objective === view.chosen.objective &&
              c.perspective === view.chosen.perspective,
          )}
          initiatives={(report.initiatives ?? []).filter(
            (i) => i.objective === view.chosen?.objective && i.perspective === view.chosen.perspective,
          )}
          onAddInitiative={
            props.onAddInitiative &&
            ((edit: InitiativeEdit) =>
              view.chosen &&
              props.onAddInitiative?.(
                { perspective: view.chosen.perspective, objective: view.chosen.objective },
                edit,
              ))
          }
          onMarkActionDone={
            props.onMarkActionDone &&
            ((action: string) => view.chosen && props.onMarkActionDone?.(view.chosen, report.period, action))
          }
          onSaveCommentary={
            props.onSaveCommentary &&
            ((edit: CommentaryEdit) =>
              view.chosen && props.onSaveCommentary?.(view.chosen, report.period, edit))
          }
        />
      )}
    </section>
  );
}
