/**
 * What an Excel number format code says a number is: the one rule every adapter (Office.js, the
 * package reader, the memory workbook in tests) and the pane's formatter follow.
 *
 * A number under a format that shows a calendar date (a day, a month or a year) is a date: the
 * model reads it as a period. A time of day (`h:mm`, `h:mm AM/PM`) or a duration (`[h]:mm:ss`,
 * `mm:ss`) shows the same kind of number, but it is a quantity, not a place in the calendar: a
 * KPI of average handling time in `mm:ss` is a number, as Excel's own arithmetic treats it.
 * Letters that are not format codes do not count: quoted text, an escaped character (`0.0\d`),
 * `[Red]`, `[$€-407]`, `[>=100]`, a fill or a space-width character, AM/PM, General, an
 * exponent's E.
 *
 * Month or minute: `m` and `mm` are minutes right after an hour or right before seconds (as in
 * `h:mm` and `mm:ss`), else the month; `mmm` and longer are always the month (ECMA-376 Part 1,
 * 18.8.31, numFmts).
 */

/** What a format shows a number as. */
export type NumberFormatKind =
  /** General, or no format. */
  | "general"
  /** Digits, percent, currency, fractions, scientific, text: a number. */
  | "number"
  /** A calendar date, with or without a time. */
  | "date"
  /** A time of day or a duration: a number. */
  | "time";

interface Token {
  readonly letter: string;
  readonly length: number;
}

/** The date and time codes of a format, in order, every letter that is no code left out. */
function dateTimeTokens(code: string): Token[] {
  // One pass, left to right, so that a quote inside brackets or an escaped quote is read as Excel does.
  const bare = code
    .replace(/"[^"]*"?|\\.|[_*].|\[[^\]]*\]?/g, (piece) =>
      // [h], [mm], [ss]: elapsed time, a duration; any other bracket only colours, chooses or localises.
      /^\[(h+|m+|s+)\]$/i.test(piece) ? " h " : " ",
    )
    .replace(/am\/pm|a\/p/gi, " ")
    .replace(/general/gi, " ")
    .replace(/e[+-]/gi, " ")
    .toLowerCase();
  return [...bare.matchAll(/y+|m+|d+|h+|s+|b+|e+|g+/g)].map((m) => ({
    letter: (m[0] as string)[0] as string,
    length: (m[0] as string).length,
  }));
}

/** Whether the token at `i`, an m, is minutes: after an hour or before seconds, two letters at most. */
function isMinutes(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (token.length > 2) return false;
  return tokens[i - 1]?.letter === "h" || tokens[i + 1]?.letter === "s";
}

const CALENDAR_LETTERS = new Set(["y", "d", "b", "e", "g"]);

/** What `code` shows a number as (null, "" and General: general). */
export function numberFormatKind(code: string | null | undefined): NumberFormatKind {
  if (!code || /^\s*general\s*$/i.test(code)) return "general";
  const tokens = dateTimeTokens(code);
  let calendar = false;
  let time = false;
  tokens.forEach((token, i) => {
    if (CALENDAR_LETTERS.has(token.letter)) calendar = true;
    else if (token.letter === "m") {
      if (isMinutes(tokens, i)) time = true;
      else calendar = true;
    } else time = true;
  });
  return calendar ? "date" : time ? "time" : "number";
}

/** Whether a number under `code` is a calendar date (a day, month or year), which the model reads as a period. */
export const isDateFormat = (code: string | null | undefined): boolean => numberFormatKind(code) === "date";

/**
 * Whether `code` shows a number as a percentage (a `%` that is a code, not quoted text, an escaped
 * character or a bracket), so the cell holds a share: 1.2 shown as 120 %.
 */
export const isPercentFormat = (code: string | null | undefined): boolean =>
  !!code && code.replace(/"[^"]*"?|\\.|[_*].|\[[^\]]*\]?/g, " ").includes("%");
