import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { fatalSentence } from "../app/outcomeText";
import { isRestatement, shownTime } from "../app/periodHistory";
import type { Definition } from "../model/definition";
import { shownScoring } from "./shownScoring";
import type { AppModel } from "./useApp";
import { PublishSection } from "./views/PublishSection";
import { ScorecardView } from "./views/ScorecardView";
import { StrategyMapSection } from "./views/StrategyMapSection";

/** When the period was published, as the History sheet says it; null while it is not. */
function publishedAt(definition: Definition, period: string): string | null {
  const entry = definition.published?.find((p) => p.period === period);
  return entry ? shownTime(entry.at) : null;
}

/**
 * The Scorecard tab once set up: the scorecard shown (the scored period's, or the period or entity
 * the user chose), its publishing and its strategy map; or why it could not be scored.
 */
export function ScorecardTab({ app }: { app: AppModel }) {
  const { state, definition } = app;
  if (state.phase !== "ready") return null;
  const scoring = state.scoring;
  const sheetReport = scoring?.ok ? scoring.report : null;
  const shown = shownScoring(app);
  const report = shown?.report ?? null;
  const palette = definition.settings.palette;
  if (!report || !shown) {
    return (
      <MessageBar layout="multiline" intent={definition.units?.length ? "info" : "error"}>
        <MessageBarBody>
          {definition.units?.length
            ? `This workbook consolidates its units' workbooks (${definition.units.map((u) => u.file).join(", ")}): add them again in Settings > Units' workbooks to score them.`
            : scoring && !scoring.ok
              ? fatalSentence(scoring.fatal, "pane")
              : "The scorecard could not be read."}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <ScorecardView
        report={report}
        palette={palette}
        model={shown.model}
        sheetPeriod={sheetReport?.period ?? null}
        onChoosePeriod={(p) => app.setViewPeriod(p === sheetReport?.period ? null : p)}
        onSelectCell={app.selectCell}
        onEditKpi={(kpi, edits) => void app.saveKpiEdit(kpi, edits)}
        onSaveCommentary={(kpi, period, edit) => void app.saveCommentary(kpi, period, edit)}
        onAddInitiative={(objective, edit) => void app.saveInitiative(objective, edit)}
        onMarkActionDone={(kpi, period, action) => void app.saveActionDone(kpi, period, action)}
        onShowInputs={app.showCellInputs}
      />
      {report.period !== null && (
        <PublishSection
          period={report.period}
          publishedAt={publishedAt(definition, report.period)}
          restatements={report.issues.filter(isRestatement)}
          busy={app.busy}
          onPublish={app.publish}
          onSelectCell={app.selectCell}
        />
      )}
      <StrategyMapSection
        result={shown.result}
        objectives={shown.model.objectives}
        palette={palette}
        sheet={state.workbook.owned.strategyMap ?? null}
        busy={app.busy}
        onInsert={app.insertStrategyMap}
      />
    </>
  );
}
