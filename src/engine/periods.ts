/** Reporting periods: months, quarters or years, read from Excel dates or from text. */

export type Granularity = "month" | "quarter" | "year";

export interface Period {
  readonly granularity: Granularity;
  readonly year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  readonly index: number;
}

const PER_YEAR: Readonly<Record<Granularity, number>> = { month: 12, quarter: 4, year: 1 };

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

/**
 * Parses "YYYY-MM", "YYYY-Qn", "YYYY", "Mar 2026", "March 2026", "Jan-26", "Q1 2026", "FY2026"
 * (and an ISO date "YYYY-MM-DD", which names its month). Returns null for anything else.
 */
export function parsePeriodText(text: string): Period | null {
  const s = text.trim();
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

/** The canonical text of a period: "2026-03", "2026-Q1", "2026". */
export function periodKey(p: Period): string {
  switch (p.granularity) {
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
  return p.year * PER_YEAR[p.granularity] + (p.index - 1);
}

export function periodFromOrdinal(granularity: Granularity, ordinal: number): Period {
  const per = PER_YEAR[granularity];
  return { granularity, year: Math.floor(ordinal / per), index: (ordinal % per) + 1 };
}

export function previousPeriod(p: Period): Period {
  return periodFromOrdinal(p.granularity, periodOrdinal(p) - 1);
}

/**
 * The first period of the fiscal year that holds `p`, for a fiscal year starting in
 * `startMonth` (1–12). Quarters follow the quarter that holds the start month.
 */
export function fiscalYearStart(p: Period, startMonth: number): Period {
  switch (p.granularity) {
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
