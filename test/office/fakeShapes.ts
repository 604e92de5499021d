/**
 * Shapes in the fake Excel (fakeExcel.ts), as strict as the Office.js reference documents them.
 * Each rule cites the reference's words:
 *
 * - ShapeCollection.addGeometricShape(geometricShapeType): "Adds a geometric shape to the
 *   worksheet. Returns a Shape object that represents the new shape." It is added "with its
 *   default size", at the sheet's top left; addLine(startLeft, startTop, endLeft, endTop,
 *   connectorType): "Adds a line to worksheet."
 * - ShapeCollection.getItem(key): "Gets a shape using its name or ID." None: ItemNotFound.
 * - Line.connectBeginShape / connectEndShape(shape, connectionSite): "Must be an integer between 0
 *   (inclusive) and the connection-site count of the specified shape (exclusive)." Outside:
 *   InvalidArgument. Only a line has Line members: "Returns an error if the shape type is not Line".
 * - Shape.delete: "Removes the shape from the worksheet." Range.clear clears cells: shapes float
 *   over the sheet and stay.
 * - Shape.connectionSiteCount: "Returns the number of connection sites on this shape." A
 *   rectangle and a rounded rectangle have four.
 */
import type { FakeKit } from "./fakeCharts";

export interface FakeShape {
  readonly id: string;
  readonly type: "GeometricShape" | "Line";
  readonly geometry: string | null;
  name: string;
  left: number;
  top: number;
  width: number;
  height: number;
  fill: string | null;
  line: { color: string | null; visible: boolean; weight: number };
  text: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  font: { color: string | null; size: number; bold: boolean };
  /** A line's ends: the shape glued to and its connection site. */
  begin: { shape: string; site: number } | null;
  end: { shape: string; site: number } | null;
  endArrowheadStyle: string;
}

interface SheetLike {
  shapes: FakeShape[];
}

const CONNECTION_SITES: Readonly<Record<string, number>> = { Rectangle: 4, RoundRectangle: 4 };
let ids = 0;

export function fakeShapeCollection(kit: FakeKit, resolveSheet: () => SheetLike) {
  const { object, call, error } = kit;

  const prop = <K extends keyof FakeShape>(
    resolve: () => FakeShape,
    key: K,
    cast: (v: unknown) => FakeShape[K],
  ) => ({
    read: () => resolve()[key],
    write: (v: unknown) => (resolve()[key] = cast(v)),
  });

  const glue = (
    resolve: () => FakeShape,
    which: "begin" | "end",
    target: { __shape?: () => FakeShape },
    site: number,
  ) =>
    call(`Line.connect${which === "begin" ? "Begin" : "End"}Shape`, 20, true, () => {
      const line = resolve();
      if (line.type !== "Line") throw error("InvalidOperation", "The shape is not a line.");
      const shape = target.__shape?.();
      if (!shape) throw error("InvalidArgument", "connect needs a shape of this sheet.");
      const sites = shape.geometry ? (CONNECTION_SITES[shape.geometry] ?? 0) : 0;
      if (!Number.isInteger(site) || site < 0 || site >= sites)
        throw error("InvalidArgument", `Connection site ${site} is not between 0 and ${sites - 1}.`);
      line[which] = { shape: shape.id, site };
    });

  const shapeObject = (resolve: () => FakeShape) => {
    const shapeProxy: Record<string, unknown> = object("Shape", {
      check: () => void resolve(),
      props: {
        id: { read: () => resolve().id },
        name: prop(resolve, "name", String),
        left: prop(resolve, "left", Number),
        top: prop(resolve, "top", Number),
        width: prop(resolve, "width", Number),
        height: prop(resolve, "height", Number),
        type: { read: () => resolve().type },
      },
      methods: {
        delete: () =>
          call("Shape.delete", 10, true, () => {
            const sheet = resolveSheet();
            const gone = resolve();
            sheet.shapes = sheet.shapes.filter((s) => s !== gone);
          }),
      },
      children: {
        fill: () =>
          object("ShapeFill", {
            methods: {
              setSolidColor: (c: string) =>
                call("ShapeFill.setSolidColor", 20, true, () => (resolve().fill = c)),
              clear: () => call("ShapeFill.clear", 10, true, () => (resolve().fill = null)),
            },
          }),
        lineFormat: () =>
          object("ShapeLineFormat", {
            props: {
              color: {
                read: () => resolve().line.color,
                write: (v: unknown) => (resolve().line.color = String(v)),
              },
              visible: {
                read: () => resolve().line.visible,
                write: (v: unknown) => (resolve().line.visible = Boolean(v)),
              },
              weight: {
                read: () => resolve().line.weight,
                write: (v: unknown) => (resolve().line.weight = Number(v)),
              },
            },
          }),
        textFrame: () =>
          object("TextFrame", {
            props: {
              horizontalAlignment: prop(resolve, "horizontalAlignment", String),
              verticalAlignment: prop(resolve, "verticalAlignment", String),
            },
            children: {
              textRange: () =>
                object("TextRange", {
                  props: { text: prop(resolve, "text", String) },
                  children: {
                    font: () =>
                      object("ShapeFont", {
                        props: {
                          color: {
                            read: () => resolve().font.color,
                            write: (v: unknown) => (resolve().font.color = String(v)),
                          },
                          size: {
                            read: () => resolve().font.size,
                            write: (v: unknown) => (resolve().font.size = Number(v)),
                          },
                          bold: {
                            read: () => resolve().font.bold,
                            write: (v: unknown) => (resolve().font.bold = Boolean(v)),
                          },
                        },
                      }),
                  },
                }),
            },
          }),
        line: () =>
          object("Line", {
            props: { endArrowheadStyle: prop(resolve, "endArrowheadStyle", String) },
            methods: {
              connectBeginShape: (target: { __shape?: () => FakeShape }, site: number) =>
                glue(resolve, "begin", target, site),
              connectEndShape: (target: { __shape?: () => FakeShape }, site: number) =>
                glue(resolve, "end", target, site),
            },
          }),
      },
    });
    // How a connect call finds the shape it is given, as Excel finds the shape behind a proxy.
    Object.defineProperty(shapeProxy, "__shape", { value: resolve, enumerable: false });
    return shapeProxy;
  };

  const made = (
    type: FakeShape["type"],
    geometry: string | null,
    box: [number, number, number, number],
  ): FakeShape => ({
    id: `{shape-${++ids}}`,
    type,
    geometry,
    name: `${type === "Line" ? "Straight Connector" : geometry} ${ids}`,
    left: box[0],
    top: box[1],
    width: box[2],
    height: box[3],
    fill: null,
    line: { color: null, visible: true, weight: 0.75 },
    text: "",
    horizontalAlignment: "Left",
    verticalAlignment: "Top",
    font: { color: null, size: 11, bold: false },
    begin: null,
    end: null,
    endArrowheadStyle: "None",
  });

  const add = (describe: string, shape: FakeShape) => {
    call(describe, 40, true, () => resolveSheet().shapes.push(shape));
    return shapeObject(() => {
      if (!resolveSheet().shapes.includes(shape)) throw error("ItemNotFound", "The shape was not made.");
      return shape;
    });
  };

  return object("ShapeCollection", {
    items: () => resolveSheet().shapes.map((s) => shapeObject(() => s)),
    methods: {
      addGeometricShape: (type: string) => {
        if (!(type in CONNECTION_SITES))
          throw error("InvalidArgument", `The fake draws rectangles only, not ${type}.`);
        return add(`ShapeCollection.addGeometricShape ${type}`, made("GeometricShape", type, [0, 0, 72, 72]));
      },
      addLine: (
        startLeft: number,
        startTop: number,
        endLeft: number,
        endTop: number,
        connectorType?: string,
      ) =>
        add(
          `ShapeCollection.addLine ${connectorType ?? "Straight"}`,
          made("Line", null, [
            Math.min(startLeft, endLeft),
            Math.min(startTop, endTop),
            Math.abs(endLeft - startLeft),
            Math.abs(endTop - startTop),
          ]),
        ),
      getItem: (key: string) =>
        shapeObject(() => {
          const found = resolveSheet().shapes.find((s) => s.id === key || s.name === key);
          if (!found) throw error("ItemNotFound", `No shape named or numbered "${key}".`);
          return found;
        }),
    },
  });
}
