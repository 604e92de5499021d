/**
 * The product's shapes and connectors (the strategy map) through the Office.js shapes API: the
 * product's earlier ones (found by name) are deleted and drawn again with today's colours, a
 * user's own shapes on the sheet stay, and each arrow is glued to its boxes' connection sites so
 * that it follows them when a user moves a box. Every member used is within ExcelApi 1.9, the
 * manifest's requirement.
 */
import type { SheetPlan } from "../../plan/plan";
import { isProductShape } from "../../plan/shapes";

const colour = (rgb: string): string => `#${rgb}`;

/** A shape of the sheet as loaded before the write: its id (to delete it by) and its name. */
export interface PresentShape {
  readonly id: string;
  readonly name: string;
}

/**
 * Queues the sheet plan's shapes and connectors on its worksheet, given the shapes it has now
 * (loaded with the sheet's other reads). No sync: the caller syncs with its other writes.
 */
export function queueSheetShapes(
  ws: Excel.Worksheet,
  present: readonly PresentShape[],
  sheet: SheetPlan,
): void {
  // By id: a user may have copied a product box, and two shapes then share its name.
  for (const shape of present) if (isProductShape(shape.name)) ws.shapes.getItem(shape.id).delete();
  const drawn = new Map<string, Excel.Shape>();
  for (const plan of sheet.shapes ?? []) {
    const shape = ws.shapes.addGeometricShape(
      plan.geometry === "roundRectangle" ? "RoundRectangle" : "Rectangle",
    );
    shape.name = plan.name;
    shape.left = plan.left;
    shape.top = plan.top;
    shape.width = plan.width;
    shape.height = plan.height;
    if (plan.fill) shape.fill.setSolidColor(colour(plan.fill));
    else shape.fill.clear();
    if (plan.line) shape.lineFormat.color = colour(plan.line);
    else shape.lineFormat.visible = false;
    const frame = shape.textFrame;
    frame.textRange.text = plan.text;
    frame.horizontalAlignment = plan.align === "center" ? "Center" : "Left";
    frame.verticalAlignment = plan.verticalAlign === "top" ? "Top" : "Middle";
    const font = frame.textRange.font;
    font.color = colour(plan.color);
    font.size = plan.fontSize;
    font.bold = plan.bold;
    drawn.set(plan.name, shape);
  }
  for (const plan of sheet.connectors ?? []) {
    const shape = ws.shapes.addLine(plan.start.x, plan.start.y, plan.end.x, plan.end.y, "Straight");
    shape.name = plan.name;
    shape.lineFormat.color = colour(plan.color);
    shape.lineFormat.weight = 1.25;
    const from = drawn.get(plan.from);
    const to = drawn.get(plan.to);
    if (from) shape.line.connectBeginShape(from, plan.fromSite);
    if (to) shape.line.connectEndShape(to, plan.toSite);
    shape.line.endArrowheadStyle = "Triangle";
  }
}
