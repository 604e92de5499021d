/**
 * How a CSV export's sheet is laid out for a reader, without a value changed: each column as
 * wide as what it shows (within bounds), and the numbers written plainly ("119000000") shown as a
 * finance user reads them: #,##0, or #,##0.00 where their row has a number with decimals (a
 * row is a KPI's actual, target and threshold, which read best alike). A number written with its
 * own format (42%, $1,050.00, a date) keeps it. Years and codes are left as they are: "2,024" or
 * "4,010" would be read as amounts.
 */
import type { CellValue } from "../../model/snapshot";
import { isDateFormat } from "../../model/numberFormat";

/** The rows and their own formats, as the CSV reader gives them (CsvSheet). */
export interface CsvCells {
  readonly rows: readonly (readonly CellValue[])[];
  readonly formats: readonly (readonly (string | null)[])[];
}

export interface CsvLook {
  /** The format of a number written without one, by its row and column from 0; null for General. */
  readonly plainFormat: (row: number, col: number) => string | null;
  /** Each column's width in characters, from A; undefined keeps Excel's default. */
  readonly columnWidths: readonly (number | undefined)[];
}

export const WHOLE_NUMBERS = "#,##0";
export const DECIMALS = "#,##0.00";

/** The narrowest and widest a column is made: Excel's default, and a width that still prints. */
export const MIN_WIDTH = 8.43;
export const MAX_WIDTH = 50;

/** Headers of columns whose whole numbers are not amounts: a year, a period, a code or an id. */
const NOT_AN_AMOUNT =
  /^(.*\b)?(year|yr|fy|fiscal year|period|month|quarter|week|code|id|account|acct|zip|post ?code|postal code|phone)\b/i;

/** Whether every whole number of a column could be a year. */
const yearLike = (n: number): boolean => n >= 1900 && n <= 2199;

/** Characters a number shows in a format, about as Excel draws it (the width's measure). */
export function shownLength(value: number, format: string | null): number {
  if (format === null) {
    // General: up to 11 characters, then Excel shows it in scientific notation.
    return Math.min(String(value).length, 11);
  }
  const section = format.split(";")[0] ?? "";
  if (isDateFormat(format)) return section.replace(/\[[^\]]*\]|["\\]/g, "").length;
  const literal = section
    .replace(/\[\$([^\]-]*)[^\]]*\]/g, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, " ")
    .replace(/[0#?,.%Ee+-]/g, "").length;
  const percent = section.includes("%");
  const shown = Math.abs(percent ? value * 100 : value);
  const decimals = /\.([0#?]+)/.exec(section)?.[1]?.length ?? 0;
  const whole = Math.max(1, Math.floor(Math.log10(Math.max(1, Math.round(shown)))) + 1);
  const grouped = /[0#?],[0#?]/.test(section) ? Math.floor((whole - 1) / 3) : 0;
  return whole + grouped + (decimals ? decimals + 1 : 0) + (percent ? 1 : 0) + literal + (value < 0 ? 1 : 0);
}

/** Characters a text shows: its longest line. */
const textLength = (text: string): number =>
  text.includes("\n") ? Math.max(...text.split("\n").map((l) => l.length)) : text.length;

/** Each plain number's format and each column's width, from two passes over the export's cells. */
export function csvLook(csv: CsvCells): CsvLook {
  const header = csv.rows[0] ?? [];
  /** Per column: whether it holds a number written plainly, and one that is not a whole year. */
  const plain: { notYear: boolean }[] = [];
  csv.rows.forEach((row, r) => {
    const formats = csv.formats[r];
    row.forEach((value, c) => {
      if (typeof value !== "number" || (formats?.[c] ?? null) !== null) return;
      const seen = (plain[c] ??= { notYear: false });
      if (!Number.isInteger(value) || !yearLike(value)) seen.notYear = true;
    });
  });
  const amounts = Array.from(plain, (seen, c) => {
    const name = header[c];
    return seen !== undefined && seen.notYear && !(typeof name === "string" && NOT_AN_AMOUNT.test(name));
  });
  // The rows with a plain amount that has decimals, one bit each (a million rows: 1 MB).
  const decimals = new Uint8Array(csv.rows.length);
  csv.rows.forEach((row, r) => {
    const formats = csv.formats[r];
    decimals[r] = row.some(
      (v, c) =>
        typeof v === "number" && amounts[c] && (formats?.[c] ?? null) === null && !Number.isInteger(v),
    )
      ? 1
      : 0;
  });
  const plainFormat = (row: number, col: number): string | null =>
    amounts[col] ? (decimals[row] ? DECIMALS : WHOLE_NUMBERS) : null;

  const longest: number[] = [];
  csv.rows.forEach((row, r) => {
    const formats = csv.formats[r];
    row.forEach((value, c) => {
      const length =
        typeof value === "number"
          ? shownLength(value, formats?.[c] ?? plainFormat(r, c))
          : typeof value === "string"
            ? textLength(value)
            : typeof value === "boolean"
              ? 5
              : value !== null && "date" in value
                ? 10
                : 0;
      if (length > (longest[c] ?? 0)) longest[c] = length;
    });
  });
  // Two characters of margin; a column that fits Excel's default keeps it.
  const columnWidths = Array.from(longest, (n = 0) =>
    n + 2 <= MIN_WIDTH ? undefined : Math.min(MAX_WIDTH, n + 2),
  );
  return { plainFormat, columnWidths };
}
