import { issue, type Issue } from "../engine/issues";
import type { Period } from "../engine/periods";
import { parseColumnsReference, parseReference, sheetBox } from "./address";
import type { ColumnRole, FollowUpColumn, KpiMapColumn } from "./headers";
import { settleNumberedColumns } from "./numberedColumns";
import {
  followUpColumnOfHeader,
  isPivotLabelHeader,
  isYearHeader,
  kpiMapColumnOfHeader,
  accountCodeOf,
  budgetStageOf,
  headerForWords,
  headerPhrase,
  namesRevenueCollected,
  namesRevenueEstimate,
  normalizeHeader,
  REQUIRED_ROLES,
  roleOfHeader,
} from "./headers";
import type { CellValue, RangeBox, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "./snapshot";
import { cellAt, isDateCell, lastCol, lastRow } from "./snapshot";
import { cellText, isBlankCell } from "./values";
import { readPeriodHeaders, yearFromContext } from "./periodText";
import { betterPeriodColumn, inferRoles, profileColumn, seriesOfWord, type KpiColumn } from "./roles";
import { sheetCell } from "./address";
import { findTransposedBlock, transposedTable } from "./transposedLayout";
import { splitSeries } from "./wide";

export type TableKind =
  | "scorecard"
  | "perspectives"
  | "objectives"
  | "commentary"
  | "initiatives"
  /** A group's KPI map: which unit's KPI is which of the group's (src/model/kpiMap.ts). */
  | "kpiMap";

/**
 * Long: one row per KPI (per period, with a Period column). Wide: periods across the columns.
 * Columns: periods down the rows, a column per KPI beside its target's column. Pairs: a long table
 * whose actual and target stand on rows of their own, a column saying which (a BI export's
 * "Measure Names" / "Measure Values"). Transposed: the amounts down a column of labels, a KPI per
 * column of numbers (transposedLayout.ts).
 */
export type TableShape = "long" | "wide" | "columns" | "pairs" | "transposed";

/** A column of a wide table that holds one period's values. */
export interface PeriodColumn {
  readonly col: number;
  readonly period: Period;
  /** Where each period has an actual and a target column ("Jan-24 Actual", "Jan-24 Budget"): the target's. */
  readonly targetCol?: number;
}

/** A table the product can read: an Excel table, or a plain block of cells under a header row. */
export interface DetectedTable {
  readonly kind: TableKind;
  readonly shape: TableShape;
  /** A wide table's period columns, in sheet order; empty for a long table. */
  readonly periodColumns: readonly PeriodColumn[];
  /** The Excel table's name, or for a plain block the sheet's name. */
  readonly name: string;
  readonly sheet: string;
  readonly source: "table" | "range";
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly left: number;
  readonly right: number;
  /** The column of each role found (the first, where a role is named twice). */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
  readonly headers: readonly { readonly col: number; readonly text: string }[];
  readonly issues: readonly Issue[];
  /** How roles the header words did not give were read from the columns' content. */
  readonly inferred?: readonly string[];
  /** One KPI's series with no KPI column: the KPI's name. */
  readonly kpiName?: string;
  /** KPIs as columns: each KPI's value column and its target's. */
  readonly kpiColumns?: readonly KpiColumn[];
  /**
   * A budget given at several stages, none in force: the stages the user is asked to choose from
   * (the last stands as the target until then).
   */
  readonly budgetStages?: readonly { readonly col: number; readonly text: string }[];
  /**
   * Targets and actuals given once per account (prev_def_cp beside pagato_cp, and again for cash
   * and residuals): the pairs the user is asked to choose from.
   */
  readonly accounts?: readonly AccountPair[];
  /** Transposed: the rows whose labels name the actual and the target. */
  readonly seriesRows?: { readonly actual: number; readonly target: number };
  /** Pairs: the column that says what a row's value is (Actual, Target…), and the value's column. */
  readonly seriesColumns?: { readonly series: number; readonly value: number };
  /**
   * Found by what its columns hold, its header words not enough: taken only where no table is
   * a scorecard by its words.
   */
  readonly fromContent?: boolean;
  /** A Commentary or Initiatives table's columns (followUp.ts reads them). */
  readonly followUpColumns?: Readonly<Partial<Record<FollowUpColumn, number>>>;
  /** A KPI map's three columns. */
  readonly kpiMapColumns?: Readonly<Record<KpiMapColumn, number>>;
  /**
   * A block stacked with others alike on its sheet, read as one scorecard with them: the
   * perspective its corner cell names (Finance over its KPI names, Customer over the next block's).
   */
  readonly cornerPerspective?: string;
}

/** Plain blocks are looked for with their header row within this many rows of a sheet's top. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Period headers of one granularity, two or more: the columns of a wide table. Told the periods
 * run across, one is enough (a sheet that holds this month alone).
 */
function widePeriods(periods: readonly PeriodColumn[], least = 2): PeriodColumn[] {
  const granularity = periods[0]?.period.granularity;
  const same = periods.filter((p) => p.period.granularity === granularity);
  return same.length >= least ? same : [];
}

function classify(
  columns: Partial<Record<ColumnRole, number>>,
  periods: readonly PeriodColumn[],
): { kind: TableKind; shape: TableShape } | null {
  const has = (r: ColumnRole): boolean => columns[r] !== undefined;
  // Periods across the header say the values are under them, even beside a column whose word
  // reads as an Actual (a "Value" column of notes, a "Result" of the latest month).
  if (has("kpi") && !has("period") && widePeriods(periods).length)
    return { kind: "scorecard", shape: "wide" };
  if (REQUIRED_ROLES.every(has)) return { kind: "scorecard", shape: "long" };
  if (has("kpi") || has("actual")) return null;
  if (has("perspective") && has("objective")) return { kind: "objectives", shape: "long" };
  if (has("perspective") && has("weight")) return { kind: "perspectives", shape: "long" };
  return null;
}

/**
 * Header words the user assigned to roles by hand (role → header; an empty header: "no such
 * column"). They win over the product's own words.
 */
export type ColumnMapping = Readonly<Partial<Record<ColumnRole, string>>>;

/** Reads a header's role; `named`: the roles the user named by hand, never read from content. */
type RoleReader = ((header: string) => ColumnRole | null) & { readonly named: ReadonlySet<ColumnRole> };

function roleReader(mapping: ColumnMapping): RoleReader {
  const byHeader = new Map<string, ColumnRole>();
  const unmapped = new Set<ColumnRole>();
  for (const [role, header] of Object.entries(mapping) as [ColumnRole, string][]) {
    if (header === "") unmapped.add(role);
    else byHeader.set(normalizeHeader(header), role);
  }
  const read = (header: string): ColumnRole | null => {
    const mapped = byHeader.get(normalizeHeader(header));
    if (mapped) return mapped;
    const role = roleOfHeader(header);
    // A role the user gave another header, or said the table has not, is not read from the words.
    return role === null || unmapped.has(role) || mapping[role] !== undefined ? null : role;
  };
  return Object.assign(read, { named: new Set(Object.keys(mapping) as ColumnRole[]) });
}

function mapHeaders(
  sheet: SheetSnapshot,
  row: number,
  left: number,
  right: number,
  roleOf: (header: string) => ColumnRole | null,
  periodsAcross = false,
  year?: number,
) {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const headers: { col: number; text: string }[] = [];
  const issues: Issue[] = [];
  const periods: PeriodColumn[] = [];
  const periodHeaders: number[] = [];
  const candidates: { col: number; value: CellValue }[] = [];
  const valueColumns: { col: number; series: "actual" | "target" }[] = [];
  for (let col = left; col <= right; col++) {
    const value = cellAt(sheet, row, col);
    const text = cellText(value);
    if (text === "") continue;
    headers.push({ col, text });
    const role = roleOf(text);
    if (role === "period") periodHeaders.push(col);
    if (role === "actual" || role === "target") valueColumns.push({ col, series: role });
    // Told the periods run across, a period header is one even where its words name a role.
    if (role === null || (periodsAcross && (role === "actual" || role === "period"))) {
      candidates.push({ col, value });
      continue;
    }
    if (columns[role] === undefined) columns[role] = col;
    else if (role === "target" && laterBudget(text, cellText(cellAt(sheet, row, columns[role] as number)))) {
      // A budget given at several stages: the one in force (after modifications) is the target.
      issues.push(
        issue("budget-in-force", sheetCell(sheet.name, row, columns[role] as number), {
          header: cellText(cellAt(sheet, row, columns[role] as number)),
          used: text,
        }),
      );
      columns[role] = col;
    } else issues.push(issue("duplicate-header", sheetCell(sheet.name, row, col), { header: text, role }));
  }
  const budgetStages = settleBudgetStages(
    sheet,
    row,
    columns,
    valueColumns
      .filter((v) => v.series === "target")
      .map((v) => ({ col: v.col, text: headerAt(sheet, row, v.col) })),
    issues,
  );
  const accounts = accountPairs(sheet, row, valueColumns);
  const inferred: string[] = [];
  const actualHeader = columns.actual === undefined ? "" : cellText(cellAt(sheet, row, columns.actual));
  if (columns.target === undefined && namesRevenueCollected(actualHeader)) {
    // A public budget's revenue estimate beside the revenue collected is its target (headers.ts).
    const estimate = headers.find((h) => namesRevenueEstimate(h.text) && roleOf(h.text) === null);
    if (estimate) {
      columns.target = estimate.col;
      inferred.push(
        `Target from "${estimate.text}": the budget's revenue estimate, beside the revenue collected ("${actualHeader}")`,
      );
    }
  }
  // The headers across read together (periodText.ts): "Jan" … "Dec" take the year the block's
  // title or sheet names, or the user's, and step into the next year where they wrap.
  const across = readPeriodHeaders(
    candidates.map((c) => c.value),
    { ...contextYear(sheet, row, left, right, year) },
  );
  const yearless: number[] = [];
  candidates.forEach((c, i) => {
    const period = across.periods[i];
    if (period) periods.push({ col: c.col, period });
    else if (across.readings[i]?.kind === "yearless") yearless.push(c.col);
  });
  const least = periodsAcross ? 1 : 2;
  // The periods across, as what follows reads them: `periods` is complete here.
  const wide = widePeriods(periods, least);
  const label = headers[0];
  if (
    columns.kpi === undefined &&
    columns.period === undefined &&
    label !== undefined &&
    isPivotLabelHeader(label.text) &&
    roleOf(label.text) === null &&
    wide.length
  ) {
    // A PivotTable pasted as values: its label column, left of the periods across, names the KPIs.
    columns.kpi = label.col;
    inferred.push(`KPI from "${label.text}": a PivotTable's label column, left of the periods across`);
  }
  let widenedLeft: number | undefined;
  if (
    columns.kpi === undefined &&
    columns.period === undefined &&
    !(roleOf as Partial<RoleReader>).named?.has("kpi") &&
    wide.length
  ) {
    // No header names the KPI: the column of names left of the periods whose rows pair up as
    // "Sales Act" / "Sales Plan" is it, headed "Table", by an unknown word or by nothing.
    const taken = new Set(Object.values(columns));
    const first = Math.min(...wide.map((p) => p.col));
    const unheaded =
      left - 1 >= sheet.origin.col && cellText(cellAt(sheet, row, left - 1)) === "" ? left - 1 : left;
    const bottom = blockEnd(sheet, row, unheaded, right);
    for (let col = unheaded; col < first; col++) {
      const header = cellText(cellAt(sheet, row, col));
      if (taken.has(col) || (header !== "" && roleOf(header) !== null)) continue;
      if (!namesPairedRows(sheet, col, row + 1, bottom)) continue;
      columns.kpi = col;
      if (col < left) widenedLeft = col;
      inferred.push(
        `KPI from ${header === "" ? "the unheaded column of names" : `"${header}": the column of names`} left of the periods across, its rows paired as actual and target`,
      );
      break;
    }
  }
  if (
    columns.kpi === undefined &&
    columns.period === undefined &&
    columns.actual === undefined &&
    columns.entity !== undefined &&
    columns.target !== undefined &&
    wide.length
  ) {
    // A row per unit, its values across the periods beside its target (a store's months and its
    // quarterly target): each unit's row is the one KPI's, named after its sheet as a series is.
    inferred.push(
      `one KPI's series across the periods, a row per ${headerAt(sheet, row, columns.entity)}, named "${sheet.name}" after its sheet`,
    );
    return {
      found: { kind: "scorecard", shape: "wide" } as const,
      mapped: {
        columns,
        headers,
        issues,
        periodColumns: wide,
        inferred,
        kpiName: sheet.name,
      },
      periodHeaders,
    };
  }
  if (wide.length === 0 && columns.kpi !== undefined && columns.period === undefined) {
    const stacked = stackedPeriodHeaders(
      sheet,
      row,
      valueColumns,
      contextYear(sheet, row - 1, left, right, year),
    );
    if (stacked.length >= 2) {
      // The periods stand on the row above, over their Actual and Budget columns: none of those
      // columns is the table's one Actual or Target, and their repeated headers are no duplicates.
      const rest: Partial<Record<ColumnRole, number>> = { ...columns };
      delete rest.actual;
      delete rest.target;
      return {
        found: { kind: "scorecard", shape: "wide" } as const,
        mapped: {
          columns: rest,
          headers,
          issues: issues.filter((i) => i.code !== "duplicate-header"),
          periodColumns: stacked,
        },
        periodHeaders,
      };
    }
    const paired = pairedPeriodHeaders(candidates, contextYear(sheet, row, left, right, year));
    if (paired.length) {
      return {
        found: { kind: "scorecard", shape: "wide" } as const,
        mapped: { columns, headers, issues, periodColumns: paired },
        periodHeaders,
      };
    }
  }
  if (
    periods.length === 0 &&
    yearless.length >= least &&
    columns.kpi !== undefined &&
    columns.period === undefined
  ) {
    // Months across with no year anywhere: the table is found, and each month says what it lacks.
    for (const col of yearless) {
      issues.push(
        issue("period-no-year", sheetCell(sheet.name, row, col), {
          value: cellText(cellAt(sheet, row, col)),
        }),
      );
    }
    return {
      found: { kind: "scorecard", shape: "wide" } as const,
      mapped: { columns, headers, issues, periodColumns: [] },
      periodHeaders,
    };
  }
  const found =
    periodsAcross && columns.kpi !== undefined && wide.length
      ? ({ kind: "scorecard", shape: "wide" } as const)
      : classify(columns, periods);
  const periodColumns = found?.shape === "wide" ? wide : [];
  return {
    found,
    mapped: {
      columns,
      headers,
      issues,
      periodColumns,
      ...(inferred.length ? { inferred } : {}),
      ...(budgetStages.length ? { budgetStages } : {}),
      ...(accounts.length ? { accounts } : {}),
    },
    periodHeaders,
    ...(widenedLeft !== undefined ? { widenedLeft } : {}),
  };
}

/**
 * Whether a column's cells below the header are names (text with letters, most filled cells) and
 * its rows pair up by a series word at their end: some name has both an actual and a target row
 * ("Sales Act" and "Sales Plan"), and most names carry such a word.
 */
function namesPairedRows(sheet: SheetSnapshot, col: number, firstRow: number, lastRow: number): boolean {
  let filled = 0;
  let names = 0;
  let suffixed = 0;
  const series = new Map<string, Set<string>>();
  for (let row = firstRow; row <= lastRow; row++) {
    const value = cellAt(sheet, row, col);
    if (isBlankCell(value)) continue;
    filled++;
    if (typeof value !== "string" || !/\p{L}/u.test(value)) continue;
    names++;
    const split = splitSeries(value.trim());
    if (split === null) continue;
    suffixed++;
    const base = split.base.toLowerCase();
    series.set(base, (series.get(base) ?? new Set<string>()).add(split.series));
  }
  const paired = [...series.values()].some((s) => s.has("actual") && s.has("target"));
  return paired && names >= 0.7 * filled && suffixed >= 0.5 * names;
}

type Mapped = Pick<
  DetectedTable,
  "columns" | "headers" | "issues" | "periodColumns" | "inferred" | "budgetStages" | "accounts"
>;

/** Words of a budget in force, after its modifications. */
const BUDGET_IN_FORCE =
  /\b(total|vigente|definitivo|definitivos|definitiva|definitivas|definitive|definitivi|definitif|definitifs|definitives|modificado|actualizado|atualizado|revised|amended|final|current|adjusted|aktuell|aggiornato|gewijzigd)\b/i;

/** Whether a header names the budget in force, its words as they say it (prev_def_cp: Previsioni definitive). */
const namesBudgetInForce = (header: string): boolean =>
  BUDGET_IN_FORCE.test(headerForWords(headerPhrase(header)));

/** Whether a second target header names the budget in force where the first names the one first adopted. */
const laterBudget = (second: string, first: string): boolean =>
  namesBudgetInForce(second) && !namesBudgetInForce(first);

/** One account's target in force and actual, where an export gives them once per account. */
export interface AccountPair {
  /** The account's code, as the headers end ("cp"). */
  readonly code: string;
  readonly target: { readonly col: number; readonly text: string };
  readonly actual: { readonly col: number; readonly text: string };
}

/**
 * Targets and actuals given once per account, each header ending in the account's code (a state
 * budget's outturn: prev_def_rs, prev_def_cp, prev_def_cs beside pagato_rs, pagato_cp, pagato_cs
 * for residuals, competence and cash): each account's target in force and its actual. Where two
 * accounts or more have both, which pair is scored is the user's to say (read.ts asks); empty
 * where any value column names no account.
 */
function accountPairs(
  sheet: SheetSnapshot,
  row: number,
  valueColumns: readonly { col: number; series: "actual" | "target" }[],
): AccountPair[] {
  const byCode = new Map<
    string,
    { target?: { col: number; text: string }; actual?: { col: number; text: string } }
  >();
  for (const v of valueColumns) {
    const text = headerAt(sheet, row, v.col);
    const code = accountCodeOf(text)?.code;
    if (code === undefined) return [];
    const entry = byCode.get(code) ?? {};
    const earlier = entry[v.series];
    if (earlier === undefined || (v.series === "target" && laterBudget(text, earlier.text)))
      entry[v.series] = { col: v.col, text };
    byCode.set(code, entry);
  }
  const pairs = [...byCode].flatMap(([code, { target, actual }]) =>
    target && actual ? [{ code, target, actual }] : [],
  );
  return pairs.length >= 2 ? pairs : [];
}

const headerAt = (sheet: SheetSnapshot, row: number, col: number): string =>
  cellText(cellAt(sheet, row, col));

/**
 * A budget given at several stages and none said to be in force (a state budget's draft, adopted
 * and supplementary budgets: ontwerpbegroting, vastgestelde begroting, 1ste and 2de suppletoire
 * begroting). A draft is a proposal, never the target where another stage is given: it is left,
 * and said so. Where two or more stages remain, which one the file is scored against is the
 * user's to say: the last of them stands as the target until then, and they are returned for the
 * question the reading asks (read.ts). Empty when the stages leave nothing open.
 */
function settleBudgetStages(
  sheet: SheetSnapshot,
  row: number,
  columns: Partial<Record<ColumnRole, number>>,
  targets: readonly { col: number; text: string }[],
  issues: Issue[],
): { col: number; text: string }[] {
  if (targets.length < 2 || !targets.every((t) => budgetStageOf(t.text) !== null)) return [];
  if (targets.some((t) => namesBudgetInForce(t.text))) return [];
  const kept = targets.filter((t) => budgetStageOf(t.text) !== "draft");
  const chosen = kept[kept.length - 1];
  if (!chosen) return [];
  const first = targets.find((t) => t.col === columns.target);
  if (first && first.col !== chosen.col) {
    const cell = (col: number) => sheetCell(sheet.name, row, col);
    const duplicate = issues.findIndex((i) => i.code === "duplicate-header" && i.cell === cell(chosen.col));
    if (duplicate >= 0) issues.splice(duplicate, 1);
    if (kept.length === 1)
      issues.push(issue("budget-in-force", cell(first.col), { header: first.text, used: chosen.text }));
    else issues.push(issue("duplicate-header", cell(first.col), { header: first.text, role: "target" }));
    columns.target = chosen.col;
  }
  return kept.length >= 2 ? kept : [];
}

/**
 * Two header rows: the periods on the upper one (a month written once over its columns, merged or
 * not), "Actual" and "Budget" under each on the lower one. A period header stands for the columns
 * under it up to the next one.
 */
function stackedPeriodHeaders(
  sheet: SheetSnapshot,
  row: number,
  valueColumns: readonly { col: number; series: "actual" | "target" }[],
  context: { year?: number; yearIsFiscal?: boolean },
): PeriodColumn[] {
  if (row - 1 < sheet.origin.row || valueColumns.length < 4) return [];
  const first = Math.min(...valueColumns.map((v) => v.col));
  const last = Math.max(...valueColumns.map((v) => v.col));
  const above: { col: number; value: CellValue }[] = [];
  for (let col = first; col <= last; col++) {
    const value = cellAt(sheet, row - 1, col);
    if (cellText(value) !== "") above.push({ col, value });
  }
  const read = readPeriodHeaders(
    above.map((a) => a.value),
    context,
  );
  const starts = above.flatMap((a, i) => {
    const period = read.periods[i];
    return period ? [{ col: a.col, period }] : [];
  });
  if (starts.length < 2) return [];
  const byStart = new Map<number, { period: Period; actual?: number; target?: number }>();
  for (const v of valueColumns) {
    const start = [...starts].reverse().find((s) => s.col <= v.col);
    if (!start) continue;
    const entry = byStart.get(start.col) ?? { period: start.period };
    if (entry[v.series] === undefined) entry[v.series] = v.col;
    byStart.set(start.col, entry);
  }
  return [...byStart.values()]
    .filter((e) => e.actual !== undefined && e.target !== undefined)
    .map((e) => ({ col: e.actual as number, period: e.period, targetCol: e.target as number }));
}

/**
 * Periods across, each with an actual and a target column: "Jan-24 Actual" beside "Jan-24
 * Budget", "2023 Meta" beside "2023 Real", "T1. PLANEADO 2024" beside "T1. EJECUTADO 2024" (a
 * series word of any of the seven languages before, after or within the period). The periods
 * that have both are the table's period columns, each with its target's column; one with an
 * actual alone keeps no target.
 */
function pairedPeriodHeaders(
  candidates: readonly { col: number; value: CellValue }[],
  context: { year?: number; yearIsFiscal?: boolean },
): PeriodColumn[] {
  const split = candidates.flatMap(({ col, value }) => {
    const words = cellText(value)
      .split(/\s+/)
      .filter((w) => w !== "");
    // The series word last, first, or between the period's parts ("T1. PLANEADO 2024").
    for (const at of [words.length - 1, 0, ...words.keys()]) {
      const series = seriesOfWord(words[at] ?? "");
      if (words.length < 2 || (series !== "actual" && series !== "target")) continue;
      const rest = words.filter((_, i) => i !== at).join(" ");
      return [{ col, series, rest }];
    }
    return [];
  });
  const read = readPeriodHeaders(
    split.map((s) => s.rest),
    context,
  );
  const byPeriod = new Map<string, { period: Period; actual?: number; target?: number }>();
  split.forEach((s, i) => {
    const period = read.periods[i];
    if (!period) return;
    const key = `${period.granularity}${period.year}-${period.index}`;
    const entry = byPeriod.get(key) ?? { period };
    if (entry[s.series] === undefined) entry[s.series] = s.col;
    byPeriod.set(key, entry);
  });
  const both = [...byPeriod.values()].filter((e) => e.actual !== undefined && e.target !== undefined);
  const granularity = both[0]?.period.granularity;
  return both
    .filter((e) => e.period.granularity === granularity)
    .map((e) => ({ col: e.actual as number, period: e.period, targetCol: e.target as number }))
    .sort((a, b) => a.col - b.col);
}

/**
 * A table with no period column but a column of years under a year's header (Year, Ejercicio,
 * Begrotingsjaar…): the years are its periods, so each year's row is that year's, not a duplicate.
 */
function yearColumnAsPeriod(sheet: SheetSnapshot, mapped: Mapped, row: number, bottom: number) {
  if (mapped.columns.period !== undefined) return mapped;
  const taken = new Set(Object.values(mapped.columns));
  const header = mapped.headers.find((h) => !taken.has(h.col) && isYearHeader(h.text));
  if (!header) return mapped;
  const profile = profileColumn(sheet, header.col, header.text, row + 1, bottom);
  if (!profile.years || profile.numbers < 0.8 * profile.filled) return mapped;
  return {
    ...mapped,
    columns: { ...mapped.columns, period: header.col },
    inferred: [...(mapped.inferred ?? []), `Period from "${header.text}" (a column of years)`],
  };
}

/** The year a block's title rows or its sheet's name give ("Budget 2024", "FY24"), or the user's. */
function contextYear(
  sheet: SheetSnapshot,
  row: number,
  left: number,
  right: number,
  year: number | undefined,
): { year?: number; yearIsFiscal?: boolean } {
  if (year !== undefined) return { year };
  const texts: string[] = [];
  for (let r = Math.max(sheet.origin.row, row - 5); r < row; r++)
    for (let col = left; col <= right; col++) {
      const text = cellText(cellAt(sheet, r, col));
      if (text !== "") texts.push(text);
    }
  const found = yearFromContext([...texts, sheet.name]);
  return found ? { year: found.year, yearIsFiscal: found.fiscal } : {};
}

/**
 * Where two columns are headed as the period ("month" holding "Jan", "period" holding "Jan 2024"),
 * the one whose values read as periods is taken, and the choice is said.
 */
function settlePeriodColumn(
  sheet: SheetSnapshot,
  mapped: Mapped,
  periodHeaders: readonly number[],
  headerRow: number,
  lastRow: number,
): Mapped {
  if (periodHeaders.length < 2) return mapped;
  const headerOf = (col: number) => mapped.headers.find((h) => h.col === col)?.text ?? "";
  const better = betterPeriodColumn(
    periodHeaders.map((col) => profileColumn(sheet, col, headerOf(col), headerRow + 1, lastRow)),
  );
  if (!better) return mapped;
  const movedFrom = better.over.col;
  return {
    ...mapped,
    columns: { ...mapped.columns, period: better.chosen.col },
    issues: mapped.issues.filter(
      (i) => i.code !== "duplicate-header" || i.cell !== sheetCell(sheet.name, headerRow, better.chosen.col),
    ),
    inferred: [
      ...(mapped.inferred ?? []),
      `Period from "${better.chosen.header}" (its values read as periods; "${headerOf(movedFrom)}" does not)`,
    ],
  };
}

/**
 * A KPI or value column that its header word names but its cells contradict (a numbering, codes)
 * gives its role to the column that holds what the role needs (numberedColumns.ts); the column
 * taken loses its "another … column" warning, and the change is said.
 */
function settleNumbered<M extends Mapped>(
  sheet: SheetSnapshot,
  mapped: M,
  headerRow: number,
  lastRow: number,
  roleOf: RoleReader,
): M {
  const settled = settleNumberedColumns(
    sheet,
    mapped.columns,
    mapped.headers,
    headerRow + 1,
    lastRow,
    roleOf,
    roleOf.named,
  );
  if (!settled) return mapped;
  const taken = new Set(settled.taken.map((col) => sheetCell(sheet.name, headerRow, col)));
  const before = (mapped as { readonly inferred?: readonly string[] }).inferred ?? [];
  return {
    ...mapped,
    columns: settled.columns,
    issues: mapped.issues.filter(
      (i) => i.code !== "duplicate-header" || i.cell === null || !taken.has(i.cell),
    ),
    inferred: [...before, ...settled.inferred],
  };
}

/**
 * A row that can head a block found by content: its cells are words (no number but a year, a date
 * for a month), and the
 * row above it is no row of data. A data row ("2024-01, Sales, Target, 120") must never be taken
 * for a header because one of its cells happens to be a header word.
 */
function looksLikeHeaderRow(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  for (let col = left; col <= right; col++) {
    const value = cellAt(sheet, row, col);
    // Months as dates and years as numbers head the columns of a wide table; other numbers are data.
    const yearLike = typeof value === "number" && Number.isInteger(value) && value >= 1900 && value <= 2100;
    if (value !== null && typeof value !== "string" && !isDateCell(value) && !yearLike) return false;
  }
  return row <= sheet.origin.row || !isDataLike(sheet, row - 1, left, right);
}

type BlockMapping = Mapped &
  Pick<
    DetectedTable,
    | "inferred"
    | "kpiName"
    | "kpiColumns"
    | "seriesColumns"
    | "fromContent"
    | "followUpColumns"
    | "kpiMapColumns"
  >;

/**
 * A Commentary table (an Analysis or Action column beside a KPI or Objective column) or an
 * Initiatives table (an Initiative column beside an Objective column), by its header words.
 */
function followUpTable(
  sheet: SheetSnapshot,
  row: number,
  left: number,
  right: number,
): { kind: "commentary" | "initiatives"; columns: Partial<Record<FollowUpColumn, number>> } | null {
  const columns: Partial<Record<FollowUpColumn, number>> = {};
  let comment: number | undefined;
  for (let col = left; col <= right; col++) {
    const text = cellText(cellAt(sheet, row, col));
    if (text === "") continue;
    const column = followUpColumnOfHeader(text);
    if (column !== null) columns[column] ??= col;
    else if (roleOfHeader(text) === "comment") comment ??= col;
  }
  if (columns.initiative !== undefined && columns.objective !== undefined)
    return { kind: "initiatives", columns };
  const named = columns.kpi !== undefined || columns.objective !== undefined || columns.subject !== undefined;
  if (!named || (columns.analysis === undefined && columns.action === undefined)) return null;
  // "Comment" beside an Action column is the analysis the action answers.
  if (columns.analysis === undefined && comment !== undefined) columns.analysis = comment;
  return { kind: "commentary", columns };
}

/** A KPI map's columns, where the header row names all three (Unit, Unit's KPI name, Group KPI name). */
function kpiMapTable(
  sheet: SheetSnapshot,
  row: number,
  left: number,
  right: number,
): Record<KpiMapColumn, number> | null {
  const columns: Partial<Record<KpiMapColumn, number>> = {};
  for (let col = left; col <= right; col++) {
    const column = kpiMapColumnOfHeader(cellText(cellAt(sheet, row, col)));
    if (column !== null) columns[column] ??= col;
  }
  const { unit, unitKpi, groupKpi } = columns;
  return unit !== undefined && unitKpi !== undefined && groupKpi !== undefined
    ? { unit, unitKpi, groupKpi }
    : null;
}

interface BlockReading {
  readonly found: { kind: TableKind; shape: TableShape };
  readonly left: number;
  readonly bottom: number;
  readonly mapped: BlockMapping;
}

/**
 * Reads the block under a header row: by its header words, and where they do not make a table the
 * product knows, by what its columns hold (roles.ts). A plain block may take in an unheaded column
 * of names just left of its header run; an Excel table keeps its own box (`bottom` given).
 */
function readBlock(
  sheet: SheetSnapshot,
  row: number,
  givenLeft: number,
  right: number,
  roleOf: RoleReader,
  periodsAcross: boolean,
  box?: { bottom: number },
  year?: number,
): BlockReading | null {
  const headerReading = mapHeaders(sheet, row, givenLeft, right, roleOf, periodsAcross, year);
  const { found, mapped, periodHeaders } = headerReading;
  // The KPI column found by its names may stand unheaded just left of the header run.
  const left = (found && "widenedLeft" in headerReading ? headerReading.widenedLeft : undefined) ?? givenLeft;
  const kpiMap = found?.kind === "scorecard" ? null : kpiMapTable(sheet, row, left, right);
  if (kpiMap) {
    return {
      found: { kind: "kpiMap", shape: "long" },
      left,
      bottom: box?.bottom ?? blockEnd(sheet, row, left, right),
      mapped: { columns: {}, headers: mapped.headers, issues: [], periodColumns: [], kpiMapColumns: kpiMap },
    };
  }
  // A scorecard's own columns win: a follow-up table has no Actual, and its Budget is no target.
  const followUp = found?.kind === "scorecard" ? null : followUpTable(sheet, row, left, right);
  if (followUp) {
    return {
      found: { kind: followUp.kind, shape: "long" },
      left,
      bottom: box?.bottom ?? blockEnd(sheet, row, left, right),
      mapped: {
        columns: {},
        headers: mapped.headers,
        issues: [],
        periodColumns: [],
        followUpColumns: followUp.columns,
      },
    };
  }
  if (found) {
    const bottom = box?.bottom ?? blockEnd(sheet, row, left, right);
    const long = found.kind === "scorecard" && found.shape === "long";
    return {
      found,
      left,
      bottom,
      mapped: long
        ? yearColumnAsPeriod(
            sheet,
            settleNumbered(
              sheet,
              settlePeriodColumn(sheet, mapped, periodHeaders, row, bottom),
              row,
              bottom,
              roleOf,
            ),
            row,
            bottom,
          )
        : found.kind === "scorecard"
          ? // Periods across: the KPI, target and objective columns are settled as a long table's.
            settleNumbered(sheet, mapped, row, bottom, roleOf)
          : mapped,
    };
  }
  if (periodsAcross || right <= left || !looksLikeHeaderRow(sheet, row, left, right)) return null;
  const unheaded =
    !box && left - 1 >= sheet.origin.col && cellText(cellAt(sheet, row, left - 1)) === "" ? left - 1 : left;
  const bottom = box?.bottom ?? blockEnd(sheet, row, unheaded, right);
  if (bottom <= row) return null;
  const profiles = [];
  for (let col = unheaded; col <= right; col++)
    profiles.push(profileColumn(sheet, col, cellText(cellAt(sheet, row, col)), row + 1, bottom));
  const settled = yearColumnAsPeriod(
    sheet,
    settleNumbered(sheet, settlePeriodColumn(sheet, mapped, periodHeaders, row, bottom), row, bottom, roleOf),
    row,
    bottom,
  );
  const inference = inferRoles(profiles, settled.columns, sheet.name, roleOf.named);
  if (!inference) return null;
  const usesUnheaded = Object.values(inference.columns).includes(unheaded);
  return {
    found: { kind: "scorecard", shape: inference.shape },
    left: usesUnheaded ? unheaded : left,
    bottom,
    mapped: {
      ...settled,
      columns: inference.columns,
      inferred: [...(settled.inferred ?? []), ...inference.reasons],
      fromContent: true,
      ...(inference.kpiName !== undefined ? { kpiName: inference.kpiName } : {}),
      ...(inference.kpiColumns !== undefined ? { kpiColumns: inference.kpiColumns } : {}),
      ...(inference.seriesColumns !== undefined ? { seriesColumns: inference.seriesColumns } : {}),
    },
  };
}

const rowIsBlank = (sheet: SheetSnapshot, row: number, left: number, right: number): boolean => {
  for (let col = left; col <= right; col++) if (!isBlankCell(cellAt(sheet, row, col))) return false;
  return true;
};

function fromExcelTable(
  sheet: SheetSnapshot,
  table: TableSnapshot,
  roleOf: RoleReader,
  periodsAcross: boolean,
  year?: number,
): DetectedTable | null {
  if (!table.hasHeaderRow) return null;
  const { box } = table;
  const bottom = box.bottom - (table.hasTotalsRow ? 1 : 0);
  const block = readBlock(sheet, box.top, box.left, box.right, roleOf, periodsAcross, { bottom }, year);
  if (block === null) return null;
  return {
    ...block.found,
    name: table.name,
    sheet: sheet.name,
    source: "table",
    headerRow: box.top,
    firstDataRow: box.top + 1,
    lastDataRow: bottom,
    left: box.left,
    right: box.right,
    ...block.mapped,
  };
}

const inside = (box: RangeBox, row: number, col: number): boolean =>
  row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;

/**
 * Runs of header cells in one row, split where two or more blank cells stand between them.
 * `last`: the sheet's last column, found once for all its rows (a walk over every row).
 */
function headerRuns(
  sheet: SheetSnapshot,
  row: number,
  taken: readonly RangeBox[],
  last: number,
): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let end = -1;
  for (let col = sheet.origin.col; col <= last + 2; col++) {
    const filled = !taken.some((b) => inside(b, row, col)) && cellText(cellAt(sheet, row, col)) !== "";
    if (filled) {
      if (start < 0) start = col;
      end = col;
    } else if (start >= 0 && col - end >= 2) {
      runs.push([start, end]);
      start = -1;
    }
  }
  return runs;
}

/** A row that heads another table: two or more of its cells name columns the product knows. */
function isHeaderRow(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  let named = 0;
  for (let col = left; col <= right; col++) {
    const value = cellAt(sheet, row, col);
    if (typeof value === "string" && (roleOfHeader(value) !== null || followUpColumnOfHeader(value) !== null))
      named++;
    if (named >= 2) return true;
  }
  return false;
}

/** A row with two or more cells filled, or a number: a row of data rather than a note or a heading. */
function isDataLike(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  let filled = 0;
  for (let col = left; col <= right; col++) {
    const value = cellAt(sheet, row, col);
    if (isBlankCell(value)) continue;
    if (typeof value === "number" || ++filled >= 2) return true;
  }
  return false;
}

/**
 * The last row of a plain block. Blank rows between groups do not end it (finance teams leave
 * them between months and perspectives); the next table's header does, or the sheet's end. Lines
 * of text below the last data, after a blank row, are notes under the table, not part of it.
 */
function blockEnd(sheet: SheetSnapshot, headerRow: number, left: number, right: number): number {
  let last = headerRow;
  const bottom = lastRow(sheet);
  let afterGap = false;
  for (let row = headerRow + 1; row <= bottom; row++) {
    if (rowIsBlank(sheet, row, left, right)) {
      afterGap = true;
      continue;
    }
    // Another table starts after a blank row; testing every row's words would cost a large table dear.
    if (afterGap && isHeaderRow(sheet, row, left, right)) break;
    afterGap = false;
    // A line of text right under the block belongs to it; after a gap, only if data follows it.
    if (row === last + 1 || isDataLike(sheet, row, left, right)) last = row;
  }
  return last;
}

/** A plain block of cells read as a table: its header row on top of `box`. */
function rangeTable(
  sheet: SheetSnapshot,
  found: { kind: TableKind; shape: TableShape },
  box: RangeBox,
  mapped: BlockMapping,
): DetectedTable {
  return {
    ...found,
    name: sheet.name,
    sheet: sheet.name,
    source: "range",
    headerRow: box.top,
    firstDataRow: box.top + 1,
    lastDataRow: box.bottom,
    left: box.left,
    right: box.right,
    ...mapped,
  };
}

function plainBlocks(
  sheet: SheetSnapshot,
  roleOf: RoleReader,
  periodsAcross: boolean,
  year?: number,
): DetectedTable[] {
  const found: DetectedTable[] = [];
  const taken: RangeBox[] = sheet.tables.map((t) => t.box);
  const bottom = lastRow(sheet);
  const lastHeaderRow = Math.min(bottom, HEADER_SEARCH_ROWS);
  const last = lastCol(sheet);
  for (let row = Math.max(1, sheet.origin.row); row <= lastHeaderRow; row++) {
    for (const [left, right] of headerRuns(sheet, row, taken, last)) {
      const block = readBlock(sheet, row, left, right, roleOf, periodsAcross, undefined, year);
      if (block === null) continue;
      const box = { top: row, left: block.left, bottom: block.bottom, right };
      found.push(rangeTable(sheet, block.found, box, block.mapped));
      taken.push(box);
    }
  }
  return found;
}

/**
 * Every table the workbook holds that reads as a scorecard, Perspectives or Objectives table:
 * Excel tables first, then plain blocks, in sheet order. Sheets the product owns are skipped.
 */
export function detectTables(
  book: WorkbookSnapshot,
  ownedSheets: ReadonlySet<string>,
  mapping: ColumnMapping = {},
  periodsAcross = false,
  year?: number,
): DetectedTable[] {
  const roleOf = roleReader(mapping);
  const sheets = book.sheets.filter((s) => !ownedSheets.has(s.name));
  const tables: DetectedTable[] = [];
  for (const sheet of sheets) {
    for (const t of sheet.tables) {
      const d = fromExcelTable(sheet, t, roleOf, periodsAcross, year);
      if (d) tables.push(d);
    }
  }
  for (const sheet of sheets) {
    const blocks = plainBlocks(sheet, roleOf, periodsAcross, year);
    tables.push(...blocks);
    // Where no table of the sheet is a scorecard by its header row, its header may stand down a column.
    if (periodsAcross || tables.some((t) => t.sheet === sheet.name && t.kind === "scorecard")) continue;
    const transposed = findTransposedBlock(sheet, roleOf);
    if (transposed) tables.push(transposedTable(sheet, transposed));
  }
  return withDistinctNames(tables);
}

/**
 * Every table of a sheet by a name of its own: blocks without an Excel table are named after their
 * sheet, so two blocks of one sheet would share a name, and choosing or storing one by it (name and
 * sheet) would always take the first. The second and later are "Dashboard (2)", "Dashboard (3)", in
 * the order found (down the sheet, then across), as Excel numbers a copy's name. Tables of the same
 * name on other sheets are told apart by their sheet, as they were.
 */
function withDistinctNames(tables: readonly DetectedTable[]): DetectedTable[] {
  const key = (sheet: string, name: string) => `${sheet}\u0000${name.toLowerCase()}`;
  const taken = new Set(tables.map((t) => key(t.sheet, t.name)));
  const seen = new Set<string>();
  return tables.map((t) => {
    if (!seen.has(key(t.sheet, t.name))) {
      seen.add(key(t.sheet, t.name));
      return t;
    }
    let n = 2;
    while (taken.has(key(t.sheet, `${t.name} (${n})`))) n++;
    const name = `${t.name} (${n})`;
    taken.add(key(t.sheet, name));
    return { ...t, name };
  });
}

/** A header row that names some of a scorecard's columns but not enough of them. */
export interface NearMiss {
  /** The block as a table whose missing columns the user may name by hand. */
  readonly table: DetectedTable;
  /** The roles found, with the header that names each. */
  readonly found: readonly { readonly role: ColumnRole; readonly header: string }[];
  readonly missing: readonly ColumnRole[];
}

/**
 * The header rows that came closest to a scorecard table, best first: for the message that says
 * what each lacks, so the user can map the missing column instead of guessing.
 */
export function nearMisses(
  book: WorkbookSnapshot,
  ownedSheets: ReadonlySet<string>,
  mapping: ColumnMapping = {},
): NearMiss[] {
  const roleOf = roleReader(mapping);
  const misses: (NearMiss & { score: number })[] = [];
  for (const sheet of book.sheets.filter((s) => !ownedSheets.has(s.name))) {
    const bottom = Math.min(lastRow(sheet), HEADER_SEARCH_ROWS);
    const last = lastCol(sheet);
    for (let row = Math.max(1, sheet.origin.row); row <= bottom; row++) {
      for (const [left, right] of headerRuns(sheet, row, [], last)) {
        // A row of data that holds a header word ("Target" in a Measure Names column) is no header.
        if (!looksLikeHeaderRow(sheet, row, left, right)) continue;
        const end = blockEnd(sheet, row, left, right);
        // Its columns as a block's are read: a numbered column holds no target (numberedColumns.ts).
        const mapped = settleNumbered(
          sheet,
          mapHeaders(sheet, row, left, right, roleOf).mapped,
          row,
          end,
          roleOf,
        );
        const found = (Object.entries(mapped.columns) as [ColumnRole, number][]).map(([role, col]) => ({
          role,
          header: cellText(cellAt(sheet, row, col)),
        }));
        const required = found.filter((f) => REQUIRED_ROLES.includes(f.role)).length;
        if (required === 0) continue;
        const box = { top: row, left, bottom: end, right };
        misses.push({
          table: rangeTable(sheet, { kind: "scorecard", shape: "long" }, box, mapped),
          found,
          missing: REQUIRED_ROLES.filter((r) => mapped.columns[r] === undefined),
          score: required * 10 + found.length,
        });
      }
    }
  }
  return misses
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(({ score: _, ...miss }) => miss);
}

/** What the user said about the scorecard's layout beyond the names of its columns. */
export interface SourceLayout {
  /** The block, header row on top ("Data!B4:M40"); one row alone is the header row. */
  readonly range?: string;
  /** The period headers across the block's columns hold the values. */
  readonly periodsAcross?: boolean;
  /** Each KPI's perspective is its sheet's name. */
  readonly sheetAsPerspective?: boolean;
  /** The year of months written without one, where nothing in the file says it. */
  readonly year?: number;
  /** Dates such as 01/02/2024 are day/month ("dmy") or month/day ("mdy"). */
  readonly dayOrder?: "mdy" | "dmy";
}

/**
 * The block the user chose by hand, read as a scorecard table whatever its headers say: the
 * columns a scorecard needs and the block lacks are left for the user to name (the reader says
 * which). A single row is the header row, and the block runs down from it as a detected one.
 */
/** The first row among the sheet's first rows with text in two or more of the columns. */
function headerRowIn(sheet: SheetSnapshot, left: number, right: number): number | null {
  const last = Math.min(lastRow(sheet), sheet.origin.row + HEADER_SEARCH_ROWS - 1);
  for (let row = sheet.origin.row; row <= last; row++) {
    let named = 0;
    for (let col = left; col <= right; col++) {
      const value = cellAt(sheet, row, col);
      if (typeof value === "string" && !isBlankCell(value)) named++;
    }
    if (named >= 2) return row;
  }
  return null;
}

export function tableFromRange(
  book: WorkbookSnapshot,
  address: string,
  mapping: ColumnMapping = {},
  periodsAcross = false,
  year?: number,
): DetectedTable | Issue {
  const unusable = (reason: string) => issue("range-unusable", null, { range: address, reason });
  const columnsRef = parseColumnsReference(address);
  const ref = columnsRef ? null : parseReference(address);
  const sheetName = columnsRef?.sheet ?? ref?.sheet;
  if (!columnsRef && !ref) return unusable("is not a reference such as Data!B4:M40");
  if (sheetName === null || sheetName === undefined)
    return unusable("names no sheet: write it as Data!B4:M40");
  const sheet = book.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) return unusable(`names a sheet the workbook does not have (${sheetName})`);
  const chosen = columnsRef ?? (ref as { box: RangeBox }).box;
  // Clipped to the cells that hold anything before any is read: Data!A:XFD or A1:XFD1048576.
  const left = Math.max(chosen.left, sheet.origin.col);
  const right = Math.min(chosen.right, Math.max(left, lastCol(sheet)));
  // Whole columns: the header row is the first that names two or more of them, a title above it.
  const top = columnsRef ? headerRowIn(sheet, left, right) : (ref as { box: RangeBox }).box.top;
  if (top === null) {
    return unusable(
      `has no row naming two or more of its columns in its first ${HEADER_SEARCH_ROWS} rows: choose the header row, such as Data!B4:M4`,
    );
  }
  const headerReading = mapHeaders(sheet, top, left, right, roleReader(mapping), periodsAcross, year);
  const { found, mapped } = headerReading;
  // A KPI column found by its names, unheaded just left of the chosen header row, is the table's.
  const tableLeft = ("widenedLeft" in headerReading ? headerReading.widenedLeft : undefined) ?? left;
  if (periodsAcross && found?.shape !== "wide") {
    return unusable(
      `has no ${mapped.columns.kpi === undefined ? "KPI column and no " : ""}period headers across row ${top} (such as Jan-26, 2026-01 or Q1 2026)`,
    );
  }
  const bottom =
    ref && ref.box.bottom > top
      ? Math.max(top, Math.min(ref.box.bottom, lastRow(sheet)))
      : blockEnd(sheet, top, left, right);
  const shape = found?.kind === "scorecard" ? found : ({ kind: "scorecard", shape: "long" } as const);
  return rangeTable(sheet, shape, { top, left: tableLeft, bottom, right }, mapped);
}

export const tableAddress = (t: DetectedTable): string =>
  sheetBox(t.sheet, { top: t.headerRow, left: t.left, bottom: t.lastDataRow, right: t.right });
