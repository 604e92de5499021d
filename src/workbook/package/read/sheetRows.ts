import { continuesName, startsName, xmlCharacterData } from "../../ooxml/xmlScanner";

/**
 * The rows of <sheetData> read straight from the bytes, for the forms Excel, LibreOffice, Google
 * Sheets and ExcelJS write: <row> of <c> holding <f>, <v> and <is><t>. A sheet of 100,000 rows is
 * millions of tags; read as general XML events, each made an attribute object and strings a cell
 * does not need.
 *
 * It reads a row whole before anything of it is used, and gives up on a row that holds anything
 * else (a prefix, a comment, rich text, a phonetic guide, an extension, a malformed tag): the
 * general scanner then reads that row and what follows, so a row is read one way or the other,
 * never half, and what the general scanner refuses is still refused with its reason. Text is
 * decoded by the scanner's own rules (entities, line ends), so both ways give the same strings.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const AMP = 0x26;
const CR = 0x0d;
const BRACKET = 0x5d;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;

/** The cells of one row, in file order, as the sheet reader takes them. */
export class ParsedRow {
  /** The row's r, 0 when it has none. */
  number = 0;
  styleId = 0;
  count = 0;
  /** Each cell's column from its r, 0 when it has none (the column after the previous cell). */
  readonly columns: number[] = [];
  readonly types: (string | undefined)[] = [];
  readonly styleIds: number[] = [];
  readonly values: (string | undefined)[] = [];
  /**
   * A value read as a number straight from its bytes, NaN when it was not (then `values` holds
   * its text): a sheet of numbers is a million strings made only to be parsed.
   */
  readonly numbers: number[] = [];
  /** Whether the cell's <f> holds text: a formula's text is never read, only that it is there. */
  readonly hasFormula: boolean[] = [];
  /** The t of its <f> ("shared", "array"): a shared formula's other cells have no text. */
  readonly shareTypes: (string | undefined)[] = [];
}

const enum Numeric {
  No,
  /** A number: parseFloat of its text. */
  Float,
  /** A shared string's index: parseInt of its text. */
  Index,
}

/** The largest count of digits whose integer a double holds exactly (10^15 < 2^53). */
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * bytes[start, end) as a number when they are of the plain form -?(0|[1-9][0-9]*)(.[0-9]+)? with
 * at most 15 digits (an index: digits alone), else NaN. Its digits m and k decimals give m / 10^k,
 * both exact in a double, and one division of exact doubles is correctly rounded: the number
 * parseFloat (and parseInt, for an index) reads from the same text, which is how it is read
 * otherwise. The form has no leading zero, so the text is the number's own (an error names it).
 */
export function plainNumber(bytes: Uint8Array, start: number, end: number, index: boolean): number {
  let p = start;
  const negative = bytes[p] === 0x2d && !index;
  if (negative) p++;
  if (p === end || end - p > EXACT_DIGITS + 1) return NaN;
  if (bytes[p] === 0x30 && p + 1 < end && bytes[p + 1] !== 0x2e) return NaN;
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (; p < end; p++) {
    const b = bytes[p] as number;
    if (isDigit(b)) {
      m = m * 10 + (b - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (b === 0x2e && decimals < 0 && !index && digits > 0 && p + 1 < end) decimals = 0;
    else return NaN;
  }
  if (digits > EXACT_DIGITS) return NaN;
  const n = decimals > 0 ? m / (POWERS_OF_TEN[decimals] as number) : m;
  return negative ? -n : n;
}

/** The values of the cell types Excel writes, made once. */
const CELL_TYPES = ["s", "str", "n", "b", "e", "d", "inlineStr"];

const enum Attribute {
  R,
  S,
  T,
  Other,
}

/** One tag's attributes as byte ranges into the part; a tag of more than this many is left to the general scanner. */
const MAX_ATTRIBUTES = 16;

export class SheetRowReader {
  private readonly nameStarts = new Int32Array(MAX_ATTRIBUTES);
  private readonly nameEnds = new Int32Array(MAX_ATTRIBUTES);
  /** After a tag is read: its r, s and t values' ranges (start -1 when absent), and where it ended. */
  private readonly valueStart = new Int32Array(3);
  private readonly valueEnd = new Int32Array(3);
  private tagEnd = 0;
  private selfClosing = false;

  constructor(
    private readonly bytes: Uint8Array,
    readonly row: ParsedRow = new ParsedRow(),
  ) {}

  /**
   * Reads the <row> at `at` into `row`; the offset after it, or -1 when the row is not of the
   * plain forms (nothing of it is then taken).
   */
  readRow(at: number): number {
    const { bytes, row } = this;
    if (!this.isTag(at, "row") || !this.readTag(at + 4)) return -1;
    const number = this.digits(Attribute.R, 0);
    const styleId = this.digits(Attribute.S, 0);
    // Row 0 and rows past Excel's last are the general reader's to refuse.
    if (
      number < 0 ||
      number > 1_048_576 ||
      (number === 0 && this.valueStart[Attribute.R] >= 0) ||
      styleId < 0
    )
      return -1;
    row.number = number;
    row.styleId = styleId;
    row.count = 0;
    if (this.selfClosing) return this.tagEnd;
    let p = this.tagEnd;
    for (;;) {
      p = this.skipSpace(p);
      if (bytes[p] !== LT) return -1;
      if (this.isClose(p, "row")) return p + 6;
      p = this.readCell(p);
      if (p < 0) return -1;
    }
  }

  private readCell(at: number): number {
    const { bytes, row } = this;
    if (!this.isTag(at, "c") || !this.readTag(at + 2)) return -1;
    const column = this.column();
    const styleId = this.digits(Attribute.S, 0);
    if (column < 0 || styleId < 0) return -1;
    const i = row.count;
    row.columns[i] = column;
    row.styleIds[i] = styleId;
    const type = this.cellType();
    row.types[i] = type;
    // Only a number's or a shared string index's <v> is read as a number: other types keep text.
    const numeric =
      type === undefined || type === "n" ? Numeric.Float : type === "s" ? Numeric.Index : Numeric.No;
    let value: string | undefined;
    let number = NaN;
    /** Where the <v> read as `number` starts, should its text be needed after all. */
    let numberAt = 0;
    let hasFormula = false;
    let shareType: string | undefined;
    let p = this.tagEnd;
    if (!this.selfClosing) {
      for (;;) {
        p = this.skipSpace(p);
        if (bytes[p] !== LT) return -1;
        if (this.isClose(p, "c")) {
          p += 4;
          break;
        }
        if (this.isTag(p, "v")) {
          if (value === undefined && number !== number && numeric !== Numeric.No) {
            number = this.numberElement(p, numeric === Numeric.Index);
            if (number === number) {
              numberAt = p;
              p = this.tagEnd;
              continue;
            }
          }
          const text = this.textElement(p, "v", 2);
          if (text === null) return -1;
          if (text !== "") {
            value = (value ?? this.numberText(number, numberAt)) + text;
            number = NaN;
          }
          p = this.tagEnd;
        } else if (this.isTag(p, "f")) {
          if (!this.readTag(p + 2)) return -1;
          const t = this.valueStart[Attribute.T] as number;
          shareType = t < 0 ? undefined : this.attributeText(Attribute.T);
          if (this.selfClosing) p = this.tagEnd;
          else {
            const close = bytes.indexOf(LT, this.tagEnd);
            if (close < 0 || !this.isClose(close, "f")) return -1;
            if (close > this.tagEnd) {
              // Decoded only to be checked as the general scanner checks it: its text is not kept.
              if (this.needsDecoding(this.tagEnd, close, false))
                xmlCharacterData(bytes, this.tagEnd, close, false);
              hasFormula = true;
            }
            p = close + 4;
          }
        } else if (this.isTag(p, "is")) {
          if (!this.readTag(p + 3)) return -1;
          if (this.selfClosing) {
            p = this.tagEnd;
            continue;
          }
          p = this.skipSpace(this.tagEnd);
          if (this.isTag(p, "t")) {
            const text = this.textElement(p, "t", 2);
            if (text === null) return -1;
            if (text !== "") {
              value = (value ?? this.numberText(number, numberAt)) + text;
              number = NaN;
            }
            p = this.skipSpace(this.tagEnd);
          }
          if (!this.isClose(p, "is")) return -1;
          p += 5;
        } else return -1;
      }
    } else p = this.tagEnd;
    row.values[i] = value;
    row.numbers[i] = number;
    row.hasFormula[i] = hasFormula;
    row.shareTypes[i] = shareType;
    row.count = i + 1;
    return p;
  }

  /**
   * <v …>number</v> at `at` when its text is a number of the plain form parseFloat reads exactly
   * (see plainNumber), `this.tagEnd` set after it; NaN, and nothing taken, when it is not.
   */
  private numberElement(at: number, index: boolean): number {
    if (!this.readTag(at + 2) || this.selfClosing) return NaN;
    const { bytes } = this;
    const start = this.tagEnd;
    const close = bytes.indexOf(LT, start);
    if (close < 0 || !this.isClose(close, "v")) return NaN;
    const n = plainNumber(bytes, start, close, index);
    if (n === n) this.tagEnd = close + 4;
    return n;
  }

  /** The text of the <v> at `at` that was read as `number`, or "" when none was. */
  private numberText(number: number, at: number): string {
    if (number !== number) return "";
    const after = this.tagEnd;
    const text = this.textElement(at, "v", 2) as string;
    this.tagEnd = after;
    return text;
  }

  /** <name …>text</name> at `at`: its text, or null when it is not that plain form. `this.tagEnd` is set after it. */
  private textElement(at: number, name: string, nameEnd: number): string | null {
    if (!this.readTag(at + nameEnd)) return null;
    if (this.selfClosing) return "";
    const { bytes } = this;
    const start = this.tagEnd;
    const close = bytes.indexOf(LT, start);
    if (close < 0 || !this.isClose(close, name)) return null;
    this.tagEnd = close + name.length + 3;
    return close === start ? "" : xmlCharacterData(bytes, start, close, false);
  }

  private skipSpace(p: number): number {
    const { bytes } = this;
    while (isSpace(bytes[p] as number)) p++;
    return p;
  }

  /** `<name` at `at`, followed by what ends a name. */
  private isTag(at: number, name: string): boolean {
    const { bytes } = this;
    if (bytes[at] !== LT) return false;
    for (let i = 0; i < name.length; i++) if (bytes[at + 1 + i] !== name.charCodeAt(i)) return false;
    const after = bytes[at + 1 + name.length] as number;
    return isSpace(after) || after === GT || after === SLASH;
  }

  /** `</name>` at `at`. */
  private isClose(at: number, name: string): boolean {
    const { bytes } = this;
    if (bytes[at] !== LT || bytes[at + 1] !== SLASH) return false;
    for (let i = 0; i < name.length; i++) if (bytes[at + 2 + i] !== name.charCodeAt(i)) return false;
    return bytes[at + 2 + name.length] === GT;
  }

  /**
   * The attributes of the tag whose name ends at `at`, up to its ">" or "/>": false when any is
   * not of the plain form (a well-formed name, `="…"` or `='…'`, none twice).
   */
  private readTag(at: number): boolean {
    const { bytes, nameStarts, nameEnds, valueStart, valueEnd } = this;
    valueStart[0] = valueStart[1] = valueStart[2] = -1;
    let count = 0;
    let p = at;
    for (;;) {
      const before = p;
      let b = bytes[p] as number;
      while (isSpace(b)) b = bytes[++p] as number;
      if (b === GT) {
        this.tagEnd = p + 1;
        this.selfClosing = false;
        return true;
      }
      if (b === SLASH) {
        if (bytes[p + 1] !== GT) return false;
        this.tagEnd = p + 2;
        this.selfClosing = true;
        return true;
      }
      if (p === before || p >= bytes.length || !startsName(b) || count === MAX_ATTRIBUTES) return false;
      const nameStart = p;
      do b = bytes[++p] as number;
      while (continuesName(b));
      const nameEnd = p;
      for (let k = 0; k < count; k++) {
        if (this.sameBytes(nameStarts[k] as number, nameEnds[k] as number, nameStart, nameEnd)) return false;
      }
      nameStarts[count] = nameStart;
      nameEnds[count] = nameEnd;
      count++;
      while (isSpace(b)) b = bytes[++p] as number;
      if (b !== EQUALS) return false;
      b = bytes[++p] as number;
      while (isSpace(b)) b = bytes[++p] as number;
      if (b !== QUOTE && b !== APOSTROPHE) return false;
      const quote = b;
      const valueFrom = p + 1;
      // One pass to the closing quote; a value the general scanner would refuse or change
      // ("<", references, line ends, tabs) is left to it.
      for (b = bytes[++p] as number; b !== quote; b = bytes[++p] as number) {
        if (b === LT || b === AMP || b === CR || b === 0x0a || b === 0x09 || p >= bytes.length) return false;
      }
      const known = nameEnd - nameStart === 1 ? bytes[nameStart] : 0;
      const slot =
        known === 0x72 ? Attribute.R : known === 0x73 ? Attribute.S : known === 0x74 ? Attribute.T : -1;
      if (slot >= 0) {
        valueStart[slot] = valueFrom;
        valueEnd[slot] = p;
      }
      p++;
    }
  }

  private sameBytes(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
    if (aEnd - aStart !== bEnd - bStart) return false;
    for (let i = 0; i < aEnd - aStart; i++)
      if (this.bytes[aStart + i] !== this.bytes[bStart + i]) return false;
    return true;
  }

  /** Whether the scanner's rules would change these bytes: a reference, a line end, "]]>", tabs and line feeds in a value. */
  private needsDecoding(start: number, end: number, attribute: boolean): boolean {
    const { bytes } = this;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b === AMP || b === CR || b === BRACKET || (attribute && (b === 0x0a || b === 0x09))) return true;
    }
    return false;
  }

  /** An attribute of plain decimal digits as a number; `absent` when it is not there, -1 when it is not plain digits. */
  private digits(slot: Attribute, absent: number): number {
    const start = this.valueStart[slot] as number;
    if (start < 0) return absent;
    const end = this.valueEnd[slot] as number;
    if (end === start || end - start > 9) return -1;
    let n = 0;
    for (let i = start; i < end; i++) {
      const b = this.bytes[i] as number;
      if (!isDigit(b)) return -1;
      n = n * 10 + (b - 0x30);
    }
    return n;
  }

  /** A cell's column from its r ("AB12"), 0 without r, -1 when the general reader must judge it. */
  private column(): number {
    const start = this.valueStart[Attribute.R] as number;
    if (start < 0) return 0;
    const end = this.valueEnd[Attribute.R] as number;
    let col = 0;
    let i = start;
    for (; i < end && i - start < 3; i++) {
      const code = (this.bytes[i] as number) | 0x20;
      if (code < 97 || code > 122) break;
      col = col * 26 + (code - 96);
    }
    const next = this.bytes[i] as number;
    return col >= 1 && col <= 16_384 && (i === end || isDigit(next)) ? col : -1;
  }

  private cellType(): string | undefined {
    const start = this.valueStart[Attribute.T] as number;
    if (start < 0) return undefined;
    return this.attributeText(Attribute.T);
  }

  private attributeText(slot: Attribute): string {
    const start = this.valueStart[slot] as number;
    const end = this.valueEnd[slot] as number;
    for (const known of CELL_TYPES) {
      if (known.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < known.length && same; i++) same = this.bytes[start + i] === known.charCodeAt(i);
      if (same) return known;
    }
    return xmlCharacterData(this.bytes, start, end, true);
  }
}
