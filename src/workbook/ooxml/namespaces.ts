/**
 * The namespaces and relationship types of an Office Open XML package, in its two flavours:
 * transitional (what Excel writes by default, under schemas.openxmlformats.org) and strict (Excel's
 * "Strict Open XML Spreadsheet", under purl.oclc.org). The reader and the patcher ask this module
 * which relationship is which, so that a strict workbook is read and patched as one, and every
 * part the product writes into a strict package is written strict.
 */

/** Transitional namespaces the product writes, each with its strict twin. */
const STRICT_TWINS: readonly (readonly [string, string])[] = [
  [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ],
  // Also the base of every relationship type (…/relationships/worksheet).
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
  ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
  [
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
  ],
];

const TRANSITIONAL_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** The relationships namespace (r:id) in either flavour. */
export const RELATIONSHIPS_NAMESPACES: readonly string[] = [TRANSITIONAL_RELATIONSHIPS, STRICT_RELATIONSHIPS];

/**
 * What a relationship type names, whatever its flavour: "worksheet" for both
 * …/2006/relationships/worksheet and purl.oclc.org/ooxml/officeDocument/relationships/worksheet.
 * A type from elsewhere (Microsoft's own, package metadata) is compared whole.
 */
export function relationshipKind(type: string): string {
  for (const base of RELATIONSHIPS_NAMESPACES)
    if (type.startsWith(`${base}/`)) return type.slice(base.length + 1);
  return type;
}

/** Whether two relationship types name the same thing, one transitional and one strict or not. */
export const sameRelationshipType = (a: string, b: string): boolean =>
  relationshipKind(a) === relationshipKind(b);

/** Whether a relationship type is strict: the package it comes from is then a strict one. */
export const isStrictType = (type: string): boolean => type.startsWith(`${STRICT_RELATIONSHIPS}/`);

/** A part's text with the transitional namespaces the product writes turned strict. */
export function toStrict(xml: string): string {
  if (!xml.includes("http://schemas.openxmlformats.org/")) return xml;
  let out = xml;
  for (const [transitional, strict] of STRICT_TWINS) out = out.split(transitional).join(strict);
  return out;
}

/** A regular expression's source matching the relationships namespace in either flavour. */
export const RELATIONSHIPS_NAMESPACE_PATTERN = RELATIONSHIPS_NAMESPACES.map((ns) =>
  ns.replace(/[.]/g, "\\."),
).join("|");

/**
 * Which part is the workbook, one rule for the reader and the patcher (were they to choose
 * differently, a refresh would score one workbook part and patch another): the part the package's
 * root relationship names (officeDocument, as OPC says) when [Content_Types].xml declares it a
 * workbook; else the first part it declares one; else where Excel puts it. A candidate counts only
 * if the package has the part.
 */
export function chooseWorkbookPart(
  candidates: { readonly rootRelationship: string | null; readonly declared: readonly string[] },
  has: (part: string) => boolean,
): string | null {
  const declared = new Set(candidates.declared.map((p) => p.toLowerCase()));
  const root = candidates.rootRelationship;
  const ordered = [root !== null && declared.has(root.toLowerCase()) ? root : null, ...candidates.declared];
  for (const part of [...ordered, "xl/workbook.xml"]) if (part !== null && has(part)) return part;
  return null;
}

/** The content types of a workbook's main part: .xlsx, .xltx, .xlsm, .xltm, .xlam. */
export const WORKBOOK_CONTENT_TYPES: ReadonlySet<string> = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
]);
