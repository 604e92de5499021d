import { MessageBar, MessageBarBody, Spinner, Tab, TabList } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { fatalSentence } from "../app/outcomeText";
import { periodsOf } from "../app/paneTrends";
import { useAppStyles } from "./App.styles";
import type { AppModel, TabName } from "./useApp";
import { IssuesList } from "./views/IssuesList";
import { groupIssues } from "../app/issueGroups";
import { ScorecardView } from "./views/ScorecardView";
import { SetupView } from "./views/SetupView";
import { StrategyMapSection } from "./views/StrategyMapSection";
import { UnitsSection } from "./views/UnitsSection";
import { PublishSection } from "./views/PublishSection";
import { isRestatement, shownTime } from "../app/periodHistory";
import type { Definition } from "../model/definition";

// The views a user opens now and then come in their own chunks, fetched when first opened.
const TagView = lazy(() =>
  import(/* webpackChunkName: "tag" */ "./views/TagView.js").then((m) => ({ default: m.TagView })),
);
const SettingsView = lazy(() =>
  import(/* webpackChunkName: "settings" */ "./views/SettingsView.js").then((m) => ({
    default: m.SettingsView,
  })),
);

const loading = <Spinner size="tiny" label="Loading…" />;

/** When the period was published, as the History sheet says it; null while it is not. */
function publishedAt(definition: Definition, period: string): string | null {
  const entry = definition.published?.find((p) => p.period === period);
  return entry ? shownTime(entry.at) : null;
}

/** The tabs and the view each shows: the set-up or the scorecard, the issues, tagging, settings. */
export function AppViews({ app }: { app: AppModel }) {
  const styles = useAppStyles();
  const { state, tab, setTab, definition, firstRun, viewed } = app;
  if (state.phase !== "ready") return null;
  const scoring = state.scoring;
  const sheetReport = scoring?.ok ? scoring.report : null;
  const shown = viewed?.ok ? viewed : scoring?.ok ? scoring : null;
  const report = shown?.report ?? null;
  const palette = definition.settings.palette;
  const showSetup = firstRun || app.settingUp;
  const tabs: { name: TabName; label: string }[] = [
    { name: "scorecard", label: showSetup ? "Set up" : "Scorecard" },
    { name: "issues", label: report ? `Issues (${groupIssues(report.issues).length})` : "Issues" },
    { name: "tag", label: "Tag KPI" },
    { name: "settings", label: "Settings" },
  ];
  return (
    <>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabName)}
        aria-label="Views"
      >
        {tabs.map((t) => (
          <Tab key={t.name} value={t.name}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={tabs.find((t) => t.name === tab)?.label}>
        {showSetup && (
          // Kept mounted while another tab is open, so that the choices made are not lost.
          <div hidden={tab !== "scorecard"}>
            <SetupView
              workbook={state.workbook}
              candidates={state.candidates}
              base={definition}
              getSelection={() => app.port.getSelection()}
              onCreate={(d, preview) => void app.create(d, preview)}
              {...(firstRun ? {} : { onCancel: () => app.setSettingUp(false) })}
            />
          </div>
        )}
        {tab === "scorecard" &&
          !showSetup &&
          (report && shown ? (
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
          ) : (
            <MessageBar layout="multiline" intent={definition.units?.length ? "info" : "error"}>
              <MessageBarBody>
                {definition.units?.length
                  ? `This workbook consolidates its units' workbooks (${definition.units.map((u) => u.file).join(", ")}): add them again in Settings > Units' workbooks to score them.`
                  : scoring && !scoring.ok
                    ? fatalSentence(scoring.fatal, "pane")
                    : "The scorecard could not be read."}
              </MessageBarBody>
            </MessageBar>
          ))}
        {tab === "issues" && <IssuesList issues={report?.issues ?? []} onSelectCell={app.selectCell} />}
        <Suspense fallback={loading}>
          {tab === "tag" && (
            <TagView
              perspectives={report?.perspectives.map((p) => p.name) ?? []}
              objectives={report?.perspectives.flatMap((p) => p.objectives.map((o) => o.name)) ?? []}
              getSelection={() => app.port.getSelection()}
              sheetNames={state.workbook.snapshot.sheets
                .filter((s) => s.visibility !== "veryHidden")
                .map((s) => s.name)}
              onTag={(draft) => void app.tag(draft)}
            />
          )}
          {tab === "settings" && (
            <SettingsView
              settings={definition.settings}
              periods={scoring?.ok ? periodsOf(scoring.model) : []}
              onSave={(s) => void app.saveSettings(s)}
              {...(firstRun
                ? {}
                : {
                    onSetUpAgain: () => {
                      app.setSettingUp(true);
                      setTab("scorecard");
                    },
                  })}
            />
          )}
          {tab === "settings" && (
            <UnitsSection remembered={definition.units ?? []} busy={app.busy} onAdd={app.addUnits} />
          )}
        </Suspense>
      </div>
    </>
  );
}
