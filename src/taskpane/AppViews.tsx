import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { periodsOf } from "../app/paneTrends";
import { useAppStyles } from "./App.styles";
import type { AppModel, TabName } from "./useApp";
import { PaneTabs } from "./views/PaneTabs";
import { shownScoring } from "./shownScoring";
import { groupIssues } from "../app/issueGroups";
import { UnitsSection } from "./views/UnitsSection";

// The set-up and the scorecard are each a chunk of their own: a pane's first view is one or the
// other (the set-up for a workbook without a scorecard, the tree for one with), so each first load
// carries only its own view's code (issue 21 item 8).
const SetupView = lazy(() =>
  import(/* webpackChunkName: "setup" */ "./views/SetupView.js").then((m) => ({ default: m.SetupView })),
);
const ScorecardTab = lazy(() =>
  import(/* webpackChunkName: "scorecard" */ "./ScorecardTab.js").then((m) => ({ default: m.ScorecardTab })),
);
// The views a user opens now and then come in their own chunks, fetched when first opened.
const TagView = lazy(() =>
  import(/* webpackChunkName: "tag" */ "./views/TagView.js").then((m) => ({ default: m.TagView })),
);
// The issues are listed on their own tab, opened after the first view: fetched when first opened.
const IssuesList = lazy(() =>
  import(/* webpackChunkName: "issues" */ "./views/IssuesList.js").then((m) => ({ default: m.IssuesList })),
);
const SettingsView = lazy(() =>
  import(/* webpackChunkName: "settings" */ "./views/SettingsView.js").then((m) => ({
    default: m.SettingsView,
  })),
);

const loading = <Spinner size="tiny" label="Loading…" />;

/** The tabs and the view each shows: the set-up or the scorecard, the issues, tagging, settings. */
export function AppViews({ app }: { app: AppModel }) {
  const styles = useAppStyles();
  const { state, tab, setTab, definition, firstRun } = app;
  if (state.phase !== "ready") return null;
  const scoring = state.scoring;
  const report = shownScoring(app)?.report ?? null;
  const showSetup = firstRun || app.settingUp;
  const tabs: { name: TabName; label: string }[] = [
    { name: "scorecard", label: showSetup ? "Set up" : "Scorecard" },
    { name: "issues", label: report ? `Issues (${groupIssues(report.issues).length})` : "Issues" },
    { name: "tag", label: "Tag KPI" },
    { name: "settings", label: "Settings" },
  ];
  return (
    <>
      <PaneTabs className={styles.tabs} label="Views" tabs={tabs} selected={tab} onSelect={setTab} />
      <div role="tabpanel" aria-label={tabs.find((t) => t.name === tab)?.label}>
        {showSetup && (
          // Kept mounted while another tab is open, so that the choices made are not lost.
          <div hidden={tab !== "scorecard"}>
            <Suspense fallback={loading}>
              <SetupView
                workbook={state.workbook}
                candidates={state.candidates}
                base={definition}
                getSelection={() => app.port.getSelection()}
                onCreate={(d, preview) => void app.create(d, preview)}
                {...(firstRun ? {} : { onCancel: () => app.setSettingUp(false) })}
              />
            </Suspense>
          </div>
        )}
        {tab === "scorecard" && !showSetup && (
          <Suspense fallback={loading}>
            <ScorecardTab app={app} />
          </Suspense>
        )}
        <Suspense fallback={loading}>
          {tab === "issues" && <IssuesList issues={report?.issues ?? []} onSelectCell={app.selectCell} />}
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
