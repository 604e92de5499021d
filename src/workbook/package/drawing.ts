/**
 * A sheet's drawing in an .xlsx package (xl/drawings/drawingN.xml): the layer that holds its
 * charts, shapes and pictures, tied to the sheet by a <drawing r:id> element and a relationship.
 * The product's objects in it are told apart by their names (cNvPr name); a refresh replaces
 * those anchors and keeps every other one, and the drawing part, its relationships and the
 * parts it points at keep their names, so that what points at them survives.
 */
import { relsPartOf, type OpenPackage } from "./openPackage";
import { resolveTarget } from "./read/relationships";
import { sameRelationshipType } from "../ooxml/namespaces";
import {
  attribute,
  escapeXmlAttribute,
  findElements,
  insertBefore,
  PackageXmlError,
  relationshipBinding,
  replaceSpan,
  rootPrefix,
  worksheetChildrenAfter,
  type XmlSpan,
} from "./xmlText";

export const DRAWING_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** CT_Worksheet's children after drawing. */
const AFTER_DRAWING = worksheetChildrenAfter("drawing");

const EMPTY_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** A target for a relationship of `from`, relative to its folder: "../drawings/drawing1.xml". */
export function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let same = 0;
  while (same < base.length && same < target.length - 1 && base[same] === target[same]) same++;
  return [...base.slice(same).map(() => ".."), ...target.slice(same)].join("/");
}

/** A part's relationships part as text, edited in place: ids kept, new ones numbered after them. */
export class RelationshipsText {
  private constructor(
    readonly source: string,
    private xml: string,
    private readonly original: string | null,
  ) {}

  static async open(pkg: OpenPackage, source: string): Promise<RelationshipsText> {
    const part = relsPartOf(source);
    const text = pkg.has(part) ? await pkg.text(part) : null;
    return new RelationshipsText(source, text ?? EMPTY_RELS, text);
  }

  /** Every relationship: its id, type and the part it points at (external targets as written). */
  list(): { id: string; type: string; part: string }[] {
    return findElements(this.xml, "Relationship").map((r) => {
      const target = attribute(r.text, "Target") ?? "";
      const external = attribute(r.text, "TargetMode") === "External";
      return {
        id: attribute(r.text, "Id") ?? "",
        type: attribute(r.text, "Type") ?? "",
        part: external ? target : resolveTarget(this.source, target),
      };
    });
  }

  /** The id of a relationship of this type to this part, added when there is none. */
  relate(type: string, part: string): string {
    const same = this.list().find(
      (r) => sameRelationshipType(r.type, type) && r.part.toLowerCase() === part.toLowerCase(),
    );
    if (same) return same.id;
    const ids = new Set(this.list().map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.xml = insertBefore(
      this.xml,
      "Relationships",
      `<Relationship Id="${id}" Type="${type}" Target="${escapeXmlAttribute(relativeTarget(this.source, part))}"/>`,
      [],
    );
    return id;
  }

  remove(id: string): void {
    this.removeAll(new Set([id]));
  }

  /** Takes out every relationship of these ids, in one pass over the part. */
  removeAll(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const kept: string[] = [];
    let at = 0;
    for (const rel of findElements(this.xml, "Relationship")) {
      if (!ids.has(attribute(rel.text, "Id") ?? "")) continue;
      kept.push(this.xml.slice(at, rel.start));
      at = rel.end;
    }
    kept.push(this.xml.slice(at));
    this.xml = kept.join("");
  }

  save(pkg: OpenPackage): void {
    if (this.xml !== (this.original ?? EMPTY_RELS)) pkg.setText(relsPartOf(this.source), this.xml);
  }
}

/**
 * Sets a part's Override in [Content_Types].xml: added when there is none, its content type
 * replaced when a stale one names the part (a part removed by hand, its Override left behind), so
 * that no part name is ever listed twice.
 */
export async function addContentType(pkg: OpenPackage, part: string, contentType: string): Promise<void> {
  const types = await pkg.text("[Content_Types].xml");
  const name = `/${part}`.toLowerCase();
  const same = findElements(types, "Override").filter(
    (o) => (attribute(o.text, "PartName") ?? "").toLowerCase() === name,
  );
  const element = `<Override PartName="/${escapeXmlAttribute(part)}" ContentType="${contentType}"/>`;
  if (same.length === 1 && attribute((same[0] as XmlSpan).text, "ContentType") === contentType) return;
  let text = types;
  // Every stale one goes, from the last, and the one right Override takes the first one's place.
  for (const stale of [...same].reverse()) text = replaceSpan(text, stale, "");
  pkg.setText(
    "[Content_Types].xml",
    same.length
      ? insertAt(text, (same[0] as XmlSpan).start, element)
      : insertBefore(types, "Types", element, []),
  );
}

const insertAt = (text: string, at: number, addition: string): string =>
  text.slice(0, at) + addition + text.slice(at);

/**
 * Takes a part out of the package with its Override and its relationships part; the parts only it
 * points at in its own folder (a chart's style and colours) go with it.
 */
export async function removePart(pkg: OpenPackage, part: string): Promise<void> {
  if (!pkg.has(part)) return;
  const folder = part.slice(0, part.lastIndexOf("/") + 1);
  const own = (await RelationshipsText.open(pkg, part))
    .list()
    .filter((r) => r.part.startsWith(folder) && r.part !== part && pkg.has(r.part));
  pkg.remove(part);
  pkg.remove(relsPartOf(part));
  let types = await pkg.text("[Content_Types].xml");
  for (const gone of [part, ...own.map((r) => r.part)]) {
    if (gone !== part) {
      pkg.remove(gone);
      pkg.remove(relsPartOf(gone));
    }
    const override = findElements(types, "Override").find(
      (o) => (attribute(o.text, "PartName") ?? "").toLowerCase() === `/${gone}`.toLowerCase(),
    );
    if (override) types = replaceSpan(types, override, "");
  }
  pkg.setText("[Content_Types].xml", types);
}

/** An object anchored in a drawing: its name, its anchor's place in the text, and the parts it uses. */
export interface DrawingObject {
  readonly name: string;
  /** What the anchor holds, by local name: "graphicFrame" (a chart), "sp", "cxnSp", "pic", "grpSp". */
  readonly kind: string;
  /** The relationship ids its XML names (a chart's r:id, a picture's r:embed). */
  readonly relationshipIds: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** A cell corner in a drawing anchor: 0-based column and row, as DrawingML counts them. */
export interface AnchorCell {
  readonly col: number;
  readonly row: number;
}

/** A twoCellAnchor's from/to elements, with no offsets: the object spans whole cells. */
export function anchorCellsXml(from: AnchorCell, to: AnchorCell, p = "xdr:"): string {
  const corner = (tag: string, c: AnchorCell) =>
    `<${p}${tag}><${p}col>${c.col}</${p}col><${p}colOff>0</${p}colOff><${p}row>${c.row}</${p}row><${p}rowOff>0</${p}rowOff></${p}${tag}>`;
  return corner("from", from) + corner("to", to);
}

const ANCHORS = ["twoCellAnchor", "oneCellAnchor", "absoluteAnchor"];

/** A sheet's drawing part, opened (or made) for the product to place its objects in. */
export class SheetDrawing {
  private constructor(
    private readonly pkg: OpenPackage,
    readonly sheetPart: string,
    private readonly sheetRels: RelationshipsText,
    readonly part: string,
    private xml: string,
    private readonly original: string | null,
    readonly rels: RelationshipsText,
  ) {}

  /** The sheet's drawing, or a new empty one (written only if something is placed in it). */
  static async open(pkg: OpenPackage, sheetPart: string): Promise<SheetDrawing> {
    const sheetRels = await RelationshipsText.open(pkg, sheetPart);
    const existing = sheetRels
      .list()
      .find((r) => sameRelationshipType(r.type, DRAWING_RELATIONSHIP) && pkg.has(r.part));
    const folder = sheetPart.slice(0, sheetPart.lastIndexOf("/"));
    const part =
      existing?.part ??
      pkg.freeName(`${folder.slice(0, folder.lastIndexOf("/") + 1)}drawings/drawing`, ".xml");
    const text = existing ? await pkg.text(part) : null;
    const xml =
      text ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}"></xdr:wsDr>`;
    return new SheetDrawing(
      pkg,
      sheetPart,
      sheetRels,
      part,
      xml,
      text,
      await RelationshipsText.open(pkg, part),
    );
  }

  /** Whether the sheet had a drawing before (a user's chart or picture, or the product's). */
  get exists(): boolean {
    return this.original !== null;
  }

  /** The prefix the drawing binds to its own namespace ("xdr:" as Excel writes it). */
  get prefix(): string {
    return rootPrefix(this.xml, "wsDr");
  }

  /** Every anchored object, in drawing order. */
  objects(): DrawingObject[] {
    const p = this.prefix;
    const found: DrawingObject[] = [];
    for (const tag of ANCHORS)
      for (const anchor of findElements(this.xml, `${p}${tag}`)) {
        const name = /<(?:[\w.-]+:)?cNvPr\b[^>]*?\sname="([^"]*)"/.exec(anchor.text)?.[1] ?? "";
        // The anchor's first child after its place (from/to, pos/ext) is the object it holds.
        const kind =
          /<(?:[\w.-]+:)?(sp|cxnSp|graphicFrame|pic|grpSp|contentPart)[\s>/]/.exec(anchor.text)?.[1] ?? "";
        const ids = [...anchor.text.matchAll(/\s[\w.-]+:(?:id|embed|link)="([^"]+)"/g)].map((m) => m[1]!);
        found.push({ name, kind, relationshipIds: ids, start: anchor.start, end: anchor.end });
      }
    return found.sort((a, b) => a.start - b.start);
  }

  /** The part a relationship of the drawing points at, or null. */
  partOf(relationshipId: string): string | null {
    return this.rels.list().find((r) => r.id === relationshipId)?.part ?? null;
  }

  /** A relationship from the drawing to a part (a chart, a picture): its id, reused when there is one. */
  relate(type: string, part: string): string {
    return this.rels.relate(type, part);
  }

  /** The highest cNvPr id of the objects that stay: new objects are numbered after it. */
  private highestIdExcept(removed: readonly DrawingObject[]): number {
    let highest = 1;
    // A loop, not Math.max(...ids): a drawing of many objects would overflow the call stack.
    for (const m of this.without(removed).matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\sid="(\d+)"/g))
      highest = Math.max(highest, Number(m[1]));
    return highest;
  }

  /** The drawing's text without these objects, built in one pass whatever their number. */
  private without(removed: readonly DrawingObject[]): string {
    const kept: string[] = [];
    let at = 0;
    for (const o of [...removed].sort((a, b) => a.start - b.start)) {
      kept.push(this.xml.slice(at, o.start));
      at = o.end;
    }
    kept.push(this.xml.slice(at));
    return kept.join("");
  }

  /**
   * Replaces the objects `isProduct` names with new anchors, placed after the objects that stay
   * (a user's own shape is kept as it was). `anchors` gets the first free cNvPr id and returns
   * the anchors' XML. The relationships of the objects taken out are dropped unless reused.
   */
  replaceObjects(
    isProduct: (name: string, object: DrawingObject) => boolean,
    anchors: (firstId: number) => string,
  ): void {
    const removed = this.objects().filter((o) => isProduct(o.name, o));
    const firstId = this.highestIdExcept(removed) + 1;
    let text = this.without(removed);
    const addition = anchors(firstId);
    const close = `</${this.prefix}wsDr>`;
    if (text.trimEnd().endsWith("/>") && !text.includes(close)) {
      // An empty <xdr:wsDr …/>: opened to hold the anchors.
      text = text.replace(/\s*\/>\s*$/, `>${close}`);
    }
    const at = text.lastIndexOf(close);
    if (at < 0) throw new PackageXmlError(`${this.part} has no ${close}`);
    this.xml = text.slice(0, at) + addition + text.slice(at);
    const used = new Set(this.objects().flatMap((o) => o.relationshipIds));
    this.rels.removeAll(new Set(removed.flatMap((o) => o.relationshipIds).filter((id) => !used.has(id))));
  }

  /**
   * Writes the drawing and its relationships, ties it to the sheet (relationship, content type)
   * when it is new, and returns the sheet's XML with its <drawing r:id> element.
   */
  async save(sheetXml: string): Promise<string> {
    if (this.xml !== this.original) this.pkg.setText(this.part, this.xml);
    this.rels.save(this.pkg);
    if (this.original === null) await addContentType(this.pkg, this.part, DRAWING_CONTENT_TYPE);
    const id = this.sheetRels.relate(DRAWING_RELATIONSHIP, this.part);
    this.sheetRels.save(this.pkg);
    return withDrawingElement(sheetXml, id);
  }
}

/** The sheet's XML with a <drawing r:id> pointing at `id`, in schema order; replaced if one is there. */
export function withDrawingElement(sheetXml: string, id: string): string {
  const p = rootPrefix(sheetXml, "worksheet");
  const r = relationshipBinding(sheetXml, "worksheet");
  const element = `<${p}drawing${r.declaration} ${r.prefix}id="${id}"/>`;
  const existing = findElements(sheetXml, `${p}drawing`)[0];
  if (existing) return replaceSpan(sheetXml, existing, element);
  return insertBefore(sheetXml, "worksheet", element, AFTER_DRAWING);
}
