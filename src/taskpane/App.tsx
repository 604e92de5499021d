import { errorSentence } from "../app/outcomeText";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Subtitle2,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { addTaggedKpi, editKpi, editSettings, tagName } from "../app/definitionEdits";
import { periodsOf } from "../app/paneTrends";
import { scoreWorkbook } from "../app/scorecard";
import { quoteSheetName } from "../model/address";
import { emptyDefinition, type Definition } from "../model/definition";
import type { InteractiveWorkbook, RangeRef } from "../workbook/port";
import { useScorecardSession } from "./useScorecardSession";
import { IssuesList } from "./views/IssuesList";
import { ScorecardView } from "./views/ScorecardView";
import { SettingsView } from "./views/SettingsView";
import { StrategyMapSection } from "./views/StrategyMapView";
import { SetupView } from "./views/SetupView";
import { TagView, type TagDraft } from "./views/TagView";

const useStyles = makeStyles({
  // Designed for Excel's 320 px pane first: nothing may be wider than the pane.
  root: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalS,
    alignContent: "start",
    boxSizing: "border-box",
    // Wide in a browser, the pane keeps a reading width: names stay near their numbers.
    maxWidth: "760px",
    margin: "0 auto",
    // A list is as wide as its longest option: cut the list, never the page.
    "& .fui-Select, & select": { minWidth: 0, maxWidth: "100%" },
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  title: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
  tabs: { flexWrap: "wrap" },
  status: { display: "grid", gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

export interface AppProps {
  readonly port: InteractiveWorkbook;
  readonly theme?: Theme;
  /**
   * Host features beyond the core requirement set, detected at run time: selects the cells a
   * formula reads, false when the cell has no formula that reads any.
   */
  readonly showInputs?: ((ref: RangeRef) => Promise<boolean>) | undefined;
  /** Told whether the workbook holds a scorecard yet (the preview's Download waits for one). */
  readonly onScorecard?: (exists: boolean) => void;
}

type TabName = "scorecard" | "issues" | "tag" | "settings";

/** The cells a tag names, as the user wrote them: "Notes!B2:M2" (and the target's). */
const sheetCellsText = (draft: TagDraft): string =>
  [draft.actual, ...(typeof draft.target === "number" ? [] : [draft.target])]
    .map((r) => `${quoteSheetName(r.sheet)}!${r.address}`)
    .join(" and ");

function formatTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? null
    : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The overview at the top again: after a create or a refresh, the page starts over. */
const toTop = () => {
  document.documentElement.scrollTop = 0;
};

export function App({ port, theme = webLightTheme, showInputs, onScorecard }: AppProps) {
  const styles = useStyles();
  const session = useScorecardSession(port);
  const { state, progress, notice } = session;
  const [tab, setTab] = useState<TabName>("scorecard");
  /** The set-up opened again from Settings, over a scorecard that exists. */
  const [settingUp, setSettingUp] = useState(false);
  /** A period the user looks at in the pane, other than the one the sheet shows; null for that one. */
  const [viewPeriod, setViewPeriod] = useState<string | null>(null);
  const busy = progress !== null;
  const ready = state.phase === "ready" ? state : null;
  const exists = ready !== null && ready.definition !== null;
  useEffect(() => onScorecard?.(exists), [onScorecard, exists]);
  const viewed = useMemo(() => {
    const scoring = ready?.scoring ?? null;
    if (!ready || !scoring?.ok || viewPeriod === null || viewPeriod === scoring.report.period) return scoring;
    return scoreWorkbook(ready.workbook, ready.definition, { period: viewPeriod });
  }, [ready, viewPeriod]);
  const refresh = async () => {
    await session.refresh();
    toTop();
  };

  let body: React.ReactNode;
  if (state.phase === "loading") body = <Spinner label="Reading the workbook…" />;
  else if (state.phase === "failed")
    body = (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  else {
    const definition: Definition = state.definition ?? emptyDefinition();
    const scoring = state.scoring;
    const sheetReport = scoring?.ok ? scoring.report : null;
    const shown = viewed?.ok ? viewed : scoring?.ok ? scoring : null;
    const report = shown?.report ?? null;
    const palette = definition.settings.palette;
    const firstRun = state.definition === null;
    const showSetup = firstRun || settingUp;
    const periods = scoring?.ok ? periodsOf(scoring.model) : [];
    const selectCell = (sheet: string, address: string) => void session.select(sheet, address);
    // Every call into Excel ends in a message, never in a rejected promise nobody hears of.
    const showCellInputs = (sheet: string, address: string) => {
      if (!showInputs) return;
      showInputs({ sheet, address }).then(
        (shown) => {
          if (!shown)
            session.setNotice({
              intent: "info",
              text: `${sheet}!${address} holds no formula that reads other cells.`,
            });
        },
        (error: unknown) =>
          session.setNotice({
            intent: "error",
            text: `Could not show the inputs of ${sheet}!${address}: ${errorSentence(error)}`,
          }),
      );
    };

    const tag = async (draft: TagDraft) => {
      const taken = state.workbook.snapshot.names.map((n) => n.name);
      const actualName = tagName(taken, "Actual");
      const targetName = typeof draft.target === "number" ? null : tagName(taken, "Target");
      try {
        await port.defineName(actualName, draft.actual);
        if (targetName && typeof draft.target !== "number") await port.defineName(targetName, draft.target);
      } catch (error) {
        session.setNotice({
          intent: "error",
          text: `Could not name ${sheetCellsText(draft)}: ${(error as Error).message}`,
        });
        return;
      }
      const next = addTaggedKpi(definition, {
        perspective: draft.perspective,
        objective: draft.objective,
        name: draft.name,
        actualName,
        targetName,
        target: typeof draft.target === "number" ? draft.target : null,
        polarity: draft.polarity,
        ...(draft.threshold !== undefined ? { threshold: draft.threshold } : {}),
        weight: draft.weight,
        ...(draft.owner ? { owner: draft.owner } : {}),
      });
      await session.save(next, `"${draft.name}" is tagged.`, true);
      setTab("scorecard");
      toTop();
    };

    const tabs: { name: TabName; label: string }[] = [
      { name: "scorecard", label: showSetup ? "Set up" : "Scorecard" },
      { name: "issues", label: report ? `Issues (${report.issues.length})` : "Issues" },
      { name: "tag", label: "Tag KPI" },
      { name: "settings", label: "Settings" },
    ];
    body = (
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
                getSelection={() => port.getSelection()}
                onCreate={(d) => {
                  void session.save(d, firstRun ? "" : "The table and columns are saved.", true).then(toTop);
                  setSettingUp(false);
                }}
                {...(firstRun ? {} : { onCancel: () => setSettingUp(false) })}
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
                  model={shown?.model ?? null}
                  sheetPeriod={sheetReport?.period ?? null}
                  onChoosePeriod={(p) => setViewPeriod(p === sheetReport?.period ? null : p)}
                  onSelectCell={selectCell}
                  onEditKpi={(kpi, edits) =>
                    void session.save(editKpi(definition, kpi, edits), `"${kpi.name}" is saved.`, true)
                  }
                  onShowInputs={showInputs ? showCellInputs : undefined}
                />
                <StrategyMapSection
                  result={shown.result}
                  objectives={shown.model.objectives}
                  palette={palette}
                  sheet={state.workbook.owned.strategyMap ?? null}
                  busy={busy}
                  onInsert={() => void session.refresh(undefined, { strategyMap: true })}
                />
              </>
            ) : (
              <MessageBar layout="multiline" intent="error">
                <MessageBarBody>
                  {scoring && !scoring.ok ? scoring.fatal.message : "The scorecard could not be read."}
                </MessageBarBody>
              </MessageBar>
            ))}
          {tab === "issues" && <IssuesList issues={report?.issues ?? []} onSelectCell={selectCell} />}
          {tab === "tag" && (
            <TagView
              perspectives={report?.perspectives.map((p) => p.name) ?? []}
              objectives={report?.perspectives.flatMap((p) => p.objectives.map((o) => o.name)) ?? []}
              getSelection={() => port.getSelection()}
              sheetNames={state.workbook.snapshot.sheets
                .filter((s) => s.visibility !== "veryHidden")
                .map((s) => s.name)}
              onTag={(draft) => void tag(draft)}
            />
          )}
          {tab === "settings" && (
            <SettingsView
              settings={definition.settings}
              periods={periods}
              onSave={(s) => void session.save(editSettings(definition, s), "Settings are saved.", !firstRun)}
              {...(firstRun
                ? {}
                : {
                    onSetUpAgain: () => {
                      setSettingUp(true);
                      setTab("scorecard");
                    },
                  })}
            />
          )}
        </div>
      </>
    );
  }

  const lastRefreshed =
    state.phase === "ready" ? formatTime(state.definition?.settings.lastRefreshed ?? null) : null;
  const canRefresh = state.phase === "ready" && state.definition !== null;
  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Subtitle2 as="h1" className={styles.title}>
            Balanced Scorecard
          </Subtitle2>
          <Button appearance="primary" disabled={busy || !canRefresh} onClick={() => void refresh()}>
            Refresh
          </Button>
        </header>
        <div className={styles.status} role="status" aria-live="polite">
          {progress && <ProgressBar value={progress.value} aria-label={progress.label} />}
          {progress && <Caption1>{progress.label}</Caption1>}
          {!progress && lastRefreshed && <Caption1>Last refreshed {lastRefreshed}</Caption1>}
          {notice && (
            <MessageBar layout="multiline" intent={notice.intent}>
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {body}
      </main>
    </FluentProvider>
  );
}
