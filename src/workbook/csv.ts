import type { CellValue } from "../model/snapshot";

/**
 * A CSV export read as a sheet's cells. Exports come from everywhere: the delimiter (comma,
 * semicolon, tab or pipe) is the one that splits the first lines most consistently. Numbers
 * become numbers and keep how they were written as the cell's number format ("42%" → 0.42 shown
 * 0%, "$1,050.50" → 1050.5 shown $#,##0.00); everything else stays text for the reader to
 * interpret (periods, polarity words), as it would in a sheet.
 *
 * The decimal separator, point or comma, is read from the number itself where it can only be
 * one ("1,050.5", "1.050,5", "1 050,5", "1050,5", "0,447", "1,234,567"). A number that reads
 * either way ("1,050", "1.050": a thousands separator or three decimals) follows the numbers of
 * its column that settle it, else those of the whole file; when neither settles it, it is read as
 * its delimiter's convention writes numbers (a decimal point beside a comma, tab or pipe, a
 * decimal comma beside a semicolon) and a warning names the cell.
 */
export interface CsvSheet {
  readonly rows: CellValue[][];
  /** Number formats parallel to `rows`: null for General (text, and numbers written plainly). */
  readonly formats: (string | null)[][];
  readonly delimiter: string;
  /** The file's decimal separator is the comma (settled by its numbers, or by the delimiter). */
  readonly decimalComma: boolean;
  /** Numbers that read either way and that nothing in the file settled, one per column. */
  readonly ambiguities: readonly CsvAmbiguity[];
}

/** "1,050" read with its separator as a thousands separator or a decimal one, chosen by default. */
export interface CsvAmbiguity {
  /** 1-based row and column of the first such number in its column. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** How many more numbers of the column read either way. */
  readonly more: number;
  readonly readAs: number;
  readonly otherReading: number;
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Splits CSV text into records of fields, with RFC 4180 quoting ("" inside quotes is a quote). */
function records(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The delimiter giving the same number (more than one) of fields on most of the first lines. */
function detectDelimiter(text: string): string {
  const sample = text.split(/\r?\n/).slice(0, 20).join("\n");
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    const widths = records(sample, delimiter)
      .filter((r) => r.some((f) => f !== ""))
      .map((r) => r.length);
    const counts = new Map<number, number>();
    for (const w of widths) if (w > 1) counts.set(w, (counts.get(w) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

type Convention = "point" | "comma";

/** A number as written: its value under each reading, and what its text says of the convention. */
interface WrittenNumber {
  /** The convention the text alone shows; null when it shows none ("1050") or either ("1,050"). */
  readonly shows: Convention | null;
  /** Read with the decimal point, and with the decimal comma (equal unless ambiguous). */
  readonly byPoint: Written;
  readonly byComma: Written;
  readonly ambiguous: boolean;
}

interface Written {
  readonly value: number;
  readonly format: string | null;
}

const CURRENCY = "[$€£¥₹]";
const PREFIX_CURRENCY = new RegExp(`^(${CURRENCY})\\s?`);
const SUFFIX_CURRENCY = new RegExp(`(\\s?)(${CURRENCY})$`);
/** Spaces that group thousands: the space, the no-break space and the narrow no-break space. */
const SPACE_GROUP = "[ \u00a0\u202f]";
/** Digits in groups of three after a first group of one to three, then maybe a decimal part. */
const GROUPED = new RegExp(
  `^\\d{1,3}((?:,\\d{3})+|(?:\\.\\d{3})+|(?:${SPACE_GROUP}\\d{3})+|(?:'\\d{3})+)([.,]\\d+)?$`,
);
const EXPONENT = /^(\d+\.?\d*|\.\d+)[eE][-+]?\d+$/;

/** A number format showing `decimals` decimals, thousands grouped or not, with its extras. */
function formatCode(
  number: { grouped: boolean; decimals: number },
  extras: { percent: boolean; currency: string | null; suffix: boolean; spaced: boolean; brackets: boolean },
): string | null {
  if (!extras.percent && !extras.currency && !number.grouped && !extras.brackets) return null;
  const places = extras.percent || extras.currency || number.grouped ? number.decimals : 0;
  let code = `${number.grouped ? "#,##0" : "0"}${places > 0 ? `.${"0".repeat(places)}` : ""}`;
  if (extras.percent) code += "%";
  if (extras.currency) {
    // "$" shows as it is; other symbols are quoted so that every Excel reads them as text.
    const symbol = extras.currency === "$" ? "$" : `"${extras.currency}"`;
    const space = extras.spaced ? " " : "";
    code = extras.suffix ? `${code}${space}${symbol}` : `${symbol}${space}${code}`;
  }
  return extras.brackets ? `${code};(${code})` : code;
}

/** Reads a field as a number written by hand or by an export; null when it is not one. */
function writtenNumber(field: string): WrittenNumber | null {
  let s = field.trim();
  if (!/\d/.test(s)) return null;
  const brackets = /^\(.*\)$/.test(s);
  if (brackets) s = s.slice(1, -1).trim();
  let negative = false;
  const sign = () => {
    const m = /^([-+−])\s?/.exec(s);
    if (!m) return;
    negative = negative || m[1] !== "+";
    s = s.slice(m[0].length);
  };
  sign();
  let currency: string | null = null;
  let suffix = false;
  let spaced = false;
  const prefix = PREFIX_CURRENCY.exec(s);
  if (prefix) {
    currency = prefix[1] as string;
    spaced = prefix[0].length > 1;
    s = s.slice(prefix[0].length);
    sign();
  }
  let percent = false;
  if (/\s?%$/.test(s)) {
    percent = true;
    s = s.replace(/\s?%$/, "");
  }
  const trailing = currency ? null : SUFFIX_CURRENCY.exec(s);
  if (trailing) {
    currency = trailing[2] as string;
    suffix = true;
    spaced = trailing[1] !== "";
    s = s.slice(0, -trailing[0].length);
  }
  if ((brackets && negative) || (percent && currency)) return null;
  const extras = { percent, currency, suffix, spaced, brackets };
  const make = (digits: string, grouped: boolean, decimals: number): Written | null => {
    const n = Number(digits);
    if (!Number.isFinite(n)) return null;
    const signed = negative || brackets ? -n : n;
    // Dividing keeps "95%" exactly equal to 0.95, as the reader of text numbers does.
    return { value: percent ? signed / 100 : signed, format: formatCode({ grouped, decimals }, extras) };
  };
  const same = (shows: Convention | null, w: Written | null): WrittenNumber | null =>
    w && { shows, byPoint: w, byComma: w, ambiguous: false };

  if (/^\d+$/.test(s)) return same(null, make(s, false, 0));
  if (EXPONENT.test(s)) return same("point", make(s, false, 0));
  const single = /^(\d*)([.,])(\d+)$/.exec(s);
  if (single) {
    const [, whole, separator, part] = single as unknown as [string, string, string, string];
    const decimal = make(`${whole || "0"}.${part}`, false, part.length);
    // "1,050": a first group of one to three digits (not starting with 0) and three more.
    if (part.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
      const grouping = make(`${whole}${part}`, true, 0);
      if (!decimal || !grouping) return null;
      return separator === "."
        ? { shows: null, byPoint: decimal, byComma: grouping, ambiguous: true }
        : { shows: null, byPoint: grouping, byComma: decimal, ambiguous: true };
    }
    return same(separator === "." ? "point" : "comma", decimal);
  }
  const grouped = GROUPED.exec(s);
  if (grouped) {
    const groups = grouped[1] as string;
    const groupMark = groups[0] as string;
    const decimalPart = grouped[2];
    const decimalMark = decimalPart?.[0];
    if (decimalMark === groupMark) return null;
    const digits = s.slice(0, s.length - (decimalPart?.length ?? 0)).replace(/\D/g, "");
    const written = make(
      `${digits}${decimalPart ? `.${decimalPart.slice(1)}` : ""}`,
      true,
      decimalPart ? decimalPart.length - 1 : 0,
    );
    const shows: Convention | null = decimalMark
      ? decimalMark === "."
        ? "point"
        : "comma"
      : groupMark === ","
        ? "point"
        : groupMark === "."
          ? "comma"
          : null;
    return same(shows, written);
  }
  return null;
}

/** The one convention the numbers show, or null when they show none or both. */
function settled(numbers: Iterable<WrittenNumber>): Convention | null {
  let point = false;
  let comma = false;
  for (const n of numbers) {
    if (n.shows === "point") point = true;
    if (n.shows === "comma") comma = true;
  }
  return point === comma ? null : point ? "point" : "comma";
}

export function parseCsv(raw: string): CsvSheet {
  const text = raw.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const fields = records(text, delimiter);
  const numbers = fields.map((r) => r.map(writtenNumber));
  const width = Math.max(0, ...fields.map((r) => r.length));
  const column = (c: number) => numbers.map((r) => r[c]).filter((n): n is WrittenNumber => !!n);
  const fileConvention = settled(numbers.flat().filter((n): n is WrittenNumber => !!n));
  // A semicolon is the delimiter of exports where the comma is the decimal separator.
  const delimiterConvention: Convention = delimiter === ";" ? "comma" : "point";
  const columnConventions = Array.from({ length: width }, (_, c) => settled(column(c)));

  const ambiguities: CsvAmbiguity[] = [];
  const rows: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  fields.forEach((r, i) => {
    const values: CellValue[] = [];
    const codes: (string | null)[] = [];
    r.forEach((f, c) => {
      const n = numbers[i]?.[c];
      if (!n) {
        values.push(f.trim() === "" ? null : f);
        codes.push(null);
        return;
      }
      const convention = columnConventions[c] ?? fileConvention ?? delimiterConvention;
      const read = convention === "point" ? n.byPoint : n.byComma;
      if (n.ambiguous && !columnConventions[c] && !fileConvention) {
        const other = convention === "point" ? n.byComma : n.byPoint;
        const earlier = ambiguities.findIndex((a) => a.col === c + 1);
        if (earlier < 0)
          ambiguities.push({
            row: i + 1,
            col: c + 1,
            text: f.trim(),
            more: 0,
            readAs: read.value,
            otherReading: other.value,
          });
        else {
          const first = ambiguities[earlier] as CsvAmbiguity;
          ambiguities[earlier] = { ...first, more: first.more + 1 };
        }
      }
      values.push(read.value);
      codes.push(read.format);
    });
    rows.push(values);
    formats.push(codes);
  });
  const decimalComma = (fileConvention ?? delimiterConvention) === "comma";
  return { rows, formats, delimiter, decimalComma, ambiguities };
}

/** Characters Excel does not allow in a sheet's name. */
const NOT_IN_SHEET_NAMES = /[\\/?*[\]:]/g;

/** The sheet a CSV export's rows go to: named after the file, within Excel's 31 characters. */
export function csvSheetName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]*$/, "")
    .replace(NOT_IN_SHEET_NAMES, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return base === "" || base.toLowerCase() === "history" ? "Data" : base;
}
