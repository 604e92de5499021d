import type { Period } from "../engine/periods";
import type { Aggregation, Polarity } from "../engine/types";
import type { CellValue } from "./snapshot";
import { periodOfCell } from "./periodText";
import { AGGREGATION_WORDS_IN_OTHER_LANGUAGES, POLARITY_WORDS_IN_OTHER_LANGUAGES } from "./valueWords";
import { isCellError, isDateCell } from "./snapshot";

export type NumberReading =
  | { readonly kind: "number"; readonly value: number; readonly fromText?: string }
  | { readonly kind: "blank" }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "text"; readonly text: string };

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads "95%", "1,234.5", "$1,200", "-12", "(1,200)", "1,234.50-" as numbers where the reading is
 * unambiguous; anything else (including "1,5" or "1.234,5") stays text.
 */
export function numberFromText(raw: string): number | null {
  let s = raw.trim().replace(/\u00a0/g, " ");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] as string).trim();
  }
  // A trailing minus, as SAP and other ERP exports write a negative amount ("1,234.50-").
  const trailingMinus = /^(.*\d)\s?[-−]$/.exec(s);
  if (trailingMinus) {
    if (negative) return null;
    negative = true;
    s = trailingMinus[1] as string;
    if (/^[-−+(]/.test(s)) return null;
  }
  if (/^[-−]/.test(s)) {
    if (negative) return null;
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trim();
  }
  s = s.replace(/^[$€£¥]\s*/, "");
  if (/^[-−]/.test(s) && !negative) {
    negative = true;
    s = s.slice(1).trim();
  }
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  else if (!PLAIN.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  const signed = negative ? -n : n;
  // Dividing, not multiplying by 0.01, keeps "95%" exactly equal to the cell value 0.95.
  return scale === 1 ? signed : signed / 100;
}

/** The reading of every blank cell: one object, as a table of 150,000 rows reads many. */
const BLANK_READING: NumberReading = Object.freeze({ kind: "blank" });

export function readNumber(cell: CellValue): NumberReading {
  if (cell === null) return BLANK_READING;
  if (typeof cell === "number")
    return Number.isFinite(cell) ? { kind: "number", value: cell } : BLANK_READING;
  if (typeof cell === "boolean") return { kind: "text", text: String(cell).toUpperCase() };
  if (isCellError(cell)) return { kind: "error", code: cell.error };
  if (isDateCell(cell)) return { kind: "number", value: cell.date };
  if (cell.trim() === "") return BLANK_READING;
  const n = numberFromText(cell);
  return n === null ? { kind: "text", text: cell } : { kind: "number", value: n, fromText: cell };
}

/** A cell that shows nothing: cheaper than asking for its text, on every cell of a large block. */
export const isBlankCell = (cell: CellValue): boolean =>
  cell === null || (typeof cell === "string" && cell.trim() === "");

/** A cell's text as written, spaces and all: what a spreadsheet formula reading the cell sees. */
export const cellTextAsWritten = (cell: CellValue): string =>
  typeof cell === "string" ? cell : cellText(cell);

/** A cell as the text a user sees in it (for names, owners, words). */
export function cellText(cell: CellValue): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  if (isCellError(cell)) return cell.error;
  return String(cell.date);
}

const POLARITY_WORDS: ReadonlyMap<string, Polarity> = new Map([
  // Indicator sheets also write a direction's sense: positive or negative, rising or falling.
  ...[
    "higher",
    "higher is better",
    "up",
    "max",
    "maximize",
    "maximise",
    "increase",
    "↑",
    "positive",
    "ascending",
    "increasing",
    "more is better",
  ].map((w) => [w, "higher"] as const),
  ...[
    "lower",
    "lower is better",
    "down",
    "min",
    "minimize",
    "minimise",
    "decrease",
    "↓",
    "negative",
    "descending",
    "decreasing",
    "less is better",
  ].map((w) => [w, "lower"] as const),
  ...[
    "band",
    "range",
    "within range",
    "stabilize",
    "stabilise",
    "maintain",
    "closer is better",
    "on target",
  ].map((w) => [w, "band"] as const),
  // The same in the languages headers.ts reads a Polarity column in (Polaridad, Richtung…): a
  // column it maps must not turn its own words into errors. Kept few and as written (accents
  // included), since the traffic-light formulas list every word.
  ...POLARITY_WORDS_IN_OTHER_LANGUAGES,
]);

const WORDS_OF: Readonly<Record<Polarity, readonly string[]>> = {
  higher: [...POLARITY_WORDS].filter(([, p]) => p === "higher").map(([w]) => w),
  lower: [...POLARITY_WORDS].filter(([, p]) => p === "lower").map(([w]) => w),
  band: [...POLARITY_WORDS].filter(([, p]) => p === "band").map(([w]) => w),
};

/** The words each polarity is recognised by (for the traffic-light formulas). */
export const polarityWords = (polarity: Polarity): readonly string[] => WORDS_OF[polarity];

/** Null for a blank cell (the default applies); "unknown" for a word that is not a polarity. */
export function parsePolarity(text: string): Polarity | "unknown" | null {
  const w = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  if (w === "") return null;
  return POLARITY_WORDS.get(w) ?? "unknown";
}

const AGGREGATION_WORDS: ReadonlyMap<string, Aggregation> = new Map([
  ...AGGREGATION_WORDS_IN_OTHER_LANGUAGES,
  ["last", "last"],
  ["sum", "sum"],
  ["total", "sum"],
  ["average", "average"],
  ["avg", "average"],
  ["mean", "average"],
  ["min", "min"],
  ["minimum", "min"],
  ["max", "max"],
  ["maximum", "max"],
]);

export function parseAggregation(text: string): Aggregation | "unknown" | null {
  const w = text.trim().toLowerCase();
  if (w === "") return null;
  return AGGREGATION_WORDS.get(w) ?? "unknown";
}

/** Whether a number format shows a calendar date: decided in numberFormat.ts, for every adapter. */
export { isDateFormat } from "./numberFormat";

/**
 * A period from a cell with no context: a date, a year number, or text in any form periodText.ts
 * reads ("2026-03", "Mar 2026", "1/31/2026" read m/d, "janv. 2026", "FY26 Q3" with a January
 * start). A month with no year ("Jan") is none here; readPeriodCell and readPeriodColumn say more.
 */
export function readPeriod(value: CellValue): Period | null {
  return periodOfCell(value);
}
