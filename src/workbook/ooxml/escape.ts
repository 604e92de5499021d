/**
 * Every string the product writes into a package goes through one of these escapers, chosen by
 * where it lands: a cell's or shared string's text, an attribute value, text in other markup
 * (DrawingML shapes, chart titles, formulas). Names and text come from the user's cells, so they
 * may hold anything: characters XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF, unpaired
 * surrogates), markup characters, text longer than a cell holds.
 *
 * - Spreadsheet text (ST_Xstring: <t>, chart caches): an XML-invalid character is written as
 *   spreadsheets write it, _xHHHH_, and a literal _xHHHH_ escaped in turn (_x005F_xHHHH_) so it
 *   reads back as typed; text is cut at Excel's 32,767 characters.
 * - Attributes and other markup text, where no such convention exists: an XML-invalid character
 *   is left out; tabs and line ends in an attribute are written as character references, which a
 *   parser keeps (a raw one reads back as a space).
 *
 * Each loss (a cut, a character left out) is told to the WriteNotes given, naming where.
 */

/** Excel's limit on the characters of one cell, and of any text the product writes. */
export const MAX_TEXT_CHARS = 32767;

/** What a write lost on the way, in sentences naming where: reported to the user as notes. */
export class WriteNotes {
  private readonly seen = new Set<string>();
  readonly notes: string[] = [];

  add(note: string): void {
    if (this.seen.has(note)) return;
    this.seen.add(note);
    this.notes.push(note);
  }
}

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold, and unpaired surrogates
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The characters that make a text need escaping in each context: markup, what XML cannot hold
 * (any surrogate, paired or not, sends the text the slow way, which keeps the paired ones), and
 * "_" in spreadsheet text (a literal _xHHHH_), quotes and white space in an attribute.
 */
// eslint-disable-next-line no-control-regex -- controls are what these look for
const NEEDS_MARKUP_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- controls are what these look for
const NEEDS_SPREADSHEET_ESCAPE = /[&<>_\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- controls are what these look for
const NEEDS_ATTRIBUTE_ESCAPE = /[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

const hex4 = (c: string): string => c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase();

const markup = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Where a text is written, for a note: a sentence's subject, or a function making it (a cell's
 * address is made only for the rare text that needs a note, not for every cell written).
 */
export type Where = string | (() => string);

const named = (where: Where): string => (typeof where === "string" ? where : where());

/** Text cut at the limit, never through a surrogate pair; the cut is noted. */
function cut(text: string, where: Where, notes: WriteNotes | undefined): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  let end = MAX_TEXT_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  notes?.add(
    `${named(where)} held ${text.length.toLocaleString("en-US")} characters, more than the ${MAX_TEXT_CHARS.toLocaleString("en-US")} a cell holds: it was cut to that length.`,
  );
  return text.slice(0, end);
}

/** The text without the characters XML cannot hold; their leaving out is noted. */
function withoutNonXml(text: string, where: Where, notes: WriteNotes | undefined): string {
  NOT_XML.lastIndex = 0;
  if (!NOT_XML.test(text)) return text;
  const dropped = new Set<string>();
  const kept = text.replace(NOT_XML, (c) => {
    dropped.add(`U+${hex4(c)}`);
    return "";
  });
  notes?.add(
    `${named(where)} held ${[...dropped].slice(0, 5).join(", ")}${dropped.size > 5 ? " …" : ""}, which a workbook cannot hold there: left out.`,
  );
  return kept;
}

/**
 * A cell's, shared string's or chart cache's text (ST_Xstring), for inside <t> or <c:v>: cut at
 * 32,767 characters, XML-escaped, XML-invalid characters as _xHHHH_ (an unpaired surrogate, which
 * no encoding can carry, as U+FFFD).
 */
export function spreadsheetText(text: string, where: Where = "A text", notes?: WriteNotes): string {
  // Most texts (names, labels, numbers as text) need nothing: one test instead of five passes.
  if (text.length <= MAX_TEXT_CHARS && !NEEDS_SPREADSHEET_ESCAPE.test(text)) return text;
  return markup(cut(text, where, notes))
    .replace(/_(x[0-9a-f]{4}_)/gi, "_x005F_$1")
    .replace(NOT_XML, (c) => (c >= "\ud800" && c <= "\udfff" ? "\ufffd" : `_x${hex4(c)}_`));
}

/** Text inside markup that has no _xHHHH_ convention (DrawingML text, a formula, a header): cut and cleaned. */
export function markupText(text: string, where: Where = "A text", notes?: WriteNotes): string {
  if (text.length <= MAX_TEXT_CHARS && !NEEDS_MARKUP_ESCAPE.test(text)) return text;
  return markup(withoutNonXml(cut(text, where, notes), where, notes));
}

/** An attribute value, for inside double quotes; tabs and line ends kept as character references. */
export function attributeText(text: string, where: Where = "A name", notes?: WriteNotes): string {
  if (text.length <= MAX_TEXT_CHARS && !NEEDS_ATTRIBUTE_ESCAPE.test(text)) return text;
  return markup(withoutNonXml(cut(text, where, notes), where, notes))
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
