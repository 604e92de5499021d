/**
 * A header as the sheet shows it: a month header stored as a date ("46023") reads "Jan-26" in
 * the column pickers, as on the sheet. The picker's value stays the header's text, which is what
 * the mapping stores; only the words shown change.
 */
import { formatByCell } from "../../app/numberFormat";
import type { DetectedTable } from "../../model/detect";
import { cellAt, formatAt, isDateCell, type WorkbookSnapshot } from "../../model/snapshot";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Excel's day 0 in the 1900 date system, as the serials after 1 March 1900 count it. */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Whether a number format shows a date: a y, m or d outside quotes and brackets. */
export const isDateFormat = (code: string | null): boolean =>
  code !== null && /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));

/**
 * A date serial in a date format's words: years, month names and numbers, days; other
 * characters as written. "mmm-yy" → "Jan-26"; without a format, "2026-01-01".
 */
export function formatDateSerial(serial: number, code: string | null): string {
  const date = new Date(EPOCH + Math.round(serial) * DAY);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const two = (n: number) => String(n).padStart(2, "0");
  if (!code || !isDateFormat(code)) return `${y}-${two(m + 1)}-${two(d)}`;
  const tokens: Record<string, string> = {
    yyyy: String(y),
    yy: two(y % 100),
    mmmm: MONTH_NAMES[m] ?? "",
    mmm: MONTHS[m] ?? "",
    mm: two(m + 1),
    m: String(m + 1),
    dd: two(d),
    d: String(d),
  };
  return code
    .replace(/\[[^\]]*\]|;.*$/g, "")
    .replace(
      /"([^"]*)"|\\(.)|yyyy|yy|mmmm|mmm|mm|m|dd|d/gi,
      (token, quoted?: string, escaped?: string) => quoted ?? escaped ?? tokens[token.toLowerCase()] ?? token,
    );
}

/** A table's header cell as the sheet displays it. */
export function headerLabel(
  snapshot: WorkbookSnapshot,
  table: DetectedTable,
  col: number,
  text: string,
): string {
  const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
  if (!sheet) return text;
  const value = cellAt(sheet, table.headerRow, col);
  const code = formatAt(sheet, table.headerRow, col);
  if (isDateCell(value)) return formatDateSerial(value.date, code);
  if (typeof value === "number")
    return isDateFormat(code) ? formatDateSerial(value, code) : formatByCell(value, code);
  return text;
}
