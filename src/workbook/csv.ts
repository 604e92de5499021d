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

/** How many distinct texts are kept once each; past it, texts are kept as they come. */
const MAX_INTERNED_TEXTS = 100_000;

/** Excel's sheet is 1,048,576 rows by 16,384 columns: a CSV beyond it cannot become one. */
export const MAX_CSV_ROWS = 1_048_576;
export const MAX_CSV_COLUMNS = 16_384;

/** A CSV that cannot become a sheet (more rows or columns than a sheet has): exit 2, one sentence. */
export class CsvLimitError extends Error {
  override readonly name = "CsvLimitError";
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A record of CSV text: its fields, and where the next record begins. */
interface CsvRecord {
  readonly fields: string[];
  readonly next: number;
}

/** Where the field (or a quoted field's tail) from `at` ends: its delimiter, its line end, or the text's end. */
function fieldEnd(text: string, at: number, separator: number): number {
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === separator || c === CR || c === LF) break;
    end++;
  }
  return end;
}

/**
 * The record of CSV text that begins at `at`, with RFC 4180 quoting ("" inside quotes is a quote).
 * Each field is one slice of the text (or, quoted, a few), so the time is linear in its length.
 * `final`: the text is the whole rest of the file. Otherwise the text is what has been read so far,
 * and a record it ends inside (a field, a quote, a CR that may be a CR LF) is null: it is read
 * again, whole, once more text has come.
 */
function recordAt(
  text: string,
  at: number,
  separator: number,
  final: boolean,
  strayQuote?: () => void,
): CsvRecord | null {
  const length = text.length;
  const row: string[] = [];
  for (;;) {
    let field: string;
    if (text.charCodeAt(at) === QUOTE) {
      field = "";
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0 || (quote === length - 1 && !final)) {
          if (!final) return null;
          // An unclosed quote runs to the end of the text, as spreadsheets read it.
          field += text.slice(from);
          at = length;
          break;
        }
        field += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          field += '"';
          from = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as before.
      const end = fieldEnd(text, at, separator);
      if (end >= length && !final) return null;
      if (strayQuote && end > at) strayQuote();
      field += text.slice(at, end);
      at = end;
    } else {
      const end = fieldEnd(text, at, separator);
      if (end >= length && !final) return null;
      field = text.slice(at, end);
      if (strayQuote && field.includes('"')) strayQuote();
      at = end;
    }
    row.push(field);
    if (at >= length) break;
    const c = text.charCodeAt(at);
    if (c === separator) {
      at++;
      // A delimiter at the very end still ends a field: the row has one more, empty.
      if (at >= length) {
        if (!final) return null;
        row.push("");
        break;
      }
      continue;
    }
    // A line end: CR LF, CR or LF.
    if (c === CR && at + 1 >= length && !final) return null;
    at += c === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
    break;
  }
  return { fields: row, next: at };
}

/** The records of the whole of a CSV text, one at a time: no array of every record is made. */
function* records(text: string, delimiter: string, strayQuote?: () => void): Generator<string[]> {
  const separator = delimiter.charCodeAt(0);
  for (let at = 0; at < text.length;) {
    const record = recordAt(text, at, separator, true, strayQuote) as CsvRecord;
    at = record.next;
    yield record.fields;
  }
}

/** The text up to the end of its `lines`-th line: the sample the delimiter is chosen from. */
function firstLines(text: string, lines: number): string {
  let at = 0;
  for (let n = 0; n < lines && at >= 0; n++) {
    at = text.indexOf("\n", at);
    if (at >= 0) at++;
  }
  return at < 0 ? text : text.slice(0, at);
}

/**
 * The delimiter giving the same number (more than one) of fields on most of the first lines; among
 * equals, the one that splits no quoted field (a quote left in the middle of a field: `0<TAB>"; "`
 * cut at its semicolon).
 */
function detectDelimiter(text: string): string {
  const sample = firstLines(text, 20);
  let best = { delimiter: ",", score: 0, stray: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    let stray = 0;
    for (const r of records(sample, delimiter, () => stray++)) {
      if (r.length > 1 && r.some((f) => f !== "")) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    }
    let score = 0;
    for (const count of counts.values()) score = Math.max(score, count);
    if (score > best.score || (score === best.score && score > 0 && stray < best.stray))
      best = { delimiter, score, stray };
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
  extras: {
    percent: boolean;
    currency: string | null;
    suffix: boolean;
    spaced: boolean;
    brackets: boolean;
    trailingMinus: boolean;
  },
): string | null {
  const shown = extras.percent || extras.currency || number.grouped || extras.trailingMinus;
  if (!shown && !extras.brackets) return null;
  const places = shown ? number.decimals : 0;
  let code = `${number.grouped ? "#,##0" : "0"}${places > 0 ? `.${"0".repeat(places)}` : ""}`;
  if (extras.percent) code += "%";
  if (extras.currency) {
    // "$" shows as it is; other symbols are quoted so that every Excel reads them as text.
    const symbol = extras.currency === "$" ? "$" : `"${extras.currency}"`;
    const space = extras.spaced ? " " : "";
    code = extras.suffix ? `${code}${space}${symbol}` : `${symbol}${space}${code}`;
  }
  // A negative shown as it was written: in brackets, or with its minus after it ("12,000.00-").
  if (extras.brackets) return `${code};(${code})`;
  return extras.trailingMinus ? `${code};${code}-` : code;
}

/** What a number may start with besides a digit: a bracket, a sign, a currency, a separator. */
const NUMBER_STARTS = "(-+−$€£¥₹.,";
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * The commonest number of an export, digits with or without a decimal point ("1250", "97.35"),
 * read without the general reading's regular expressions and closures (six million cells at a
 * million rows); undefined for anything else, "1.050" included (it reads either way).
 */
function plainNumber(s: string): WrittenNumber | null | undefined {
  const length = s.length;
  let point = -1;
  for (let i = 0; i < length; i++) {
    const code = s.charCodeAt(i);
    if (isDigit(code)) continue;
    if (code !== 0x2e || point >= 0 || i === 0 || i === length - 1) return undefined;
    point = i;
  }
  if (length === 0) return undefined;
  // "1.050": three decimals after one to three digits not starting with 0 read either way.
  if (point >= 0 && length - point - 1 === 3 && point <= 3 && s.charCodeAt(0) !== 0x30) return undefined;
  const value = Number(s);
  // Digits past a double's range are text, as the general reading has them.
  if (!Number.isFinite(value)) return null;
  const written: Written = { value, format: null };
  return { shows: point >= 0 ? "point" : null, byPoint: written, byComma: written, ambiguous: false };
}

/** Reads a field as a number written by hand or by an export; null when it is not one. */
function writtenNumber(field: string): WrittenNumber | null {
  let s = field.trim();
  const plainRead = plainNumber(s);
  if (plainRead !== undefined) return plainRead;
  // Most fields of an export are words or plain numbers: a word is known by its first character
  // alone, and a number with a digit at each end has no sign, bracket, currency or percent to read.
  const first = s.charCodeAt(0);
  if (!isDigit(first) && !NUMBER_STARTS.includes(s.charAt(0))) return null;
  const plain = isDigit(first) && isDigit(s.charCodeAt(s.length - 1));
  if (!plain && !/\d/.test(s)) return null;
  const brackets = !plain && /^\(.*\)$/.test(s);
  if (brackets) s = s.slice(1, -1).trim();
  let negative = false;
  let trailingMinus = false;
  const sign = () => {
    const m = /^([-+−])\s?/.exec(s);
    if (!m) return;
    negative = negative || m[1] !== "+";
    s = s.slice(m[0].length);
  };
  let currency: string | null = null;
  let suffix = false;
  let spaced = false;
  let percent = false;
  if (!plain) {
    // A trailing minus, as SAP and other ERP exports write a negative amount ("12.000,00-").
    const minus = /^(.*\d)\s?[-−]$/.exec(s);
    if (minus) {
      s = minus[1] as string;
      if (/^[-+−(]/.test(s)) return null;
      negative = true;
      trailingMinus = true;
    }
    sign();
    const prefix = PREFIX_CURRENCY.exec(s);
    if (prefix) {
      currency = prefix[1] as string;
      spaced = prefix[0].length > 1;
      s = s.slice(prefix[0].length);
      sign();
    }
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
  }
  if ((brackets && negative) || (percent && currency)) return null;
  const extras = { percent, currency, suffix, spaced, brackets, trailingMinus };
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

/** The formats of a row whose cells are all General: read as null, like a missing one. */
const GENERAL_ROW: (string | null)[] = [];

/** What the numbers of one column (or of the whole file) show of the decimal convention. */
class ConventionSeen {
  private point = false;
  private comma = false;

  see(n: WrittenNumber): void {
    if (n.shows === "point") this.point = true;
    if (n.shows === "comma") this.comma = true;
  }

  /** The one convention shown, or null when none or both are. */
  get settled(): Convention | null {
    return this.point === this.comma ? null : this.point ? "point" : "comma";
  }
}

/** A number that reads either way, kept in its cell until the whole file has said which way. */
interface Undecided {
  readonly undecided: WrittenNumber;
  readonly text: string;
}

/** Lines read before the delimiter is chosen from them. */
const SAMPLE_LINES = 20;

/**
 * Reads a CSV export given a piece of text at a time (`push`, then `end`), in one pass holding no
 * more of the text than the record being read: a million rows cost their cells, not the file's
 * text as well. A number that reads either way ("1,050") waits in its cell for what the whole file
 * shows of the decimal convention, then is read as parseCsv always read it.
 */
export class CsvReader {
  /** Text read but not yet made into records: the first lines, then the record cut by a piece's end. */
  private pending = "";
  /** The pending text is parsed again only once it is this long (a long record is not re-read each piece). */
  private parseFrom = 0;
  private started = false;
  private lines = 0;
  private delimiter: string | null = null;
  private separator = 0;
  private readonly file = new ConventionSeen();
  private readonly byColumn: ConventionSeen[] = [];
  private readonly rows: CellValue[][] = [];
  private readonly formats: (string | null)[][] = [];
  /** The rows holding an Undecided number, in order. */
  private readonly undecidedRows: number[] = [];
  // A text repeated down a column (a period, a perspective, an owner) is kept once, not once a row.
  private readonly interned = new Map<string, string>();

  push(text: string): void {
    if (!this.started && text !== "") {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.pending += text;
    if (this.delimiter === null) {
      for (let at = text.indexOf("\n"); at >= 0 && this.lines < SAMPLE_LINES; at = text.indexOf("\n", at + 1))
        this.lines++;
      if (this.lines < SAMPLE_LINES) return;
      this.chooseDelimiter();
    }
    if (this.pending.length >= this.parseFrom) this.parse(false);
  }

  /** The sheet of everything pushed. */
  end(): CsvSheet {
    if (this.delimiter === null) this.chooseDelimiter();
    this.parse(true);
    return this.sheet();
  }

  private chooseDelimiter(): void {
    this.delimiter = detectDelimiter(this.pending);
    this.separator = this.delimiter.charCodeAt(0);
  }

  private parse(final: boolean): void {
    const text = this.pending;
    let at = 0;
    while (at < text.length) {
      const record = recordAt(text, at, this.separator, final);
      if (!record) break;
      at = record.next;
      this.add(record.fields);
    }
    this.pending = at === 0 ? text : text.slice(at);
    // A record longer than a piece waits until the text read has doubled: linear, not quadratic.
    this.parseFrom = this.pending.length * 2;
  }

  private intern(text: string): string {
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    if (this.interned.size < MAX_INTERNED_TEXTS) this.interned.set(text, text);
    return text;
  }

  private add(fields: string[]): void {
    const rowCount = this.rows.length + 1;
    if (rowCount > MAX_CSV_ROWS) {
      throw new CsvLimitError(
        `it has more than ${MAX_CSV_ROWS.toLocaleString("en-US")} rows, the most a sheet holds; split it into files of fewer rows`,
      );
    }
    if (fields.length > MAX_CSV_COLUMNS) {
      throw new CsvLimitError(
        `its row ${rowCount} has ${fields.length.toLocaleString("en-US")} fields, more than the ${MAX_CSV_COLUMNS.toLocaleString("en-US")} columns a sheet holds; is the delimiter right?`,
      );
    }
    // Sized once: an array grown by push keeps room for twice its cells, a million times over.
    const values: CellValue[] = new Array<CellValue>(fields.length);
    const codes: (string | null)[] = new Array<string | null>(fields.length);
    let formatted = false;
    let undecided = false;
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c] as string;
      const n = writtenNumber(f);
      codes[c] = null;
      if (!n) {
        values[c] = f.trim() === "" ? null : this.intern(f);
        continue;
      }
      this.file.see(n);
      (this.byColumn[c] ??= new ConventionSeen()).see(n);
      if (n.ambiguous) {
        values[c] = { undecided: n, text: f } as unknown as CellValue;
        undecided = true;
        continue;
      }
      values[c] = n.byPoint.value;
      codes[c] = n.byPoint.format;
      formatted ||= n.byPoint.format !== null;
    }
    if (undecided) this.undecidedRows.push(this.rows.length);
    this.rows.push(values);
    // A row of General cells (most of them) shares one empty array: a million rows of nulls is
    // a hundred megabytes for nothing.
    this.formats.push(formatted || undecided ? codes : GENERAL_ROW);
  }

  /** The rows with every number decided, by its column's convention, else the file's, else the delimiter's. */
  private sheet(): CsvSheet {
    const delimiter = this.delimiter as string;
    const fileConvention = this.file.settled;
    // A semicolon is the delimiter of exports where the comma is the decimal separator.
    const delimiterConvention: Convention = delimiter === ";" ? "comma" : "point";
    const ambiguities: CsvAmbiguity[] = [];
    /** Each column's ambiguity, by its index in `ambiguities`. */
    const ambiguityOf = new Map<number, number>();
    for (const i of this.undecidedRows) {
      const values = this.rows[i] as CellValue[];
      const codes = this.formats[i] as (string | null)[];
      for (let c = 0; c < values.length; c++) {
        const cell = values[c] as unknown as Undecided | CellValue;
        if (cell === null || typeof cell !== "object" || !("undecided" in cell)) continue;
        const n = cell.undecided;
        const columnConvention = this.byColumn[c]?.settled ?? null;
        const convention = columnConvention ?? fileConvention ?? delimiterConvention;
        const read = convention === "point" ? n.byPoint : n.byComma;
        if (!columnConvention && !fileConvention) {
          const other = convention === "point" ? n.byComma : n.byPoint;
          const earlier = ambiguityOf.get(c);
          if (earlier === undefined) {
            ambiguityOf.set(c, ambiguities.length);
            ambiguities.push({
              row: i + 1,
              col: c + 1,
              text: cell.text.trim(),
              more: 0,
              readAs: read.value,
              otherReading: other.value,
            });
          } else {
            const first = ambiguities[earlier] as CsvAmbiguity;
            ambiguities[earlier] = { ...first, more: first.more + 1 };
          }
        }
        values[c] = read.value;
        codes[c] = read.format;
      }
      if (!codes.some((code) => code !== null)) this.formats[i] = GENERAL_ROW;
    }
    const decimalComma = (fileConvention ?? delimiterConvention) === "comma";
    return { rows: this.rows, formats: this.formats, delimiter, decimalComma, ambiguities };
  }
}

/** Reads the whole of a CSV text (see CsvReader). */
export function parseCsv(raw: string): CsvSheet {
  const reader = new CsvReader();
  reader.push(raw);
  return reader.end();
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
