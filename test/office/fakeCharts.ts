/**
 * Charts in the fake Excel (fakeExcel.ts), as strict as the Office.js reference documents them.
 * Each rule cites the reference's words:
 *
 * - ChartCollection.add(type, sourceData, seriesBy): "Creates a new chart." With seriesBy
 *   "Columns", a source of a header row over a column of labels makes a series of each further
 *   column, with a point for each row below the header (Excel's own reading of such a table).
 * - Chart.setData: "Resets the source data for the chart." The series are made again from the new
 *   source, so their colours and types are the chart's defaults again.
 * - ChartCollection.getItem: "Gets a chart using its name. If there are multiple charts with the
 *   same name, the first one will be returned." None: ItemNotFound.
 * - ChartSeriesCollection.getItemAt: "Retrieves a series based on its position in the
 *   collection"; ChartPointsCollection.getItemAt: "Retrieve a point based on its position within
 *   the series." No series or point at that position: ItemNotFound.
 * - ChartAxis.minimum, maximum and majorUnit: "Can be set to a numeric value or an empty string
 *   (for automatic axis values)". Anything else: InvalidArgument.
 * - ChartAxis.textOrientation: "The value should either be an integer from -90 to 90 or the
 *   integer 180 for vertically-oriented text." Anything else: InvalidArgument.
 * - ChartAxis.tickLabelSpacing: "Specifies the number of categories or series between tick-mark
 *   labels. Can be a value from 1 through 31999 or an empty string for automatic setting."
 *   Anything else (0, a fraction, 32000, a word): InvalidArgument. Both are the category axis's
 *   here (ChartAxes.categoryAxis), the one whose labels are categories.
 * - Chart.delete: "Deletes the chart object." A chart floats over the sheet: Range.clear, which
 *   clears cells, leaves it.
 */
import { parseReference } from "../../src/model/address";

export interface FakeChartSeries {
  chartType: string;
  fill: string | null;
  line: string | null;
  points: { fill: string | null; border: string | null }[];
}

export interface FakeChart {
  /** Told apart from a chart made again under the same name: a refresh must keep this one. */
  readonly serial: number;
  name: string;
  type: string;
  source: string;
  title: string;
  /** setPosition's start and end cells. */
  position: [string, string] | null;
  legendPosition: string;
  series: FakeChartSeries[];
  valueAxis: { minimum: unknown; maximum: unknown; majorUnit: unknown; numberFormat: string };
  categoryAxis: { textOrientation: unknown; tickLabelSpacing: unknown };
}

/** What the fake Excel lends its chart objects: its client-object maker and its queue. */
export interface FakeKit {
  object(className: string, spec: Record<string, unknown>): Record<string, unknown>;
  call(what: string, bytes: number, write: boolean, apply: () => void): void;
  error(code: string, message: string): Error;
}

interface SheetLike {
  name: string;
  charts: FakeChart[];
}

let serials = 0;

/** The series a source makes when read by columns: one per column after the labels, a point per row. */
function seriesOf(address: string, type: string): FakeChartSeries[] {
  const box = parseReference(address)!.box;
  const points = box.bottom - box.top;
  return Array.from({ length: box.right - box.left }, () => ({
    chartType: type,
    fill: null,
    line: null,
    points: Array.from({ length: points }, () => ({ fill: null, border: null })),
  }));
}

type SourceRange = { __where: () => { sheet: SheetLike; address: string } };

export function fakeChartCollection(kit: FakeKit, resolveSheet: () => SheetLike) {
  const { object, call, error } = kit;
  const sourceOf = (range: SourceRange, seriesBy: string | undefined) => {
    const where = range.__where();
    if (where.sheet !== resolveSheet())
      throw error(
        "InvalidArgument",
        "The chart's source is on another sheet (the fake models one sheet's charts).",
      );
    if (seriesBy !== "Columns")
      throw error("InvalidArgument", `The fake reads a source by "Columns" only, not ${String(seriesBy)}.`);
    return where.address.replace(/\$/g, "");
  };

  /** The item at a position, or ItemNotFound: there is none past the last. */
  const itemAt = <T>(items: readonly T[], at: number, what: string): T => {
    const item = items[at];
    if (item === undefined) throw error("ItemNotFound", `There is no ${what} at position ${at}.`);
    return item;
  };

  const axis = (resolve: () => FakeChart) => {
    const automaticOrNumber = (name: "minimum" | "maximum" | "majorUnit") => ({
      read: () => resolve().valueAxis[name],
      write: (v: unknown) => {
        if (v !== "" && typeof v !== "number")
          throw error("InvalidArgument", `ChartAxis.${name} is a number or "", not ${JSON.stringify(v)}.`);
        const scale = { ...resolve().valueAxis, [name]: v };
        if (
          typeof scale.minimum === "number" &&
          typeof scale.maximum === "number" &&
          scale.maximum <= scale.minimum
        )
          throw error(
            "InvalidArgument",
            `ChartAxis.maximum ${String(scale.maximum)} is not above the minimum ${String(scale.minimum)}.`,
          );
        resolve().valueAxis[name] = v;
      },
    });
    return object("ChartAxis", {
      props: {
        minimum: automaticOrNumber("minimum"),
        maximum: automaticOrNumber("maximum"),
        majorUnit: automaticOrNumber("majorUnit"),
        numberFormat: {
          read: () => resolve().valueAxis.numberFormat,
          write: (v: unknown) => (resolve().valueAxis.numberFormat = String(v)),
        },
      },
    });
  };

  const categoryAxis = (resolve: () => FakeChart) =>
    object("ChartAxis", {
      props: {
        textOrientation: {
          read: () => resolve().categoryAxis.textOrientation,
          write: (v: unknown) => {
            if (!(Number.isInteger(v) && (((v as number) >= -90 && (v as number) <= 90) || v === 180)))
              throw error(
                "InvalidArgument",
                `ChartAxis.textOrientation is an integer from -90 to 90, or 180, not ${JSON.stringify(v)}.`,
              );
            resolve().categoryAxis.textOrientation = v;
          },
        },
        tickLabelSpacing: {
          read: () => resolve().categoryAxis.tickLabelSpacing,
          write: (v: unknown) => {
            if (v !== "" && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 31999))
              throw error(
                "InvalidArgument",
                `ChartAxis.tickLabelSpacing is a whole number from 1 through 31999 or "", not ${JSON.stringify(v)}.`,
              );
            resolve().categoryAxis.tickLabelSpacing = v;
          },
        },
      },
    });

  const fill = (set: (colour: string) => void) =>
    object("ChartFill", {
      methods: { setSolidColor: (c: string) => call(`ChartFill.setSolidColor ${c}`, 20, true, () => set(c)) },
    });

  const point = (resolve: () => FakeChartSeries["points"][number]) =>
    object("ChartPoint", {
      children: {
        format: () =>
          object("ChartPointFormat", {
            children: {
              fill: () => fill((c) => (resolve().fill = c)),
              border: () =>
                object("ChartBorder", {
                  props: {
                    color: {
                      read: () => resolve().border,
                      write: (v: unknown) => (resolve().border = String(v)),
                    },
                  },
                }),
            },
          }),
      },
    });

  const series = (resolve: () => FakeChartSeries) =>
    object("ChartSeries", {
      check: () => void resolve(),
      props: {
        chartType: {
          read: () => resolve().chartType,
          write: (v: unknown) => (resolve().chartType = String(v)),
        },
      },
      children: {
        format: () =>
          object("ChartSeriesFormat", {
            children: {
              fill: () => fill((c) => (resolve().fill = c)),
              line: () =>
                object("ChartLineFormat", {
                  props: {
                    color: {
                      read: () => resolve().line,
                      write: (v: unknown) => (resolve().line = String(v)),
                    },
                  },
                }),
            },
          }),
        points: () =>
          object("ChartPointsCollection", {
            methods: {
              getItemAt: (at: number) => point(() => itemAt(resolve().points, at, "point")),
            },
          }),
      },
    });

  const chart = (resolve: () => FakeChart) =>
    object("Chart", {
      check: () => void resolve(),
      props: {
        name: { read: () => resolve().name, write: (v: unknown) => (resolve().name = String(v)) },
      },
      methods: {
        setData: (range: SourceRange, seriesBy?: string) =>
          call("Chart.setData", 40, true, () => {
            const c = resolve();
            c.source = sourceOf(range, seriesBy);
            c.series = seriesOf(c.source, c.type);
          }),
        setPosition: (start: string, end?: string) =>
          call("Chart.setPosition", 20, true, () => (resolve().position = [start, end ?? start])),
        delete: () =>
          call("Chart.delete", 10, true, () => {
            const sheet = resolveSheet();
            sheet.charts = sheet.charts.filter((c) => c !== resolve());
          }),
      },
      children: {
        title: () =>
          object("ChartTitle", {
            props: {
              text: { read: () => resolve().title, write: (v: unknown) => (resolve().title = String(v)) },
            },
          }),
        legend: () =>
          object("ChartLegend", {
            props: {
              position: {
                read: () => resolve().legendPosition,
                write: (v: unknown) => (resolve().legendPosition = String(v)),
              },
            },
          }),
        axes: () =>
          object("ChartAxes", {
            children: { valueAxis: () => axis(resolve), categoryAxis: () => categoryAxis(resolve) },
          }),
        series: () =>
          object("ChartSeriesCollection", {
            methods: {
              getItemAt: (at: number) => series(() => itemAt(resolve().series, at, "series")),
            },
          }),
      },
    });

  return object("ChartCollection", {
    items: () => resolveSheet().charts.map((c) => chart(() => c)),
    methods: {
      add: (type: string, range: SourceRange, seriesBy?: string) => {
        let made: FakeChart | undefined;
        call(`ChartCollection.add ${type}`, 40, true, () => {
          const source = sourceOf(range, seriesBy);
          made = {
            serial: ++serials,
            name: `Chart ${serials}`,
            type,
            source,
            title: "",
            position: null,
            legendPosition: "Right",
            series: seriesOf(source, type),
            valueAxis: { minimum: "", maximum: "", majorUnit: "", numberFormat: "General" },
            categoryAxis: { textOrientation: "", tickLabelSpacing: "" },
          };
          resolveSheet().charts.push(made);
        });
        return chart(() => {
          if (!made || !resolveSheet().charts.includes(made))
            throw error("ItemNotFound", "The chart was not made.");
          return made;
        });
      },
      getItem: (name: string) =>
        chart(() => {
          const found = resolveSheet().charts.find((c) => c.name === name);
          if (!found) throw error("ItemNotFound", `No chart named "${name}".`);
          return found;
        }),
    },
  });
}
