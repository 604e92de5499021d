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
