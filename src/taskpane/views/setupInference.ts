/**
 * What the set-up reads from the workbook besides the table the user chooses, pure: whether a
 * table reads whole, the reading the reader suggests where it found no scorecard by itself, and
 * the KPIs whose direction it inferred (listed for the user to confirm or switch).
 */
import { fatalSentence } from "../../app/outcomeText";
import type { WorkbookState } from "../../app/scoring";
import type { Polarity } from "../../engine/types";
import type { Definition } from "../../model/definition";
import type { DetectedTable, TableShape } from "../../model/detect";
import { REQUIRED_ROLES, type ColumnRole } from "../../model/headers";
import { ownedSheetNames } from "../../model/ownership";
import { readScorecard } from "../../model/read";
import { kpiKey, type KpiModel } from "../../model/scorecard";
import type { ReadSuggestion } from "../../model/suggest";

/**
 * The columns a table of this shape needs, the one rule for both the pickers marked "(required)"
 * and whether a table found reads whole. KPIs as columns name their KPIs in their headers; KPIs
 * across (wide) and pairs of rows (a row's value is the actual or the target its series cell
 * names) hold actual and target without an Actual or Target column, but name each KPI in a column.
 */
export function requiredRoles(shape: TableShape | undefined): readonly ColumnRole[] {
  // A transposed block names its KPIs across and its actual and target down its labels.
  if (shape === "columns" || shape === "transposed") return [];
  if (shape === "wide" || shape === "pairs") return ["kpi"];
  return REQUIRED_ROLES;
}

/** A table with every column its layout needs (not a near miss offered for its missing ones). */
export const readsWhole = (t: DetectedTable): boolean =>
  requiredRoles(t.shape).every((r) => t.columns[r] !== undefined);

/**
 * The workbook read as it stands, where no table found reads whole: why the reader found no
 * scorecard (the sentence `bsc check` gives, in the pane's words) and the reading it suggests.
 */
export function firstReading(workbook: WorkbookState): { refusal?: string; suggestion?: ReadSuggestion } {
  const reading = readScorecard(workbook.snapshot, workbook.stored, ownedSheetNames(workbook.owned), {
    yearToTry: new Date().getFullYear(),
  });
  if (reading.ok) return {};
  return {
    ...(reading.fatal ? { refusal: fatalSentence(reading.fatal, "pane") } : {}),
    ...(reading.suggestion ? { suggestion: reading.suggestion } : {}),
  };
}

/** A KPI as the definition names it: where a choice of direction is stored. */
interface KpiName {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
}

/** A KPI whose direction the reader inferred, with why: one choice for all its entities. */
export interface InferredDirection {
  readonly key: string;
  readonly name: string;
  readonly polarity: Polarity;
  readonly because: string;
  /** Each KPI of the scorecard the choice is stored for (one per sheet, on a sheet per entity). */
  readonly kpis: readonly KpiName[];
}

/**
 * The choice a KPI's inferred direction belongs to. A direction is the KPI's, whatever the entity:
 * the KPIs of entities share one choice, even where each entity's sheet names their perspective
 * (a sheet per department, each sheet read as a perspective).
 */
const choiceKey = (k: KpiModel): string =>
  k.entity === null ? kpiKey(k.perspective, k.objective, k.name) : `\u0001${k.objective}\u0000${k.name}`;

/** The KPIs of a draft whose direction was inferred, once each (entities share a KPI's choice). */
export function inferredDirections(workbook: WorkbookState, draft: Definition): InferredDirection[] {
  const reading = readScorecard(workbook.snapshot, draft, ownedSheetNames(workbook.owned));
  if (!reading.ok) return [];
  const choices = new Map<string, InferredDirection & { kpis: KpiName[] }>();
  const named = new Set<string>();
  for (const k of reading.model.kpis) {
    if (!k.polarityBecause || k.polarity === null) continue;
    const key = choiceKey(k);
    let choice = choices.get(key);
    if (!choice) {
      choice = { key, name: k.name, polarity: k.polarity, because: k.polarityBecause, kpis: [] };
      choices.set(key, choice);
    }
    const stored = kpiKey(k.perspective, k.objective, k.name);
    if (named.has(stored)) continue;
    named.add(stored);
    choice.kpis.push({ perspective: k.perspective, objective: k.objective, name: k.name });
  }
  return [...choices.values()];
}

/** The draft with each inferred direction stored as chosen: confirmed, or switched by the user. */
export function withDirections(
  draft: Definition,
  inferred: readonly InferredDirection[],
  switched: Readonly<Record<string, Polarity>>,
): Definition {
  if (inferred.length === 0) return draft;
  const kpis = [...draft.kpis];
  // Where each stored KPI is, found once: a choice may stand for a KPI on each of 100 sheets.
  // The first stored for a KPI is the one the reader applies.
  const at = new Map<string, number>();
  kpis.forEach((k, i) => {
    const key = kpiKey(k.perspective, k.objective, k.name);
    if (!at.has(key)) at.set(key, i);
  });
  for (const d of inferred) {
    const polarity = switched[d.key] ?? d.polarity;
    for (const k of d.kpis) {
      const i = at.get(kpiKey(k.perspective, k.objective, k.name));
      if (i !== undefined) kpis[i] = { ...(kpis[i] as Definition["kpis"][number]), polarity };
      else kpis.push({ perspective: k.perspective, objective: k.objective, name: k.name, polarity });
    }
  }
  return { ...draft, kpis };
}
