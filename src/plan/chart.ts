/**
 * A native chart in a write plan: it plots a small table of cells on its own sheet, so that it
 * stays a chart a user can restyle, and refreshes from the cells. Each adapter draws it its own
 * way (Office.js's charts API, or a DrawingML chart part in the .xlsx package) and keeps it, by
 * its name, from one refresh to the next.
 */

/** Every chart the product draws is named with this prefix: a refresh replaces those, and only those. */
export const PRODUCT_CHART_PREFIX = "BSC ";
export const isProductChart = (name: string): boolean => name.startsWith(PRODUCT_CHART_PREFIX);

/** A block of cells, 1-based and inclusive. */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface ChartSeriesPlan {
  /** "column" bars, or a "line" over them. */
  readonly kind: "column" | "line";
  /** RRGGBB: the columns' fill, or the line's colour. */
  readonly colour: string;
  /** RRGGBB: the columns' outline (absent for a line). */
  readonly outline?: string;
  /**
   * Per category, the fill and outline of that one column (a period coloured by its status);
   * absent where the series' own colours apply.
   */
  readonly points?: readonly { readonly fill: string; readonly outline: string }[];
}

export interface ValueAxisPlan {
  /** 0 for columns of values that are never negative: a column's height then reads true. */
  readonly minimum?: number;
  /** The step between gridlines: 1 for counts of KPIs. */
  readonly majorUnit?: number;
  /** How its labels read ("0.0%"), as the plotted cells are formatted; absent: General. */
  readonly numberFormat?: string;
}

export interface ChartPlan {
  /**
   * The chart's name, unique on its sheet: how a refresh finds the chart it made before and
   * updates it in place instead of adding another.
   */
  readonly name: string;
  readonly title: string;
  /**
   * The table it plots: a header row (its first cell a label, then each series' name) above a row
   * per category (the category's label, then each series' value). Series are its columns.
   */
  readonly source: CellBox;
  /** One per source column after the first, in order. */
  readonly series: readonly ChartSeriesPlan[];
  /** Whether the column series stand on each other (a count by status) or side by side. */
  readonly stacked: boolean;
  /** What the value axis fixes; the spreadsheet chooses the rest. */
  readonly valueAxis: ValueAxisPlan;
  /** The cells the chart covers. */
  readonly anchor: CellBox;
}
