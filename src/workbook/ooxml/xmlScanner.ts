export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlVisitor {
  /**
   * `name` is the local name: some writers prefix SpreadsheetML elements (`x:c`).
   * `contentStart`: where the element's content begins in the part's bytes, given by the UTF-8
   * scanner (not for a self-closing element, nor by saxes). A visitor that reads the first part
   * of the content itself returns where it stopped, at the start of a tag inside the element;
   * the parse goes on from there. `tagStart`: where its open tag's "<" stands (UTF-8 scanner only).
   */
  open(name: string, attributes: XmlAttributes, contentStart?: number, tagStart?: number): number | void;
  /** `after`: where the element's close tag ends, from the UTF-8 scanner; the visitor may read on from there as from `contentStart`. */
  close(name: string, after?: number): number | void;
  /** Character data, in as many pieces as the parser likes. */
  text(text: string): void;
}

/**
 * A hand-written XML scanner over UTF-8 bytes, for the parts of a workbook: a sheet of 100,000
 * rows is millions of tags, and a general parser (saxes) spent most of a refresh's time on them.
 * It reads what parts hold — elements, attributes, text, the five entities and character
 * references, CDATA, comments and processing instructions — and refuses what is not well-formed
 * with the reason. DTDs are refused by the caller's rule (no workbook part has one).
 *
 * It works on the bytes and decodes only names, values and text, so no string of the whole part is
 * made. It gives the same events as saxes (xmlns off): qualified attribute names, attribute values with
 * white space normalised, text with line ends normalised, names reduced to their local part by
 * the caller. test/package/xmlScanner.test.ts compares the two on generated documents.
 */

/** Why a part is not well-formed, or declares a DTD. */
export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
  constructor(
    message: string,
    readonly doctype = false,
  ) {
    super(message);
  }
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;
const BRACKET = 0x5d;

export const isXmlSpace = (b: number): boolean => b === SPACE || b === LF || b === TAB || b === CR;

/** Bytes that end a name: white space, "/", ">", "=", and the markup characters. */
const endsName = (b: number): boolean =>
  b === SPACE || b === LF || b === TAB || b === CR || b === SLASH || b === GT || b === EQUALS || b === LT;

/** A name's first byte: a letter, "_", ":" or any non-ASCII byte (a letter of another script). */
export const startsName = (b: number): boolean =>
  (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || b === COLON || b >= 0x80;

const utf8 = new TextDecoder("utf-8");

/**
 * The text of bytes[start, end): short ASCII runs (most names and values) built directly,
 * anything else through TextDecoder. A byte that is not UTF-8 reads as U+FFFD, as it did through
 * saxes: a part written in Latin-1 loses its accents but not its numbers.
 */
function decode(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let s = "";
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= 0x80) return utf8.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return utf8.decode(bytes.subarray(start, end));
}

/** A byte a name may hold after its first: a letter, a digit, "-", ".", "_", ":" or non-ASCII. */
export const continuesName = (b: number): boolean =>
  startsName(b) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e;

function checkedName(bytes: Uint8Array, start: number, end: number): string {
  if (end === start || !startsName(bytes[start] as number)) throw new XmlSyntaxError("a tag has no name");
  for (let i = start + 1; i < end; i++) {
    if (!continuesName(bytes[i] as number)) {
      throw new XmlSyntaxError(`the name "${decode(bytes, start, end)}" holds a character names cannot`);
    }
  }
  return decode(bytes, start, end);
}

/**
 * Names repeat millions of times in a sheet ("c", "v", "row"): each distinct short one is checked
 * and made once.
 */
class NameCache {
  private readonly byKey = new Map<number, string>();
  /** One-letter names ("c", "v", "f", "t", "r": most of a sheet's tags) by their byte. */
  private readonly oneLetter: (string | undefined)[] = [];
  get(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length === 1) {
      const b = bytes[start] as number;
      return (this.oneLetter[b] ??= checkedName(bytes, start, end));
    }
    if (length > 6) return checkedName(bytes, start, end);
    let key = length;
    for (let i = start; i < end; i++) key = key * 256 + (bytes[i] as number);
    let name = this.byKey.get(key);
    if (name === undefined) {
      name = checkedName(bytes, start, end);
      this.byKey.set(key, name);
    }
    return name;
  }
}

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** The character a reference (the text between "&" and ";") stands for. */
function reference(name: string): string {
  const named = ENTITIES.get(name);
  if (named !== undefined) return named;
  const code = /^#x[0-9a-fA-F]+$/.test(name)
    ? parseInt(name.slice(2), 16)
    : /^#[0-9]+$/.test(name)
      ? parseInt(name.slice(1), 10)
      : NaN;
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  if (allowed) return String.fromCodePoint(code);
  throw new XmlSyntaxError(
    name.startsWith("#")
      ? `"&${name};" is not a character XML allows`
      : `"&${name};" is an undefined entity: without a DTD only &lt; &gt; &amp; &quot; &apos; are`,
  );
}

/**
 * Text or an attribute value with its references replaced and its line ends normalised (CR LF
 * and lone CR become LF); in an attribute value every white space character becomes a space.
 */
export function xmlCharacterData(bytes: Uint8Array, start: number, end: number, attribute: boolean): string {
  // Most values and texts of a sheet are short and plain ("A12", "3", "1234.5"): built in one pass.
  if (end - start <= 24) {
    let s = "";
    let i = start;
    for (; i < end; i++) {
      const b = bytes[i] as number;
      if (
        b >= 0x80 ||
        b === AMP ||
        b === CR ||
        b === LT ||
        b === BRACKET ||
        (attribute && (b === LF || b === TAB))
      )
        break;
      s += String.fromCharCode(b);
    }
    if (i === end) return s;
  }
  let plain = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b === AMP || b === CR || b === LT || b === BRACKET || (attribute && (b === LF || b === TAB))) {
      plain = false;
      break;
    }
  }
  if (plain) return decode(bytes, start, end);
  let out = "";
  let from = start;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b === LT) throw new XmlSyntaxError('an attribute value holds "<"');
    if (b === BRACKET && !attribute && bytes[i + 1] === BRACKET && bytes[i + 2] === GT && i + 2 < end) {
      throw new XmlSyntaxError('text holds "]]>", which only ends a CDATA section');
    }
    if (b === AMP) {
      const semi = bytes.indexOf(SEMICOLON, i + 1);
      if (semi < 0 || semi > end || semi - i > 12) throw new XmlSyntaxError('an "&" starts no reference');
      out += decode(bytes, from, i) + reference(decode(bytes, i + 1, semi));
      i = semi;
      from = semi + 1;
    } else if (b === CR) {
      out += decode(bytes, from, i) + (attribute ? " " : "\n");
      if (bytes[i + 1] === LF) i++;
      from = i + 1;
    } else if (attribute && (b === LF || b === TAB)) {
      out += `${decode(bytes, from, i)} `;
      from = i + 1;
    }
  }
  return out + decode(bytes, from, end);
}

/** The XML declaration's grammar: a version, then perhaps an encoding and a standalone flag. */
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;

/**
 * A processing instruction at bytes[start, end): its target is a name, and one named "xml" is the
 * XML declaration, which stands first in the part and follows its grammar; any other PI is passed
 * over. (A damaged declaration is what a changed byte in a part's first line makes.)
 */
function checkProcessingInstruction(bytes: Uint8Array, start: number, end: number, first: boolean): void {
  let nameEnd = start + 2;
  while (nameEnd < end - 2 && continuesName(bytes[nameEnd] as number)) nameEnd++;
  if (nameEnd === start + 2 || !startsName(bytes[start + 2] as number))
    throw new XmlSyntaxError("a processing instruction has no target name");
  const target = decode(bytes, start + 2, nameEnd);
  if (target.toLowerCase() !== "xml") return;
  if (!first) throw new XmlSyntaxError("the XML declaration does not stand at the start of the part");
  if (!XML_DECLARATION.test(decode(bytes, start, end)))
    throw new XmlSyntaxError("the XML declaration is malformed");
}

/** Scans a whole part, giving its elements and text to the visitor in document order. */
export function scanXml(bytes: Uint8Array, visitor: XmlVisitor): void {
  const names = new NameCache();
  const open: string[] = [];
  let rootSeen = false;
  const length = bytes.length;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let at = start;

  const expectAt = (text: string, where: number): boolean => {
    for (let i = 0; i < text.length; i++) if (bytes[where + i] !== text.charCodeAt(i)) return false;
    return true;
  };
  const find = (text: string, from: number, what: string): number => {
    const first = text.charCodeAt(0);
    for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
      if (expectAt(text, i)) return i;
    }
    throw new XmlSyntaxError(`${what} is not closed`);
  };

  while (at < length) {
    const lt = bytes.indexOf(LT, at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at) {
      if (open.length === 0) {
        for (let i = at; i < textEnd; i++) {
          if (!isXmlSpace(bytes[i] as number))
            throw new XmlSyntaxError("text stands outside the root element");
        }
      } else visitor.text(xmlCharacterData(bytes, at, textEnd, false));
    }
    if (lt < 0) break;
    const next = bytes[lt + 1];

    if (next === SLASH) {
      let end = lt + 2;
      while (end < length && !endsName(bytes[end] as number)) end++;
      const name = names.get(bytes, lt + 2, end);
      while (end < length && isXmlSpace(bytes[end] as number)) end++;
      if (bytes[end] !== GT) throw new XmlSyntaxError(`the closing tag of <${name}> is not ended by ">"`);
      const expected = open.pop();
      if (expected !== name) {
        throw new XmlSyntaxError(
          expected === undefined ? `</${name}> closes no element` : `</${name}> closes <${expected}>`,
        );
      }
      const readTo = visitor.close(name, end + 1);
      at = typeof readTo === "number" && readTo > end + 1 ? readTo : end + 1;
      continue;
    }

    if (next === QUESTION) {
      const end = find("?>", lt + 2, "a processing instruction") + 2;
      checkProcessingInstruction(bytes, lt, end, lt === start);
      at = end;
      continue;
    }

    if (next === BANG) {
      if (expectAt("<!--", lt)) {
        at = find("-->", lt + 4, "a comment") + 3;
      } else if (expectAt("<![CDATA[", lt)) {
        if (open.length === 0) throw new XmlSyntaxError("a CDATA section stands outside the root element");
        const end = find("]]>", lt + 9, "a CDATA section");
        const text = decode(bytes, lt + 9, end).replace(/\r\n?/g, "\n");
        if (text !== "") visitor.text(text);
        at = end + 3;
      } else if (expectAt("<!DOCTYPE", lt)) {
        throw new XmlSyntaxError("it declares a DTD", true);
      } else throw new XmlSyntaxError('"<!" begins nothing XML knows');
      continue;
    }

    // An opening tag: its name, its attributes, and "/>" or ">".
    if (!startsName(next ?? 0)) throw new XmlSyntaxError('"<" is followed by no name');
    if (open.length === 0 && rootSeen) throw new XmlSyntaxError("a second root element follows the first");
    let end = lt + 1;
    while (end < length && !endsName(bytes[end] as number)) end++;
    const name = names.get(bytes, lt + 1, end);
    const attributes: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      const before = end;
      while (end < length && isXmlSpace(bytes[end] as number)) end++;
      const b = bytes[end];
      if (b === GT) {
        end++;
        break;
      }
      if (b === SLASH) {
        if (bytes[end + 1] !== GT) throw new XmlSyntaxError(`<${name}> has "/" not followed by ">"`);
        selfClosing = true;
        end += 2;
        break;
      }
      if (b === undefined) throw new XmlSyntaxError(`<${name}> is not ended`);
      if (end === before || !startsName(b)) throw new XmlSyntaxError(`<${name}> has a malformed attribute`);
      const nameStart = end;
      while (end < length && !endsName(bytes[end] as number)) end++;
      const attribute = names.get(bytes, nameStart, end);
      while (end < length && isXmlSpace(bytes[end] as number)) end++;
      if (bytes[end] !== EQUALS)
        throw new XmlSyntaxError(`the attribute ${attribute} of <${name}> has no value`);
      end++;
      while (end < length && isXmlSpace(bytes[end] as number)) end++;
      const quote = bytes[end];
      if (quote !== QUOTE && quote !== APOSTROPHE) {
        throw new XmlSyntaxError(`the attribute ${attribute} of <${name}> is not quoted`);
      }
      const close = bytes.indexOf(quote, end + 1);
      if (close < 0) throw new XmlSyntaxError(`the attribute ${attribute} of <${name}> is not closed`);
      if (Object.prototype.hasOwnProperty.call(attributes, attribute)) {
        throw new XmlSyntaxError(`<${name}> has the attribute ${attribute} twice`);
      }
      attributes[attribute] = xmlCharacterData(bytes, end + 1, close, true);
      end = close + 1;
    }
    rootSeen = true;
    // The visitor may read on itself from the element's content, or from after a self-closed one.
    let readTo = visitor.open(name, attributes as XmlAttributes, selfClosing ? undefined : end, lt);
    if (selfClosing) readTo = visitor.close(name, end);
    else open.push(name);
    at = typeof readTo === "number" && readTo > end ? readTo : end;
  }
  if (open.length > 0) throw new XmlSyntaxError(`<${open[open.length - 1] as string}> is not closed`);
  if (!rootSeen) throw new XmlSyntaxError("it has no root element");
}
