import { useEffect, useMemo, useRef, useState } from "react";
import { addTaggedKpi, editKpi, editSettings, tagName, type KpiFieldEdits } from "../app/definitionEdits";
import { errorSentence } from "../app/outcomeText";
import { scoreModel } from "../app/scorecard";
import { quoteSheetName } from "../model/address";
import { emptyDefinition, type Definition, type Settings } from "../model/definition";
import { kpiKey } from "../model/scorecard";
import type { InteractiveWorkbook, RangeRef } from "../workbook/port";
import {
  SETTINGS_CONFIRMATION,
  SETUP_CONFIRMATION,
  kpiEditConfirmation,
  tagConfirmation,
} from "./confirmations";
import { useFocusWhenReady } from "./useFocusWhenReady";
import { useScorecardSession } from "./useScorecardSession";
import type { TagDraft } from "./views/TagView";

export type TabName = "scorecard" | "issues" | "tag" | "settings";

export interface AppOptions {
  readonly port: InteractiveWorkbook;
  readonly showInputs?: ((ref: RangeRef) => Promise<boolean>) | undefined;
  readonly onScorecard?: ((exists: boolean) => void) | undefined;
  /** Focus moves into the pane once the workbook is read (a file just opened in the preview). */
  readonly focusOnReady?: boolean | undefined;
}

/** The cells a tag names, as the user wrote them: "Notes!B2:M2" (and the target's). */
const sheetCellsText = (draft: TagDraft): string =>
  [draft.actual, ...(typeof draft.target === "number" ? [] : [draft.target])]
    .map((r) => `${quoteSheetName(r.sheet)}!${r.address}`)
    .join(" and ");

/** The overview at the top again: after a create or a refresh, the page starts over. */
const toTop = () => {
  document.documentElement.scrollTop = 0;
};

/** Where focus goes after each action: found in the page by role, as a user finds it. */
export const focusTargets = {
  tree: () => document.querySelector<HTMLElement>('[role="tree"] [role="treeitem"][tabindex="0"]'),
  row: (key: string): HTMLElement | null =>
    [...document.querySelectorAll<HTMLElement>('[role="treeitem"][data-kpi]')].find(
      (row) => row.dataset.kpi === key,
    ) ?? focusTargets.tree(),
  setup: () => document.querySelector<HTMLElement>('form[aria-label="Set up the scorecard"] select'),
  failure: () => document.querySelector<HTMLElement>('[role="alert"] [tabindex="-1"]'),
};

/**
 * The pane's state and every action a user takes in it; App draws it. Each action says what it
 * did (through the session's notice) and leaves focus on what it produced, or on the message of
 * its failure.
 */
export function useApp({ port, showInputs, onScorecard, focusOnReady }: AppOptions) {
  const session = useScorecardSession(port);
  const { state, progress } = session;
  const focusWhenReady = useFocusWhenReady();
  const [tab, setTab] = useState<TabName>("scorecard");
  /** The set-up opened again from Settings, over a scorecard that exists. */
  const [settingUp, setSettingUp] = useState(false);
  /** A period the user looks at in the pane, other than the one the sheet shows; null for that one. */
  const [viewPeriod, setViewPeriod] = useState<string | null>(null);
  const ready = state.phase === "ready" ? state : null;
  const exists = ready !== null && ready.definition !== null;
  useEffect(() => onScorecard?.(exists), [onScorecard, exists]);
  const viewed = useMemo(() => {
    const scoring = ready?.scoring ?? null;
    if (!ready || !scoring?.ok || viewPeriod === null || viewPeriod === scoring.report.period) return scoring;
    // The model read already, scored for another period: no second reading of the workbook.
    return scoreModel(scoring.model, { period: viewPeriod });
  }, [ready, viewPeriod]);
  const definition: Definition = ready?.definition ?? emptyDefinition();
  const firstRun = ready !== null && ready.definition === null;

  // A file just opened: focus on the first thing to do in it.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (!focusOnReady || focusedOnce.current || state.phase === "loading") return;
    focusedOnce.current = true;
    focusWhenReady(
      state.phase === "failed" ? focusTargets.failure : firstRun ? focusTargets.setup : focusTargets.tree,
    );
  }, [focusOnReady, state.phase, firstRun, focusWhenReady]);

  /** After a save: focus on what it produced, or on the failure's message. */
  const landOn = (saved: boolean, target: () => HTMLElement | null) =>
    focusWhenReady(saved ? target : focusTargets.failure);

  const refresh = async () => {
    const done = await session.refresh();
    toTop();
    // The Refresh button keeps the focus (it stays focusable while busy); a failure takes it.
    if (!done) focusWhenReady(focusTargets.failure);
  };

  const create = async (next: Definition) => {
    setSettingUp(false);
    const saved = await session.save(next, firstRun ? "" : SETUP_CONFIRMATION, true);
    toTop();
    landOn(saved, focusTargets.tree);
  };

  const saveKpiEdit = async (
    kpi: { perspective: string; objective: string; name: string },
    edits: KpiFieldEdits,
  ) => {
    const saved = await session.save(
      editKpi(definition, kpi, edits),
      kpiEditConfirmation(kpi.name, edits),
      true,
    );
    landOn(saved, () => focusTargets.row(kpiKey(kpi.perspective, kpi.objective, kpi.name)));
  };

  const saveSettings = async (settings: Partial<Settings>) => {
    const saved = await session.save(editSettings(definition, settings), SETTINGS_CONFIRMATION, !firstRun);
    // Focus stays on Save settings; only a failure takes it to its message.
    if (!saved) focusWhenReady(focusTargets.failure);
  };

  const tag = async (draft: TagDraft) => {
    if (!ready) return;
    const taken = ready.workbook.snapshot.names.map((n) => n.name);
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
      focusWhenReady(focusTargets.failure);
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
    const saved = await session.save(next, tagConfirmation(draft.name), true);
    if (saved) setTab("scorecard");
    toTop();
    landOn(saved, () => focusTargets.row(kpiKey(draft.perspective, draft.objective, draft.name)));
  };

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

  return {
    port,
    session,
    state,
    progress,
    busy: progress !== null,
    tab,
    setTab,
    settingUp,
    setSettingUp,
    setViewPeriod,
    viewed,
    definition,
    firstRun,
    refresh,
    create,
    saveKpiEdit,
    saveSettings,
    tag,
    insertStrategyMap: () => void session.refresh(undefined, { strategyMap: true }),
    selectCell,
    showCellInputs: showInputs ? showCellInputs : undefined,
    focusWhenReady,
  };
}

export type AppModel = ReturnType<typeof useApp>;
