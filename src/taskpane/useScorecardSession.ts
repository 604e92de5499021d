import { useCallback, useEffect, useRef, useState } from "react";
import { errorSentence, fatalSentence, outcomeSentence } from "../app/outcomeText";
import type { RefreshStep, RunOptions, Scored, Scoring, WorkbookState } from "../app/scoring";
import { readWorkbookState, scoreWorkbook } from "../app/scoring";
import type { Definition } from "../model/definition";
import type { DetectedTable } from "../model/detect";
import { detectTables, nearMisses } from "../model/detect";
import { ownedSheetNames } from "../model/ownership";
import { STATUS_MEANINGS } from "../plan/palette";
import type { InteractiveWorkbook } from "../workbook/port";
import type { PickedFile } from "./unitFiles";
import { refreshesOffThread } from "./offThreadRefresh";

export type SessionState =
  | { readonly phase: "loading" }
  | { readonly phase: "failed"; readonly message: string }
  | {
      readonly phase: "ready";
      readonly workbook: WorkbookState;
      /** The stored definition; null on a first run, before the user creates the scorecard. */
      readonly definition: Definition | null;
      readonly scoring: Scoring | null;
      readonly candidates: readonly DetectedTable[];
    };

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
  /** Counts every notice, so that the same words said twice are announced twice. */
  readonly id?: number;
}

export interface Progress {
  readonly label: string;
  /** 0 to 1. */
  readonly value: number;
}

/** The statuses in running text as the pane's chips say them: "9 on target, 3 watch". */
const MEANING_WORDS = Object.fromEntries(
  Object.entries(STATUS_MEANINGS).map(([status, word]) => [status, word.toLowerCase()]),
);

const STEPS: Readonly<Record<RefreshStep, Progress>> = {
  reading: { label: "Reading the workbook…", value: 0.15 },
  scoring: { label: "Scoring the KPIs…", value: 0.45 },
  writing: { label: "Writing the scorecard…", value: 0.75 },
  done: { label: "Done", value: 1 },
};

/**
 * The write plan (summary sheet, traffic lights, dashboard, strategy map) comes in a chunk of its
 * own, fetched at the first refresh or save: showing a scorecard needs only reading and scoring.
 */
const writing = () => import(/* webpackChunkName: "write" */ "../app/scorecard.js");

/** Resolves in a task of its own, after what the page has waiting (a paint, the user's input). */
const nextTask = (): Promise<void> => new Promise((resume) => setTimeout(resume, 0));

/**
 * Resolves once the page has painted what was just rendered (a frame, then a task after it), or
 * after a tenth of a second where no frame comes (a hidden page): the work that follows must not
 * hold back the paint of a scorecard already scored.
 */
const painted = (): Promise<void> =>
  new Promise((resume) => {
    const late = setTimeout(resume, 100);
    if (typeof requestAnimationFrame !== "function") return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(late);
        resume();
      }, 0),
    );
  });

/**
 * What a refresh off the main thread shows while it writes, scored on the page (the worker's
 * model does not cross: see WorkerRefreshOutcome): the scoring shown, where the refresh scores
 * the stored definition again, else the reading shown scored under the definition given.
 */
function scoringHere(state: SessionState, definition?: Definition): RunOptions["scored"] {
  if (state.phase !== "ready") return undefined;
  const { snapshot } = state.workbook;
  if (!definition)
    return state.scoring?.ok && state.definition
      ? { snapshot, definition: state.definition, scoring: state.scoring }
      : undefined;
  const scoring = scoreWorkbook(state.workbook, definition);
  return scoring.ok ? { snapshot, definition, scoring } : undefined;
}

/** A refresh that fails stores nothing: after a save, the message says so before saying why. */
const savedButNot = (confirmation: string, failure: string): string =>
  confirmation ? `Not saved: ${failure}` : failure;

/** The pane's view of the workbook and every action on it; one place that talks to the port. */
export function useScorecardSession(port: InteractiveWorkbook) {
  const [state, setState] = useState<SessionState>({ phase: "loading" });
  const stateRef = useRef(state);
  stateRef.current = state;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNoticeState] = useState<Notice | null>(null);
  const noticeCount = useRef(0);
  const setNotice = useCallback((next: Notice | null) => {
    setNoticeState(next && { ...next, id: ++noticeCount.current });
  }, []);

  /** Reads the workbook; `scored` is the scoring a refresh just made of it, kept instead of scoring again. */
  const load = useCallback(
    async (scored?: Scoring) => {
      try {
        const workbook = await readWorkbookState(port);
        if ("code" in workbook) {
          setState({ phase: "failed", message: fatalSentence(workbook, "pane") });
          return;
        }
        // The page paints between receiving the reading and looking through it for tables: at
        // 24,000 rows each is a task of its own.
        await nextTask();
        const owned = ownedSheetNames(workbook.owned);
        const found = detectTables(workbook.snapshot, owned).filter((t) => t.kind === "scorecard");
        // With no table that has every column, the blocks that came closest are offered instead,
        // for the user to name their missing columns by hand.
        const candidates = found.length ? found : nearMisses(workbook.snapshot, owned).map((m) => m.table);
        const definition = workbook.stored;
        let scoring = scored ?? null;
        if (!scoring && (definition || candidates.length === 1)) {
          // The page paints between finding the table and scoring it: at 24,000 rows each is a
          // long task of its own.
          await nextTask();
          scoring = scoreWorkbook(workbook, definition);
        }
        setState({ phase: "ready", workbook, definition, scoring, candidates });
      } catch (error) {
        setState({ phase: "failed", message: errorSentence(error) });
      }
    },
    [port],
  );

  useEffect(() => {
    void load();
  }, [load]);

  /**
   * Refreshes with the stored definition, or with `definition`, which the refresh then stores.
   * `confirmation` says what the user saved ("Threshold of Revenue saved"): it leads the message
   * the refresh leaves, so the refresh that follows a save never hides that it was saved.
   * The scorecard is shown as soon as it is scored, before it is written (`onShown` is told once
   * it is painted): the tree is there to use while "Writing the scorecard…" goes on, with Refresh
   * and the download disabled until the write is done.
   */
  const refresh = useCallback(
    async (
      definition?: Definition,
      options: Pick<RunOptions, "strategyMap" | "publish"> = {},
      confirmation = "",
      onShown?: () => void,
      scored?: RunOptions["scored"],
    ): Promise<boolean> => {
      setNotice(null);
      let refreshed: Scoring | undefined;
      try {
        // Each step shown, and the page let paint, before the next: the refresh of a large
        // scorecard is several tasks, not one that freezes the pane.
        const onProgress = async (step: RefreshStep, scored?: Scored) => {
          setProgress(STEPS[step]);
          if (step !== "writing" || !scored) return nextTask();
          // The scorecard shown already (a refresh of the same reading): nothing new to draw.
          const current = stateRef.current;
          if (!definition && current.phase === "ready" && current.scoring === scored) {
            onShown?.();
            return;
          }
          setState((shown) =>
            shown.phase === "ready"
              ? { ...shown, definition: definition ?? shown.definition, scoring: scored }
              : shown,
          );
          await painted();
          onShown?.();
        };
        const outcome = refreshesOffThread(port)
          ? await port.refreshScorecard(
              { ...(definition ? { definition } : {}), ...options },
              onProgress,
              scored ?? scoringHere(stateRef.current, definition),
            )
          : await (
              await writing()
            ).runScorecard(
              port,
              {
                onProgress,
                ...(definition ? { definition } : {}),
                ...(scored ? { scored } : {}),
                ...options,
              },
              true,
            );
        if (!outcome.ok) {
          setNotice({
            intent: "error",
            text: savedButNot(confirmation, fatalSentence(outcome.fatal, "pane")),
          });
          return false;
        }
        refreshed = outcome.model ? outcome : undefined;
        const summary = outcomeSentence(outcome.report, MEANING_WORDS);
        setNotice({
          intent: outcome.hasErrors ? "warning" : "success",
          text: confirmation ? `${confirmation} · scorecard refreshed. ${summary}` : summary,
        });
        return true;
      } catch (error) {
        setNotice({ intent: "error", text: savedButNot(confirmation, errorSentence(error)) });
        return false;
      } finally {
        setProgress(null);
        await load(refreshed);
      }
    },
    [port, load, setNotice],
  );

  /**
   * Stores a changed definition; `thenRefresh` rewrites the scorecard with it straight away.
   * `what` is the confirmation ("Settings saved"); resolves to whether it was saved.
   */
  const save = useCallback(
    async (
      definition: Definition,
      what: string,
      thenRefresh = false,
      onShown?: () => void,
      scored?: RunOptions["scored"],
    ): Promise<boolean> => {
      setNotice(null);
      // A refresh stores the definition it was given: one read and one write, not two of each.
      if (thenRefresh) return refresh(definition, {}, what, onShown, scored);
      try {
        setProgress({ label: "Saving…", value: 0.1 });
        const { saveDefinition } = await writing();
        await saveDefinition(port, definition);
        setProgress(null);
        await load();
        setNotice({ intent: "info", text: `${what}. Refresh to update the Scorecard sheet.` });
        return true;
      } catch (error) {
        setProgress(null);
        setNotice({ intent: "error", text: errorSentence(error) });
        return false;
      }
    },
    [port, load, refresh, setNotice],
  );

  /**
   * Consolidates the units' workbooks picked into this one (the group's): read in the pane one at
   * a time, then written in one plan as a refresh is; the pane then shows the group's scorecard.
   */
  const consolidateUnits = useCallback(
    async (files: readonly PickedFile[]): Promise<boolean> => {
      setNotice(null);
      let consolidated: Scoring | undefined;
      try {
        setProgress({ label: `Reading ${files.length} units' workbooks…`, value: 0.3 });
        const { consolidateFiles } = await import(/* webpackChunkName: "units" */ "./unitFiles.js");
        const outcome = await consolidateFiles(port, files, new Date(), MEANING_WORDS);
        if (!outcome.ok) {
          setNotice({ intent: "error", text: outcome.message });
          return false;
        }
        consolidated = outcome.scoring;
        setNotice({ intent: outcome.incomplete ? "warning" : "success", text: outcome.sentence });
        return true;
      } catch (error) {
        setNotice({ intent: "error", text: errorSentence(error) });
        return false;
      } finally {
        setProgress(null);
        await load(consolidated);
      }
    },
    [port, load, setNotice],
  );

  const select = useCallback(
    async (sheet: string, address: string) => {
      try {
        await port.select({ sheet, address });
      } catch (error) {
        setNotice({
          intent: "error",
          text: `Could not select ${sheet}!${address}: ${(error as Error).message}`,
        });
      }
    },
    [port, setNotice],
  );

  return { state, progress, notice, setNotice, load, refresh, save, select, consolidateUnits };
}

export type Session = ReturnType<typeof useScorecardSession>;
