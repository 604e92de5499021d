/**
 * Edits of an XML part as text: an element found by its tag and replaced, removed or inserted at
 * its place in the schema's order, every other byte of the part left as it was. Parts are never
 * parsed into a tree and written back, which would reorder attributes, drop unknown markup and
 * rewrite namespaces.
 */
import { attributeText, markupText, spreadsheetText } from "../ooxml/escape";

export class PackageXmlError extends Error {
  override readonly name = "PackageXmlError";
}

/** The escapers by context live in one module (src/workbook/ooxml/escape.ts); these are their old names. */
export const escapeXmlText = (text: string): string => markupText(text);

/**
 * A cell's text for a <t> element: XML-escaped, and the characters XML 1.0 cannot hold written as
 * spreadsheets write them (_xHHHH_), a literal _xHHHH_ escaped in turn so it reads back as typed.
 */
export const escapeCellText = (text: string): string => spreadsheetText(text);

export const escapeXmlAttribute = (text: string): string => attributeText(text);

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "amp") return "&";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    return String.fromCodePoint(
      lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10),
    );
  });
}

/** A found element: where it starts and ends in the text, and its text. */
export interface XmlSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The prefix (with its colon, or "") that the part's root element uses: most writers use the
 * default namespace, some write `<x:worksheet xmlns:x=…>`.
 */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`).exec(xml);
  if (!m) throw new PackageXmlError(`no <${localName}> element`);
  return m[1] ?? "";
}

const openTag = (qualified: string) => new RegExp(`<${qualified.replace(/[.:]/g, "\\$&")}(?=[\\s>/])`, "g");

/** Where the open tag at `start` ends (after its `>`), skipping quoted attribute values. */
function tagEnd(xml: string, start: number): { end: number; selfClosing: boolean } {
  let quote = "";
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return { end: i + 1, selfClosing: xml[i - 1] === "/" };
  }
  throw new PackageXmlError("an unclosed tag");
}

/**
 * Every element with this qualified name from `from` on, outermost only (an element of the same
 * name nested inside one found is part of it).
 */
export function findElements(xml: string, qualified: string, from = 0, to = xml.length): XmlSpan[] {
  const spans: XmlSpan[] = [];
  const open = openTag(qualified);
  const close = `</${qualified}>`;
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const { end: headEnd, selfClosing } = tagEnd(xml, m.index);
    let end = headEnd;
    if (!selfClosing) {
      // Same-named elements may nest (rare, but a <c> never holds a <c>): count depth.
      let depth = 1;
      let at = headEnd;
      while (depth > 0) {
        const nextClose = xml.indexOf(close, at);
        if (nextClose < 0) throw new PackageXmlError(`<${qualified}> is not closed`);
        open.lastIndex = at;
        const nested = open.exec(xml);
        if (nested && nested.index < nextClose) {
          const inner = tagEnd(xml, nested.index);
          if (!inner.selfClosing) depth++;
          at = inner.end;
        } else {
          depth--;
          at = nextClose + close.length;
        }
      }
      end = at;
    }
    spans.push({ start: m.index, end, text: xml.slice(m.index, end) });
    open.lastIndex = end;
  }
  return spans;
}

export const findElement = (xml: string, qualified: string, from = 0): XmlSpan | null =>
  findElements(xml, qualified, from)[0] ?? null;

/** An attribute's value in an element's text (its open tag), unescaped; null when absent. */
export function attribute(elementText: string, name: string): string | null {
  const head = elementText.slice(0, tagEnd(elementText, 0).end);
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(head);
  return m ? unescapeXml(m[2] ?? m[3] ?? "") : null;
}

/** The element's open tag with one attribute set (added at the end when absent). */
export function withAttribute(elementText: string, name: string, value: string): string {
  const { end } = tagEnd(elementText, 0);
  const head = elementText.slice(0, end);
  const rest = elementText.slice(end);
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const escaped = `"${escapeXmlAttribute(value)}"`;
  if (pattern.test(head)) return head.replace(pattern, (_, before: string) => `${before}${escaped}`) + rest;
  const closeAt = head.endsWith("/>") ? head.length - 2 : head.length - 1;
  return `${head.slice(0, closeAt)} ${name}=${escaped}${head.slice(closeAt)}${rest}`;
}

/** The text between an element's open and close tags ("" for a self-closing one). */
export function innerText(span: XmlSpan | string): string {
  const text = typeof span === "string" ? span : span.text;
  const { end, selfClosing } = tagEnd(text, 0);
  if (selfClosing) return "";
  return text.slice(end, text.lastIndexOf("</"));
}

/** Text with one span replaced. */
export const replaceSpan = (xml: string, span: XmlSpan, replacement: string): string =>
  xml.slice(0, span.start) + replacement + xml.slice(span.end);

/** The root element's direct children, in order: each one's local name and where it lies. */
export function* childElements(
  xml: string,
  root: string,
): Generator<{ name: string; start: number; end: number }> {
  const prefix = rootPrefix(xml, root);
  const rootSpan = findElement(xml, prefix + root);
  if (!rootSpan) throw new PackageXmlError(`no <${root}> element`);
  const { end: from, selfClosing } = tagEnd(xml, rootSpan.start);
  if (selfClosing) return;
  let at = from;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= rootSpan.end) return;
    if (xml.startsWith("<!--", lt)) {
      at = xml.indexOf("-->", lt) + 3;
      continue;
    }
    if (xml.startsWith("<?", lt)) {
      at = xml.indexOf("?>", lt) + 2;
      continue;
    }
    if (xml[lt + 1] === "/") return;
    const qualified = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 200))?.[1];
    if (!qualified) throw new PackageXmlError("an element without a name");
    const span = findElements(xml, qualified, lt)[0] as XmlSpan;
    const colon = qualified.indexOf(":");
    yield {
      name: colon < 0 || qualified.slice(0, colon + 1) !== prefix ? qualified : qualified.slice(colon + 1),
      start: lt,
      end: span.end,
    };
    at = span.end;
  }
}

/**
 * Inserts `addition` as a child of the root element, before the first direct child named in
 * `followers` (the elements the schema puts after it), or else before the root's close tag.
 * Elements of the same name nested deeper (a custom view's page setup) are not mistaken for it.
 */
export function insertBefore(
  xml: string,
  root: string,
  addition: string,
  followers: readonly string[],
): string {
  const prefix = rootPrefix(xml, root);
  const rootSpan = findElement(xml, prefix + root);
  if (!rootSpan) throw new PackageXmlError(`no <${root}> element`);
  const { end: rootHeadEnd, selfClosing } = tagEnd(xml, rootSpan.start);
  if (selfClosing) {
    const head = xml.slice(rootSpan.start, rootHeadEnd - 2);
    return `${xml.slice(0, rootSpan.start)}${head}>${addition}</${prefix}${root}>${xml.slice(rootHeadEnd)}`;
  }
  for (const child of childElements(xml, root)) {
    if (followers.includes(child.name)) return xml.slice(0, child.start) + addition + xml.slice(child.start);
  }
  const at = rootSpan.end - `</${prefix}${root}>`.length;
  return xml.slice(0, at) + addition + xml.slice(at);
}

/** CT_Worksheet's children from conditionalFormatting on, in the schema's order (ECMA-376 §18.3.1.99). */
const WORKSHEET_CHILDREN_FROM_CONDITIONAL_FORMATTING = [
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The children of a worksheet that the schema puts after `name`: where an insertion must stop. */
export function worksheetChildrenAfter(name: string): readonly string[] {
  const at = WORKSHEET_CHILDREN_FROM_CONDITIONAL_FORMATTING.indexOf(name);
  if (at < 0) throw new Error(`${name} is not a worksheet child this list knows`);
  return WORKSHEET_CHILDREN_FROM_CONDITIONAL_FORMATTING.slice(at + 1);
}
