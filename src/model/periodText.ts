/**
 * Periods as exports and hand-kept workbooks write them, in English, Spanish, Portuguese, French,
 * German, Italian and Dutch (docs/periods.md lists every form).
 *
 * Three readings, from the narrowest to the widest:
 * - readPeriodCell(value, context): one cell → a period, a period without its year ("Jan", "Q3",
 *   "WW32") or null. The context supplies what a cell cannot say: the day order of "01/02/2024",
 *   the year of "Jan", the fiscal-year start of "January FY21".
 * - readPeriodColumn(values, context): a column down the rows → each cell's reading, with the day
 *   order settled by the whole column, the yearless cells named, and a score to choose between two
 *   candidate period columns.
 * - readPeriodHeaders(values, context): a row of headers across the columns → the same, where
 *   yearless months in sequence step into the next year when they wrap (Jul … Dec, Jan … Jun).
 * yearFromContext(texts) finds the one year a title, sheet name or file name names ("Budget 2024",
 * "FY24"), for the context of yearless months.
 */
import type { Granularity, Period } from "../engine/periods";
import {
  calendarYearOfFiscalMonth,
  fiscalQuarter,
  isoWeek,
  isoWeekOf,
  parsePeriodText,
} from "../engine/periods";
import { withoutAccents } from "./headers";
import type { CellValue } from "./snapshot";
import { isDateCell } from "./snapshot";

/** How a date written with numbers only is read: 01/02/2024 is 2 January ("mdy") or 1 February ("dmy"). */
export type DayOrder = "mdy" | "dmy";

/** What a cell cannot say for itself, from the workbook, the file, the definition or the user. */
export interface PeriodContext {
  /** The convention for dates such as 01/02/2024 that no part above 12 settles; default m/d. */
  readonly dayOrder?: DayOrder;
  /** The year of months, quarters and weeks written without one ("Jan", "Q3", "WW32"). */
  readonly year?: number;
  /** Whether `year` names a fiscal year ("FY2024"): its months then fall in two calendar years. */
  readonly yearIsFiscal?: boolean;
  /** The month the fiscal year starts in, 1–12 (the definition's settings.fiscalYearStartMonth); default 1. */
  readonly fiscalYearStartMonth?: number;
  /**
   * The column holds month numbers: its header names the month (Month, Mes, Mois, Monat, Mese,
   * Maand: see namesMonths) beside a year, as pandas and database exports write them. A whole
   * number 1–12 is then that month (without a year unless `year` gives one); elsewhere it is none.
   */
  readonly monthNumbers?: boolean;
  /**
   * The column numbers the periods its header names (see numberedPeriodOf): a Quarter column's 1–4,
   * a Week column's 1–53, a Month column's 1–12, as exports write them beside a year or with none.
   * A whole number in that range is then that quarter, week or month (without a year unless `year`
   * gives one); elsewhere it is none. `monthNumbers` is `numbered: "month"`.
   */
  readonly numbered?: YearlessGranularity;
}

/** The kind of period a context's numbers stand for, if any. */
const numberedOf = (context: PeriodContext): YearlessGranularity | null =>
  context.numbered ?? (context.monthNumbers ? "month" : null);

/** The largest number of each kind of period in a year. */
const NUMBERED_MAX: Readonly<Record<YearlessGranularity, number>> = { month: 12, quarter: 4, week: 53 };

/** The granularities a label can name without its year: "Jan", "Q3", "WW32". */
export type YearlessGranularity = Exclude<Granularity, "year">;

export type PeriodReading =
  | {
      readonly kind: "period";
      readonly period: Period;
      /** The year came from the context, not from the cell ("Jan" with context year 2024). */
      readonly yearFromContext: boolean;
      /** The cell is a date such as 01/02/2024 whose month depends on the day order. */
      readonly dayOrderMatters: boolean;
    }
  | {
      /** A month, quarter or week the cell names without a year, and the context gave none. */
      readonly kind: "yearless";
      readonly granularity: YearlessGranularity;
      /** Month 1–12, quarter 1–4 or ISO week 1–53. */
      readonly index: number;
    };

// ---------------------------------------------------------------------------------------------
// Words

/** Month names and abbreviations, January first, as each language writes them (accents kept here). */
export const MONTH_WORDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  English: [
    ["January", "Jan"],
    ["February", "Feb"],
    ["March", "Mar"],
    ["April", "Apr"],
    ["May"],
    ["June", "Jun"],
    ["July", "Jul"],
    ["August", "Aug"],
    ["September", "Sep", "Sept"],
    ["October", "Oct"],
    ["November", "Nov"],
    ["December", "Dec"],
  ],
  Spanish: [
    ["enero", "ene"],
    ["febrero", "feb"],
    ["marzo", "mar"],
    ["abril", "abr"],
    ["mayo", "may"],
    ["junio", "jun"],
    ["julio", "jul"],
    ["agosto", "ago"],
    ["septiembre", "setiembre", "sep", "sept", "set"],
    ["octubre", "oct"],
    ["noviembre", "nov"],
    ["diciembre", "dic"],
  ],
  Portuguese: [
    ["janeiro", "jan"],
    ["fevereiro", "fev"],
    ["março", "mar"],
    ["abril", "abr"],
    ["maio", "mai"],
    ["junho", "jun"],
    ["julho", "jul"],
    ["agosto", "ago"],
    ["setembro", "set"],
    ["outubro", "out"],
    ["novembro", "nov"],
    ["dezembro", "dez"],
  ],
  French: [
    ["janvier", "janv", "jan"],
    ["février", "févr", "fév"],
    ["mars", "mar"],
    ["avril", "avr"],
    ["mai"],
    ["juin"],
    ["juillet", "juil", "juill"],
    ["août", "aou"],
    ["septembre", "sept", "sep"],
    ["octobre", "oct"],
    ["novembre", "nov"],
    ["décembre", "déc"],
  ],
  German: [
    ["Januar", "Jänner", "Jan", "Jän"],
    ["Februar", "Feber", "Feb"],
    ["März", "Maerz", "Mär", "Mrz"],
    ["April", "Apr"],
    ["Mai"],
    ["Juni", "Jun"],
    ["Juli", "Jul"],
    ["August", "Aug"],
    ["September", "Sep", "Sept"],
    ["Oktober", "Okt"],
    ["November", "Nov"],
    ["Dezember", "Dez"],
  ],
  Italian: [
    ["gennaio", "gen"],
    ["febbraio", "feb"],
    ["marzo", "mar"],
    ["aprile", "apr"],
    ["maggio", "mag"],
    ["giugno", "giu"],
    ["luglio", "lug"],
    ["agosto", "ago"],
    ["settembre", "set", "sett"],
    ["ottobre", "ott"],
    ["novembre", "nov"],
    ["dicembre", "dic"],
  ],
  Dutch: [
    ["januari", "jan"],
    ["februari", "feb"],
    ["maart", "mrt", "maa"],
    ["april", "apr"],
    ["mei"],
    ["juni", "jun"],
    ["juli", "jul"],
    ["augustus", "aug"],
    ["september", "sep", "sept"],
    ["oktober", "okt"],
    ["november", "nov"],
    ["december", "dec"],
  ],
};

/** Lower case without accents, ordinal marks as letters (º → o), and no trailing dot: "Févr." → "fevr". */
export const foldWord = (word: string): string => withoutAccents(word).toLowerCase().replace(/\.$/, "");

/** Every folded month word → its month; a word two languages give different months would throw here. */
const MONTH_OF_WORD: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [language, months] of Object.entries(MONTH_WORDS)) {
    months.forEach((words, i) => {
      for (const word of words) {
        const folded = foldWord(word);
        const seen = map.get(folded);
        if (seen !== undefined && seen !== i + 1)
          throw new Error(`The ${language} month word "${word}" is already month ${seen}.`);
        map.set(folded, i + 1);
      }
    });
  }
  return map;
})();

/** The month (1–12) a word names in any of the seven languages, with or without accents and dot. */
export const monthOfWord = (word: string): number | null => MONTH_OF_WORD.get(foldWord(word)) ?? null;

/** Words that mark a quarter: Q1, Qtr 1, Quarter 1, T1 / 1er trimestre, 1. Quartal, K1 / kwartaal. */
const QUARTER_WORDS = new Set([
  "q",
  "qtr",
  "quarter",
  "t",
  "tri",
  "trim",
  "trimestre",
  "quartal",
  "k",
  "kwartaal",
]);
/** Words that mark an ISO week: W05, WW32, Wk 5, Week 5, KW 5 (Kalenderwoche), semana, semaine, settimana. */
const WEEK_WORDS = new Set(["w", "ww", "wk", "week", "kw", "woche", "semana", "semaine", "settimana"]);
const FISCAL_WORDS = new Set(["fy"]);
/** The month mark of statistical exports (Eurostat, ECB, IMF): "2024M03". */
const MONTH_MARK = "m";
/** Ordinal endings after a number (1st, 1er, 1re, 1º, 1e, 1ste, 2de) and fillers ("enero de 2024"). */
const IGNORED_WORDS = new Set([
  "st",
  "nd",
  "rd",
  "th",
  "er",
  "re",
  "e",
  "eme",
  "o",
  "a",
  "ste",
  "de",
  "del",
  "of",
]);

// ---------------------------------------------------------------------------------------------
// Reading one text

const validYear = (y: number): boolean => y >= 1900 && y <= 9999;

/** A two-digit year, as in "Jan-24" or "FY24", is in this century. */
const yearOfDigits = (digits: string): number =>
  digits.length === 2 ? 2000 + Number(digits) : Number(digits);

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What a text says before the context fills the gaps. */
type Parsed =
  | { readonly kind: "period"; readonly period: Period; readonly day?: CalendarDate }
  | {
      readonly kind: "numeric-date";
      readonly first: number;
      readonly second: number;
      readonly year: number;
      readonly dotted: boolean;
    }
  | { readonly kind: "week-of"; readonly date: Parsed; readonly shift: number }
  | { readonly kind: "fiscal-month"; readonly fiscalYear: number; readonly month: number }
  | { readonly kind: "fiscal-period"; readonly fiscalYear: number; readonly period: number }
  | { readonly kind: "fiscal-quarter"; readonly fiscalYear: number; readonly quarter: number }
  | { readonly kind: "yearless"; readonly granularity: YearlessGranularity; readonly index: number };

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const monthPeriod = (year: number, month: number): Period => ({ granularity: "month", year, index: month });

function datePeriod(year: number, month: number, day: number): Parsed | null {
  if (!validYear(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { kind: "period", period: monthPeriod(year, month), day: { year, month, day } };
}

/** A time of day after a date: " 00:00:00", "T00:00:00Z", " 12:00 AM", "T08:30:00.000+02:00". */
const TIME = String.raw`(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);

/** Dates and month-year forms written with numbers only; "invalid" for such a form naming no real day or month. */
function parseNumeric(s: string): Parsed | "invalid" | null {
  const month = (year: number, m: number): Parsed | "invalid" =>
    m >= 1 && m <= 12 && validYear(year) ? { kind: "period", period: monthPeriod(year, m) } : "invalid";
  let m = ISO_DATE.exec(s);
  if (m) return datePeriod(Number(m[1]), Number(m[3]), Number(m[4])) ?? "invalid";
  m = NUMERIC_DATE.exec(s);
  if (m) {
    // "01-02-24" could as well be 2001-02-24: a dashed date needs its four-digit year.
    if (m[2] === "-" && (m[4] as string).length === 2) return "invalid";
    const year = yearOfDigits(m[4] as string);
    if (!validYear(year)) return "invalid";
    return { kind: "numeric-date", first: Number(m[1]), second: Number(m[3]), year, dotted: m[2] === "." };
  }
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s); // 09-2021, 9/2021
  if (m) return month(Number(m[2]), Number(m[1]));
  m = /^(\d{4})[/.](\d{1,2})$/.exec(s); // 2021/09
  if (m) return month(Number(m[1]), Number(m[2]));
  return null;
}

type Token =
  | { readonly t: "num"; readonly text: string; readonly ordinal: boolean; readonly roman?: boolean }
  | { readonly t: "month"; readonly month: number }
  | { readonly t: "quarter" }
  | { readonly t: "week" }
  | { readonly t: "fy" }
  | { readonly t: "fiscal-period" }
  | { readonly t: "month-mark" };

/** Roman quarter numbers, as Italian and Spanish reports write them: "I trimestre 2024", "IV trim. 2024". */
const ROMAN: Readonly<Record<string, string>> = { i: "1", ii: "2", iii: "3", iv: "4" };
/** Words for a fiscal year's n-th period (month), as ERP exports write it: "P03 FY24", "FY24 Period 3". */
const FISCAL_PERIOD_WORDS = new Set(["p", "per", "period", "periodo", "periode"]);

/** Splits "janv. 2024", "1. Quartal 2024", "FY24 Q3", "Jan-24", "KW05/2024" into words and numbers. */
function tokenize(s: string): Token[] | null {
  const parts = s.match(/\p{L}+\.?|\d+\.?|[^\p{L}\d]+/gu) ?? [];
  const tokens: Token[] = [];
  for (const part of parts) {
    if (/^[^\p{L}\d]+$/u.test(part)) {
      // Separators: spaces, dashes, slashes, commas, apostrophes ("Q1'24"), degree signs ("1° trimestre").
      if (!/^[\s\-/,'’°_]+$/u.test(part)) return null;
      continue;
    }
    if (/^\d/.test(part)) {
      tokens.push({ t: "num", text: part.replace(/\.$/, ""), ordinal: part.endsWith(".") });
      continue;
    }
    const word = foldWord(part);
    const month = MONTH_OF_WORD.get(word);
    const roman = ROMAN[word];
    if (month !== undefined) tokens.push({ t: "month", month });
    else if (roman !== undefined) tokens.push({ t: "num", text: roman, ordinal: true, roman: true });
    else if (FISCAL_PERIOD_WORDS.has(word)) tokens.push({ t: "fiscal-period" });
    else if (QUARTER_WORDS.has(word)) tokens.push({ t: "quarter" });
    else if (WEEK_WORDS.has(word)) tokens.push({ t: "week" });
    else if (FISCAL_WORDS.has(word)) tokens.push({ t: "fy" });
    else if (word === MONTH_MARK) tokens.push({ t: "month-mark" });
    else if (IGNORED_WORDS.has(word)) {
      if (word === "de" || word === "del" || word === "of") continue;
      const before = tokens[tokens.length - 1];
      if (before?.t !== "num") return null; // an ordinal ending belongs after a number
      tokens[tokens.length - 1] = { ...before, ordinal: true };
    } else return null;
  }
  // A roman number is a quarter's ("II trimestre"), nothing else's.
  if (tokens.some((k) => k.t === "num" && k.roman === true) && !tokens.some((k) => k.t === "quarter"))
    return null;
  return tokens;
}

/** The shape of the tokens, one letter each: N number, M month, Q quarter, W week, F fiscal year, P fiscal period. */
const shapeOf = (tokens: readonly Token[]): string =>
  tokens
    .map(
      (k) =>
        ({ num: "N", month: "M", quarter: "Q", week: "W", fy: "F", "fiscal-period": "P", "month-mark": "m" })[
          k.t
        ],
    )
    .join("");

const numText = (k: Token | undefined): string => (k?.t === "num" ? k.text : "");
const monthOf = (k: Token | undefined): number => (k?.t === "month" ? k.month : 0);

/** A year written in full, or with two digits where the form allows it ("Jan-24", "Q3 24", "FY24"). */
function yearOf(text: string, twoDigits: boolean): number | null {
  if (!(text.length === 4 || (twoDigits && text.length === 2))) return null;
  const year = yearOfDigits(text);
  return validYear(year) ? year : null;
}

function quarterOrWeek(
  granularity: "quarter" | "week",
  indexText: string,
  yearText: string | null,
): Parsed | null {
  if (!/^\d{1,2}$/.test(indexText)) return null;
  const index = Number(indexText);
  const max = granularity === "quarter" ? 4 : 53;
  if (index < 1 || index > max) return null;
  if (yearText === null) return { kind: "yearless", granularity, index };
  const year = yearOf(yearText, true);
  if (year === null) return null;
  const period = granularity === "quarter" ? { granularity, year, index } : isoWeek(year, index);
  return period ? { kind: "period", period } : null;
}

/** Forms written with words: month names, quarter and week marks, fiscal labels. */
function parseWords(s: string): Parsed | null {
  const tokens = tokenize(s);
  if (tokens === null || tokens.length === 0) return null;
  const n = (i: number): string => numText(tokens[i]);
  const mark = (i: number): "quarter" | "week" => (tokens[i]?.t === "quarter" ? "quarter" : "week");
  const fiscalYear = (text: string): number | null => yearOf(text, true);
  switch (shapeOf(tokens)) {
    case "M":
      return { kind: "yearless", granularity: "month", index: monthOf(tokens[0]) };
    case "MN": {
      // "Jan 2024", "Jan-24"; "Jan 5" is a day without a year, no period.
      const year = yearOf(n(1), true);
      return year === null ? null : { kind: "period", period: monthPeriod(year, monthOf(tokens[0])) };
    }
    case "NM": {
      // "2024 Jan"; "24-Jan" is Excel's d-mmm: the 24th of a January of no year.
      const year = yearOf(n(0), false);
      if (year !== null) return { kind: "period", period: monthPeriod(year, monthOf(tokens[1])) };
      const day = Number(n(0));
      return n(0).length <= 2 && day >= 1 && day <= 31
        ? { kind: "yearless", granularity: "month", index: monthOf(tokens[1]) }
        : null;
    }
    case "NMN": {
      // "31 Jan 2024", "31-Jan-24", "2024 Jan 31"
      const year = yearOf(n(2), true);
      if (year !== null && n(0).length <= 2) return datePeriod(year, monthOf(tokens[1]), Number(n(0)));
      const leading = yearOf(n(0), false);
      return leading !== null && n(2).length <= 2
        ? datePeriod(leading, monthOf(tokens[1]), Number(n(2)))
        : null;
    }
    case "MNN": {
      // "Jan 31, 2024"
      const year = yearOf(n(2), false);
      return year !== null && n(1).length <= 2 ? datePeriod(year, monthOf(tokens[0]), Number(n(1))) : null;
    }
    case "MFN": // "January FY21"
    case "FNM": {
      // "FY21 January"
      const month = monthOf(tokens[0]) || monthOf(tokens[2]);
      const year = fiscalYear(n(tokens[0]?.t === "month" ? 2 : 1));
      return year === null ? null : { kind: "fiscal-month", fiscalYear: year, month };
    }
    case "QN":
    case "WN": // "Q3", "T1", "W05", "WW32" (no year), "Q12026" is the engine's
      return quarterOrWeek(mark(0), n(1), null);
    case "NQ":
    case "NW": // "3Q", "1. Quartal"
      return quarterOrWeek(mark(1), n(0), null);
    case "QNN":
    case "WNN": // "Q3 2024", "T1 2024", "W05 2024", "KW 5 2024", "Quartal 1 2024"
      return quarterOrWeek(mark(0), n(1), n(2));
    case "NQN":
    case "NWN": {
      // "1. Quartal 2024", "1er trimestre 2024", "3Q24", or "2024 Q3", "2024 W05"
      const first = tokens[0] as Token & { t: "num" };
      if (first.text.length === 4 && !first.ordinal) return quarterOrWeek(mark(1), n(2), n(0));
      return quarterOrWeek(mark(1), n(0), n(2));
    }
    case "FNQN": // "FY24 Q3"
    case "QNFN": {
      // "Q3 FY24"
      const [yearText, quarterText] = tokens[0]?.t === "fy" ? [n(1), n(3)] : [n(3), n(1)];
      const year = fiscalYear(yearText);
      const quarter = Number(quarterText);
      if (year === null || !/^\d$/.test(quarterText) || quarter < 1 || quarter > 4) return null;
      return { kind: "fiscal-quarter", fiscalYear: year, quarter };
    }
    case "PNFN": // "P03 FY24", "Period 3 FY2024"
    case "FNPN": {
      // "FY24 P03"
      const [yearText, periodText] = tokens[0]?.t === "fy" ? [n(1), n(3)] : [n(3), n(1)];
      const year = fiscalYear(yearText);
      const period = Number(periodText);
      if (year === null || periodText.length > 3 || period < 1 || period > 12) return null;
      return { kind: "fiscal-period", fiscalYear: year, period };
    }
    case "NmN": {
      // "2024M03"
      const year = yearOf(n(0), false);
      const month = Number(n(2));
      return year !== null && n(2).length <= 2 && month >= 1 && month <= 12
        ? { kind: "period", period: monthPeriod(year, month) }
        : null;
    }
    case "FN": {
      const year = fiscalYear(n(1));
      return year === null ? null : { kind: "period", period: { granularity: "year", year, index: 1 } };
    }
    default:
      return null;
  }
}

/**
 * "Week of 1/7/2024", "Week ending 7 Jan 2024", "w/e 07/01/2024", "semana del 1/7/2024": the week a
 * date starts or ends. The week is the ISO week holding the week's middle day (3 days after its
 * first, before its last), so a week running Sunday to Saturday is the ISO week holding most of it.
 */
const WEEK_OF = new RegExp(
  String.raw`^(?:(week (?:of|commencing|beginning|starting)|w/c|wk of|semana del?|semaine du|woche vom|settimana del|week van)|(week ending|w/e|wk ending|semaine se terminant le|woche bis|week eindigend op))\s*:?\s*(.+)$`,
  "i",
);

/** A text's reading before the context: numbers-only forms, the engine's canonical forms, then words. */
function parseText(text: string): Parsed | null {
  const s = text
    .replace(/[\u00a0\u202f]/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  if (s === "") return null;
  const weekOf = WEEK_OF.exec(s);
  if (weekOf) {
    const date = parseText(weekOf[3] as string);
    const dated = date?.kind === "numeric-date" || (date?.kind === "period" && date.day !== undefined);
    return date && dated ? { kind: "week-of", date, shift: weekOf[1] ? 3 : -3 } : null;
  }
  const numeric = parseNumeric(s);
  if (numeric !== null) return numeric === "invalid" ? null : numeric;
  const canonical = parsePeriodText(s);
  if (canonical) return { kind: "period", period: canonical };
  return parseWords(s);
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates in cells

/** Excel's dates end on 31 December 9999, serial 2,958,465: a larger number is no date. */
const LAST_EXCEL_DATE = 2958465;

function dateOfSerial(serial: number): CalendarDate {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A date cell, or a number: an integer 1900–9999 is a year, a larger one an Excel date serial. */
function parseNumberCell(value: number, isDate: boolean): Parsed | null {
  if (!isDate && Number.isInteger(value) && value >= 1900 && value <= 9999)
    return { kind: "period", period: { granularity: "year", year: value, index: 1 } };
  if ((isDate ? value < 1 : value <= 9999) || value > LAST_EXCEL_DATE) return null;
  const day = dateOfSerial(value);
  return { kind: "period", period: monthPeriod(day.year, day.month), day };
}

function parseCell(value: CellValue, numbered: YearlessGranularity | null = null): Parsed | null {
  if (numbered) {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const index = /^\d{1,2}$/.test(text) ? Number(text) : 0;
    if (index >= 1 && index <= NUMBERED_MAX[numbered])
      return { kind: "yearless", granularity: numbered, index };
  }
  if (isDateCell(value)) return parseNumberCell(value.date, true);
  if (typeof value === "number") return Number.isFinite(value) ? parseNumberCell(value, false) : null;
  if (typeof value === "string") return parseText(value);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Applying the context

/** The calendar date a cell names, if it names a day (for telling weekly dates from monthly ones). */
function dayOf(p: Parsed, dayOrder: DayOrder): CalendarDate | null {
  if (p.kind === "period") return p.day ?? null;
  if (p.kind !== "numeric-date") return null;
  const evidence = evidenceOf(p);
  const order = evidence === "either" ? dayOrder : evidence;
  if (order === null) return null;
  const [month, day] = order === "mdy" ? [p.first, p.second] : [p.second, p.first];
  return datePeriod(p.year, month, day) ? { year: p.year, month, day } : null;
}

/** Whether the month a cell names depends on the day order: 01/02/2024, not 03/03/2024 nor 13/02/2024. */
const dayOrderMatters = (p: Parsed): boolean =>
  p.kind === "week-of"
    ? dayOrderMatters(p.date)
    : p.kind === "numeric-date" && evidenceOf(p) === "either" && p.first !== p.second;

const evidenceOf = (p: Parsed): DayOrder | "either" | null => {
  if (p.kind === "week-of") return evidenceOf(p.date);
  if (p.kind !== "numeric-date") return null;
  if (p.first > 12) return p.second > 12 ? null : "dmy";
  if (p.second > 12) return "mdy";
  return p.dotted ? "dmy" : "either"; // 01.02.2024 is written where days come first
};

function resolve(p: Parsed, context: PeriodContext, dayOrder: DayOrder): PeriodReading | null {
  const start = context.fiscalYearStartMonth ?? 1;
  const plain = (period: Period): Extract<PeriodReading, { kind: "period" }> => ({
    kind: "period",
    period,
    yearFromContext: false,
    dayOrderMatters: false,
  });
  switch (p.kind) {
    case "period":
      return plain(p.period);
    case "numeric-date": {
      const date = dayOf(p, dayOrder);
      if (date === null) return null;
      return { ...plain(monthPeriod(date.year, date.month)), dayOrderMatters: dayOrderMatters(p) };
    }
    case "week-of": {
      const date = dayOf(p.date, dayOrder);
      if (date === null) return null;
      const middle = new Date(Date.UTC(date.year, date.month - 1, date.day + p.shift));
      const week = isoWeekOf(middle.getUTCFullYear(), middle.getUTCMonth() + 1, middle.getUTCDate());
      return { ...plain(week), dayOrderMatters: dayOrderMatters(p) };
    }
    case "fiscal-month":
      return plain(monthPeriod(calendarYearOfFiscalMonth(p.fiscalYear, p.month, start), p.month));
    case "fiscal-period": {
      const month = ((start - 1 + p.period - 1) % 12) + 1;
      return plain(monthPeriod(calendarYearOfFiscalMonth(p.fiscalYear, month, start), month));
    }
    case "fiscal-quarter":
      return plain(fiscalQuarter(p.fiscalYear, p.quarter, start));
    case "yearless": {
      const year = context.year;
      if (year === undefined || !validYear(year))
        return { kind: "yearless", granularity: p.granularity, index: p.index };
      const period = yearlessIn(p.granularity, p.index, year, context.yearIsFiscal === true, start);
      return period ? { kind: "period", period, yearFromContext: true, dayOrderMatters: false } : null;
    }
  }
}

/** A month, quarter or week of the context's year; a fiscal year puts months and quarters in two calendar years. */
function yearlessIn(
  granularity: YearlessGranularity,
  index: number,
  year: number,
  fiscal: boolean,
  start: number,
): Period | null {
  switch (granularity) {
    case "month":
      return monthPeriod(fiscal ? calendarYearOfFiscalMonth(year, index, start) : year, index);
    case "quarter":
      return fiscal ? fiscalQuarter(year, index, start) : { granularity, year, index };
    case "week":
      // Weeks are ISO weeks: the year is taken as their ISO week-year, fiscal or not.
      return isoWeek(year, index);
  }
}

/**
 * One cell as a period. A date such as 01/02/2024 is read by the context's day order (default
 * m/d) unless a part above 12 settles it; "Jan", "Q3" or "WW32" take the context's year, and without
 * one come back as `yearless`. Null for a blank cell and for anything that is not a period.
 */
export function readPeriodCell(value: CellValue, context: PeriodContext = {}): PeriodReading | null {
  const parsed = parseCell(value, numberedOf(context));
  return parsed === null ? null : resolve(parsed, context, context.dayOrder ?? "mdy");
}

// ---------------------------------------------------------------------------------------------
// A column, and a row of headers

export interface PeriodColumnReading {
  /** Each value's reading, in order: null for a blank cell and for one that is not a period. */
  readonly readings: readonly (PeriodReading | null)[];
  /** Each value's period (null where it is blank, unread or yearless). */
  readonly periods: readonly (Period | null)[];
  /** The granularity most cells read as (weeks for dates a week apart), null when none reads. */
  readonly granularity: Granularity | null;
  /** The order the column's numeric dates were read in; null when it has none. */
  readonly dayOrder: DayOrder | null;
  /** How that order was settled: a cell with a part above 12, the context's convention, or m/d assumed. */
  readonly dayOrderFrom: "column" | "context" | "assumed" | null;
  /** True when nothing settled the order and m/d was assumed for dates whose month depends on it. */
  readonly ambiguousDayOrder: boolean;
  /** The indexes of the cells whose month depends on the day order (for the warning naming them). */
  readonly dayOrderCells: readonly number[];
  /** The indexes and values of the cells that name a month, quarter or week with no year. */
  readonly yearless: readonly {
    readonly index: number;
    readonly granularity: YearlessGranularity;
    readonly value: number;
  }[];
  /** True when every non-blank cell read is a month with no year (given no context year). */
  readonly yearlessMonths: boolean;
  /**
   * The kind of period every non-blank cell read names with no year (given no context year): months
   * ("Jan"), quarters ("Q3", or a Quarter column's 3), weeks; null when some cell names its year.
   */
  readonly allYearless: YearlessGranularity | null;
  /** Whether the column's dates, a week apart, were read as ISO weeks instead of months. */
  readonly datesAsWeeks: boolean;
  /** The indexes of non-blank cells that are not a period. */
  readonly unread: readonly number[];
  /**
   * How well the column reads as periods, 0–1: the share of its non-blank cells read in its
   * granularity, a cell counting 1 when it names its own year and ½ when the year is missing or came
   * from the context ("Jan" against "Jan 2024"). 0 for a column with no non-blank cell.
   */
  readonly score: number;
}

const isBlank = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/** Distinct dates, all a multiple of 7 days apart and some within one month: weekly data, not monthly. */
function areWeekly(days: readonly CalendarDate[]): boolean {
  const numbers = [...new Set(days.map((d) => Date.UTC(d.year, d.month - 1, d.day) / 86400000))].sort(
    (a, b) => a - b,
  );
  if (numbers.length < 2) return false;
  const months = new Set(days.map((d) => d.year * 12 + d.month));
  if (months.size === numbers.length) return false;
  return numbers.every((n, i) => i === 0 || (n - (numbers[i - 1] as number)) % 7 === 0);
}

/** The kind of period every reading names with no year; null when one names its year or they differ. */
function allYearlessOf(read: readonly PeriodReading[]): YearlessGranularity | null {
  const first = read[0];
  if (first?.kind !== "yearless") return null;
  return read.every((r) => r.kind === "yearless" && r.granularity === first.granularity)
    ? first.granularity
    : null;
}

/**
 * The month a whole number writes as YYYYMM (202401: January 2024), as databases and ERP exports
 * key their periods: 190001 to 210012, its last two digits 01 to 12; the number or its six digits
 * as text. Null for anything else.
 */
function yearMonthOf(value: CellValue): Period | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{6}$/.test(text)) return null;
  const n = Number(text);
  const month = n % 100;
  return n >= 190001 && n <= 210012 && month >= 1 && month <= 12
    ? monthPeriod(Math.floor(n / 100), month)
    : null;
}

/**
 * A column of YYYYMM months: every filled cell one (yearMonthOf), at least one filled. Taken
 * only as a whole column, where the reader reads a period: one such number alone may be an amount,
 * a code or a date serial.
 */
export function readsAsYearMonths(values: readonly CellValue[]): boolean {
  let filled = 0;
  for (const v of values) {
    if (isBlank(v)) continue;
    if (isDateCell(v) || yearMonthOf(v) === null) return false;
    filled++;
  }
  return filled > 0;
}

/**
 * Headers across that key their months as YYYYMM (202401, 202402 …, as a database's pivot writes
 * them): two or more such numbers, and no other number among the headers (a row of amounts or
 * codes is none). Beside them text headers ("Notes", "FY Total") are read as they are.
 */
function headersReadAsYearMonths(values: readonly CellValue[]): boolean {
  let yearMonths = 0;
  for (const v of values) {
    if (isBlank(v)) continue;
    if (isDateCell(v)) return false;
    if (yearMonthOf(v) !== null) yearMonths++;
    else if (typeof v === "number" || (typeof v === "string" && /^\s*\d+\s*$/.test(v))) return false;
  }
  return yearMonths >= 2;
}

function readSequence(
  values: readonly CellValue[],
  context: PeriodContext,
  across: boolean,
): PeriodColumnReading {
  const yearMonths = across ? headersReadAsYearMonths(values) : readsAsYearMonths(values);
  const parse = (v: CellValue): Parsed | null => {
    if (!yearMonths) return parseCell(v, numberedOf(context));
    const period = yearMonthOf(v);
    if (period) return { kind: "period", period };
    return across ? parseCell(v, numberedOf(context)) : null;
  };
  // A long table's column repeats a few dozen periods over its rows: each distinct value is read
  // once, and its reading shared by every row holding it (readings are never changed in place).
  const byValue = new Map<CellValue, Parsed | null>();
  const byDate = new Map<number, Parsed | null>();
  const parseOnce = (v: CellValue): Parsed | null => {
    if (isBlank(v)) return null;
    const memo = isDateCell(v) ? byDate : typeof v === "object" ? null : byValue;
    const key = isDateCell(v) ? v.date : v;
    if (memo === null) return parse(v);
    let p = memo.get(key as never);
    if (p === undefined) memo.set(key as never, (p = parse(v)));
    return p;
  };
  const parsed = values.map(parseOnce);
  const evidence = parsed.map((p) => (p ? evidenceOf(p) : null));
  const mdy = evidence.filter((e) => e === "mdy").length;
  const dmy = evidence.filter((e) => e === "dmy").length;
  const either = evidence.filter((e) => e === "either").length;
  let dayOrder: DayOrder | null = null;
  let dayOrderFrom: PeriodColumnReading["dayOrderFrom"] = null;
  if (mdy + dmy > 0) {
    dayOrder = dmy > mdy ? "dmy" : "mdy";
    dayOrderFrom = "column";
  } else if (either > 0) {
    dayOrder = context.dayOrder ?? "mdy";
    dayOrderFrom = context.dayOrder ? "context" : "assumed";
  }
  const resolved = new Map<Parsed, PeriodReading | null>();
  const resolveOnce = (p: Parsed): PeriodReading | null => {
    let r = resolved.get(p);
    if (r === undefined) resolved.set(p, (r = resolve(p, context, dayOrder ?? "mdy")));
    return r;
  };
  let readings = parsed.map((p) => (p ? resolveOnce(p) : null));
  if (across) readings = stepYearsAcross(parsed, readings, context);

  const dayOfParsed = new Map<Parsed, CalendarDate | null>();
  const dayOnce = (p: Parsed): CalendarDate | null => {
    let d = dayOfParsed.get(p);
    if (d === undefined) dayOfParsed.set(p, (d = dayOf(p, dayOrder ?? "mdy")));
    return d;
  };
  const dates = parsed.map((p) => (p ? dayOnce(p) : null));
  const days = dates.filter((d) => d !== null);
  const datesAsWeeks =
    days.length > 0 && days.length === readings.filter((r) => r !== null).length && areWeekly(days);
  if (datesAsWeeks)
    readings = readings.map((r, i) => {
      const day = dates[i];
      return r?.kind === "period" && day ? { ...r, period: isoWeekOf(day.year, day.month, day.day) } : r;
    });

  const granularityOf = (r: PeriodReading): Granularity =>
    r.kind === "period" ? r.period.granularity : r.granularity;
  const counts = new Map<Granularity, number>();
  for (const r of readings) if (r) counts.set(granularityOf(r), (counts.get(granularityOf(r)) ?? 0) + 1);
  const granularity = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const nonBlank = values.filter((v) => !isBlank(v)).length;
  let points = 0;
  for (const r of readings) {
    if (r === null || granularityOf(r) !== granularity) continue;
    points += r.kind === "period" && !r.yearFromContext ? 1 : 0.5;
  }
  const dayOrderCells = readings.flatMap((r, i) => (r?.kind === "period" && r.dayOrderMatters ? [i] : []));
  const yearless = readings.flatMap((r, i) =>
    r?.kind === "yearless" ? [{ index: i, granularity: r.granularity, value: r.index }] : [],
  );
  const read = readings.filter((r) => r !== null);
  return {
    readings,
    periods: readings.map((r) => (r?.kind === "period" ? r.period : null)),
    granularity,
    dayOrder,
    dayOrderFrom,
    ambiguousDayOrder: dayOrderFrom === "assumed" && dayOrderCells.length > 0,
    dayOrderCells,
    yearless,
    yearlessMonths: read.length > 0 && read.every((r) => r.kind === "yearless" && r.granularity === "month"),
    allYearless: allYearlessOf(read),
    datesAsWeeks,
    unread: values.flatMap((v, i) => (!isBlank(v) && readings[i] === null ? [i] : [])),
    score: nonBlank === 0 ? 0 : points / nonBlank,
  };
}

/**
 * Yearless months (or quarters, or weeks) across the columns, with a calendar year from the
 * context, run in order: when one comes at or before the one left of it (Jul … Dec, Jan … Jun) the
 * year steps on. The context's year is the first one's. A fiscal context year needs no stepping for
 * months and quarters: each falls in its fiscal year's calendar year already.
 */
function stepYearsAcross(
  parsed: readonly (Parsed | null)[],
  readings: readonly (PeriodReading | null)[],
  context: PeriodContext,
): (PeriodReading | null)[] {
  const start = context.year;
  if (start === undefined) return [...readings];
  const steps = { month: 0, quarter: 0, week: 0 };
  const previous = { month: 0, quarter: 0, week: 0 };
  return readings.map((r, i) => {
    const p = parsed[i];
    if (r?.kind !== "period" || !r.yearFromContext || p?.kind !== "yearless") return r;
    if (context.yearIsFiscal === true && p.granularity !== "week") return r;
    if (p.index <= previous[p.granularity]) steps[p.granularity]++;
    previous[p.granularity] = p.index;
    const period = yearlessIn(p.granularity, p.index, start + steps[p.granularity], false, 1);
    return period && validYear(period.year) ? { ...r, period } : null;
  });
}

/**
 * A column of periods down the rows. The day order of dates such as 01/02/2024 is settled by the
 * column: any date with a first or second part above 12 says which; otherwise the context's
 * convention; otherwise m/d, with `ambiguousDayOrder` so the reader can warn naming `dayOrderCells`.
 */
export const readPeriodColumn = (
  values: readonly CellValue[],
  context: PeriodContext = {},
): PeriodColumnReading => readSequence(values, context, false);

/**
 * Period headers across the columns (a wide table's months): the same forms and day-order rule as
 * a column, and months without a year take the context's, stepping into the next year where the
 * sequence wraps (Jul … Dec, Jan … Jun under "Budget 2024" is July 2024 to June 2025).
 */
export const readPeriodHeaders = (
  values: readonly CellValue[],
  context: PeriodContext = {},
): PeriodColumnReading => readSequence(values, context, true);

// ---------------------------------------------------------------------------------------------
// The year a title, sheet or file names

export interface ContextYear {
  readonly year: number;
  /** "FY2024", "FY 23/24", "2023-24": a fiscal year, named by the year it ends in. */
  readonly fiscal: boolean;
  /** Which of the texts named it (the first that names exactly one year). */
  readonly index: number;
  /** The words that named it, as written: "FY24", "2024". */
  readonly found: string;
}

/** Years a title plausibly means: 1950–2099 (a larger or smaller four-digit number is rarely a year). */
const plausibleYear = (y: number): boolean => y >= 1950 && y <= 2099;

/**
 * The one year a title, sheet name or file name names: "Budget 2024", "Scorecard_2024.xlsx",
 * "FY24", "FY2023/24", "2023-24". The texts are asked in order (the caller puts the most specific
 * first: title, then sheet, then file name); the first text naming exactly one year gives it. A text
 * naming two different years ("2023 vs 2024") says nothing and the next is asked. Null when none does.
 */
export function yearFromContext(texts: readonly string[]): ContextYear | null {
  for (const [index, text] of texts.entries()) {
    const found = new Map<string, { year: number; fiscal: boolean; found: string }>();
    let rest = text;
    const take = (
      pattern: RegExp,
      read: (m: RegExpExecArray) => { year: number; fiscal: boolean } | null,
    ): void => {
      rest = rest.replace(pattern, (...args: unknown[]) => {
        const m = args.slice(0, -2) as unknown as RegExpExecArray;
        const got = read(m);
        if (got && plausibleYear(got.year))
          found.set(`${got.year}${got.fiscal ? "F" : ""}`, { ...got, found: m[0].trim() });
        return " ";
      });
    };
    // "FY24", "FY 2024", "FY2023/24", "FY 23-24": the fiscal year ends in the last year named.
    take(/(?<![\p{L}\d])FY\s*[-']?\s*(\d{4}|\d{2})(?:\s*[-–/]\s*(\d{4}|\d{2}))?(?!\d)/giu, (m) => {
      const last = m[2] ?? m[1];
      return { year: yearOfDigits(last as string), fiscal: true };
    });
    // "2023-24", "2023/2024": a year and the next, a fiscal year across two calendar years.
    take(/(?<!\d)(\d{4})\s*[-–/]\s*(\d{4}|\d{2})(?![\d\-–/])/g, (m) => {
      const first = Number(m[1]);
      const digits = m[2] as string;
      const second = digits.length === 4 ? Number(digits) : Math.floor(first / 100) * 100 + Number(digits);
      return second === first + 1 ? { year: second, fiscal: true } : { year: first, fiscal: false };
    });
    take(/(?<!\d)(\d{4})(?!\d)/g, (m) => ({ year: Number(m[1]), fiscal: false }));
    if (found.size === 1) {
      const [only] = [...found.values()];
      return { ...(only as { year: number; fiscal: boolean; found: string }), index };
    }
  }
  return null;
}

/** A cell as a period with no context: what readPeriod in values.ts answers (yearless is none). */
export function periodOfCell(value: CellValue): Period | null {
  const reading = readPeriodCell(value);
  return reading?.kind === "period" ? reading.period : null;
}

/** Header words of a column of month numbers or names: Month, Mes, Mês, Mois, Monat, Mese, Maand. */
const MONTH_HEADERS = new Set([
  "month",
  "months",
  "mes",
  "mois",
  "monat",
  "mese",
  "maand",
  "month number",
  "mth",
]);

/** Header words of a column of quarter numbers: Quarter, Trimestre, Quartal, Kwartaal. */
const QUARTER_HEADERS = new Set(["quarter", "quarters", "qtr", "trimestre", "quartal", "kwartaal"]);

/** Header words of a column of week numbers: Week, Semana, Semaine, Woche, Kalenderwoche, Settimana. */
const WEEK_HEADERS = new Set([
  "week",
  "weeks",
  "wk",
  "week number",
  "semana",
  "semaine",
  "woche",
  "kalenderwoche",
  "kw",
  "settimana",
  "weeknummer",
]);

/**
 * The kind of period a header names, so that its column's whole numbers are those periods
 * (`numbered`): Month (1–12), Quarter (1–4), Week (1–53) in the seven languages; null for any other.
 */
export function numberedPeriodOf(header: string): YearlessGranularity | null {
  const key = foldWord(header.trim())
    .replace(/[\s_-]+/g, " ")
    .trim();
  if (MONTH_HEADERS.has(key)) return "month";
  if (QUARTER_HEADERS.has(key)) return "quarter";
  return WEEK_HEADERS.has(key) ? "week" : null;
}

/** Whether a header names the month (so that its whole numbers 1–12 are months: `monthNumbers`). */
export const namesMonths = (header: string): boolean => numberedPeriodOf(header) === "month";

/**
 * The day a cell names, as ISO text ("2026-12-31"): a date cell, a date serial, or a date
 * written out ("2026-12-31", "31/12/2026", "31 Dec 2026"). A date such as 01/02/2026 that no part
 * above 12 settles is read in `dayOrder` (default m/d, as readPeriodCell). Null for a blank cell,
 * a month without its day, or anything that is no date: a follow-up's Due or Start.
 */
export function isoDayOfCell(value: CellValue, dayOrder: DayOrder = "mdy"): string | null {
  const parsed = parseCell(value);
  const date = parsed === null ? null : dayOf(parsed, dayOrder);
  if (date === null) return null;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${two(date.month)}-${two(date.day)}`;
}
