import { issue, type Issue } from "../engine/issues";
import type { Granularity } from "../engine/periods";
import type { Aggregation, Polarity } from "../engine/types";
import type { Definition, TaggedKpi } from "./definition";
import { emptyDefinition } from "./definition";
import type { ColumnMapping, DetectedTable } from "./detect";
import { detectTables, nearMisses, tableAddress, tableFromRange, type NearMiss } from "./detect";
import type { ColumnRole } from "./headers";
import {
  canonicalHeader,
  headerForWords,
  normalizeHeader,
  REQUIRED_ROLES,
  roleOfHeader,
  withoutAccents,
} from "./headers";
import { sheetBox, sheetCell } from "./address";
import { isEntityTotal, RowTally, type KpiDraft, type RowCounts } from "./drafts";
import { readFollowUps } from "./followUp";
import { RowContext, TableReader } from "./rows";
import { readTaggedKpi } from "./tagged";
import { textColumnIssues } from "./textColumns";
import { readWideRows } from "./wide";
import { readTransposedRows } from "./transposedLayout";
import { readColumnRows } from "./columnsLayout";
import type { PeriodSettings } from "./tablePeriods";
import { readLongRows, type LayoutRows } from "./longLayout";
import { readPairRows } from "./pairsLayout";
import { repeatedKpiNames } from "./kpiNames";
import { splittingColumn } from "./splitColumn";
import { describeHoldings, scoresAKpi, suggestReading, type ReadSuggestion } from "./suggest";
import { isClassColumn, kpiDirection } from "./direction";
import type {
  KpiModel,
  LayoutSummary,
  Observation,
  ObjectiveModel,
  PerspectiveModel,
  ScorecardModel,
} from "./scorecard";
import { kpiKey, objectiveKey, objectiveNameKey } from "./scorecard";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { cellAt } from "./snapshot";
import { cellText, parseAggregation, readNumber } from "./values";

export interface ReadOptions {
  /** The scorecard table to use, by Excel table name or sheet name. */
  readonly table?: string | undefined;
  /** Whether a failed reading looks for a mapping to suggest (not while trying one). */
  readonly suggest?: boolean;
  /** The year to suggest for months written without one: this year, as the caller's clock says. */
  readonly yearToTry?: number;
  /** How the file writes dates such as 01/02/2024, where the file says it (a CSV's decimal comma). */
  readonly fileDayOrder?: "mdy" | "dmy";
}

export type ScorecardReading =
  | { readonly ok: true; readonly model: ScorecardModel }
  | {
      readonly ok: false;
      readonly fatal: Issue;
      readonly issues: readonly Issue[];
      /** The reader's best guess that scores a KPI, when it found no scorecard on its own. */
      readonly suggestion?: ReadSuggestion;
    };

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Scorecard tables on sheets of their own, alike in shape, none with a Perspective column: a
 * sheet per perspective, read as one scorecard with each sheet's name as its perspective.
 */
function sheetPerPerspective(scorecards: readonly DetectedTable[]): DetectedTable[] {
  const parts = scorecards.filter((t) => t.columns.perspective === undefined);
  const sheets = new Set(parts.map((t) => t.sheet));
  const shapes = new Set(parts.map((t) => t.shape));
  return parts.length >= 2 && sheets.size === parts.length && shapes.size === 1 ? parts : [];
}

/** The layouts whose rows RowContext reads, and so whose perspective a block's corner can name. */
const READ_BY_ROWS: ReadonlySet<DetectedTable["shape"]> = new Set(["long", "wide", "pairs"]);

/**
 * A block's corner label: its KPI column's header where that is no header word of any role
 * ("Finance" over Sales and Expenses, not "KPI" or "Measure", which say what the column is).
 */
function cornerLabel(table: DetectedTable): string | null {
  const text = table.headers.find((h) => h.col === table.columns.kpi)?.text.trim() ?? "";
  return text !== "" && roleOfHeader(text) === null ? text : null;
}

/** The headers beside the KPI column, as compared: blocks alike in shape have the same. */
const valueHeaders = (table: DetectedTable): string =>
  table.headers
    .filter((h) => h.col !== table.columns.kpi)
    .map((h) => normalizeHeader(h.text))
    .join("\u0000");

/**
 * Blocks stacked on one sheet, two or more, all the sheet's scorecard tables, alike in shape (the
 * same headers beside the KPI column), none with a Perspective column, each KPI column headed by a
 * corner label of its own: a dashboard's block per perspective, read as one scorecard. A table cut
 * in two by a blank row has the same corner header twice ("KPI" both times) and stays two choices.
 */
function blocksPerPerspective(scorecards: readonly DetectedTable[]): DetectedTable[][] {
  const bySheet = new Map<string, DetectedTable[]>();
  for (const t of scorecards) bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t]);
  return [...bySheet.values()].filter((blocks) => {
    const labels = blocks.map(cornerLabel);
    return (
      blocks.length >= 2 &&
      blocks.every((t) => t.columns.perspective === undefined && READ_BY_ROWS.has(t.shape)) &&
      new Set(blocks.map((t) => `${t.shape}\u0000${valueHeaders(t)}`)).size === 1 &&
      labels.every((l) => l !== null) &&
      new Set(labels.map((l) => normalizeHeader(l as string))).size === blocks.length
    );
  });
}

/**
 * A block-per-perspective choice's tables, each told the perspective its corner names; not where
 * the user said the sheet's name is the perspective.
 */
const withCornerPerspectives = (
  choice: readonly DetectedTable[],
  definition: Definition,
): readonly DetectedTable[] =>
  choice.length >= 2 &&
  choice.every((t) => t.sheet === choice[0]?.sheet) &&
  definition.source?.sheetAsPerspective !== true
    ? choice.map((t) => ({ ...t, cornerPerspective: cornerLabel(t) as string }))
    : choice;

const shapeWords = (t: DetectedTable): string => (t.shape === "wide" ? ", periods across the columns" : "");

/** A choice as the ambiguity message lists it: its name, where it is, and its layout. */
const choiceName = (parts: readonly DetectedTable[]): string => {
  const first = parts[0] as DetectedTable;
  if (parts.length === 1) return `${first.name} (${tableAddress(first)}${shapeWords(first)})`;
  const kind = parts.every((t) => t.sheet === first.sheet) ? "a block" : "a sheet";
  return `${kind} per perspective (${parts.map((t) => tableAddress(t)).join(", ")}${shapeWords(first)})`;
};

/** The table (or the tables of a sheet-per-perspective workbook) to read the scorecard from. */
const mappingOf = (definition: Definition): ColumnMapping => definition.source?.columns ?? {};

/** A table chosen on a hidden sheet is read, and the Read line says where it was. */
function onHiddenSheet(book: WorkbookSnapshot, table: DetectedTable): DetectedTable {
  const sheet = book.sheets.find((s) => s.name === table.sheet);
  if (!sheet || sheet.visibility === "visible") return table;
  const where = `on the ${sheet.visibility === "veryHidden" ? "very hidden" : "hidden"} sheet "${sheet.name}"`;
  return { ...table, inferred: [...(table.inferred ?? []), `the table is ${where}`] };
}

function chooseTable(
  book: WorkbookSnapshot,
  candidates: readonly DetectedTable[],
  definition: Definition,
  options: ReadOptions,
): readonly DetectedTable[] | Issue {
  const all = candidates.filter((t) => t.kind === "scorecard");
  // A table whose header words make it a scorecard is the user's; one found by its content only
  // where there is none such.
  const byWords = all.filter((t) => t.fromContent !== true);
  const scorecards = byWords.length ? byWords : all;
  const sheetGroup = sheetPerPerspective(scorecards);
  const groups = [...(sheetGroup.length ? [sheetGroup] : []), ...blocksPerPerspective(scorecards)];
  const choices: (readonly DetectedTable[])[] = [
    ...scorecards.filter((t) => !groups.some((g) => g.includes(t))).map((t) => [t]),
    ...groups,
  ];
  const names = choices.map(choiceName).join(", ");
  if (options.table !== undefined) {
    const wanted = options.table;
    const match = all.find((t) => sameName(t.name, wanted)) ?? all.find((t) => sameName(t.sheet, wanted));
    if (match) return [onHiddenSheet(book, match)];
    const named = book.sheets.flatMap((sheet) =>
      sheet.tables.filter((t) => sameName(t.name, wanted)).map((t) => ({ sheet, table: t })),
    );
    const first = named[0];
    if (first) {
      // The table is there (hidden sheets included), but neither its words nor its content make it
      // a scorecard: say what it holds rather than that it does not exist.
      const miss = nearMisses(book, new Set(), mappingOf(definition)).find(
        (m) => m.table.sheet === first.sheet.name && m.table.headerRow === first.table.box.top,
      );
      return issue(
        "table-not-scorecard",
        sheetCell(first.sheet.name, first.table.box.top, first.table.box.left),
        {
          name: first.table.name,
          sheet: first.sheet.name,
          hidden: first.sheet.visibility === "visible" ? "" : "hidden ",
          holds: miss
            ? describeNearMiss(miss).replace(/^\S+ has /, "has ")
            : `has the headers ${first.table.hasHeaderRow ? "it has" : "none (no header row)"}`,
        },
      );
    }
    return issue("table-not-found", null, { name: wanted, names: names || "none" });
  }
  if (scorecards.length === 0) return issue("no-scorecard-table", null);
  const stored = definition.source;
  if (stored) {
    const match =
      scorecards.find((t) => t.name === stored.table && t.sheet === stored.sheet) ??
      scorecards.find((t) => t.name === stored.table);
    if (match) return withCornerPerspectives(choices.find((c) => c.includes(match)) ?? [match], definition);
  }
  if (choices.length > 1) return issue("ambiguous-table", null, { names });
  return withCornerPerspectives(choices[0] as readonly DetectedTable[], definition);
}

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** "Sheet1!A1:G40 has KPI (Metric_Name) and Actual (value_rounded), but no Target". */
export function describeNearMiss(miss: NearMiss): string {
  const found = miss.found.map((f) => `${canonicalHeader(f.role)} (${f.header})`);
  return `${tableAddress(miss.table)} has ${listed(found)}, but no ${listed(miss.missing.map(canonicalHeader))}`;
}

/** The block the user chose, when it has the columns a scorecard needs; else what it lacks. */
function rangeChosen(
  book: WorkbookSnapshot,
  range: string,
  mapping: ColumnMapping,
  periodsAcross: boolean,
  year: number | undefined,
): readonly DetectedTable[] | Issue {
  const table = tableFromRange(book, range, mapping, periodsAcross, year);
  if ("code" in table) return table;
  const needed = table.shape === "wide" ? (["kpi"] as const) : REQUIRED_ROLES;
  const missing = needed.filter((role) => table.columns[role] === undefined);
  if (missing.length === 0) return [table];
  return issue("range-unusable", sheetCell(table.sheet, table.headerRow, table.left), {
    range,
    reason: `has no ${listed(missing.map(canonicalHeader))} column in its first row, which is read as the header row: choose the header that holds each`,
  });
}

/** One header named for two roles: a column serves one role, whatever order the names came in. */
function headerMappedTwice(mapping: ColumnMapping): Issue | null {
  const roleOf = new Map<string, string>();
  for (const [role, header] of Object.entries(mapping) as [ColumnRole, string][]) {
    if (header === "") continue;
    const first = roleOf.get(normalizeHeader(header));
    if (first !== undefined) return issue("mapped-header-twice", null, { header, role: first, other: role });
    roleOf.set(normalizeHeader(header), role);
  }
  return null;
}

/** The user's corrections to the detected column mapping win over the header words. */
function applyColumnMapping(table: DetectedTable, definition: Definition): DetectedTable {
  const chosen = definition.source?.columns ?? {};
  const columns = { ...table.columns };
  for (const [role, header] of Object.entries(chosen) as [ColumnRole, string][]) {
    // An empty header is the user saying "this table has no such column".
    if (header === "") {
      delete columns[role];
      continue;
    }
    // A wide table's values are under its period headers, whatever column was named for them.
    if (table.shape === "wide" && (role === "actual" || role === "period")) continue;
    const found = table.headers.find((h) => normalizeHeader(h.text) === normalizeHeader(header));
    if (found) columns[role] = found.col;
  }
  // The sheet's name stands for the perspective: a Perspective column is not read, even one mapped.
  if (definition.source?.sheetAsPerspective) delete columns.perspective;
  return { ...table, columns };
}

/**
 * An Entity column (Department, Region…) under which no KPI repeats is no set of units sharing
 * KPIs but a grouping of the lines (a departmental budget: Marketing's lines, IT's lines): its
 * values are read as perspectives (or objectives, where the table names its perspectives), and the
 * Read line says so. A column the user mapped as the entity stays one.
 */
function groupingNotEntity(
  book: WorkbookSnapshot,
  table: DetectedTable,
  mapping: ColumnMapping,
): DetectedTable {
  const col = table.columns.entity;
  const kpiCol = table.columns.kpi;
  if (col === undefined || kpiCol === undefined || mapping.entity !== undefined || table.shape !== "long")
    return table;
  const sheet = book.sheets.find((s) => s.name === table.sheet);
  if (!sheet) return table;
  const entitiesOf = new Map<string, Set<string>>();
  const entities = new Set<string>();
  let entity = "";
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    entity = cellText(cellAt(sheet, row, col)) || entity;
    const kpi = cellText(cellAt(sheet, row, kpiCol)).toLowerCase();
    if (kpi === "" || entity === "" || isEntityTotal(entity)) continue;
    entities.add(entity);
    const seen = entitiesOf.get(kpi) ?? new Set<string>();
    seen.add(entity);
    entitiesOf.set(kpi, seen);
  }
  const shared = [...entitiesOf.values()].some((s) => s.size > 1);
  if (shared || entities.size < 2) return table;
  const role =
    table.columns.perspective === undefined
      ? "perspective"
      : table.columns.objective === undefined
        ? "objective"
        : null;
  if (role === null) return table;
  const columns = { ...table.columns };
  delete columns.entity;
  const header = table.headers.find((h) => h.col === col)?.text ?? "";
  return {
    ...table,
    columns: { ...columns, [role]: col },
    inferred: [
      ...(table.inferred ?? []),
      `"${header}" groups the KPIs (no KPI repeats across its values), read as ${role === "perspective" ? "perspectives" : "objectives"}, not entities`,
    ],
  };
}

/** Reads a weight cell: blank is 1; anything but a number of 0 or more is an error (weight 0). */
export function readWeight(value: CellValue, name: string, cell: string | null, issues: Issue[]): number {
  const reading = readNumber(value);
  if (reading.kind === "blank") return 1;
  if (reading.kind === "number" && reading.value >= 0) return reading.value;
  issues.push(issue("weight-invalid", cell, { name, value: cellText(value) }));
  return 0;
}

/** The perspective of KPIs kept as columns on a sheet per unit: the units share it. */
const UNITS_PERSPECTIVE = "Scorecard";

/**
 * KPIs as columns on sheets of their own, the same KPIs on each: a sheet per person or unit,
 * each sheet's name its entity.
 */
function sheetPerUnit(tables: readonly DetectedTable[]): boolean {
  if (tables.length < 2 || !tables.every((t) => t.shape === "columns")) return false;
  const names = (t: DetectedTable) => (t.kpiColumns ?? []).map((k) => k.name.toLowerCase()).join("\u0000");
  return new Set(tables.map(names)).size === 1;
}

function readTableRows(
  reader: TableReader,
  issues: Issue[],
  perUnit: boolean,
  periodSettings: PeriodSettings,
): { drafts: KpiDraft[]; granularity: Granularity | null; layout: LayoutSummary } | Issue {
  const { table } = reader;
  const tally = new RowTally(issues);
  // One reader per layout (long and one KPI's series, wide, KPIs as columns), one face here.
  const rows: LayoutRows | Issue =
    table.shape === "columns"
      ? perUnit
        ? readColumnRows(reader, issues, tally, periodSettings, UNITS_PERSPECTIVE, reader.sheet.name)
        : readColumnRows(reader, issues, tally, periodSettings, reader.sheet.name, null)
      : table.shape === "wide"
        ? readWideRows(reader, issues, tally)
        : table.shape === "pairs"
          ? readPairRows(reader, issues, tally, periodSettings)
          : table.shape === "transposed"
            ? readTransposedRows(reader, tally)
            : readLongRows(reader, issues, tally, periodSettings);
  if ("code" in rows) return rows;
  for (const draft of rows.drafts) {
    const section = rows.context.sectionOf(draft);
    if (section) draft.section = section;
  }
  return {
    drafts: rows.drafts,
    granularity: rows.granularity,
    layout: layoutSummary(table, rows.context, tally.counts, rows.drafts, rows.periods),
  };
}

/** One summary for a scorecard read from several sheets: their addresses, their rows added up. */
function combinedLayout(layouts: readonly LayoutSummary[]): LayoutSummary | null {
  const [first, ...more] = layouts;
  if (!first) return null;
  return more.reduce(
    (sum, l) => ({
      ...sum,
      address: `${sum.address}, ${l.address}`,
      inferred: [...new Set([...sum.inferred, ...l.inferred])],
      rows: sum.rows + l.rows,
      scored: sum.scored + l.scored,
      headings: sum.headings + l.headings,
      totals: sum.totals + l.totals,
      leftOut: sum.leftOut + l.leftOut,
      kpis: sum.kpis + l.kpis,
      entities: Math.max(sum.entities, l.entities),
      periods: Math.max(sum.periods, l.periods),
    }),
    first,
  );
}

function layoutSummary(
  table: DetectedTable,
  context: RowContext,
  counts: RowCounts,
  drafts: readonly KpiDraft[],
  periods: number,
): LayoutSummary {
  const sources = context.sources();
  // With an Entity column the same KPI stands once per entity: counted once, the entities apart.
  const entities = new Set(drafts.map((d) => d.entity).filter((e) => e !== null));
  const kpis = new Set(drafts.map((d) => `${d.perspective}\u0000${d.objective}\u0000${d.name}`)).size;
  return {
    shape: table.shape,
    address: tableAddress(table),
    inferred: table.inferred ?? [],
    perspectiveFrom: sources.perspective,
    objectiveFrom: sources.objective,
    ...counts,
    kpis,
    entities: entities.size,
    periods,
  };
}

/** The number format a KPI is shown in: its latest actual's, else its latest target's. */
function displayFormat(reader: TableReader, observations: readonly Observation[]): string | null {
  for (const role of ["actual", "target"] as const) {
    for (let i = observations.length - 1; i >= 0; i--) {
      const o = observations[i] as Observation;
      const inColumn = role === "actual" && o.wide !== undefined;
      // The format first: a long table's row reads its number when asked (longLayout.ts), and a
      // column in General, as most are, has no format to find; its numbers are then never read.
      const format = inColumn ? (o.wide?.format ?? null) : reader.format(o.row, role);
      if (format && o[role].kind === "number") return format;
    }
  }
  return null;
}

type KpiOverrides = Definition["kpis"][number] | TaggedKpi | undefined;

/**
 * Headers of a column that names who spends: a department's, a cost centre's or a public agency's
 * lines are spending. Matched as headers are (normalizeHeader: any case, accents or spacing).
 */
const SPENDER_HEADERS: ReadonlySet<string> = new Set(
  [
    "Department",
    "Dept",
    "Cost centre",
    "Cost center",
    "Cost centre name",
    "Cost center name",
    "Agency",
    "Agency name",
    "Ministry",
    "Bureau",
    "Abteilung",
    "Kostenstelle",
    "Behörde",
    "Ministerium",
    "Dienststelle",
    "Departamento",
    "Centro de coste",
    "Centro de costes",
    "Centro de custo",
    "Centro de custos",
    "Organismo",
    "Ministerio",
    "Agencia",
    "Órgão",
    "Ministério",
    "Département",
    "Centre de coûts",
    "Centre de coût",
    "Agence",
    "Ministère",
    "Organisme",
    "Reparto",
    "Centro di costo",
    "Ministero",
    "Agenzia",
    "Afdeling",
    "Kostenplaats",
    "Ministerie",
    "Agentschap",
  ].map(normalizeHeader),
);
/**
 * Headers that name a budget's lines, or the amounts against it, as expenses: "Objeto Gasto",
 * "Expense account", "Kostenart", "Actual spend", "Spent", a French budget's "Mandats admis"
 * (the payment orders issued against its appropriations).
 */
const EXPENSE_HEADERS =
  /\b(gastos?|gastado|despesas?|expenses?|expenditures?|costs?|spend|spent|spending|outlays?|depenses?|mandats?|kosten|kostenart|aufwand|aufwendungen|ausgaben|spese|speso|uitgaven|besteed)\b/i;
/** Headers of a target column that is a budget (not a goal or a plan of sales), or its appropriation. */
const BUDGET_HEADERS =
  /\b(budget|budgeted|budgete|presupuesto|presupuestado|orcamento|orcado|preventivo|begroting|begroot|previsions definitives|credits ouverts|ansatz|haushaltsansatz)\b/i;
/** Names that say money in, which a departmental budget holds too (a sales department's revenue). */
const SAYS_REVENUE =
  /\b(revenues?|sales|income|profit|margin|ingresos?|ventas|receitas?|vendas|chiffre d.affaires|ventes|recettes|umsatze?|erlose?|ricavi|vendite|omzet|opbrengsten?)\b/i;

const spendingBudgets = new WeakMap<DetectedTable, string | null>();

/**
 * A departmental budget: a Budget column beside a Department or Cost centre column. Its lines are
 * spending, lower is better, where nothing else says their direction (docs/reading.md, Direction).
 */
function spendingBudgetOf(reader: TableReader): string | null {
  const { table } = reader;
  const known = spendingBudgets.get(table);
  if (known !== undefined) return known;
  const headerOf = (col: number | undefined) => table.headers.find((h) => h.col === col)?.text ?? "";
  const budget = headerOf(table.columns.target);
  const spender = table.headers.find((h) => SPENDER_HEADERS.has(normalizeHeader(h.text)));
  const expense = table.headers.find((h) => EXPENSE_HEADERS.test(headerForWords(h.text)));
  const found = !BUDGET_HEADERS.test(headerForWords(budget))
    ? null
    : spender
      ? `its line is in a departmental budget ("${spender.text.trim()}" beside "${budget.trim()}"), which is spending`
      : expense
        ? `its line is an expense of the budget ("${expense.text.trim()}" beside "${budget.trim()}")`
        : null;
  spendingBudgets.set(table, found);
  return found;
}

/** A statement's line marked as added or deducted: "+ Steuern", "- Personalaufwendungen", "./. Abzüge". */
const SIGNED_LINE = /^\s*([+-]|\.\/\.)\s+\p{L}/u;
const signedStatements = new WeakMap<DetectedTable, boolean>();

/**
 * The sign before a KPI's name in a statement whose lines are marked "+ " and "- " (each at least
 * once in its KPI column, as a budget's Ergebnisplan writes them), else null: one sign alone is a
 * bullet, not a statement's arithmetic.
 */
function statementSignOf(reader: TableReader, name: string): "+" | "-" | null {
  const { table } = reader;
  let signed = signedStatements.get(table);
  if (signed === undefined) {
    const signs = new Set<string>();
    const last = Math.min(table.lastDataRow, table.firstDataRow + 500);
    for (let row = table.firstDataRow; row <= last; row++) {
      const sign = SIGNED_LINE.exec(reader.text(row, "kpi"))?.[1];
      if (sign !== undefined) signs.add(sign === "+" ? "+" : "-");
    }
    signed = signs.size === 2;
    signedStatements.set(table, signed);
  }
  const sign = signed ? SIGNED_LINE.exec(name)?.[1] : undefined;
  return sign === undefined ? null : sign === "+" ? "+" : "-";
}

const classColumns = new WeakMap<DetectedTable, { col: number; header: string } | null>();

/**
 * A column of the table that classifies its rows (Type: Revenue, Expense…) by its header or its
 * content, and no role's: found once per table, for the direction of each KPI (direction.ts).
 */
function classColumnOf(reader: TableReader): { col: number; header: string } | null {
  const { table, sheet } = reader;
  const known = classColumns.get(table);
  if (known !== undefined) return known;
  const taken = new Set(Object.values(table.columns));
  let found: { col: number; header: string } | null = null;
  for (const { col, text: header } of table.headers) {
    if (taken.has(col) || table.kpiColumns?.some((k) => k.actual === col || k.target === col)) continue;
    const values: string[] = [];
    const last = Math.min(table.lastDataRow, table.firstDataRow + 500);
    for (let row = table.firstDataRow; row <= last; row++) values.push(cellText(cellAt(sheet, row, col)));
    if (isClassColumn(header, values)) {
      found = { col, header };
      break;
    }
  }
  classColumns.set(table, found);
  return found;
}

function buildKpi(reader: TableReader, draft: KpiDraft, overrides: KpiOverrides, issues: Issue[]): KpiModel {
  const at = (role: ColumnRole): number | null => draft.attributes[role]?.row ?? null;
  const text = (role: ColumnRole): string => {
    const row = at(role);
    return row === null ? "" : reader.text(row, role);
  };
  const polarityRow = at("polarity");
  // The KPI's latest row speaks for it: its name's cell, and its cell in a class column (Type).
  const latest = draft.observations[draft.observations.length - 1];
  const classColumn = classColumnOf(reader);
  const baselineRow = at("baseline");
  const baseline = baselineRow === null ? null : readNumber(reader.value(baselineRow, "baseline"));
  let targeted: Observation | undefined;
  for (let i = draft.observations.length - 1; i >= 0 && !targeted; i--) {
    if (draft.observations[i]?.target.kind === "number") targeted = draft.observations[i];
  }
  const direction = kpiDirection({
    kpi: draft.name,
    kpiCell: latest ? (reader.cell(latest.row, "kpi") ?? latest.actualCell) : null,
    entity: draft.entity,
    stored: overrides?.polarity ?? null,
    polarityCell:
      polarityRow === null ? null : { text: text("polarity"), cell: reader.cell(polarityRow, "polarity") },
    classCell:
      classColumn === null || !latest
        ? null
        : {
            header: classColumn.header,
            text: cellText(cellAt(reader.sheet, latest.row, classColumn.col)),
            cell: sheetCell(reader.sheet.name, latest.row, classColumn.col),
          },
    statementSign: statementSignOf(reader, draft.name),
    sectionCell: draft.section ?? null,
    baselineTarget:
      baseline?.kind === "number" && targeted?.target.kind === "number"
        ? {
            baseline: baseline.value,
            target: targeted.target.value,
            cell: baselineRow === null ? null : reader.cell(baselineRow, "baseline"),
          }
        : null,
  });
  const spending = direction.source === "default" ? spendingBudgetOf(reader) : null;
  const polarity: Polarity | null =
    spending && !SAYS_REVENUE.test(withoutAccents(draft.name)) ? "lower" : direction.polarity;
  if (direction.issue) issues.push(direction.issue);
  else if (polarity !== direction.polarity && spending) {
    issues.push(
      issue("polarity-inferred", latest ? (reader.cell(latest.row, "kpi") ?? latest.actualCell) : null, {
        kpi: draft.name,
        ...(draft.entity ? { entity: draft.entity } : {}),
        polarity: "lower",
        other: "higher",
        because: spending,
      }),
    );
  }
  let aggregation: Aggregation | null = "last";
  const aggregationRow = at("aggregation");
  if (overrides?.aggregation) aggregation = overrides.aggregation;
  else if (aggregationRow !== null) {
    const parsed = parseAggregation(text("aggregation"));
    if (parsed === "unknown") {
      issues.push(
        issue("aggregation-unknown", reader.cell(aggregationRow, "aggregation"), {
          kpi: draft.name,
          value: text("aggregation"),
        }),
      );
      aggregation = null;
    } else aggregation = parsed ?? "last";
  }
  const weightRow = at("weight");
  const weight =
    overrides?.weight ??
    (weightRow === null
      ? 1
      : readWeight(reader.value(weightRow, "weight"), draft.name, reader.cell(weightRow, "weight"), issues));
  const numberFormat = displayFormat(reader, draft.observations);
  const because = polarity !== direction.polarity ? spending : direction.because;
  return {
    entity: draft.entity,
    perspective: draft.perspective,
    objective: draft.objective,
    name: draft.name,
    polarity,
    ...(because &&
    (direction.source === "class" ||
      direction.source === "name" ||
      direction.source === "baseline" ||
      polarity !== direction.polarity)
      ? { polarityBecause: because }
      : {}),
    aggregation,
    weight,
    owner: overrides?.owner ?? text("owner"),
    unit: overrides?.unit ?? text("unit"),
    comment: text("comment"),
    baseline: baseline?.kind === "number" ? baseline.value : null,
    numberFormat,
    polarityOverride: overrides?.polarity ?? null,
    thresholdOverride: overrides?.threshold ?? null,
    toleranceOverride: overrides?.tolerance ?? null,
    observations: draft.observations,
    source: "table",
    sheet: reader.sheet.name,
  };
}

/** Perspective or objective weights from the optional tables, by name. */
function readSideTables(book: WorkbookSnapshot, candidates: readonly DetectedTable[], issues: Issue[]) {
  const perspectiveWeights = new Map<string, { weight: number; cell: string | null }>();
  const objectives = new Map<
    string,
    { weight: number; owner: string; drives: string[]; cell: string | null; drivesCell: string | null }
  >();
  for (const table of candidates) {
    if (table.kind !== "perspectives" && table.kind !== "objectives") continue;
    const sheet = book.sheets.find((s) => s.name === table.sheet);
    if (!sheet) continue;
    const reader = new TableReader(sheet, table);
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
      const perspective = reader.text(row, "perspective");
      if (perspective === "") continue;
      if (table.kind === "perspectives") {
        if (!perspectiveWeights.has(perspective)) {
          perspectiveWeights.set(perspective, {
            weight: readWeight(reader.value(row, "weight"), perspective, reader.cell(row, "weight"), issues),
            cell: reader.cell(row, "perspective"),
          });
        }
        continue;
      }
      const objective = reader.text(row, "objective");
      if (objective === "" || objectives.has(objectiveKey(perspective, objective))) continue;
      objectives.set(objectiveKey(perspective, objective), {
        weight: readWeight(reader.value(row, "weight"), objective, reader.cell(row, "weight"), issues),
        owner: reader.text(row, "owner"),
        drives: reader
          .text(row, "drives")
          .split(";")
          .map((s) => s.trim())
          .filter((s) => s !== ""),
        cell: reader.cell(row, "objective"),
        drivesCell: reader.cell(row, "drives"),
      });
    }
  }
  return { perspectiveWeights, objectives };
}

/**
 * Reads the scorecard the workbook holds: the scorecard table (chosen by option, by the stored
 * definition, or as the only one), the optional Perspectives and Objectives tables, tagged KPIs,
 * and the stored definition's settings and overrides.
 */
export function readScorecard(
  book: WorkbookSnapshot,
  storedDefinition: Definition | null,
  ownedSheets: ReadonlySet<string>,
  options: ReadOptions = {},
): ScorecardReading {
  const definition = storedDefinition ?? emptyDefinition();
  const issues: Issue[] = [];
  const source = definition.source;
  const mapping = source?.columns ?? {};
  const twice = headerMappedTwice(mapping);
  if (twice) return { ok: false, fatal: twice, issues };
  const candidates = detectTables(book, ownedSheets, mapping, source?.periodsAcross === true, source?.year);
  let suggestion: ReadSuggestion | undefined;
  let chosen =
    source?.range !== undefined && options.table === undefined
      ? rangeChosen(book, source.range, mapping, source.periodsAcross === true, source.year)
      : chooseTable(book, candidates, definition, options);
  if ("code" in chosen && chosen.code === "ambiguous-table" && options.suggest !== false) {
    // Several tables, none chosen: the one with the most rows is offered, where reading it scores.
    const largest = candidates
      .filter((t) => t.kind === "scorecard")
      .sort((a, b) => b.lastDataRow - b.firstDataRow - (a.lastDataRow - a.firstDataRow))[0];
    if (largest) {
      const tried = readScorecard(book, storedDefinition, ownedSheets, {
        ...options,
        table: largest.name,
        suggest: false,
      });
      if (tried.ok && scoresAKpi(tried.model)) suggestion = { mapping: {}, table: largest.name };
    }
  }
  if ("code" in chosen && chosen.code === "no-scorecard-table") {
    const misses = nearMisses(book, ownedSheets, mapping);
    const role = misses[0]?.missing[0];
    // A header the user named that heads no column of any block: say so, rather than ask for it again.
    const headed = new Set(misses.flatMap((m) => m.table.headers.map((h) => normalizeHeader(h.text))));
    const unmatched = Object.entries(mapping).find(([, h]) => h !== "" && !headed.has(normalizeHeader(h)));
    if (unmatched && misses[0]) {
      chosen = issue("mapped-header-missing", null, {
        header: unmatched[1] as string,
        role: unmatched[0],
        block: tableAddress(misses[0].table),
        headers: misses[0].table.headers.map((h) => h.text).join(", "),
      });
    } else if (role)
      chosen = issue("no-scorecard-table", null, { nearest: misses.map(describeNearMiss).join("; "), role });
    else chosen = issue("no-scorecard-table", null, { holds: describeHoldings(book, ownedSheets) });
    if (options.suggest !== false && !definition.tagged.length) {
      const guess = suggestReading(book, misses, mapping, (tried) => {
        const reading = readScorecard(book, { ...tried, settings: definition.settings }, ownedSheets, {
          ...options,
          suggest: false,
        });
        return reading.ok ? reading.model : null;
      });
      if (guess) suggestion = guess;
    }
  }
  const hasTags = definition.tagged.length > 0;
  let tables: DetectedTable[] = [];
  if (!("code" in chosen))
    tables = chosen.map((t) => groupingNotEntity(book, applyColumnMapping(t, definition), mapping));
  else if (!(hasTags && chosen.code === "no-scorecard-table"))
    return { ok: false, fatal: chosen, issues, ...(suggestion ? { suggestion } : {}) };

  /** Whether reading with the user's mapping and a guess added to it scores a KPI. */
  const scoresWith = (guess: ColumnMapping): boolean => {
    const tried = readScorecard(
      book,
      {
        ...definition,
        source: { ...(source ?? { table: "", sheet: "", columns: {} }), columns: { ...mapping, ...guess } },
      },
      ownedSheets,
      { ...options, suggest: false },
    );
    return tried.ok && scoresAKpi(tried.model);
  };

  /**
   * A budget given at several stages, none in force: which is the target is asked, the last stage
   * offered (with a column that splits each line into a few kinds as entities, where there is
   * one: the question's other half), where reading so scores a KPI.
   */
  const stageQuestion = (table: DetectedTable): { fatal: Issue; suggestion?: ReadSuggestion } => {
    const stages = table.budgetStages ?? [];
    const last = stages[stages.length - 1] as { col: number; text: string };
    const sheet = book.sheets.find((s) => s.name === table.sheet) as SheetSnapshot;
    const split =
      mapping.entity === undefined && table.columns.entity === undefined
        ? splittingColumn(sheet, table)
        : null;
    const fatal = issue("budget-stage-open", sheetCell(table.sheet, table.headerRow, stages[0]?.col ?? 0), {
      stages: stages.map((s) => `"${s.text}"`).join(", "),
      suggested: last.text,
      ...(split === null ? {} : { split }),
    });
    if (options.suggest === false) return { fatal };
    const tries: ColumnMapping[] = [
      ...(split === null ? [] : [{ target: last.text, entity: split }]),
      { target: last.text },
    ];
    const guess = tries.find(scoresWith);
    return guess ? { fatal, suggestion: { mapping: guess, block: tableAddress(table) } } : { fatal };
  };
  const open = mapping.target === undefined ? tables.find((t) => t.budgetStages?.length) : undefined;
  if (open) return { ok: false, issues, ...stageQuestion(open) };

  /**
   * Targets and actuals given once per account (a state budget's residuals, competence and cash):
   * which pair is scored is asked, the account whose target fills the most lines offered first,
   * where reading so scores a KPI.
   */
  const accountQuestion = (table: DetectedTable): { fatal: Issue; suggestion?: ReadSuggestion } => {
    const sheet = book.sheets.find((s) => s.name === table.sheet) as SheetSnapshot;
    const filled = (col: number): number => {
      let count = 0;
      for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
        const n = readNumber(cellAt(sheet, row, col));
        if (n.kind === "number" && n.value !== 0) count++;
      }
      return count;
    };
    const lines = new Map((table.accounts ?? []).map((p) => [p.target.col, filled(p.target.col)]));
    const pairs = [...(table.accounts ?? [])].sort(
      (a, b) => (lines.get(b.target.col) ?? 0) - (lines.get(a.target.col) ?? 0),
    );
    const offered = pairs[0] as NonNullable<DetectedTable["accounts"]>[number];
    const fatal = issue("account-open", sheetCell(table.sheet, table.headerRow, offered.target.col), {
      pairs: pairs.map((p) => `"${p.target.text}" and "${p.actual.text}"`).join(", "),
      target: offered.target.text,
      actual: offered.actual.text,
    });
    if (options.suggest === false) return { fatal };
    const guess = pairs
      .map((p) => ({ target: p.target.text, actual: p.actual.text }))
      .find((tried) => scoresWith(tried));
    return guess ? { fatal, suggestion: { mapping: guess, block: tableAddress(table) } } : { fatal };
  };
  const accounts =
    mapping.target === undefined && mapping.actual === undefined
      ? tables.find((t) => t.accounts?.length)
      : undefined;
  if (accounts) return { ok: false, issues, ...accountQuestion(accounts) };

  // KPI names that repeat where another column names each row once: which names the KPIs is asked
  // (kpiNames.ts), that column offered where reading with it scores a KPI.
  for (const table of mapping.kpi === undefined ? tables : []) {
    const sheet = book.sheets.find((s) => s.name === table.sheet) as SheetSnapshot;
    const repeated = repeatedKpiNames(sheet, table);
    if (!repeated) continue;
    const fatal = issue("kpi-names-repeat", sheetCell(table.sheet, table.headerRow, table.columns.kpi ?? 0), {
      header: repeated.header,
      repeats: repeated.repeats,
      rows: repeated.rows,
      names: repeated.names,
    });
    const guess = { kpi: repeated.names };
    const offered = options.suggest !== false && scoresWith(guess);
    return {
      ok: false,
      fatal,
      issues,
      ...(offered ? { suggestion: { mapping: guess, block: tableAddress(table) } } : {}),
    };
  }

  /** Months with no year: the fatal, with this year offered where reading with it scores a KPI. */
  const yearSuggestion = (fatal: Issue): { fatal: Issue; suggestion?: ReadSuggestion } => {
    const year = options.yearToTry;
    if (fatal.code !== "months-across-no-year" || options.suggest === false || year === undefined)
      return { fatal };
    const tried = readScorecard(
      book,
      { ...definition, source: { ...(source ?? { table: "", sheet: "", columns: {} }), year } },
      ownedSheets,
      { ...options, suggest: false },
    );
    return tried.ok && scoresAKpi(tried.model) ? { fatal, suggestion: { mapping: {}, year } } : { fatal };
  };
  const drafts: { draft: KpiDraft; reader: TableReader }[] = [];
  let granularity: Granularity | null = null;
  const layouts: LayoutSummary[] = [];
  const perUnit = sheetPerUnit(tables);
  for (const table of tables) {
    const noYear = table.issues.filter((i) => i.code === "period-no-year");
    if (table.shape === "wide" && table.periodColumns.length === 0 && noYear.length) {
      // Months across with no year: nothing to score until the year is given, and said so once.
      const cells = new Set(noYear.map((i) => i.cell));
      const months = table.headers.filter((h) => cells.has(sheetCell(table.sheet, table.headerRow, h.col)));
      const [first, last] = [months[0], months[months.length - 1]];
      const box = {
        top: table.headerRow,
        bottom: table.headerRow,
        left: first?.col ?? 0,
        right: last?.col ?? 0,
      };
      return {
        ok: false as const,
        ...yearSuggestion(
          issue("months-across-no-year", sheetCell(table.sheet, table.headerRow, box.left), {
            across: "yes",
            range: sheetBox(table.sheet, box),
            first: first?.text ?? "",
            last: last?.text ?? "",
          }),
        ),
        issues,
      };
    }
    issues.push(...table.issues);
    const sheet = book.sheets.find((s) => s.name === table.sheet) as SheetSnapshot;
    const reader = new TableReader(sheet, table, source?.sheetAsPerspective === true);
    const rows = readTableRows(reader, issues, perUnit, {
      year: source?.year,
      dayOrder: source?.dayOrder,
      fileDayOrder: options.fileDayOrder,
      fiscalYearStartMonth: definition.settings.fiscalYearStartMonth,
    });
    if ("code" in rows) return { ok: false, issues, ...yearSuggestion(rows) };
    const scoredRows = [...new Set(rows.drafts.flatMap((d) => d.observations.map((o) => o.row)))];
    issues.push(...textColumnIssues(sheet, table, scoredRows, mapping));
    if (layouts.length > 0 && rows.granularity !== granularity) {
      const [found, expected] = [rows.granularity ?? "single-period", granularity ?? "single-period"];
      return {
        ok: false,
        fatal: issue("period-mixed", tableAddress(table), { found, expected, across: "tables" }),
        issues,
      };
    }
    granularity = rows.granularity;
    drafts.push(...rows.drafts.map((draft) => ({ draft, reader })));
    layouts.push(rows.layout);
  }
  const combined = combinedLayout(layouts);
  // A sheet per unit holds the same KPIs on each sheet: counted once, the units apart.
  const layout =
    combined && perUnit
      ? {
          ...combined,
          kpis: new Set(drafts.map((d) => d.draft.name)).size,
          entities: new Set(drafts.map((d) => d.draft.entity)).size,
        }
      : combined;
  const table = tables[0] ?? null;

  // The first override stored for a KPI is the one that counts, as a search of the list would find.
  const overrides = new Map<string, Definition["kpis"][number]>();
  for (const k of [...definition.kpis].reverse())
    overrides.set(kpiKey(k.perspective, k.objective, k.name), k);
  const overrideFor = (d: { perspective: string; objective: string; name: string }) =>
    overrides.get(kpiKey(d.perspective, d.objective, d.name));
  const kpis: KpiModel[] = drafts.map(({ draft, reader }) =>
    buildKpi(reader, draft, overrideFor(draft), issues),
  );
  for (const tag of definition.tagged) {
    const tagged = readTaggedKpi(book, tag, granularity, tables.length > 0, issues);
    kpis.push(tagged.kpi);
    granularity ??= tagged.granularity;
  }

  const side = readSideTables(book, candidates, issues);
  const perspectives: PerspectiveModel[] = [];
  const objectives: ObjectiveModel[] = [];
  // Sets, not a search of the lists for each KPI: that is quadratic at 50,000 KPIs.
  const perspectiveNames = new Set<string>();
  const objectiveKeys = new Set<string>();
  for (const kpi of kpis) {
    if (!perspectiveNames.has(kpi.perspective)) {
      perspectiveNames.add(kpi.perspective);
      const stored = definition.perspectives.find((p) => p.name === kpi.perspective);
      perspectives.push({
        name: kpi.perspective,
        weight: stored?.weight ?? side.perspectiveWeights.get(kpi.perspective)?.weight ?? 1,
      });
    }
    if (!objectiveKeys.has(objectiveKey(kpi.perspective, kpi.objective))) {
      objectiveKeys.add(objectiveKey(kpi.perspective, kpi.objective));
      const stored = definition.objectives.find(
        (o) => o.perspective === kpi.perspective && o.name === kpi.objective,
      );
      const fromTable = side.objectives.get(objectiveKey(kpi.perspective, kpi.objective));
      objectives.push({
        perspective: kpi.perspective,
        name: kpi.objective,
        weight: stored?.weight ?? fromTable?.weight ?? 1,
        owner: stored?.owner ?? fromTable?.owner ?? "",
        drives: stored?.drives.length ? stored.drives : (fromTable?.drives ?? []),
      });
    }
  }

  // A name in the Perspectives or Objectives table that no KPI uses is most often a typo.
  for (const [name, entry] of side.perspectiveWeights) {
    if (!perspectiveNames.has(name)) {
      issues.push(issue("unknown-parent", entry.cell, { name, table: "Perspectives" }));
    }
  }
  // A Drives name that matches no other objective draws no arrow on the strategy map: say so.
  const objectiveNames = new Map<string, number>();
  for (const o of objectives) {
    const key = objectiveNameKey(o.name);
    objectiveNames.set(key, (objectiveNames.get(key) ?? 0) + 1);
  }
  for (const o of objectives) {
    const own = objectiveNameKey(o.name);
    const cell = side.objectives.get(objectiveKey(o.perspective, o.name))?.drivesCell ?? null;
    for (const driven of o.drives) {
      const key = objectiveNameKey(driven);
      const others = (objectiveNames.get(key) ?? 0) - (key === own ? 1 : 0);
      if (others < 1) issues.push(issue("unknown-drives", cell, { name: driven, objective: o.name }));
    }
  }
  for (const [key, entry] of side.objectives) {
    if (!objectiveKeys.has(key)) {
      issues.push(
        issue("unknown-parent", entry.cell, { name: key.split("\u0000")[1] as string, table: "Objectives" }),
      );
    }
  }

  const followUps = readFollowUps(
    book,
    candidates,
    definition.commentary,
    {
      kpis,
      objectives,
      dayOrder: source?.dayOrder ?? options.fileDayOrder,
      fiscalYearStartMonth: definition.settings.fiscalYearStartMonth,
    },
    issues,
    definition.initiatives,
  );

  return {
    ok: true,
    model: {
      ...(followUps.commentary.length ? { commentary: followUps.commentary } : {}),
      ...(followUps.initiatives.length ? { initiatives: followUps.initiatives } : {}),
      table,
      tables,
      entities: [...new Set(kpis.flatMap((k) => (k.entity === null ? [] : [k.entity])))],
      layout,
      granularity,
      settings: definition.settings,
      perspectives,
      objectives,
      kpis,
      issues,
    },
  };
}
