/**
 * A product sheet's native shapes and connectors (the strategy map) in its DrawingML drawing:
 * each an absolute anchor in EMUs, the connectors glued to their shapes' connection sites by the
 * shapes' drawing ids, so that Excel keeps an arrow on its boxes when a user moves them. A redraw
 * replaces the product's shapes (found by name) and keeps a user's own.
 */
import type { SheetPlan } from "../../plan/plan";
import type { ConnectorPlan, ShapePlan } from "../../plan/shapes";
import { isProductShape } from "../../plan/shapes";
import type { OpenPackage } from "./openPackage";
import { SheetDrawing } from "./drawing";
import { attributeText, markupText, type WriteNotes } from "../ooxml/escape";

/** DrawingML measures in English Metric Units: 12,700 to the point. */
export const EMU_PER_POINT = 12700;
const emu = (points: number): number => Math.round(points * EMU_PER_POINT);

const GEOMETRY: Readonly<Record<ShapePlan["geometry"], string>> = {
  rectangle: "rect",
  roundRectangle: "roundRect",
};

const solidFill = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** The anchor's position and size: absolute, so that the map keeps its shape whatever the columns. */
function absoluteAnchor(
  p: string,
  left: number,
  top: number,
  width: number,
  height: number,
  body: string,
): string {
  return (
    `<${p}absoluteAnchor><${p}pos x="${emu(left)}" y="${emu(top)}"/><${p}ext cx="${emu(width)}" cy="${emu(height)}"/>` +
    `${body}<${p}clientData/></${p}absoluteAnchor>`
  );
}

export function shapeXml(shape: ShapePlan, id: number, p = "xdr:", notes?: WriteNotes): string {
  const { left, top, width, height } = shape;
  const paragraphs = shape.text
    .split("\n")
    .map(
      (line) =>
        `<a:p><a:pPr algn="${shape.align === "center" ? "ctr" : "l"}"/><a:r><a:rPr lang="en-US" sz="${Math.round(shape.fontSize * 100)}" b="${shape.bold ? 1 : 0}">${solidFill(shape.color)}<a:latin typeface="Calibri"/></a:rPr><a:t>${markupText(line, `The text of the shape ${shape.name}`, notes)}</a:t></a:r></a:p>`,
    )
    .join("");
  const body =
    `<${p}sp macro="" textlink=""><${p}nvSpPr><${p}cNvPr id="${id}" name="${attributeText(shape.name)}"/><${p}cNvSpPr/></${p}nvSpPr>` +
    `<${p}spPr><a:xfrm><a:off x="${emu(left)}" y="${emu(top)}"/><a:ext cx="${emu(width)}" cy="${emu(height)}"/></a:xfrm>` +
    `<a:prstGeom prst="${GEOMETRY[shape.geometry]}"><a:avLst/></a:prstGeom>` +
    (shape.fill ? solidFill(shape.fill) : "<a:noFill/>") +
    (shape.line ? `<a:ln w="9525">${solidFill(shape.line)}</a:ln>` : "<a:ln><a:noFill/></a:ln>") +
    `</${p}spPr>` +
    `<${p}txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip" wrap="square" lIns="45720" tIns="36000" rIns="45720" bIns="36000" anchor="${shape.verticalAlign === "top" ? "t" : "ctr"}" rtlCol="0"/><a:lstStyle/>${paragraphs}</${p}txBody></${p}sp>`;
  return absoluteAnchor(p, left, top, width, height, body);
}

/** A straight arrow: its box spans the two ends, flipped where the line runs left or up. */
export function connectorXml(
  connector: ConnectorPlan,
  id: number,
  ids: ReadonlyMap<string, number>,
  p = "xdr:",
): string {
  const { start, end } = connector;
  const left = Math.min(start.x, end.x);
  const top = Math.min(start.y, end.y);
  const width = Math.abs(end.x - start.x);
  const height = Math.abs(end.y - start.y);
  const flips = `${end.x < start.x ? ' flipH="1"' : ""}${end.y < start.y ? ' flipV="1"' : ""}`;
  const from = ids.get(connector.from);
  const to = ids.get(connector.to);
  const glue =
    (from === undefined ? "" : `<a:stCxn id="${from}" idx="${connector.fromSite}"/>`) +
    (to === undefined ? "" : `<a:endCxn id="${to}" idx="${connector.toSite}"/>`);
  const body =
    `<${p}cxnSp macro=""><${p}nvCxnSpPr><${p}cNvPr id="${id}" name="${attributeText(connector.name)}"/><${p}cNvCxnSpPr>${glue}</${p}cNvCxnSpPr></${p}nvCxnSpPr>` +
    `<${p}spPr><a:xfrm${flips}><a:off x="${emu(left)}" y="${emu(top)}"/><a:ext cx="${emu(width)}" cy="${emu(height)}"/></a:xfrm>` +
    `<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>` +
    `<a:ln w="15875">${solidFill(connector.color)}<a:tailEnd type="triangle" w="med" len="med"/></a:ln></${p}spPr></${p}cxnSp>`;
  return absoluteAnchor(p, left, top, width, height, body);
}

/**
 * Draws the sheet plan's shapes and connectors into the sheet's drawing, replacing the product's
 * earlier ones. Returns the sheet's XML with its <drawing> element, or as given when the sheet has
 * and had no product shape.
 */
export async function writeSheetShapes(
  pkg: OpenPackage,
  sheetPart: string,
  sheetXml: string,
  sheet: SheetPlan,
  notes?: WriteNotes,
): Promise<string> {
  const shapes = sheet.shapes ?? [];
  const connectors = sheet.connectors ?? [];
  const drawing = await SheetDrawing.open(pkg, sheetPart);
  const before = drawing.objects().filter((o) => isProductShape(o.name));
  if (shapes.length === 0 && connectors.length === 0 && before.length === 0) return sheetXml;
  const p = drawing.prefix;
  drawing.replaceObjects(isProductShape, (firstId) => {
    const ids = new Map(shapes.map((s, i) => [s.name, firstId + i]));
    return (
      shapes.map((s, i) => shapeXml(s, firstId + i, p, notes)).join("") +
      connectors.map((c, i) => connectorXml(c, firstId + shapes.length + i, ids, p)).join("")
    );
  });
  return drawing.save(sheetXml);
}
