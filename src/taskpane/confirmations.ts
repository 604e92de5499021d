/**
 * What the pane says once a change is saved: one sentence per kind of change, so that the
 * refresh that follows the save never leaves the user guessing whether it was kept.
 */
import type { KpiFieldEdits } from "../app/definitionEdits";

/** The words for each field a KPI edit can change, in the order the form shows them. */
const FIELD_WORDS: Readonly<Record<keyof KpiFieldEdits, string>> = {
  polarity: "polarity",
  target: "target",
  threshold: "threshold",
  tolerance: "tolerance",
  weight: "weight",
  owner: "owner",
  unit: "unit",
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "a, b and c". */
export function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "Threshold of Revenue saved", "Threshold and weight of Revenue saved", "Revenue saved unchanged". */
export function kpiEditConfirmation(kpiName: string, edits: KpiFieldEdits): string {
  const changed = (Object.keys(FIELD_WORDS) as (keyof KpiFieldEdits)[])
    .filter((field) => field in edits)
    .map((field) => FIELD_WORDS[field]);
  if (changed.length === 0) return `${kpiName} saved unchanged`;
  return `${capitalised(listed(changed))} of ${kpiName} saved`;
}

export const tagConfirmation = (kpiName: string): string => `KPI ${kpiName} tagged and saved`;

export const SETTINGS_CONFIRMATION = "Settings saved";

export const SETUP_CONFIRMATION = "Table and columns saved";

/** "2026-11 published", "2026-11 unpublished": what Publish period and its way back did. */
export const publishConfirmation = (period: string, undo: boolean): string =>
  `${period} ${undo ? "unpublished: later refreshes record it from the table again" : "published: its rows in the History sheet are kept as they are"}`;
