import { isDateFormat } from "../../../model/numberFormat";
import { parseXmlPart } from "./xml";

/**
 * Of styles.xml the snapshot needs one thing: each cell style's number format, as the file writes
 * it (the code Office.js gives for the same cell), which also decides whether a number is a date
 * by the rule every adapter follows (model/numberFormat.ts). Which style has which format follows
 * ExcelJS's rules, so that the snapshot the command line reads from a file is the one it read
 * before this reader existed.
 */

/** The built-in formats ExcelJS names; ids it leaves out (5-8, the locale-dependent 27-36 and 50-81) have none. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export interface CellStyleFormat {
  /** The number format code, or null for General and for a style without one. */
  readonly format: string | null;
  readonly isDate: boolean;
}

const NO_FORMAT: CellStyleFormat = { format: null, isDate: false };

export class NumberFormats {
  static readonly none = new NumberFormats([]);

  private constructor(private readonly byStyle: readonly CellStyleFormat[]) {}

  /**
   * The format of style index `s` as ExcelJS gives it: style 0 (and a missing or unparsable s)
   * has no format even when the first cell style names one, and General is no format.
   */
  of(styleId: number): CellStyleFormat {
    if (!styleId) return NO_FORMAT;
    return this.byStyle[styleId] ?? NO_FORMAT;
  }

  /**
   * Whether every style of `earlier` has the same format here, styles added after them aside: a
   * refresh only appends styles (its own cells' and rules'), so a sheet read with `earlier` reads
   * the same with these.
   */
  keeps(earlier: NumberFormats): boolean {
    if (earlier === this) return true;
    if (earlier.byStyle.length > this.byStyle.length) return false;
    return earlier.byStyle.every((f, i) => {
      const now = this.byStyle[i] as CellStyleFormat;
      return now.format === f.format && now.isDate === f.isDate;
    });
  }

  static parse(part: string, bytes: Uint8Array): NumberFormats {
    const custom = new Map<number, string>();
    const formatIds: number[] = [];
    let depth = 0;
    let section = "";
    parseXmlPart(
      part,
      bytes,
      {
        open(name, attributes) {
          depth++;
          if (depth === 2) section = name;
          else if (depth === 3 && section === "numFmts" && name === "numFmt") {
            const code = attributes.formatCode;
            // Kept as written (ExcelJS drops every escaping backslash): 0.0\d is a number with a
            // literal "d", where 0.0d would be a date.
            if (code !== undefined) custom.set(parseInt(attributes.numFmtId ?? "", 10), code);
          } else if (depth === 3 && section === "cellXfs" && name === "xf") {
            formatIds.push(parseInt(attributes.numFmtId ?? "", 10));
          }
        },
        close() {
          depth--;
          if (depth === 1) section = "";
        },
        text() {},
      },
      "part",
    );
    return new NumberFormats(
      formatIds.map((id) => {
        if (!id) return NO_FORMAT;
        const format = custom.get(id) || BUILT_IN_FORMATS[id] || null;
        return format === null ? NO_FORMAT : { format, isDate: isDateFormat(format) };
      }),
    );
  }
}
