import { parseXmlPart } from "./xml";

/** A relationship of a part, its target resolved to a package path (no leading slash). */
export interface PartRelationship {
  readonly type: string;
  readonly part: string;
}

/** Where a part's relationships are kept: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A target is relative to the folder of the part that holds the relationship ("worksheets/sheet1.xml",
 * "../tables/table1.xml"), or absolute from the package root ("/xl/worksheets/sheet1.xml").
 */
export function resolveTarget(fromPart: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // A stray "%" is part of the name, not an escape.
  }
  const folders = path.startsWith("/") ? [] : fromPart.split("/").slice(0, -1);
  for (const piece of path.split("/")) {
    if (piece === "..") folders.pop();
    else if (piece !== "." && piece !== "") folders.push(piece);
  }
  return folders.join("/");
}

/** The internal relationships of `fromPart`, by id; external ones (hyperlinks, links) point at no part. */
export function parseRelationships(
  relsPart: string,
  fromPart: string,
  bytes: Uint8Array,
): Map<string, PartRelationship> {
  const byId = new Map<string, PartRelationship>();
  parseXmlPart(
    relsPart,
    bytes,
    {
      open(name, attributes) {
        if (name !== "Relationship") return;
        const { Id: id, Type: type, Target: target, TargetMode: mode } = attributes;
        if (id === undefined || target === undefined || mode === "External") return;
        byId.set(id, { type: type ?? "", part: resolveTarget(fromPart, target) });
      },
      close() {},
      text() {},
    },
    "part",
  );
  return byId;
}

/** Relationship types are compared by their last segment: transitional and strict OOXML differ before it. */
export const isRelationshipType = (rel: PartRelationship, kind: string): boolean =>
  rel.type.endsWith(`/${kind}`);
