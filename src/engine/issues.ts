/**
 * Domain problems are values, not exceptions: each has a code, a severity, the cell it is about
 * and a sentence for the user. Every sentence a user reads about their data is made here.
 */

import { amountText } from "./numberText";

export type Severity = "error" | "warning" | "info";

export interface Issue {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** Sheet-qualified A1 address ("Data!E5"), or null when the problem has no single cell. */
  readonly cell: string | null;
  readonly message: string;
  /**
   * The sentence in the task pane's words, where it differs: what bsc says with a flag
   * (`--map`, `--year`) the pane says with its set-up. Read it through paneMessage.
   */
  readonly pane?: string;
}

/** The issue's sentence as the task pane says it: its set-up, never bsc's flags. */
export const paneMessage = (i: Pick<Issue, "pane" | "message">): string => i.pane ?? i.message;

type Params = Readonly<Record<string, string | number>>;

const q = (s: string | number): string => `"${s}"`;

/** A KPI as messages name it: with entities, whose it is ("Revenue" of "North"). */
const named = (p: Params): string => `${q(p.kpi!)}${p.entity ? ` of ${q(p.entity)}` : ""}`;

/** "month" → "months"; a table without periods has "none (a single period)". */
const periodKinds = (granularity: string | number): string =>
  granularity === "single-period" ? "none (a single period)" : `${granularity}s`;

const CATALOGUE = {
  "no-actual": ["warning", (p: Params) => `No actual for ${named(p)}${p.period ? ` in ${p.period}` : ""}.`],
  "actual-not-numeric": [
    "warning",
    (p: Params) => `The actual of ${named(p)} is not a number (${q(p.value!)}); it is shown as no data.`,
  ],
  "actual-error": [
    "warning",
    (p: Params) => `The actual of ${named(p)} is the error value ${p.value}; it is shown as no data.`,
  ],
  "no-target": [
    "warning",
    (p: Params) => `No target for ${named(p)}${p.period ? ` in ${p.period}` : ""}; it is shown as no data.`,
  ],
  "target-not-numeric": [
    "warning",
    (p: Params) => `The target of ${named(p)} is not a number (${q(p.value!)}); it is shown as no data.`,
  ],
  "target-error": [
    "warning",
    (p: Params) => `The target of ${named(p)} is the error value ${p.value}; it is shown as no data.`,
  ],
  "csv-number-ambiguous": [
    "warning",
    (p: Params) =>
      `${q(p.value!)}${p.more ? ` (and ${p.more} more like it in its column)` : ""} reads as ${p.readAs} or as ${p.other}: nothing in its column or the file shows whether the ${p.separator} separates thousands or decimals, so it was read as ${p.readAs}, as files separated by ${p.delimiter} write numbers. If that is wrong, write one number of the column so that it reads one way only (${p.examples}).`,
  ],
  "number-stored-as-text": [
    "warning",
    (p: Params) =>
      `${q(p.value!)} is stored as text and was read as ${p.number}; store it as a number so the cell's colour follows it too.`,
  ],
  "threshold-and-tolerance": [
    "warning",
    (p: Params) => `${named(p)} has both a Threshold and a Tolerance %; the Threshold is used.`,
  ],
  "threshold-wrong-side": [
    "error",
    (p: Params) =>
      `The threshold ${p.threshold} of ${named(p)} is on the wrong side of its target ${p.target} for "${p.polarity}" (${p.rule}); the KPI is not scored.`,
  ],
  "number-out-of-range": [
    "error",
    (p: Params) =>
      `The numbers of ${named(p)} are too large to compare (beyond about ±1e307); the KPI is not scored.`,
  ],
  "threshold-not-numeric": [
    "error",
    (p: Params) => `The threshold of ${named(p)} is not a number (${q(p.value!)}); the KPI is not scored.`,
  ],
  "tolerance-not-numeric": [
    "error",
    (p: Params) => `The tolerance of ${named(p)} is not a number (${q(p.value!)}); the KPI is not scored.`,
  ],
  "tolerance-negative": [
    "error",
    (p: Params) => `The tolerance of ${named(p)} is negative (${p.value}); the KPI is not scored.`,
  ],
  "tolerance-as-percent": [
    "warning",
    (p: Params) => `The tolerance ${p.value} of ${named(p)} was read as ${p.value} % (${p.fraction}).`,
  ],
  "polarity-inferred": [
    "info",
    (p: Params) =>
      `Assumed ${p.polarity} is better for ${named(p)}: ${p.because}; write ${p.other} in a Polarity column to change it.`,
  ],
  "polarity-unknown": [
    "error",
    (p: Params) =>
      `${q(p.value!)} is not a polarity (use higher, lower or band) for ${named(p)}; the KPI is not scored.`,
  ],
  "weight-invalid": [
    "error",
    (p: Params) =>
      `The weight of ${q(p.name!)} must be a number of 0 or more, not ${q(p.value!)}; it is left out of the roll-up.`,
  ],
  "aggregation-unknown": [
    "error",
    (p: Params) =>
      `${q(p.value!)} is not an aggregation (use Last, Sum, Average, Min or Max) for ${named(p)}; the KPI is not scored.`,
  ],
  "missing-name": ["error", (p: Params) => `This row has no ${p.column}; it is left out of the scorecard.`],
  "detail-row": [
    "info",
    (p: Params) =>
      `The row ${q(p.label!)} names no KPI of its own under ${named(p)}: a detail of that line, left out of the scorecard.`,
  ],
  "comparison-row": [
    "info",
    (p: Params) =>
      `The ${q(p.label!)} row of ${named(p)} is a comparison, not a target; it is left out of the scorecard.`,
  ],
  "total-row": [
    "info",
    (p: Params) =>
      p.label
        ? `${q(p.label!)} is a total row; it is left out of the scorecard.`
        : "This row adds up the rows above it; it is left out of the scorecard as a total.",
  ],
  "entity-total": [
    "info",
    (p: Params) =>
      `${q(p.label!)} in the entity column is the units' total, not a unit: its rows are left out, and the consolidated scorecard is computed from the units.`,
  ],
  "duplicate-kpi": [
    "error",
    (p: Params) =>
      `${named(p)} appears twice${p.period ? ` in ${p.period}` : ""}; the row at ${p.first} is used and this one is left out.`,
  ],
  "period-unreadable": [
    "error",
    (p: Params) =>
      `${q(p.value!)} is not a period (use a date, 2026-03, Mar 2026, Q1 2026, 2026-W05 or FY2026); the row is left out.`,
  ],
  "period-no-year": [
    "error",
    (p: Params, pane: boolean) =>
      `${q(p.value!)} names a month but no year, and nothing around the table says which: give the year (${pane ? "" : "bsc --year 2024, or "}the set-up's Year), or add a Year column; the row is left out.`,
  ],
  "months-across-no-year": [
    "error",
    (p: Params, pane: boolean) =>
      `The ${p.what ?? "months"} ${p.across ? "across " : "in "}${p.range} (${q(p.first!)} … ${q(p.last!)}) name no year, and nothing around the table says which: give the year (${pane ? "" : "bsc --year 2024, or "}the set-up's Year), or write it in a title row above the table.`,
  ],
  "period-day-order": [
    "warning",
    (p: Params, pane: boolean) =>
      `${q(p.value!)} is read as ${p.order}: no date in its column has a day above 12 to settle the order, ${p.why}; if the file writes ${p.other}, say so in the set-up${pane ? "" : ` (bsc ${p.flag})`}.`,
  ],
  "period-mixed": [
    "error",
    (p: Params) =>
      p.across
        ? `This table's periods are ${periodKinds(p.found!)}, and the scorecard's other tables' ${periodKinds(p.expected!)}: give every table of the scorecard the same kind of period.`
        : `The table mixes ${p.found} with ${p.expected} periods; use one granularity in the Period column.`,
  ],
  "period-not-found": [
    "error",
    (p: Params) => `The period ${p.period} is not in the table (it has ${p.range}).`,
  ],
  "no-row-in-period": [
    "warning",
    (p: Params) => `${named(p)} has no row for ${p.period}; it is shown as no data.`,
  ],
  "column-mostly-text": [
    "warning",
    (p: Params, pane: boolean) =>
      `The ${p.role} column ${q(p.header!)} (${p.how}) holds text, not numbers, in ${p.text} of its ${p.filled} filled cells, so those KPIs have no ${String(p.role).toLowerCase()}. ` +
      (p.suggestion
        ? `If ${q(p.suggestion)} holds the ${String(p.role).toLowerCase()}s, name it${pane ? " in the set-up." : `: bsc --map ${p.map} (or the task pane's set-up).`}`
        : `Name the column that holds the ${String(p.role).toLowerCase()}s${pane ? " in the set-up." : `: bsc --map ${p.map} (or the task pane's set-up).`}`),
  ],
  "duplicate-header": [
    "warning",
    (p: Params) => `The column ${q(p.header!)} is another ${p.role} column; the first one is used.`,
  ],
  "no-scorecard-table": [
    "error",
    (p: Params, pane: boolean) =>
      "No scorecard table was found: a table needs the columns KPI, Actual and Target, with Perspective and Objective if it has them (an Excel table, or a header row within the first 30 rows of a sheet)." +
      (p.holds ? ` ${p.holds}.` : "") +
      (p.nearest
        ? ` Nearest: ${p.nearest}. Name the missing column's header${pane ? " in the set-up" : ` (bsc --map ${p.role}="its header", or the task pane's set-up)`}.`
        : ""),
  ],
  "mapped-header-missing": [
    "error",
    (p: Params, pane: boolean) =>
      `No column is headed ${q(p.header!)} (named for ${p.role}). The nearest block, ${p.block}, has the headers ${p.headers}: name one of them${pane ? " in the set-up" : ` (bsc --map ${p.role}="…", or the task pane's set-up)`}.`,
  ],
  "mapped-header-twice": [
    "error",
    (p: Params, pane: boolean) =>
      `The header ${q(p.header!)} is named for both ${p.role} and ${p.other}, but a column serves one role: name another column for one of them, or none${pane ? ", in the set-up" : ` (bsc --map ${p.other}="…" or --map ${p.other}= for none, or the task pane's set-up)`}.`,
  ],
  "ambiguous-table": [
    "error",
    (p: Params, pane: boolean) =>
      `The workbook has several scorecard tables (${p.names}); choose one ${pane ? "in the set-up" : "with --table"}.`,
  ],
  "range-unusable": ["error", (p: Params) => `The chosen range ${p.range} ${p.reason}.`],
  "table-not-scorecard": [
    "error",
    (p: Params, pane: boolean) =>
      `The table ${q(p.name!)} on the ${p.hidden}sheet ${q(p.sheet!)} is no scorecard as it stands: it ${p.holds}. Name the missing columns ${pane ? "in the set-up" : "with --map (or the task pane's set-up)"}.`,
  ],
  "table-not-found": [
    "error",
    (p: Params) => `No scorecard table is called ${q(p.name!)}; the workbook has ${p.names}.`,
  ],
  "budget-stage-open": [
    "error",
    (p: Params, pane: boolean) =>
      `The budget is given at several stages (${p.stages}) and none is said to be the one in force: say which is the target${pane ? ` in the set-up (${q(p.suggested!)})` : ` (bsc --map target=${q(p.suggested!)}, or the task pane's set-up)`}${p.split ? `; each line is given once for each value of ${q(p.split)}: name it as the entity to score them apart${pane ? "" : ` (--map entity=${q(p.split)})`}` : ""}.`,
  ],
  "account-open": [
    "error",
    (p: Params, pane: boolean) =>
      `The target and the actual are each given for several accounts (${p.pairs}) and none is said to be the one scored: say which pair to score${pane ? ` in the set-up (${q(p.target!)} against ${q(p.actual!)})` : ` (bsc --map target=${q(p.target!)} --map actual=${q(p.actual!)}, or the task pane's set-up)`}.`,
  ],
  "kpi-names-repeat": [
    "error",
    (p: Params, pane: boolean) =>
      `${q(p.header!)} names ${p.repeats} of its ${p.rows} rows again in the same period, while ${q(p.names!)} names each row once: say which column names the KPIs${pane ? " in the set-up" : ` (bsc --map kpi=${q(p.names!)}, or the task pane's set-up)`}.`,
  ],
  "periods-summed": [
    "info",
    (p: Params) =>
      `The target ${q(p.header!)} is set for a ${p.found}: each ${p.found}'s actual is the sum of its ${p.granularity}s, and a ${p.found} whose ${p.granularity}s are not all in the table is not scored.`,
  ],
  "budget-in-force": [
    "info",
    (p: Params) =>
      `The column ${q(p.header!)} is an earlier stage of the budget; ${q(p.used!)}, the budget in force, is the target.`,
  ],
  "definition-name-repaired": [
    "warning",
    (p: Params) =>
      `The stored scorecard definition holds a name Excel does not allow (${p.reason}): the summary sheet takes its default name, a tag so named is dropped. Choose another name in the pane's Settings.`,
  ],
  "definition-invalid": [
    "error",
    (p: Params) => `The stored scorecard definition cannot be read: ${p.reason}.`,
  ],
  "sheet-name-taken": [
    "info",
    (p: Params) => `A sheet of yours is called ${q(p.wanted!)}, so the summary is written to ${q(p.used!)}.`,
  ],
  "group-workbook": [
    "error",
    (p: Params, pane: boolean) =>
      `This is a group's workbook: its scorecard consolidates its units' workbooks (${p.files}) and it has no scorecard table of its own. Consolidate them again: ${pane ? "Add units' workbooks… in Settings" : "bsc consolidate with this workbook and their files or folder, or Add units' workbooks… in the task pane's Settings"}.`,
  ],
  "unit-left-out": [
    "error",
    (p: Params) => `The unit ${q(p.unit!)} (${p.file}) is left out of the consolidation: ${p.reason}`,
  ],
  "no-unit-consolidated": [
    "error",
    (p: Params) =>
      (Number(p.units) === 1
        ? "The unit's workbook could not be consolidated (its reason is above)"
        : `None of the ${p.units} units' workbooks could be consolidated (each one's reason is above)`) +
      "; the group's workbook is left as it was.",
  ],
  "unit-kpi-missing": [
    "info",
    (p: Params) => `${q(p.unit!)} (${p.file}) has no KPI ${q(p.kpi!)}; it is shown as no data for that unit.`,
  ],
  "unit-kpi-mapped-twice": [
    "warning",
    (p: Params) =>
      `${q(p.unit!)} (${p.file}) has two KPIs that are ${q(p.kpi!)} in the group (${q(p.first!)} and ${q(p.second!)}); only ${q(p.first!)} is consolidated.`,
  ],
  "kpi-map-unknown-unit": [
    "warning",
    (p: Params) =>
      `The KPI map names the unit ${q(p.unit!)}, which is not among the units consolidated; check its spelling (a unit is named by its file's name without extension).`,
  ],
  "kpi-map-incomplete": [
    "warning",
    (p: Params) => `This row of the KPI map lacks its ${p.missing}; it is not used.`,
  ],
  "marker-not-ours": [
    "warning",
    (p: Params) =>
      `The name ${p.name} marks ${q(p.sheet!)} as the add-in's sheet, but the add-in did not make it; it is left as it is and a new sheet is written.`,
  ],
  "colour-fixed-polarity": [
    "warning",
    (p: Params) =>
      `The sheet's colour rule cannot read ${p.value ? q(p.value) : "a blank polarity"} as ${named(p)}'s polarity "${p.polarity}"${Number(p.more) > 0 ? ` (nor ${p.more} more of its rows)` : ""}; these rows' colours are set at each refresh. Write ${p.polarity} on every row for colours that follow edits.`,
  ],
  "colour-fixed-text": [
    "warning",
    (p: Params) =>
      `${q(p.value!)} of ${named(p)} is a number stored as text${Number(p.more) > 0 ? ` (and ${p.more} more of its cells)` : ""}; its row's colour is set at each refresh. Store it as a number for colours that follow edits.`,
  ],
  "unknown-drives": [
    "warning",
    (p: Params) =>
      `${q(p.name!)} in the Drives column of ${q(p.objective!)} names no other objective of the scorecard; no arrow is drawn for it. Check its spelling.`,
  ],
  "unknown-parent": [
    "warning",
    (p: Params) =>
      `${q(p.name!)} in the ${p.table} table has no KPI in the scorecard table; check its spelling.`,
  ],
  "tag-periods-ignored": [
    "warning",
    (p: Params) =>
      `The tagged range of ${named(p)} has ${p.granularity} labels, which the scorecard's periods do not match; its last value is used.`,
  ],
  "tag-unresolved": [
    "error",
    (p: Params) => `The tagged range ${q(p.name!)} of ${named(p)} no longer exists; the KPI is not scored.`,
  ],
  "restated-row-gone": [
    "warning",
    (p: Params) =>
      `${p.kpi}${p.entity ? ` of ${p.entity}` : ""} ${p.period}: ${p.was} when published, now no row in the table (it was at ${p.where}). The published value stands in the History sheet.`,
  ],
  "publish-no-periods": [
    "error",
    () => "The scorecard's table has no periods, so there is no period to publish.",
  ],
  restated: [
    "warning",
    (p: Params) =>
      `${p.kpi}${p.entity ? ` of ${p.entity}` : ""}${p.which === "target" ? " target" : ""} ${p.period}: ${p.was} when published, now ${p.now} (${p.where}). The published value stands in the History sheet and in trends; unpublish the period to take the new one.`,
  ],
  // The follow-up tables (Commentary, Initiatives) and what they say is late or off track.
  "commentary-ambiguous-kpi": [
    "warning",
    (p: Params) =>
      `${q(p.name!)} in the Commentary table is a KPI of more than one objective (${p.objectives}); its commentary is shown under each. Name the objective in an Objective column to keep it to one.`,
  ],
  "commentary-unknown-item": [
    "warning",
    (p: Params) =>
      `${q(p.name!)} in the Commentary table names no KPI or objective of the scorecard; its commentary is not shown. Check its spelling.`,
  ],
  "commentary-period-invalid": [
    "warning",
    (p: Params) =>
      `The period ${q(p.value!)} of the commentary on ${q(p.item!)} is not a period (such as 2026-12 or Dec 2026); the row is left out.`,
  ],
  "follow-up-not-date": [
    "warning",
    (p: Params) =>
      `The ${p.column} of ${q(p.item!)} is not a date (${q(p.value!)}); write it as a date such as 2026-12-31.`,
  ],
  "initiative-unknown-objective": [
    "warning",
    (p: Params) =>
      `The initiative ${q(p.initiative!)} names the objective ${q(p.name!)}, which the scorecard does not have; it is not shown. Check its spelling.`,
  ],
  "initiative-value-invalid": [
    "warning",
    (p: Params) =>
      `The ${p.column} of the initiative ${q(p.initiative!)} is ${q(p.value!)}, not ${p.expected}; it is left out.`,
  ],
  "action-overdue": [
    "warning",
    (p: Params) =>
      `The action ${q(p.action!)} on ${q(p.item!)}${p.owner ? ` (${p.owner})` : ""} was due on ${p.due} and is not done.`,
  ],
  "initiative-overdue": [
    "warning",
    (p: Params) =>
      `The initiative ${q(p.initiative!)} was due on ${p.due} and is not done${p.complete ? ` (${p.complete} complete)` : ""}.`,
  ],
  "initiative-off-track": [
    "warning",
    (p: Params) => `The initiative ${q(p.initiative!)} is off track (${q(p.value!)}).`,
  ],
  "initiative-at-risk": [
    "warning",
    (p: Params) => `The initiative ${q(p.initiative!)} is at risk (${q(p.value!)}).`,
  ],
  "initiative-over-budget": [
    "warning",
    (p: Params) =>
      `The initiative ${q(p.initiative!)} has spent ${amountText(Number(p.spend))} of its budget of ${amountText(Number(p.budget))}.`,
  ],
} as const satisfies Record<string, readonly [Severity, (p: Params, pane: boolean) => string]>;

export type IssueCode = keyof typeof CATALOGUE;

export function issue(code: IssueCode, cell: string | null, params: Params = {}): Issue {
  const [severity, describe] = CATALOGUE[code];
  const message = describe(params, false);
  // Only a sentence that says what to do with a flag has words of its own in the pane.
  const pane = describe.length > 1 ? describe(params, true) : message;
  return pane === message ? { severity, code, cell, message } : { severity, code, cell, message, pane };
}

/**
 * Issues that say again, at the same cell, a fact another issue has said: a refresh's later step
 * meets what reading the cell met (the traffic lights a number stored as text, which reading it
 * already warned of, colour included). Each names the issue it repeats.
 */
const REPEATS: Partial<Record<IssueCode, IssueCode>> = {
  "colour-fixed-text": "number-stored-as-text",
};

/** The issues without those that repeat another's fact at its cell: one warning per fact. */
export function withoutRepeats(issues: readonly Issue[]): Issue[] {
  const said = new Set(issues.map((i) => `${i.code}\u0000${i.cell}`));
  return issues.filter((i) => {
    const repeated = REPEATS[i.code];
    return !(repeated && i.cell !== null && said.has(`${repeated}\u0000${i.cell}`));
  });
}

/** Problems that stop the whole scorecard, not only one KPI. */
export const FATAL_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "no-scorecard-table",
  "mapped-header-missing",
  "mapped-header-twice",
  "ambiguous-table",
  "table-not-found",
  "table-not-scorecard",
  "range-unusable",
  "definition-invalid",
  "period-mixed",
  "period-not-found",
  "months-across-no-year",
  "budget-stage-open",
  "account-open",
  "kpi-names-repeat",
  "group-workbook",
]);
