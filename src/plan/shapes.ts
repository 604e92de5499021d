/**
 * Native shapes and connectors a product sheet draws (the strategy map), in points from the
 * sheet's top-left corner: Office.js places shapes in points, DrawingML in EMUs (12,700 a point).
 * Every name begins with the product's prefix, so that a redraw replaces only the product's own.
 */

export const PRODUCT_SHAPE_PREFIX = "BSC map: ";
export const isProductShape = (name: string): boolean => name.startsWith(PRODUCT_SHAPE_PREFIX);

export interface ShapePlan {
  readonly name: string;
  readonly geometry: "rectangle" | "roundRectangle";
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** RRGGBB, or null for no fill. */
  readonly fill: string | null;
  /** RRGGBB of the outline, or null for none. */
  readonly line: string | null;
  readonly text: string;
  /** RRGGBB of the text. */
  readonly color: string;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly align: "left" | "center";
  /** Where the text sits: lanes name themselves at their top, boxes centre theirs. */
  readonly verticalAlign: "top" | "middle";
}

/**
 * Excel's connection sites of a rectangle, counted anticlockwise from the top: 0 top, 1 left,
 * 2 bottom, 3 right (the same for a rounded rectangle).
 */
export type ConnectionSite = 0 | 1 | 2 | 3;

/** A straight arrow from one shape to another, glued to their connection sites. */
export interface ConnectorPlan {
  readonly name: string;
  readonly from: string;
  readonly fromSite: ConnectionSite;
  readonly to: string;
  readonly toSite: ConnectionSite;
  readonly start: { readonly x: number; readonly y: number };
  readonly end: { readonly x: number; readonly y: number };
  /** RRGGBB. */
  readonly color: string;
}
