/**
 * Edits of an XML part as text: an element found by its tag and replaced, removed or inserted at
 * its place in the schema's order, every other byte of the part left as it was. Parts are never
 * parsed into a tree and written back, which would reorder attributes, drop unknown markup and
 * rewrite namespaces.
 */
import { attributeText, markupText, spreadsheetText } from "../ooxml/escape";
import { RELATIONSHIPS_NAMESPACE_PATTERN, RELATIONSHIPS_NAMESPACES } from "../ooxml/namespaces";
import { indexXmlBytes, inTextOffsets, XmlSyntaxError, type IndexedElement } from "../ooxml/elementIndex";

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
 * Every element of `xml` in document order, with offsets in the text: from the one XML scanner
 * (src/workbook/ooxml/xmlScanner.ts), which steps over comments, CDATA sections and processing
 * instructions (a "<sheet" inside a comment is never taken for an element) and is linear in the
 * text's length whatever the nesting. Only a text the patcher changed or made is scanned here: a
 * part as it was read comes with the index of the scan that read or checked it (seedIndex).
 */
function indexText(xml: string): IndexedElement[] {
  const bytes = encoder.encode(xml);
  try {
    return inTextOffsets(indexXmlBytes(bytes), bytes, xml.length);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new PackageXmlError(e.message);
    throw e;
  }
}

const encoder = new TextEncoder();

/**
 * The indexes of the texts last asked about, by text: edits ask several questions of a few texts
 * in turn (the workbook part, its relationships, the content types). Bounded in entries and in
 * the characters they hold.
 */
const indexes = new Map<string, IndexedElement[]>();
const MAX_INDEXED_TEXTS = 256;
const MAX_INDEXED_CHARS = 64 * 1024 * 1024;
let indexedChars = 0;

function remember(xml: string, elements: IndexedElement[]): void {
  if (indexes.has(xml)) return;
  indexes.set(xml, elements);
  indexedChars += xml.length;
  for (const [text] of indexes) {
    if (indexes.size <= MAX_INDEXED_TEXTS && indexedChars <= MAX_INDEXED_CHARS) break;
    if (text === xml) break;
    indexes.delete(text);
    indexedChars -= text.length;
  }
}

/** Gives the index of a part's text, made by the scan that read or checked the part (offsets in the text). */
export function seedIndex(xml: string, elements: IndexedElement[]): void {
  remember(xml, elements);
}

function elementsOf(xml: string): IndexedElement[] {
  let elements = indexes.get(xml);
  if (elements === undefined) {
    elements = indexText(xml);
    remember(xml, elements);
  }
  return elements;
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

/**
 * How a new element of a part names an attribute of the relationships namespace (its `r:id`):
 * with the prefix the part's root element declares for that namespace, which is in scope
 * everywhere; else with a declaration of its own. A declaration on another element (openpyxl
 * writes one on each `<sheet>`) is in scope in that element alone: using its prefix elsewhere
 * leaves the prefix unbound and the part not well-formed. The declaration keeps the flavour
 * (transitional or strict) the part already uses.
 */
export function relationshipBinding(
  xml: string,
  rootLocalName: string,
): { readonly prefix: string; readonly declaration: string } {
  const root = firstNamed(xml, rootLocalName);
  if (!root) throw new PackageXmlError(`no <${rootLocalName}> element`);
  const rootTag = xml.slice(root.start, root.headEnd);
  const declared = new RegExp(`\\sxmlns:([\\w.-]+)\\s*=\\s*["'](${RELATIONSHIPS_NAMESPACE_PATTERN})["']`);
  const onRoot = declared.exec(rootTag);
  if (onRoot) return { prefix: `${onRoot[1]}:`, declaration: "" };
  const namespace = declared.exec(xml)?.[2] ?? RELATIONSHIPS_NAMESPACES[0];
  return { prefix: "r:", declaration: ` xmlns:r="${namespace}"` };
}

/** Every attribute of an element's open tag by its qualified name, unescaped. */
export function attributesOf(elementText: string): Record<string, string> {
  const head = elementText.slice(0, tagEnd(elementText, 0).end);
  const out: Record<string, string> = {};
  for (const m of head.matchAll(/\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1] as string] = unescapeXml(m[2] ?? m[3] ?? "");
  return out;
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
