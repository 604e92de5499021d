/** Reporting periods: ISO weeks, months, quarters or years, read from Excel dates or from text. */

export type Granularity = "week" | "month" | "quarter" | "year";

export interface Period {
  readonly granularity: Granularity;
  /** The calendar year; for a week, its ISO week-year (the year that holds the week's Thursday). */
  readonly year: number;
  /** ISO week 1–53, month 1–12, quarter 1–4, or 1 for a year. */
  readonly index: number;
}

/** Periods per year for the granularities a year divides evenly (an ISO year has 52 or 53 weeks). */
const PER_YEAR: Readonly<Record<Exclude<Granularity, "week">, number>> = { month: 12, quarter: 4, year: 1 };

const DAY_MS = 86400000;

/** Days since 1 January 1970 (a Thursday) of a calendar date. */
const dayNumber = (year: number, month: number, day: number): number => {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC would read the years 0–99 as 1900–1999
  return Math.round(date.getTime() / DAY_MS);
};

/** Monday 0 … Sunday 6 of a day number (day 0 was a Thursday). */
const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

/**
 * A week's ordinal is its Thursday's day number divided by 7 (Thursdays are the multiples of 7):
 * consecutive weeks step by one, across ISO years of 52 or 53 weeks alike.
 */
const thursdayOfWeek1 = (isoYear: number): number => {
  const jan4 = dayNumber(isoYear, 1, 4); // ISO week 1 is the week holding 4 January
  return jan4 - weekday(jan4) + 3;
};

const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/** The ISO week (Monday to Sunday, in the ISO year of its Thursday) a calendar date falls in. */
export function isoWeekOf(year: number, month: number, day: number): Period {
  const d = dayNumber(year, month, day);
  return weekOfOrdinal((d - weekday(d) + 3) / 7);
}

function weekOfOrdinal(ordinal: number): Period {
  const thursday = ordinal * 7;
  const year = yearOfDay(thursday);
  return { granularity: "week", year, index: Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1 };
}

/** 52 or 53: the ISO weeks of an ISO week-year. */
export const weeksInIsoYear = (isoYear: number): number =>
  (thursdayOfWeek1(isoYear + 1) - thursdayOfWeek1(isoYear)) / 7;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function monthFromName(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  if (w === "sept") return 9;
  return i < 0 ? null : i + 1;
}

const validYear = (y: number): boolean => y >= 1900 && y <= 9999;

/** The month an Excel date serial (1900 date system) falls in. */
export function periodFromExcelDate(serial: number): Period {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return { granularity: "month", year: d.getUTCFullYear(), index: d.getUTCMonth() + 1 };
}

/** A two-digit year, as in "Jan-26" or "FY26", is in this century. */
const fullYear = (digits: string): number => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

/** An ISO week of a year, if the year has that week (week 53 only in long years). */
export function isoWeek(isoYear: number, week: number): Period | null {
  if (!validYear(isoYear) || !Number.isInteger(week) || week < 1 || week > weeksInIsoYear(isoYear))
    return null;
  return { granularity: "week", year: isoYear, index: week };
}

/**
 * Parses "YYYY-MM", "YYYY-Qn", "YYYY-Www", "YYYY", "Mar 2026", "March 2026", "Jan-26", "Q1 2026",
 * "W05 2026", "FY2026" (and an ISO date "YYYY-MM-DD", which names its month). Returns null for
 * anything else. The forms of other languages and of exports, with their context, are read by
 * model/periodText.ts; this is what `--period` and the stored setting accept.
 */
export function parsePeriodText(text: string): Period | null {
  const s = text.trim();
  const week = /^(\d{4})\s*-?\s*W(\d{1,2})$/i.exec(s) ?? /^W(\d{1,2})\s*[-/ ]?\s*(\d{4})$/i.exec(s);
  if (week) {
    const [yearText, weekText] = /^W/i.test(s) ? [week[2], week[1]] : [week[1], week[2]];
    return isoWeek(Number(yearText), Number(weekText));
  }
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (validYear(year) && month >= 1 && month <= 12) return { granularity: "month", year, index: month };
    return null;
  }
  m = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(s);
  const quarterFirst = /^Q([1-4])\s*[-/' ]?\s*(\d{4}|\d{2})$/i.exec(s);
  if (m || quarterFirst) {
    const [yearText, quarter] = m ? [m[1], m[2]] : [quarterFirst?.[2], quarterFirst?.[1]];
    const year = fullYear(yearText as string);
    return validYear(year) ? { granularity: "quarter", year, index: Number(quarter) } : null;
  }
  m = /^(?:FY\s*-?\s*)?(\d{4})$/i.exec(s) ?? /^FY\s*-?\s*(\d{2})$/i.exec(s);
  if (m) {
    const year = fullYear(m[1] as string);
    return validYear(year) ? { granularity: "year", year, index: 1 } : null;
  }
  m = /^([A-Za-z]+\.?)\s*[-/' ]?\s*(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const month = monthFromName(m[1] as string);
    const year = fullYear(m[2] as string);
    if (month !== null && validYear(year)) return { granularity: "month", year, index: month };
  }
  return null;
}

/** The canonical text of a period: "2026-W05", "2026-03", "2026-Q1", "2026". */
export function periodKey(p: Period): string {
  switch (p.granularity) {
    case "week":
      return `${p.year}-W${String(p.index).padStart(2, "0")}`;
    case "month":
      return `${p.year}-${String(p.index).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}-Q${p.index}`;
    case "year":
      return String(p.year);
  }
}

/** A number that orders periods of one granularity and steps by one per period. */
export function periodOrdinal(p: Period): number {
  if (p.granularity === "week") return thursdayOfWeek1(p.year) / 7 + (p.index - 1);
  return p.year * PER_YEAR[p.granularity] + (p.index - 1);
}

export function periodFromOrdinal(granularity: Granularity, ordinal: number): Period {
  if (granularity === "week") return weekOfOrdinal(ordinal);
  const per = PER_YEAR[granularity];
  return { granularity, year: Math.floor(ordinal / per), index: (ordinal % per) + 1 };
}

export function previousPeriod(p: Period): Period {
  return periodFromOrdinal(p.granularity, periodOrdinal(p) - 1);
}

/**
 * The first period of the fiscal year that holds `p`, for a fiscal year starting in
 * `startMonth` (1–12). Quarters follow the quarter that holds the start month. A week belongs to
 * the fiscal year that holds its Thursday, as an ISO week belongs to the year of its Thursday: the
 * fiscal year's first week holds the first Thursday on or after the 1st of the start month (with
 * a January start, ISO week 1). docs/periods.md.
 */
export function fiscalYearStart(p: Period, startMonth: number): Period {
  switch (p.granularity) {
    case "week": {
      const thursday = periodOrdinal(p) * 7;
      const firstThursday = (year: number): number => {
        const first = dayNumber(year, startMonth, 1);
        return first + ((3 - weekday(first) + 7) % 7);
      };
      const sameYear = firstThursday(yearOfDay(thursday));
      return weekOfOrdinal((thursday >= sameYear ? sameYear : firstThursday(yearOfDay(thursday) - 1)) / 7);
    }
    case "month": {
      const year = p.index >= startMonth ? p.year : p.year - 1;
      return { granularity: "month", year, index: startMonth };
    }
    case "quarter": {
      const startQuarter = Math.ceil(startMonth / 3);
      const year = p.index >= startQuarter ? p.year : p.year - 1;
      return { granularity: "quarter", year, index: startQuarter };
    }
    case "year":
      return p;
  }
}

/**
 * The calendar year of a month in a fiscal year. FY names the year in which the fiscal year ends:
 * with an April start, FY2021 runs from April 2020 to March 2021, so its January is January 2021
 * and its April is April 2020. With a January start, the fiscal year is the calendar year.
 */
export function calendarYearOfFiscalMonth(fiscalYear: number, month: number, startMonth: number): number {
  return startMonth > 1 && month >= startMonth ? fiscalYear - 1 : fiscalYear;
}

/**
 * A fiscal quarter as the calendar quarter the engine keeps: fiscal Q1 starts in the start month,
 * and the calendar quarter holding each fiscal quarter's first month stands for it (as
 * fiscalYearStart does). With an April start, FY2024 Q3 is October–December 2023: 2023-Q4.
 */
export function fiscalQuarter(fiscalYear: number, quarter: number, startMonth: number): Period {
  const firstMonth = ((startMonth - 1 + 3 * (quarter - 1)) % 12) + 1;
  return {
    granularity: "quarter",
    year: calendarYearOfFiscalMonth(fiscalYear, firstMonth, startMonth),
    index: Math.ceil(firstMonth / 3),
  };
}
