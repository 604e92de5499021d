import fc from "fast-check";
import { NumberFormats } from "../../src/workbook/package/read/numberFormats";
import { plainNumber } from "../../src/workbook/package/read/sheetRows";
import { propertyRuns } from "../helpers/runs";
import { readWorksheet, type SheetReading } from "../../src/workbook/package/read/worksheet";
import { parseWithSaxes, parseXmlPart, type XmlVisitor } from "../../src/workbook/package/read/xml";

/**
 * Rows of the plain forms are read straight from the bytes (read/sheetRows.ts); every other row
 * through the general XML events. Both must read any sheet alike: the same values and formats,
 * the same refusal with the same reason. The reference is the same reader without the shortcut
 * (the byte scanner's events only) and, for sheets saxes reads, saxes.
 */

const styles = new TextEncoder().encode(
  `<styleSheet><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
);
const STRINGS = ["Revenue", "Margin", "", "Cost & tax", "日本"];

function reading(parse: SheetReading["parse"]): SheetReading {
  return {
    part: "xl/worksheets/sheet1.xml",
    strings: STRINGS,
    numberFormats: NumberFormats.parse("xl/styles.xml", styles),
    date1904: false,
    cellBudget: { remaining: 1_000_000, limit: 1_000_000 },
    parse,
  };
}

/** The scanner's events without the positions that let the sheet reader take rows itself. */
const eventsOnly: SheetReading["parse"] = (part, bytes, visitor: XmlVisitor) =>
  parseXmlPart(part, bytes, {
    open: (name, attributes) => visitor.open(name, attributes),
    close: (name) => visitor.close(name),
    text: (text) => visitor.text(text),
  });

const outcome = (xml: string, parse?: SheetReading["parse"]) => {
  try {
    return { read: readWorksheet(new TextEncoder().encode(xml), reading(parse)) };
  } catch (e) {
    return { refused: (e as Error).message };
  }
};

const letters = (col: number): string =>
  col <= 26
    ? String.fromCharCode(64 + col)
    : letters(Math.floor((col - 1) / 26)) + letters(((col - 1) % 26) + 1);

const space = fc.constantFrom("", "", "", " ", "\n  ", "\r\n");

/** A value's text for a cell of this type that reads without error: a shared string's index, a number… */
const CLEAN_TEXTS: Readonly<Record<string, readonly string[]>> = {
  s: ["0", "1", "2", "3", "4"],
  // Numbers the row reader reads from their bytes, and those it leaves to parseFloat (too many
  // digits for an exact double, a leading zero, an exponent, a bare point).
  n: [
    "42",
    "3.5",
    "-1e3",
    "0",
    "46022.25",
    "-0",
    "1.50",
    "0.1",
    "123456789012345",
    "0.12345678901234",
    "1234567890123456",
    "9007199254740993",
    "0.30000000000000004",
    "007",
    "1.",
    ".5",
    "-",
  ],
  b: ["0", "1"],
  e: ["#N/A", "#DIV/0!"],
  d: ["2026-01-31", "2026-01-31T12:00:00Z"],
  str: ["Café", "a &amp; b", "&lt;x&gt;", "line\r\nend", "&#x41;", " ", "_x0041_", ""],
};
/** Anything, errors included: an unknown entity, "]]>" in text, a shared string the workbook lacks. */
const HOSTILE_TEXTS = [
  ...Object.values(CLEAN_TEXTS).flat(),
  "7",
  "07",
  "123456789012345",
  "bad &nope;",
  "a]]>b",
  "x",
];

/**
 * The parts of a sheet. Clean sheets are what spreadsheets write (they must read); odd ones
 * have what is legal but rare (two values in a cell, inline text in a cell of another type); hostile ones
 * add what damaged files hold (most are refused, and must be refused alike).
 */
type Mode = "clean" | "odd" | "hostile";

function sheetParts(mode: Mode) {
  const hostile = mode === "hostile";
  const odd = mode !== "clean";
  // A hostile sheet's damage is rare within it, so that each kind of damage is met alone.
  const pick = <T>(clean: readonly T[], bad: readonly T[]): fc.Arbitrary<T> =>
    hostile
      ? fc.oneof(
          { arbitrary: fc.constantFrom(...clean), weight: 12 },
          { arbitrary: fc.constantFrom(...bad), weight: 1 },
        )
      : fc.constantFrom(...clean);
  const type = pick<string | undefined>(
    [undefined, undefined, "s", "n", "str", "b", "e", "d", "inlineStr"],
    ["weird"],
  );
  const textFor = (t: string | undefined) =>
    pick(CLEAN_TEXTS[t ?? "n"] ?? CLEAN_TEXTS.str ?? [], HOSTILE_TEXTS);
  const child = (t: string | undefined) =>
    fc.oneof(
      {
        arbitrary: fc.record({ kind: fc.constant("v" as const), text: textFor(t), selfClosed: fc.boolean() }),
        weight: 3,
      },
      fc.record({
        kind: fc.constant("f" as const),
        text: fc.constantFrom("SUM(A1:A2)", "IF(A1&lt;2,&quot;x&quot;,1)", "", " "),
        shared: fc.boolean(),
        selfClosed: fc.boolean(),
      }),
      // Inline text in a cell of another type only in an odd sheet: a shared string's cell without its index is damaged.
      fc.record({
        kind: fc.constant(odd || t === "inlineStr" ? ("is" as const) : ("v" as const)),
        text: textFor(t === "inlineStr" ? "str" : t),
        rich: fc.boolean(),
        phonetic: fc.boolean(),
        selfClosed: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant("odd" as const),
        xml: pick(["<!-- note -->", "<extLst/>", "stray", ""], ["<v>"]),
      }),
    );
  const cell = type.chain((t) =>
    fc.record({
      ref: pick(["right", "right", "right", "none", "lower"], ["bad", "empty", "far"]),
      type: fc.constant(t),
      style: pick([undefined, undefined, "0", "1", "2"], ["x", ""]),
      extra: fc.option(pick(['cm="1"', 'vm="2"'], ['r="A1"', "t='s'"]), { freq: 4 }),
      // Two values in one cell are joined (a shared string index "40"): only in an odd sheet.
      children: odd
        ? fc.array(child(t), { maxLength: 3 })
        : fc.uniqueArray(child(t), { maxLength: 3, selector: (k) => k.kind }),
      selfClosed: fc.boolean(),
      space,
    }),
  );
  const row = fc.record({
    number: pick(["next", "next", "none", "same"], ["zero", "huge", "word"]),
    style: fc.option(pick(["1", "2"], ["q"]), { freq: 3 }),
    // A duplicate attribute only in a hostile sheet: it makes the tag malformed.
    extra: (hostile ? fc.array : fc.uniqueArray)(
      fc.tuple(
        fc.constantFrom("spans", "ht", "x14ac:dyDescent", "customHeight"),
        pick(["1", "0", "1:11", "0.25", "x &amp; y"], ["a\tb", "<", ""]),
      ),
      { maxLength: 2, selector: ([name]: [string, string]) => name },
    ),
    cells: fc.array(cell, { maxLength: 5 }),
    selfClosed: fc.boolean(),
    space,
  });
  return fc.array(row, { maxLength: 6 });
}

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
type RowShape = Of<ReturnType<typeof sheetParts>>[number];
type CellShape = RowShape["cells"][number];

function cellXml(c: CellShape, col: number): string {
  const ref = {
    right: ` r="${letters(col)}${0}"`,
    none: "",
    lower: ` r="${letters(col).toLowerCase()}1"`,
    bad: ` r="1${letters(col)}"`,
    empty: ` r=""`,
    far: ` r="XFE1"`,
  }[c.ref];
  const attributes =
    ref +
    (c.type === undefined ? "" : ` t="${c.type}"`) +
    (c.style === undefined ? "" : ` s="${c.style}"`) +
    (c.extra ? ` ${c.extra}` : "");
  if (c.selfClosed && c.children.length === 0) return `<c${attributes}/>`;
  const inner = c.children
    .map((k) => {
      switch (k.kind) {
        case "v":
          return k.selfClosed ? "<v/>" : `<v>${k.text}</v>`;
        case "f": {
          const t = k.shared ? ' t="shared" si="0"' : "";
          return k.selfClosed ? `<f${t}/>` : `<f${t}>${k.text}</f>`;
        }
        case "is":
          return k.rich
            ? `<is><r><rPr><b/></rPr><t>${k.text}</t></r><r><t xml:space="preserve"> more</t></r></is>`
            : `<is><t>${k.text}</t>${k.phonetic ? '<rPh sb="0" eb="1"><t>ア</t></rPh>' : ""}</is>`;
        default:
          return k.xml;
      }
    })
    .join(c.space);
  return `<c${attributes}>${c.space}${inner}${c.space}</c>`;
}

function sheetXml(rows: readonly RowShape[], prefixed: boolean): string {
  let previous = 0;
  const body = rows
    .map((r) => {
      const number = {
        next: previous + 1,
        none: null,
        same: previous || 1,
        zero: 0,
        huge: 1_048_577,
        word: "x",
      }[r.number];
      if (typeof number === "number" && number > 0 && number <= 1_048_576) previous = number;
      else if (number === null) previous++;
      const attributes =
        (number === null ? "" : ` r="${number}"`) +
        (r.style === null ? "" : ` s="${r.style}"`) +
        r.extra.map(([name, value]) => ` ${name}="${value}"`).join("");
      if (r.selfClosed && r.cells.length === 0) return `<row${attributes}/>`;
      const cells = r.cells.map((c, i) => cellXml(c, i + 1).replace(/r="([A-Za-z]+)0"/, `r="$1${previous}"`));
      return `<row${attributes}>${r.space}${cells.join(r.space)}</row>`;
    })
    .join("\n");
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="main" xmlns:x14ac="ac">` +
    `<dimension ref="A1"/><sheetData>${body}</sheetData><pageMargins/></worksheet>`;
  return prefixed ? xml.replace(/<(\/?)(?!\?|!)/g, "<$1x:").replace('xmlns="main"', 'xmlns:x="main"') : xml;
}

describe("rows read straight from the bytes", () => {
  it("read every sheet as the general events read it: the same cells, or the same refusal", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom<Mode>("clean", "odd", "hostile")
          .chain((mode) => fc.tuple(fc.constant(mode), sheetParts(mode), fc.boolean())),
        ([mode, rows, prefixed]) => {
          const xml = sheetXml(rows, prefixed && rows.length % 3 === 0);
          const fast = outcome(xml);
          expect(fast).toEqual(outcome(xml, eventsOnly));
          // saxes words its refusals its own way: where it reads the sheet, the cells are the same.
          const saxes = outcome(xml, parseWithSaxes);
          if ("read" in saxes) expect(fast).toEqual(saxes);
          else expect(fast).toHaveProperty("refused");
          // What spreadsheets write reads.
          if (mode === "clean") expect(fast).toHaveProperty("read");
        },
      ),
      { numRuns: propertyRuns(400) },
    );
  });

  it("read a plain row's cells: shared strings, numbers, dates by style, formulas' results, inline text", () => {
    const xml = sheetXml([], false).replace(
      "<sheetData></sheetData>",
      `<sheetData><row r="2" spans="1:6"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>3.5</v></c>` +
        `<c r="C2" s="2"><v>46022</v></c><c r="D2"><f>SUM(B2:B2)</f><v>3.5</v></c>` +
        `<c r="E2" t="inlineStr"><is><t>Cost &amp; tax</t></is></c><c r="F2" t="b"><v>1</v></c></row></sheetData>`,
    );
    const read = outcome(xml);
    expect(read).toEqual({
      read: {
        values: [[], [STRINGS[0], 3.5, { date: 46022 }, 3.5, "Cost & tax", true]],
        formats: [[], [null, "0.00", "mm-dd-yy", null, null, null]],
        tableRelationships: [],
      },
    });
    expect(outcome(xml, parseWithSaxes)).toEqual(read);
  });

  it("share a pattern of formats between rows, and never let a merge in one row change another's", () => {
    const row = (r: number, s = "") =>
      `<row r="${r}"${s}><c r="A${r}" s="1"><v>${r}</v></c><c r="B${r}" t="s"><v>0</v></c></row>`;
    const xml = sheetXml([], false)
      .replace(
        "<sheetData></sheetData>",
        `<sheetData>${row(1)}${row(2, ' s="2" customFormat="1"')}${row(3)}</sheetData>`,
      )
      .replace("<pageMargins/>", `<mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells><pageMargins/>`);
    const read = outcome(xml);
    expect(read).toEqual({
      read: {
        values: [
          [1, STRINGS[0]],
          [2, STRINGS[0], null],
          [3, STRINGS[0]],
        ],
        formats: [
          ["0.00", null],
          ["0.00", null, "mm-dd-yy"],
          ["0.00", null],
        ],
        tableRelationships: [],
      },
    });
    expect(outcome(xml, eventsOnly)).toEqual(read);
    // Rows 1 and 3 have the same formats: one array, read-only.
    const formats = (read as { read: { formats: unknown[] } }).read.formats;
    expect(formats[0]).toBe(formats[2]);
  });

  it("read a number from its bytes as parseFloat reads its text, or leave it to parseFloat", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    // Texts as spreadsheets write numbers: shortest round trip, fixed decimals, integers, and odd ones.
    const text = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc
        .tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 16 }))
        .map(([x, k]) => x.toFixed(k)),
      fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map(String),
      fc.stringMatching(/^-?[0-9]{0,17}(\.[0-9]{0,17})?$/),
    );
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        const n = plainNumber(bytes(t), 0, t.length, false);
        if (Number.isNaN(n)) return;
        read++;
        expect(n).toBe(parseFloat(t));
        // An index is digits alone, read as parseInt reads them, its text the number's own.
        const index = plainNumber(bytes(t), 0, t.length, true);
        if (!Number.isNaN(index)) expect(String(index)).toBe(t);
      }),
      { numRuns: propertyRuns(3000) },
    );
    // Most texts of the plain form are read from their bytes.
    expect(read).toBeGreaterThan(300);
    for (const odd of ["007", "1.", ".5", "-", "", "1e3", "+1", "1234567890123456", "0x10"])
      expect(plainNumber(bytes(odd), 0, odd.length, false)).toBeNaN();
    expect(plainNumber(bytes("-3"), 0, 2, true)).toBeNaN();
    expect(plainNumber(bytes("3.5"), 0, 3, true)).toBeNaN();
    expect(Object.is(plainNumber(bytes("-0"), 0, 2, false), -0)).toBe(true);
  });
});
