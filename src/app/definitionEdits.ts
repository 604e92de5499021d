import type { Definition, Settings, TaggedKpi } from "../model/definition";
import type { ColumnRole } from "../model/headers";

/** The changes the task pane makes to a stored definition, as pure functions. */

export type KpiFieldEdits = Partial<
  Pick<TaggedKpi, "polarity" | "threshold" | "tolerance" | "weight" | "owner" | "unit">
>;

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

/** A KPI's fields as the user edited them: a tagged KPI's own entry, or an override of a table KPI. */
export function editKpi(definition: Definition, kpi: KpiIdentity, edits: KpiFieldEdits): Definition {
  const tagged = definition.tagged.find((t) => sameKpi(t, kpi));
  if (tagged) {
    const updated = { ...tagged, ...edits };
    for (const key of Object.keys(edits) as (keyof KpiFieldEdits)[])
      if (edits[key] === undefined) delete updated[key];
    return { ...definition, tagged: definition.tagged.map((t) => (t === tagged ? updated : t)) };
  }
  const others = definition.kpis.filter((k) => !sameKpi(k, kpi));
  const override = {
    perspective: kpi.perspective,
    objective: kpi.objective,
    name: kpi.name,
    ...defined(edits),
  };
  const hasFields = Object.keys(override).length > 3;
  return { ...definition, kpis: hasFields ? [...others, override] : others };
}

export function editSettings(definition: Definition, settings: Partial<Settings>): Definition {
  return { ...definition, settings: { ...definition.settings, ...settings } };
}

export function chooseTable(
  definition: Definition,
  table: { name: string; sheet: string },
  columns: Partial<Record<ColumnRole, string>>,
): Definition {
  return { ...definition, source: { table: table.name, sheet: table.sheet, columns } };
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
