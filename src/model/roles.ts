/**
 * Roles from content: what a block's columns hold, weighed with their header words, when the
 * words alone do not make a scorecard. Real exports head their KPI column with any word
 * ("Table", "category", "Line item") or none, write one KPI's series with no KPI column at all, or
 * give each KPI a column of its own beside its "X Target" partner. A reader of the sheet sees
 * those at once from the cells; this module says what it sees, and why, for the "Read" line.
 */
import type { ColumnRole } from "./headers";
import { headerForWords, roleOfHeader, withoutAccents } from "./headers";
import { readPeriodCell, readPeriodColumn, readsAsYearMonths } from "./periodText";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { cellAt, isDateCell } from "./snapshot";
import { isBlankCell, readNumber } from "./values";

/** What one column of a block holds below its header. */
export interface ColumnProfile {
  readonly col: number;
  readonly header: string;
  /** Non-blank cells. */
  readonly filled: number;
  /** Cells that hold a number (or a number written as text). */
  readonly numbers: number;
  /** Cells that read as a period: dates, or text such as "Jan 2024". Plain numbers are not. */
  readonly periods: number;
  /** Cells of text that is neither a number nor a period: names. */
  readonly texts: number;
  readonly distinctTexts: number;
  /**
   * How well the column reads as periods, 0–1 (periodText.ts): a cell that names its year counts
   * 1, a month without one ("Jan") ½, so "Jan 2024" wins over "Jan" between two period columns.
   */
  readonly periodScore: number;
  /** Every number is a whole year from 1900 to 2100: a column of years, no KPI's value. */
  readonly years: boolean;
  /** Text cells that are codes ("0-01-01-01", "4.1.2", "A12"): digits and marks, no word. */
  readonly codes: number;
  /** Cells that name a series: Actual, Target, Budget, Forecast… (a role word as a value). */
  readonly seriesWords: number;
  /** How many of actual and target those cells name: 2 where both do. */
  readonly seriesKinds: number;
  /** Text cells that are sentences, a remark's or an action's ("Close but not quite there. Please …"): no name. */
  readonly sentences: number;
}

/** Profiles are drawn from at most this many rows: enough to see a column's kind, cheap on 150,000 rows. */
const PROFILE_ROWS = 2000;

/** What a cell names as a series: an actual or a target word, or a comparison (forecast, prior year). */
export function seriesOfWord(text: string): "actual" | "target" | "other" | null {
  // Open SDG exports letter their series ("a) time series", "b) target (min)"): the list marker
  // names nothing, and the time series is the one measured.
  const word = text.trim().replace(/^[\p{L}\d]{1,2}[).]\s+/u, "");
  if (/^time series$/i.test(word)) return "actual";
  const role = roleOfHeader(word);
  if (role === "actual" || role === "target") return role;
  return /^(forecast|fcst|outlook|py|prior year|previous year|last year|ly)$/i.test(word) ? "other" : null;
}

export function profileColumn(
  sheet: SheetSnapshot,
  col: number,
  header: string,
  firstRow: number,
  lastRow: number,
): ColumnProfile {
  let filled = 0;
  let numbers = 0;
  let periods = 0;
  let texts = 0;
  let notYears = false;
  let seriesWords = 0;
  let codes = 0;
  let sentences = 0;
  const kinds = new Set<string>();
  const distinct = new Set<string>();
  const values: CellValue[] = [];
  const last = Math.min(lastRow, firstRow + PROFILE_ROWS - 1);
  for (let row = firstRow; row <= last; row++) {
    const value = cellAt(sheet, row, col);
    values.push(value);
    if (isBlankCell(value)) continue;
    filled++;
    if (isDateCell(value)) {
      periods++;
      continue;
    }
    if (typeof value === "string" && readPeriodCell(value) !== null) {
      periods++;
      continue;
    }
    const n = readNumber(value);
    if (n.kind === "number") {
      numbers++;
      if (!Number.isInteger(n.value) || n.value < 1900 || n.value > 2100) notYears = true;
      continue;
    }
    if (typeof value === "string") {
      texts++;
      distinct.add(value.trim().toLowerCase());
      if (CODE.test(value.trim())) codes++;
      if (isSentence(value)) sentences++;
      const series = seriesOfWord(value);
      if (series) {
        seriesWords++;
        if (series !== "other") kinds.add(series);
      }
    }
  }
  // Months keyed as YYYYMM numbers (202401) under a header that names a period (month_id,
  // fiscal_period): periods, not values. Under any other header such numbers may be amounts or codes.
  const yearMonths = numbers === filled && namesPeriod(header) && readsAsYearMonths(values);
  if (yearMonths) {
    periods = filled;
    numbers = 0;
  }
  const periodScore = periods === 0 ? 0 : readPeriodColumn(values).score;
  return {
    col,
    header,
    filled,
    numbers,
    periods,
    texts,
    distinctTexts: distinct.size,
    periodScore,
    years: numbers > 0 && !notYears,
    codes,
    seriesWords,
    seriesKinds: kinds.size,
    sentences,
  };
}

/** Whether a header names a period in one of its words ("month_id", "fiscal_period", "Mes", "YYYYMM"). */
const namesPeriod = (header: string): boolean =>
  words(header).some((word) => roleOfHeader(word) === "period");

/** A column read as periods: most of its filled cells are dates or period text. */
export const readsAsPeriods = (p: ColumnProfile): boolean => p.filled > 0 && p.periods >= 0.8 * p.filled;

/** A code: digits and marks, perhaps a letter or two before them ("0-01-01-01", "4.1.2", "GL-4010"). */
const CODE = /^[\p{L}]{0,3}[\s\-./_]*[\d][\d\s\-./_]*$/u;

/**
 * A sentence, as remarks and actions are written: two sentences in one cell ("… there. Please …"),
 * or eight words or more ending in a full stop, a question or an exclamation mark. A KPI's name,
 * however long, is one phrase ("Share of renewable energy in gross final energy consumption").
 */
function isSentence(text: string): boolean {
  const t = text.trim();
  if (/[.!?]\s+\p{Lu}/u.test(t)) return true;
  return /[.!?]$/.test(t) && t.split(/\s+/).length >= 8;
}

/**
 * A column of names: most of its filled cells are text that is no number, no period, no code and
 * no sentence (a column of remarks or actions names no KPI).
 */
const readsAsNames = (p: ColumnProfile): boolean =>
  p.filled > 0 && p.texts >= 0.7 * p.filled && p.codes < 0.5 * p.texts && p.sentences < 0.5 * p.texts;

const readsAsNumbers = (p: ColumnProfile): boolean => p.filled > 0 && p.numbers >= 0.7 * p.filled;

/** Words of a header (its accents dropped) that name what is no KPI's value: a code, a weight, a year, a rank. */
const NOT_A_VALUE =
  /\b(id|code|codigo|nr|no|number|weight|peso|gewicht|poids|year|ano|jahr|annee|anno|jaar|rank|index|variance|var|diff|difference|change|progress|orden|ordem|ordre|ordine|volgorde|reihenfolge|seq|sequence|secuencia|sequencia|sort)\b/i;

/**
 * Whether a header names what is no KPI's value ("Código", "Année", "Weight", "Orden_CMI": the
 * order a list is shown in). Exports join words with underscores ("Orden_CMI", "Plan_Anual"),
 * which a word boundary does not see: they separate words here.
 */
export const namesNoValue = (header: string): boolean => NOT_A_VALUE.test(headerForWords(header));

/**
 * A column that may hold a KPI's values: numbers, no years, no code or weight, a header that is no
 * period ("2024") and names no other role.
 */
export const mayHoldValues = (p: ColumnProfile): boolean =>
  readsAsNumbers(p) &&
  !p.years &&
  !namesNoValue(p.header) &&
  roleOfHeader(p.header) === null &&
  readPeriodCell(p.header) === null;

/** Headers of dates that are no reporting period: when a thing is due, started, ended or changed. */
const OTHER_DATES =
  /\b(due|start|started|end|ended|deadline|created|updated|modified|closed|opened|birth)\b/i;

/** One KPI of a block that gives each KPI a column: its values and its target's column. */
export interface KpiColumn {
  readonly name: string;
  readonly actual: number;
  readonly target: number;
}

/** What content adds to the header words. */
export interface RoleInference {
  readonly columns: Partial<Record<ColumnRole, number>>;
  /** The block's left edge, moved left over an unheaded column of names. */
  readonly left: number;
  readonly shape: "long" | "columns" | "pairs";
  /** Pairs: the column naming each row's series (Actual, Target…) and the column of its values. */
  readonly seriesColumns?: { readonly series: number; readonly value: number };
  /** One KPI's series with no KPI column: the KPI's name. */
  readonly kpiName?: string;
  /** KPIs as columns: each KPI's value and target columns. */
  readonly kpiColumns?: readonly KpiColumn[];
  /** How each role was chosen, for the "Read" line. */
  readonly reasons: readonly string[];
}

const words = (text: string): string[] =>
  withoutAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");

/**
 * Splits "Sales Target", "Target Sales", "Sales (Goal)", "Sales Actual" into the KPI's name and
 * the role its other words name (a target or actual word in any language headers.ts knows).
 */
function partnerOf(header: string): { base: string; role: "actual" | "target" } | null {
  const w = words(header);
  let actual: { base: string; role: "actual" } | null = null;
  for (let k = Math.min(2, w.length - 1); k >= 1; k--) {
    for (const [part, rest] of [
      [w.slice(-k), w.slice(0, -k)],
      [w.slice(0, k), w.slice(k)],
    ] as const) {
      const role = roleOfHeader(part.join(" "));
      if (rest.length === 0) continue;
      // A header with a target word and an actual word is a target's ("Budget Value", "Target
      // Value"): the value it names is the one aimed at.
      if (role === "target") return { base: rest.join(" "), role };
      if (role === "actual") actual ??= { base: rest.join(" "), role };
    }
  }
  return actual;
}

/**
 * KPIs as columns: each KPI's values in a column headed by its name, its target in a partner
 * column ("Sales" with "Sales Target", "Target Sales", "Sales Goal"; or "Sales Actual" with
 * "Sales Budget"). Columns with no partner are not KPIs a scorecard can score.
 */
export function pairKpiColumns(profiles: readonly ColumnProfile[]): KpiColumn[] {
  const numeric = profiles.filter((p) => p.header !== "" && (readsAsNumbers(p) || p.filled === 0));
  const byBase = new Map<string, { actual?: number; target?: number; name?: string }>();
  for (const p of numeric) {
    const split = partnerOf(p.header);
    const base = split ? split.base : words(p.header).join(" ");
    const entry = byBase.get(base) ?? {};
    const role = split?.role ?? "actual";
    if (entry[role] !== undefined) continue;
    entry[role] = p.col;
    byBase.set(base, entry);
  }
  // A target named by its role word in front of what it measures ("Budget Volume") partners the
  // one unpaired column that measures the same with another word in front ("Sales Volume").
  for (const [base, e] of byBase) {
    if (e.actual !== undefined || e.target === undefined) continue;
    const headerWords = (col: number): string =>
      words(profiles.find((p) => p.col === col)?.header ?? "").join(" ");
    const partners = [...byBase].filter(
      ([other, o]) =>
        other !== base &&
        o.target === undefined &&
        o.actual !== undefined &&
        headerWords(o.actual).endsWith(` ${base}`),
    );
    const only = partners.length === 1 ? partners[0] : undefined;
    if (!only) continue;
    e.actual = only[1].actual;
    // Its name is the measure as the actual's header writes it ("Sales Value"), role word and all.
    e.name = profiles.find((p) => p.col === e.actual)?.header.trim() ?? base;
    byBase.delete(only[0]);
  }
  const pairs: KpiColumn[] = [];
  for (const e of byBase.values()) {
    if (e.actual === undefined || e.target === undefined) continue;
    const header = profiles.find((p) => p.col === e.actual)?.header ?? "";
    pairs.push({ name: e.name ?? withoutRoleWords(header), actual: e.actual, target: e.target });
  }
  return pairs.sort((a, b) => a.actual - b.actual);
}

/** "Sales Actual" → "Sales": the KPI's name as its column writes it, less the word that names the role. */
function withoutRoleWords(header: string): string {
  const parts = header
    .trim()
    .split(/[\s_\-–:()]+/)
    .filter((w) => w !== "");
  const kept = parts.filter((w) => {
    const role = roleOfHeader(w);
    return role !== "actual" && role !== "target";
  });
  return (kept.length ? kept : parts).join(" ");
}

const quoted = (header: string): string => (header === "" ? "the unheaded column" : `"${header}"`);

/**
 * Completes the roles the header words found with what the columns hold. Returns null when the
 * content does not make a scorecard either (no target anywhere, say).
 *
 * @param profiles every column of the block, the unheaded one left of it included, in order
 * @param byHeader the roles the header words (and the user's mapping) gave
 * @param seriesName the name a single KPI's series takes: its sheet's
 * @param named the roles the user named by hand
 */
export function inferRoles(
  profiles: readonly ColumnProfile[],
  byHeader: Readonly<Partial<Record<ColumnRole, number>>>,
  seriesName: string,
  named: ReadonlySet<ColumnRole> = new Set(),
): RoleInference | null {
  const columns: Partial<Record<ColumnRole, number>> = { ...byHeader };
  // A role the user named by hand (or said the table has not) is theirs: never read from content.
  const open = (role: ColumnRole): boolean => columns[role] === undefined && !named.has(role);
  const reasons: string[] = [];
  const taken = (col: number): boolean => Object.values(columns).includes(col);
  const headerOf = (col: number): string => profiles.find((p) => p.col === col)?.header ?? "";

  if (open("period")) {
    // Cells that name their own year (a quarter "Q1" alone says no period), under a header that
    // is no other date of the KPI's (a due or start date).
    const dated = profiles.find(
      (p) =>
        !taken(p.col) &&
        roleOfHeader(p.header) === null &&
        readsAsPeriods(p) &&
        p.periodScore >= 0.75 &&
        !OTHER_DATES.test(p.header),
    );
    if (dated) {
      columns.period = dated.col;
      reasons.push(`Period from ${quoted(dated.header)} (its values read as periods)`);
    }
  }
  const left = profiles[0]?.col ?? 0;

  if (columns.kpi === undefined && columns.actual === undefined && columns.target === undefined) {
    if (columns.period === undefined) return null;
    const pairs = pairKpiColumns(profiles.filter((p) => !taken(p.col)));
    if (pairs.length === 0) return null;
    reasons.push(
      pairs.length === 1
        ? `one KPI, "${pairs[0]?.name}", its target in ${quoted(headerOf(pairs[0]?.target as number))}`
        : `${pairs.length} KPIs as columns, each with its target column (${pairs
            .slice(0, 3)
            .map((p) => `${quoted(headerOf(p.actual))} with ${quoted(headerOf(p.target))}`)
            .join(", ")}${pairs.length > 3 ? ", …" : ""})`,
    );
    if (open("entity")) {
      // A row per period and unit, the unit's column headed with no entity word ("Type": bar,
      // liquid): a column of a few names, the same ones again in each period.
      const paired = new Set(pairs.flatMap((k) => [k.actual, k.target]));
      const unit = profiles.find(
        (p) =>
          !taken(p.col) &&
          !paired.has(p.col) &&
          roleOfHeader(p.header) === null &&
          readsAsNames(p) &&
          p.distinctTexts >= 2 &&
          p.distinctTexts <= Math.max(2, p.filled / 2),
      );
      if (unit) {
        columns.entity = unit.col;
        reasons.push(`Entity from ${quoted(unit.header)}: a few names, the same ones again in each period`);
      }
    }
    return { columns, left, shape: "columns", kpiColumns: pairs, reasons };
  }

  if (open("actual") && columns.target !== undefined) {
    // One column of values beside a target ("Rate" beside "Standard"), its header no known word:
    // the actual. Where two or more could be, the choice is the user's (a suggestion says so).
    const values = profiles.filter((p) => !taken(p.col) && mayHoldValues(p));
    const only = values.length === 1 ? values[0] : undefined;
    if (only) {
      columns.actual = only.col;
      reasons.push(`Actual from ${quoted(only.header)}: the one column of numbers beside the target`);
    }
  }
  if (columns.actual === undefined && columns.target === undefined && columns.kpi !== undefined) {
    const pairs = seriesRows(profiles.filter((p) => !taken(p.col)));
    if (pairs) {
      reasons.push(
        `each row's value in ${quoted(pairs.value.header)} is the actual or the target its ${quoted(pairs.series.header)} cell names`,
      );
      return {
        columns,
        left,
        shape: "pairs",
        seriesColumns: { series: pairs.series.col, value: pairs.value.col },
        reasons,
      };
    }
  }
  if (columns.target === undefined && columns.actual !== undefined && !named.has("actual")) {
    // Both series in the column its header calls the actual ("Value"), a column beside it saying
    // which each row holds ("a) time series", "b) target (min)"), as Open SDG platforms export.
    const valueCol = columns.actual;
    const pairs = seriesRows(profiles.filter((p) => !taken(p.col) || p.col === valueCol));
    if (pairs && pairs.value.col === valueCol) {
      delete columns.actual;
      reasons.push(
        `each row's value in ${quoted(pairs.value.header)} is the actual or the target its ${quoted(pairs.series.header)} cell names`,
      );
      const seriesColumns = { series: pairs.series.col, value: pairs.value.col };
      if (columns.kpi === undefined && !named.has("kpi")) {
        const names = profiles.find(
          (p) =>
            !taken(p.col) && p.col !== pairs.series.col && roleOfHeader(p.header) === null && readsAsNames(p),
        );
        if (names) {
          columns.kpi = names.col;
          reasons.push(`KPI from ${quoted(names.header)}: the column of names beside the series`);
        } else {
          reasons.push(`one KPI's series with no KPI column, named "${seriesName}" after its sheet`);
          return { columns, left, shape: "pairs", seriesColumns, kpiName: seriesName, reasons };
        }
      }
      return { columns, left, shape: "pairs", seriesColumns, reasons };
    }
  }
  if (columns.actual === undefined || columns.target === undefined) return null;
  if (columns.kpi !== undefined || named.has("kpi"))
    return reasons.length && columns.kpi !== undefined ? { columns, left, shape: "long", reasons } : null;

  const names = profiles.filter((p) => !taken(p.col) && roleOfHeader(p.header) === null && readsAsNames(p));
  const best = names.reduce<ColumnProfile | null>(
    (a, p) => (a === null || p.distinctTexts > a.distinctTexts ? p : a),
    null,
  );
  if (best) {
    columns.kpi = best.col;
    const why =
      best.header === ""
        ? "the unheaded column of names beside Actual and Target"
        : columns.period !== undefined
          ? `${quoted(best.header)}: its names repeat once per period`
          : `${quoted(best.header)}: the column of names beside Actual and Target`;
    reasons.push(`KPI from ${why}`);
    return { columns, left, shape: "long", reasons };
  }
  if (columns.period === undefined) return null;
  reasons.push(`one KPI's series with no KPI column, named "${seriesName}" after its sheet`);
  return { columns, left, shape: "long", kpiName: seriesName, reasons };
}

/**
 * A column whose cells say Actual, Target, Budget, Plan… (in any language headers.ts knows: Real,
 * Meta, Ist, Soll) beside one column of values: the rows come in pairs, each value what its
 * series cell says. At least one actual and one target word must appear.
 */
function seriesRows(
  profiles: readonly ColumnProfile[],
): { series: ColumnProfile; value: ColumnProfile } | null {
  const series = profiles.find((p) => p.filled > 0 && p.seriesWords >= 0.8 * p.filled && p.seriesKinds === 2);
  const values = profiles.filter((p) => p !== series && readsAsNumbers(p) && !p.years);
  return series && values.length === 1 ? { series, value: values[0] as ColumnProfile } : null;
}

/** Where two columns are headed as the period, the one whose values read as periods. */
export function betterPeriodColumn(
  candidates: readonly ColumnProfile[],
): { chosen: ColumnProfile; over: ColumnProfile } | null {
  if (candidates.length < 2) return null;
  const [first, ...rest] = candidates as [ColumnProfile, ...ColumnProfile[]];
  const best = rest.reduce((a, p) => (p.periodScore > a.periodScore ? p : a), first);
  return best === first ? null : { chosen: best, over: first };
}
