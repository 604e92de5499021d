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

/** One element of a part's text: its qualified name and where it lies. */
interface IndexedElement {
  readonly name: string;
  readonly start: number;
  /** Just after its open tag's ">". */
  readonly headEnd: number;
  /** Just after its close tag (or its self-closing tag). */
  end: number;
  readonly selfClosing: boolean;
  /** The index of its parent element, or -1 for the root. */
  readonly parent: number;
}

/**
 * Every element of `xml` in document order, found in one pass that steps over comments, CDATA
 * sections, processing instructions and a DOCTYPE (so that a "<sheet" inside a comment is never
 * taken for an element) and over quoted attribute values. Linear in the text's length whatever
 * the nesting: same-named elements nested deep cost no more than any others.
 */
function indexElements(xml: string): IndexedElement[] {
  const elements: IndexedElement[] = [];
  const open: number[] = [];
  const skipTo = (from: number, end: string, what: string): number => {
    const at = xml.indexOf(end, from);
    if (at < 0) throw new PackageXmlError(`${what} is not closed`);
    return at + end.length;
  };
  let at = 0;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) at = skipTo(lt + 4, "-->", "a comment");
    else if (xml.startsWith("<![CDATA[", lt)) at = skipTo(lt + 9, "]]>", "a CDATA section");
    else if (xml.startsWith("<?", lt)) at = skipTo(lt + 2, "?>", "a processing instruction");
    else if (xml.startsWith("<!", lt)) at = skipTo(lt + 2, ">", "a declaration");
    else if (xml[lt + 1] === "/") {
      const gt = skipTo(lt + 2, ">", "a close tag");
      const name = xml.slice(lt + 2, gt - 1).trim();
      const index = open.pop();
      const element = index === undefined ? undefined : elements[index];
      if (!element || element.name !== name)
        throw new PackageXmlError(`</${name}> closes ${element ? `<${element.name}>` : "no element"}`);
      element.end = gt;
      at = gt;
    } else {
      let nameEnd = lt + 1;
      while (nameEnd < xml.length && !/[\s/>]/.test(xml[nameEnd] as string)) nameEnd++;
      const name = xml.slice(lt + 1, nameEnd);
      if (name === "") throw new PackageXmlError("an element without a name");
      const { end: headEnd, selfClosing } = tagEnd(xml, lt);
      const parent = open.length ? (open[open.length - 1] as number) : -1;
      elements.push({ name, start: lt, headEnd, end: headEnd, selfClosing, parent });
      if (!selfClosing) open.push(elements.length - 1);
      at = headEnd;
    }
  }
  if (open.length)
    throw new PackageXmlError(`<${elements[open[open.length - 1] as number]?.name}> is not closed`);
  return elements;
}

/** The index of the text last asked about: edits ask several questions of one text in a row. */
let indexed: { xml: string; elements: IndexedElement[] } | null = null;

function elementsOf(xml: string): IndexedElement[] {
  if (indexed?.xml !== xml) indexed = { xml, elements: indexElements(xml) };
  return indexed.elements;
}

const localNameOf = (qualified: string): string => qualified.slice(qualified.indexOf(":") + 1);
const prefixOf = (qualified: string): string => qualified.slice(0, qualified.indexOf(":") + 1);

/** The first element whose local name is `localName` (the part's root, for a root's name). */
function firstNamed(xml: string, localName: string): IndexedElement | null {
  return elementsOf(xml).find((e) => localNameOf(e.name) === localName) ?? null;
}

/**
 * The prefix (with its colon, or "") that the part's root element uses: most writers use the
 * default namespace, some write `<x:worksheet xmlns:x=…>`.
 */
export function rootPrefix(xml: string, localName: string): string {
  const root = firstNamed(xml, localName);
  if (!root) throw new PackageXmlError(`no <${localName}> element`);
  return prefixOf(root.name);
}

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

const spanOf = (xml: string, e: IndexedElement): XmlSpan => ({
  start: e.start,
  end: e.end,
  text: xml.slice(e.start, e.end),
});

/** The first element starting at or after `from` (the elements are in order of their start). */
function firstFrom(elements: readonly IndexedElement[], from: number): number {
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((elements[mid] as IndexedElement).start < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Every element with this qualified name starting in [from, to), outermost only (an element of
 * the same name nested inside one found is part of it).
 */
export function findElements(xml: string, qualified: string, from = 0, to = xml.length): XmlSpan[] {
  const elements = elementsOf(xml);
  const spans: XmlSpan[] = [];
  let after = from;
  for (let i = firstFrom(elements, from); i < elements.length; i++) {
    const e = elements[i] as IndexedElement;
    if (e.start >= to) break;
    if (e.name !== qualified || e.start < after) continue;
    spans.push(spanOf(xml, e));
    after = e.end;
  }
  return spans;
}

export function findElement(xml: string, qualified: string, from = 0): XmlSpan | null {
  const elements = elementsOf(xml);
  for (let i = firstFrom(elements, from); i < elements.length; i++) {
    const e = elements[i] as IndexedElement;
    if (e.name === qualified) return spanOf(xml, e);
  }
  return null;
}

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
  const elements = elementsOf(xml);
  const rootAt = elements.findIndex((e) => localNameOf(e.name) === root);
  if (rootAt < 0) throw new PackageXmlError(`no <${root}> element`);
  const prefix = prefixOf((elements[rootAt] as IndexedElement).name);
  for (let i = rootAt + 1; i < elements.length; i++) {
    const e = elements[i] as IndexedElement;
    if (e.start >= (elements[rootAt] as IndexedElement).end) return;
    if (e.parent !== rootAt) continue;
    const ownPrefix = prefixOf(e.name);
    yield { name: ownPrefix === prefix ? localNameOf(e.name) : e.name, start: e.start, end: e.end };
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
  const rootElement = firstNamed(xml, root);
  if (!rootElement) throw new PackageXmlError(`no <${root}> element`);
  const prefix = prefixOf(rootElement.name);
  if (rootElement.selfClosing) {
    const head = xml.slice(rootElement.start, rootElement.headEnd - 2);
    return `${xml.slice(0, rootElement.start)}${head}>${addition}</${prefix}${root}>${xml.slice(rootElement.headEnd)}`;
  }
  for (const child of childElements(xml, root)) {
    if (followers.includes(child.name)) return xml.slice(0, child.start) + addition + xml.slice(child.start);
  }
  const at = rootElement.end - `</${prefix}${root}>`.length;
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
