import { useEffect, useMemo, useRef, useState } from "react";
import {
  addCommentary,
  addInitiative,
  markActionDone,
  editKpi,
  editSettings,
  type CommentaryEdit,
  type InitiativeEdit,
  type KpiFieldEdits,
  type KpiIdentity,
} from "../app/definitionEdits";
import { scoreModel, type Scoring } from "../app/scoring";
import { emptyDefinition, type Definition, type Settings } from "../model/definition";
import { kpiKey } from "../model/scorecard";
import type { InteractiveWorkbook, RangeRef } from "../workbook/port";
import {
  SETTINGS_CONFIRMATION,
  SETUP_CONFIRMATION,
  kpiEditConfirmation,
  publishConfirmation,
  tagConfirmation,
} from "./confirmations";
import { focusTargets, nameTaggedCells, showInputsSaying, toTop } from "./appActions";
import { useFocusWhenReady } from "./useFocusWhenReady";
import { useScorecardSession } from "./useScorecardSession";
import type { TagDraft } from "./views/TagView";
import { publishButtonName } from "./views/PublishSection";
import type { PickedFile } from "./unitFiles";

export type TabName = "scorecard" | "issues" | "tag" | "settings";

export interface AppOptions {
  readonly port: InteractiveWorkbook;
  readonly showInputs?: ((ref: RangeRef) => Promise<boolean>) | undefined;
  readonly onScorecard?: ((exists: boolean) => void) | undefined;
  /** Focus moves into the pane once the workbook is read (a file just opened in the preview). */
  readonly focusOnReady?: boolean | undefined;
}

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
  // A scorecard shown while it is still being written is not there to download yet.
  const written = exists && progress === null;
  useEffect(() => onScorecard?.(written), [onScorecard, written]);
  // Each period scored once per model read: going back to a period already seen scores nothing,
  // nor does the reading after a write, which keeps the model the write scored.
  const model = ready?.scoring?.ok ? ready.scoring.model : null;
  const byPeriod = useMemo(() => new Map<string, Scoring>(), [model]);
  const viewed = useMemo(() => {
    const scoring = ready?.scoring ?? null;
    if (!ready || !scoring?.ok || viewPeriod === null || viewPeriod === scoring.report.period) return scoring;
    // The model read already, scored for another period: no second reading of the workbook.
    let other = byPeriod.get(viewPeriod);
    if (!other) byPeriod.set(viewPeriod, (other = scoreModel(scoring.model, { period: viewPeriod })));
    return other;
  }, [ready, viewPeriod, byPeriod]);
  // One object per reading: a new empty definition at every render would make the set-up score
  // its preview again at each step of a refresh (half a second each at 2,000 KPIs).
  const stored = ready?.definition ?? null;
  const definition: Definition = useMemo(() => stored ?? emptyDefinition(), [stored]);
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

  /** `preview`: the set-up's scoring of `next`, shown at once instead of scoring it again. */
  const create = async (next: Definition, preview: Scoring | null = null) => {
    setSettingUp(false);
    const scored =
      ready && preview?.ok
        ? { snapshot: ready.workbook.snapshot, definition: next, scoring: preview }
        : undefined;
    // The tree is shown, and takes the focus, as soon as the scorecard is scored; the write that
    // follows leaves the user where they went meanwhile, unless its re-reading lost the focus.
    let shown = false;
    const saved = await session.save(
      next,
      firstRun ? "" : SETUP_CONFIRMATION,
      true,
      () => {
        shown = true;
        toTop();
        focusWhenReady(focusTargets.tree);
      },
      scored,
    );
    if (!shown) toTop();
    if (!saved || !shown || !document.activeElement || document.activeElement === document.body)
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

  /** Keeps the commentary written in a KPI's details and refreshes; focus back on the KPI's row. */
  const saveCommentary = async (kpi: KpiIdentity, period: string | null, edit: CommentaryEdit) => {
    const saved = await session.save(
      addCommentary(definition, kpi, period, edit),
      `Commentary on ${kpi.name}${period ? ` for ${period}` : ""} saved`,
      true,
    );
    landOn(saved, () => focusTargets.row(kpiKey(kpi.perspective, kpi.objective, kpi.name)));
  };

  /** Marks an action written in the pane done and refreshes; focus back on the KPI's row. */
  const saveActionDone = async (kpi: KpiIdentity, period: string | null, action: string) => {
    const saved = await session.save(
      markActionDone(definition, kpi, period, action),
      `Action ${action} on ${kpi.name} marked done`,
      true,
    );
    landOn(saved, () => focusTargets.row(kpiKey(kpi.perspective, kpi.objective, kpi.name)));
  };

  /** Keeps an initiative added under an objective and refreshes; focus back on the tree. */
  const saveInitiative = async (
    objective: { perspective: string; objective: string },
    edit: InitiativeEdit,
  ) => {
    const saved = await session.save(
      addInitiative(definition, objective, edit),
      `Initiative ${edit.name} of ${objective.objective} saved`,
      true,
    );
    landOn(saved, focusTargets.tree);
  };

  const saveSettings = async (settings: Partial<Settings>) => {
    const saved = await session.save(editSettings(definition, settings), SETTINGS_CONFIRMATION, !firstRun);
    // Focus stays on Save settings; only a failure takes it to its message.
    if (!saved) focusWhenReady(focusTargets.failure);
  };

  const tag = async (draft: TagDraft) => {
    if (!ready) return;
    const taken = ready.workbook.snapshot.names.map((n) => n.name);
    let next: Definition;
    try {
      next = await nameTaggedCells(port, definition, taken, draft);
    } catch (error) {
      session.setNotice({ intent: "error", text: (error as Error).message });
      focusWhenReady(focusTargets.failure);
      return;
    }
    const saved = await session.save(next, tagConfirmation(draft.name), true);
    if (saved) setTab("scorecard");
    toTop();
    landOn(saved, () => focusTargets.row(kpiKey(draft.perspective, draft.objective, draft.name)));
  };

  /** Publishes the period (or, `undo`, unpublishes it) and refreshes; focus stays in its section. */
  const publish = async (period: string, undo: boolean) => {
    const done = await session.refresh(
      undefined,
      { publish: { period, ...(undo ? { undo } : {}) } },
      publishConfirmation(period, undo),
    );
    focusWhenReady(done ? focusTargets.publish(publishButtonName(period, !undo)) : focusTargets.failure);
  };

  /** Consolidates the units' workbooks picked; the pane then shows the group's scorecard. */
  const addUnits = async (files: readonly PickedFile[]) => {
    const done = await session.consolidateUnits(files);
    if (done) setTab("scorecard");
    toTop();
    landOn(done, focusTargets.tree);
  };

  const selectCell = (sheet: string, address: string) => void session.select(sheet, address);
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
    saveCommentary,
    saveInitiative,
    saveActionDone,
    saveSettings,
    tag,
    insertStrategyMap: () => void session.refresh(undefined, { strategyMap: true }),
    addUnits: (files: readonly PickedFile[]) => void addUnits(files),
    publish: (period: string, undo: boolean) => void publish(period, undo),
    selectCell,
    showCellInputs: showInputs ? showInputsSaying(showInputs, session.setNotice) : undefined,
    focusWhenReady,
  };
}

export type AppModel = ReturnType<typeof useApp>;
