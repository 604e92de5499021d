/**
 * What the set-up reads from the workbook besides the table the user chooses, pure: whether a
 * table reads whole, the reading the reader suggests where it found no scorecard by itself, and
 * the KPIs whose direction it inferred (listed for the user to confirm or switch).
 */
import type { WorkbookState } from "../../app/scoring";
import type { Polarity } from "../../engine/types";
import type { Definition } from "../../model/definition";
import type { DetectedTable, TableShape } from "../../model/detect";
import { REQUIRED_ROLES, type ColumnRole } from "../../model/headers";
import { ownedSheetNames } from "../../model/ownership";
import { readScorecard } from "../../model/read";
import { kpiKey } from "../../model/scorecard";
import type { ReadSuggestion } from "../../model/suggest";

/**
 * The columns a table of this shape needs, the one rule for both the pickers marked "(required)"
 * and whether a table found reads whole. KPIs as columns name their KPIs in their headers; KPIs
 * across (wide) and pairs of rows (a row's value is the actual or the target its series cell
 * names) hold actual and target without an Actual or Target column, but name each KPI in a column.
 */
export function requiredRoles(shape: TableShape | undefined): readonly ColumnRole[] {
  if (shape === "columns") return [];
  if (shape === "wide" || shape === "pairs") return ["kpi"];
  return REQUIRED_ROLES;
}

/** A table with every column its layout needs (not a near miss offered for its missing ones). */
export const readsWhole = (t: DetectedTable): boolean =>
  requiredRoles(t.shape).every((r) => t.columns[r] !== undefined);

/** The reading the reader suggests for a workbook in which it found no scorecard by itself. */
export function suggestedReading(workbook: WorkbookState): ReadSuggestion | undefined {
  const reading = readScorecard(workbook.snapshot, workbook.stored, ownedSheetNames(workbook.owned), {
    yearToTry: new Date().getFullYear(),
  });
  return reading.ok ? undefined : reading.suggestion;
}

/** A KPI whose direction the reader inferred, with why. */
export interface InferredDirection {
  readonly key: string;
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
  readonly polarity: Polarity;
  readonly because: string;
}

/** The KPIs of a draft whose direction was inferred, once each (entities share a KPI's choice). */
export function inferredDirections(workbook: WorkbookState, draft: Definition): InferredDirection[] {
  const reading = readScorecard(workbook.snapshot, draft, ownedSheetNames(workbook.owned));
  if (!reading.ok) return [];
  const seen = new Map<string, InferredDirection>();
  for (const k of reading.model.kpis) {
    const key = kpiKey(k.perspective, k.objective, k.name);
    if (!k.polarityBecause || k.polarity === null || seen.has(key)) continue;
    seen.set(key, {
      key,
      perspective: k.perspective,
      objective: k.objective,
      name: k.name,
      polarity: k.polarity,
      because: k.polarityBecause,
    });
  }
  return [...seen.values()];
}

/** The draft with each inferred direction stored as chosen: confirmed, or switched by the user. */
export function withDirections(
  draft: Definition,
  inferred: readonly InferredDirection[],
  switched: Readonly<Record<string, Polarity>>,
): Definition {
  if (inferred.length === 0) return draft;
  const kpis = [...draft.kpis];
  for (const d of inferred) {
    const polarity = switched[d.key] ?? d.polarity;
    const at = kpis.findIndex((k) => kpiKey(k.perspective, k.objective, k.name) === d.key);
    if (at >= 0) kpis[at] = { ...(kpis[at] as Definition["kpis"][number]), polarity };
    else kpis.push({ perspective: d.perspective, objective: d.objective, name: d.name, polarity });
  }
  return { ...draft, kpis };
}
