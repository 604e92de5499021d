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

/** What of a format code decides how many characters it draws a number in. */
interface Drawn {
  /** A date's characters, whatever the number; null for a number format. */
  readonly date: number | null;
  readonly literal: number;
  readonly percent: boolean;
  readonly decimals: number;
  readonly grouped: boolean;
}

/** Each format code read once: an export's million numbers share a handful of formats. */
const drawnBy = new Map<string, Drawn>();

function drawn(format: string): Drawn {
  let d = drawnBy.get(format);
  if (d) return d;
  const section = format.split(";")[0] ?? "";
  d = {
    date: isDateFormat(format) ? section.replace(/\[[^\]]*\]|["\\]/g, "").length : null,
    literal: section
      .replace(/\[\$([^\]-]*)[^\]]*\]/g, "$1")
      .replace(/\[[^\]]*\]/g, "")
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/_./g, " ")
      .replace(/[0#?,.%Ee+-]/g, "").length,
    percent: section.includes("%"),
    decimals: /\.([0#?]+)/.exec(section)?.[1]?.length ?? 0,
    grouped: /[0#?],[0#?]/.test(section),
  };
  // The codes come from the CSV reader's few shapes; a bound all the same.
  if (drawnBy.size >= 1000) drawnBy.clear();
  drawnBy.set(format, d);
  return d;
}

/** Characters a number shows in a format, about as Excel draws it (the width's measure). */
export function shownLength(value: number, format: string | null): number {
  // General: up to 11 characters, then Excel shows it in scientific notation.
  if (format === null) return Math.min(String(value).length, 11);
  const d = drawn(format);
  if (d.date !== null) return d.date;
  const shown = Math.abs(d.percent ? value * 100 : value);
  const whole = Math.max(1, Math.floor(Math.log10(Math.max(1, Math.round(shown)))) + 1);
  const grouped = d.grouped ? Math.floor((whole - 1) / 3) : 0;
  return (
    whole +
    grouped +
    (d.decimals ? d.decimals + 1 : 0) +
    (d.percent ? 1 : 0) +
    d.literal +
    (value < 0 ? 1 : 0)
  );
}

/** Characters a text shows: its longest line. */
const textLength = (text: string): number =>
  text.includes("\n") ? Math.max(...text.split("\n").map((l) => l.length)) : text.length;

/** Each plain number's format and each column's width, from two passes over the export's cells. */
export function csvLook(csv: CsvCells): CsvLook {
  const { rows } = csv;
  const header = rows[0] ?? [];
  /** Per column: whether it holds a number written plainly that is not a whole year (a year's: false). */
  const plain: boolean[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly CellValue[];
    const formats = csv.formats[r];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== "number" || (formats?.[c] ?? null) !== null) continue;
      if (!Number.isInteger(value) || !yearLike(value)) plain[c] = true;
      else plain[c] ??= false;
    }
  }
  const amounts = Array.from(plain, (notYear, c) => {
    const name = header[c];
    return notYear === true && !(typeof name === "string" && NOT_AN_AMOUNT.test(name));
  });
  // The rows with a plain amount that has decimals, one byte each (a million rows: 1 MB).
  const decimals = new Uint8Array(rows.length);
  const plainFormat = (row: number, col: number): string | null =>
    amounts[col] ? (decimals[row] ? DECIMALS : WHOLE_NUMBERS) : null;

  const longest: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly CellValue[];
    const formats = csv.formats[r];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (
        typeof value === "number" &&
        amounts[c] &&
        !Number.isInteger(value) &&
        (formats?.[c] ?? null) === null
      ) {
        decimals[r] = 1;
        break;
      }
    }
    for (let c = 0; c < row.length; c++) {
      const value = row[c] ?? null;
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
    }
  }
  // Two characters of margin; a column that fits Excel's default keeps it.
  const columnWidths = Array.from(longest, (n = 0) =>
    n + 2 <= MIN_WIDTH ? undefined : Math.min(MAX_WIDTH, n + 2),
  );
  return { plainFormat, columnWidths };
}
