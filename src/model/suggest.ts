/**
 * When no scorecard is found: the reader's best complete guess at a mapping, offered only where
 * that guess scores at least one KPI (so the "Try:" a user pastes works), and, where nothing comes
 * near a scorecard, what the workbook holds instead of only what it lacks.
 */
import type { Definition } from "./definition";
import { emptyDefinition } from "./definition";
import type { ColumnMapping, NearMiss } from "./detect";
import { tableAddress } from "./detect";
import type { ColumnRole } from "./headers";
import { canonicalHeader, REQUIRED_ROLES, roleOfHeader, withoutAccents } from "./headers";
import { mayHoldValues, profileColumn, readsAsPeriods, type ColumnProfile } from "./roles";
import type { ScorecardModel } from "./scorecard";
import type { WorkbookSnapshot } from "./snapshot";
import { cellAt, lastCol, lastRow } from "./snapshot";
import { cellText, readNumber } from "./values";

/** A reading the user can ask for: the flags of `bsc`, the choices of the pane's set-up. */
export interface ReadSuggestion {
  /** Role → header, as `--map role="header"` gives it. */
  readonly mapping: ColumnMapping;
  /** The table or sheet to read, as `--table` gives it. */
  readonly table?: string;
  /** The year of months written without one, as `--year` gives it. */
  readonly year?: number;
  /** The block the mapping is for ("Data!A1:F40"), where the pane's set-up opens with it. */
  readonly block?: string;
}

/** A mapping whose scorecard has at least one KPI with an actual and a target to score. */
export const scoresAKpi = (model: ScorecardModel): boolean =>
  model.kpis.some((k) =>
    k.observations.some((o) => o.actual.kind === "number" && o.target.kind === "number"),
  );

/**
 * Fills the roles a near miss lacks with the columns whose content fits them: names for the KPI,
 * and for the actual the number column nearest its target (as finance packs lay them out). A
 * target is never guessed: a file that names none holds nothing to score against. Columns of
 * years, codes and weights, and headers that read as periods ("2024") are never an actual.
 */
function guessFor(book: WorkbookSnapshot, miss: NearMiss): ColumnMapping | null {
  const t = miss.table;
  const target = t.columns.target;
  if (target === undefined || miss.missing.includes("target")) return null;
  const sheet = book.sheets.find((s) => s.name === t.sheet);
  if (!sheet) return null;
  const used = new Set(Object.values(t.columns));
  const profiles = t.headers
    .filter((h) => !used.has(h.col) && roleOfHeader(h.text) === null)
    .map((h) => profileColumn(sheet, h.col, h.text, t.firstDataRow, t.lastDataRow));
  const mapping: Partial<Record<ColumnRole, string>> = {};
  const take = (role: ColumnRole, p: ColumnProfile | undefined): boolean => {
    if (!p) return false;
    mapping[role] = p.header;
    used.add(p.col);
    return true;
  };
  const free = (ok: (p: ColumnProfile) => boolean) => profiles.filter((p) => !used.has(p.col) && ok(p));
  for (const role of miss.missing) {
    if (role === "kpi") {
      const names = free((p) => p.texts >= 0.7 * p.filled && p.filled > 0);
      if (!take("kpi", names.sort((a, b) => b.distinctTexts - a.distinctTexts)[0])) return null;
    } else if (role === "actual") {
      const values = free(mayHoldValues);
      const nearest = values.sort((a, b) => Math.abs(a.col - target) - Math.abs(b.col - target))[0];
      if (!take("actual", nearest)) return null;
    } else return null;
  }
  if (t.columns.period === undefined) {
    const dated = free(readsAsPeriods)[0];
    if (dated) take("period", dated);
  }
  return mapping;
}

/**
 * The best guess among the near misses that scores a KPI when read with it.
 *
 * @param readWith reads the workbook with a stored definition: the same reading `bsc` will do
 *   when the suggestion is pasted
 */
export function suggestReading(
  book: WorkbookSnapshot,
  misses: readonly NearMiss[],
  given: ColumnMapping,
  readWith: (definition: Definition) => ScorecardModel | null,
): ReadSuggestion | null {
  for (const miss of misses) {
    const guess = guessFor(book, miss);
    if (guess === null) continue;
    const mapping = { ...given, ...guess };
    const definition: Definition = {
      ...emptyDefinition(),
      source: { table: "", sheet: "", columns: mapping },
    };
    const model = readWith(definition);
    if (model && scoresAKpi(model)) return { mapping: guess, block: tableAddress(miss.table) };
  }
  return null;
}

/** The roles a header names in its words: "Budget 2020" and "Sales Quota" name a target. */
function rolesNamedIn(text: string): ColumnRole[] {
  const whole = roleOfHeader(text);
  if (whole) return [whole];
  // "ResellerSalesTargets", "Sales_Forecast 2024": words apart, camel case too.
  const words = text
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
  if (words.length > 4) return [];
  // Money paid, reversed or net ("Pago - Orçamento": paid out of this year's budget) is an
  // actual amount: the budget word beside it names where the money came from, not a budget.
  if (words.some((w) => PAYMENT_WORDS.test(withoutAccents(w)))) return ["actual"];
  return words.flatMap((w) => {
    // A forecast is no target to score against, but it is a plan's figure, never an actual.
    if (PLAN_WORDS.test(withoutAccents(w))) return ["target" as const];
    const role = roleOfHeader(w);
    return role === "actual" || role === "target" ? [role] : [];
  });
}

/** Words (accents dropped) of a plan's figure that is no target: a forecast. */
const PLAN_WORDS = /^(forecasts?|fcst|prevision|previsao|prognose|previsione|prognoses?)$/i;

/**
 * Words (accents dropped) of money paid, reversed or net, in the seven languages: Pago, Pagado,
 * Estornado, Líquido, Paid, Payé, Bezahlt, Pagato, Betaald.
 */
const PAYMENT_WORDS =
  /^(pago|pagos|pagado|pagados|estornados?|liquido|paid|paye|payes|bezahlt|gezahlt|pagato|pagati|betaald)$/i;

/**
 * What the workbook holds, where nothing comes near a scorecard: "2 sheets of numbers by period
 * (Data, Summary), but no target, budget or plan column".
 */
export function describeHoldings(book: WorkbookSnapshot, owned: ReadonlySet<string>): string {
  const numeric: string[] = [];
  let byPeriod = false;
  const roles = new Set<ColumnRole>();
  for (const sheet of book.sheets) {
    if (owned.has(sheet.name)) continue;
    for (const role of rolesNamedIn(sheet.name)) roles.add(role);
    const bottom = Math.min(lastRow(sheet), 200);
    const right = Math.min(lastCol(sheet), 100);
    let numbers = 0;
    for (let row = sheet.origin.row; row <= bottom; row++) {
      for (let col = sheet.origin.col; col <= right; col++) {
        const value = cellAt(sheet, row, col);
        if (row <= sheet.origin.row + 30 && typeof value === "string")
          for (const role of rolesNamedIn(value)) roles.add(role);
        if (typeof value === "number" || (typeof value === "string" && readNumber(value).kind === "number"))
          numbers++;
      }
    }
    if (numbers < 2) continue;
    numeric.push(sheet.name);
    for (let col = sheet.origin.col; col <= right && !byPeriod; col++) {
      const header = cellText(cellAt(sheet, sheet.origin.row, col));
      if (readsAsPeriods(profileColumn(sheet, col, header, sheet.origin.row + 1, bottom))) byPeriod = true;
    }
  }
  const lacking = REQUIRED_ROLES.filter((r) => !roles.has(r));
  const lack =
    lacking.length === 0
      ? "no header row that names a KPI, an Actual and a Target column together"
      : lacking.includes("target")
        ? "no target, budget or plan column to score them against"
        : lacking.includes("actual")
          ? "no actual values to score against its targets, budgets or plans"
          : `no ${lacking.map((r) => canonicalHeader(r)).join(" or ")} column`;
  if (numeric.length === 0) return "The workbook holds no table of numbers to score";
  const shown = numeric.slice(0, 3).join(", ") + (numeric.length > 3 ? ", …" : "");
  return `The workbook holds ${numeric.length === 1 ? "a sheet" : `${numeric.length} sheets`} of numbers${byPeriod ? " by period" : ""} (${shown}), but ${lack}`;
}
