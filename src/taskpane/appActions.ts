/**
 * What the pane's actions share outside React: where focus goes after each, the page back at its
 * top, and naming a tag's cells in the workbook.
 */
import { addTaggedKpi, tagName } from "../app/definitionEdits";
import { errorSentence } from "../app/outcomeText";
import { quoteSheetName } from "../model/address";
import type { Definition } from "../model/definition";
import type { InteractiveWorkbook, RangeRef } from "../workbook/port";
import type { Notice } from "./useScorecardSession";
import type { TagDraft } from "./views/TagView";

/** The cells a tag names, as the user wrote them: "Notes!B2:M2" (and the target's). */
const sheetCellsText = (draft: TagDraft): string =>
  [draft.actual, ...(typeof draft.target === "number" ? [] : [draft.target])]
    .map((r) => `${quoteSheetName(r.sheet)}!${r.address}`)
    .join(" and ");

/** The overview at the top again: after a create or a refresh, the page starts over. */
export const toTop = () => {
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
  /** The message of a failure, shown in sight (the announcer that says it is out of sight). */
  failure: () => document.querySelector<HTMLElement>("[data-failure]"),
  /** The Publish period section's button of that name: Unpublish once published, Publish once not. */
  publish: (name: string) => (): HTMLElement | null =>
    [...document.querySelectorAll<HTMLElement>('section[aria-label="Publish period"] button')].find(
      (button) => button.textContent === name,
    ) ?? null,
};

/**
 * Names a tag's cells in the workbook (workbook-scoped names, which follow the cells) and returns
 * the definition with the tagged KPI; throws a sentence naming the cells where Excel refuses.
 */
export async function nameTaggedCells(
  port: InteractiveWorkbook,
  definition: Definition,
  taken: readonly string[],
  draft: TagDraft,
): Promise<Definition> {
  const actualName = tagName(taken, "Actual");
  const targetName = typeof draft.target === "number" ? null : tagName(taken, "Target");
  try {
    await port.defineName(actualName, draft.actual);
    if (targetName && typeof draft.target !== "number") await port.defineName(targetName, draft.target);
  } catch (error) {
    throw new Error(`Could not name ${sheetCellsText(draft)}: ${(error as Error).message}`);
  }
  return addTaggedKpi(definition, {
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
}

/**
 * Selects the cells a formula reads, where the host can; every call ends in a message (no formula
 * there, or why Excel refused), never in a rejected promise nobody hears of.
 */
export const showInputsSaying =
  (showInputs: (ref: RangeRef) => Promise<boolean>, say: (notice: Notice) => void) =>
  (sheet: string, address: string): void => {
    showInputs({ sheet, address }).then(
      (shown) => {
        if (!shown)
          say({ intent: "info", text: `${sheet}!${address} holds no formula that reads other cells.` });
      },
      (error: unknown) =>
        say({
          intent: "error",
          text: `Could not show the inputs of ${sheet}!${address}: ${errorSentence(error)}`,
        }),
    );
  };
