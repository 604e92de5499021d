import type { ColumnMapping, SourceLayout } from "../model/detect";
import type { Definition, Settings, TaggedKpi } from "../model/definition";
import { emptyDefinition } from "../model/definition";
import type { ColumnRole } from "../model/headers";

/** The changes the task pane makes to a stored definition, as pure functions. */

export type KpiFieldEdits = Partial<
  Pick<TaggedKpi, "polarity" | "threshold" | "tolerance" | "weight" | "owner" | "unit">
> & {
  /** A tagged KPI's target as a number (it then no longer reads a target range). */
  readonly target?: number | undefined;
};

export interface KpiIdentity {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
}

const sameKpi = (a: KpiIdentity, b: KpiIdentity): boolean =>
  a.perspective === b.perspective && a.objective === b.objective && a.name === b.name;

/** Drops undefined fields, so that "not overridden" is an absent key, as the schema expects. */
function defined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A KPI's fields as the user edited them: a tagged KPI's own entry, or an override of a table KPI.
 * Fields left out stay as they were; a threshold replaces a tolerance and the other way round.
 */
export function editKpi(definition: Definition, kpi: KpiIdentity, edits: KpiFieldEdits): Definition {
  const { target, ...fields } = defined(edits);
  const exclusive = (entry: { threshold?: number; tolerance?: number }) => {
    if (fields.threshold !== undefined) delete entry.tolerance;
    if (fields.tolerance !== undefined) delete entry.threshold;
  };
  const tagged = definition.tagged.find((t) => sameKpi(t, kpi));
  if (tagged) {
    const updated: TaggedKpi = {
      ...tagged,
      ...fields,
      ...(target !== undefined ? { target, targetName: null } : {}),
    };
    exclusive(updated);
    return { ...definition, tagged: definition.tagged.map((t) => (t === tagged ? updated : t)) };
  }
  // A table KPI's target lives in the table, where the finance team keeps it.
  const existing = definition.kpis.find((k) => sameKpi(k, kpi));
  const override = {
    ...(existing ?? { perspective: kpi.perspective, objective: kpi.objective, name: kpi.name }),
    ...fields,
  };
  exclusive(override);
  return { ...definition, kpis: [...definition.kpis.filter((k) => k !== existing), override] };
}

export function editSettings(definition: Definition, settings: Partial<Settings>): Definition {
  return { ...definition, settings: { ...definition.settings, ...settings } };
}

/** The user's headers for roles, over those stored; the table chosen stays. */
export function mapColumns(
  definition: Definition | null,
  mapping: ColumnMapping,
  layout: SourceLayout = {},
): Definition {
  const base = definition ?? emptyDefinition();
  const source = base.source ?? { table: "", sheet: "", columns: {} };
  return {
    ...base,
    source: { ...source, ...layoutFields(layout), columns: { ...source.columns, ...mapping } },
  };
}

/** The layout switches worth storing: a switch left off is not written. */
function layoutFields(layout: SourceLayout): SourceLayout {
  return {
    ...(layout.range !== undefined ? { range: layout.range } : {}),
    ...(layout.periodsAcross ? { periodsAcross: true } : {}),
    ...(layout.sheetAsPerspective ? { sheetAsPerspective: true } : {}),
    ...(layout.year !== undefined ? { year: layout.year } : {}),
    ...(layout.dayOrder !== undefined ? { dayOrder: layout.dayOrder } : {}),
  };
}

export function chooseTable(
  definition: Definition,
  table: { name: string; sheet: string },
  columns: Partial<Record<ColumnRole, string>>,
  layout: SourceLayout = {},
): Definition {
  return {
    ...definition,
    source: { table: table.name, sheet: table.sheet, columns, ...layoutFields(layout) },
  };
}

/**
 * A workbook-scoped name for a tagged range that is valid in Excel: it starts with a letter, holds
 * no spaces, is no cell reference, and is not taken.
 */
export function tagName(taken: readonly string[], role: "Actual" | "Target"): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = `BSC_Tag_${i}_${role}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function addTaggedKpi(definition: Definition, tag: TaggedKpi): Definition {
  return { ...definition, tagged: [...definition.tagged.filter((t) => !sameKpi(t, tag)), tag] };
}

/** Commentary the user writes in a KPI's details: an analysis, an action, or both. */
export interface CommentaryEdit {
  readonly analysis: string;
  readonly action?: { readonly action: string; readonly owner: string; readonly due: string | null };
}

/** Whether an entry of the pane's commentary is the KPI's for the period. */
const commentaryOn =
  (kpi: KpiIdentity, period: string | null) =>
  (c: NonNullable<Definition["commentary"]>[number]): boolean =>
    c.period === period &&
    c.perspective === kpi.perspective &&
    c.objective === kpi.objective &&
    c.kpi === kpi.name;

/**
 * The KPI's commentary for a period as the pane keeps it: a new analysis replaces the one entered
 * before (the table's rows are the table's), an action joins the earlier ones.
 */
export function addCommentary(
  definition: Definition,
  kpi: KpiIdentity,
  period: string | null,
  edit: CommentaryEdit,
): Definition {
  const all = definition.commentary ?? [];
  const same = commentaryOn(kpi, period);
  const existing = all.find(same);
  const analysis = edit.analysis.trim();
  const entry = {
    period,
    perspective: kpi.perspective,
    objective: kpi.objective,
    kpi: kpi.name,
    analysis: analysis || existing?.analysis || "",
    actions: [
      ...(existing?.actions ?? []),
      ...(edit.action ? [{ ...edit.action, action: edit.action.action.trim(), done: false }] : []),
    ],
  };
  return { ...definition, commentary: [...all.filter((c) => !same(c)), entry] };
}

/** Marks an action written in the pane done: it is then no longer overdue. */
export function markActionDone(
  definition: Definition,
  kpi: KpiIdentity,
  period: string | null,
  action: string,
): Definition {
  const same = commentaryOn(kpi, period);
  return {
    ...definition,
    commentary: (definition.commentary ?? []).map((c) =>
      same(c) ? { ...c, actions: c.actions.map((a) => (a.action === action ? { ...a, done: true } : a)) } : c,
    ),
  };
}

/** An initiative the user adds in the pane, under an objective. */
export type InitiativeEdit = Omit<
  NonNullable<Definition["initiatives"]>[number],
  "perspective" | "objective"
>;

/** The objective's initiatives as the pane keeps them: one of the same name is replaced, else added. */
export function addInitiative(
  definition: Definition,
  objective: { readonly perspective: string; readonly objective: string },
  edit: InitiativeEdit,
): Definition {
  const all = definition.initiatives ?? [];
  const entry = { ...edit, ...objective, name: edit.name.trim() };
  const same = (i: (typeof all)[number]) =>
    i.perspective === entry.perspective && i.objective === entry.objective && i.name === entry.name;
  return { ...definition, initiatives: [...all.filter((i) => !same(i)), entry] };
}
