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
  /**
   * The top of the scale, a gridline just above the highest value or target: set, because the
   * spreadsheet's own choice leaves room above it (a percent KPI at 99% got an axis to 120%).
   */
  readonly maximum?: number;
  /** The step between gridlines: 1 for counts of KPIs. */
  readonly majorUnit?: number;
  /** How its labels read ("0.0%"), as the plotted cells are formatted; absent: General. */
  readonly numberFormat?: string;
}

/**
 * How the category labels stand. Set, not left to the spreadsheet, because Excel wraps a label
 * that does not fit its slot onto two lines ("Jan" over "2026") before it turns it.
 */
export interface CategoryAxisPlan {
  /**
   * Degrees the labels are turned counter-clockwise, as Excel counts a text's orientation (a
   * cell's, and Office.js's ChartAxis.textOrientation: "positive degrees represent
   * counter-clockwise rotation"): 0 lies flat, 45 rises to the right.
   */
  readonly labelAngle: 0 | 45;
  /** Every how many categories a label is shown: 1 labels each. */
  readonly labelSpacing: number;
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
  /** How its category labels stand, so that each stays on one line. */
  readonly categoryAxis: CategoryAxisPlan;
  /** What the value axis fixes; the spreadsheet chooses the rest. */
  readonly valueAxis: ValueAxisPlan;
  /** The cells the chart covers. */
  readonly anchor: CellBox;
}

/**
 * Text measures of a chart's labels, in points, for the default chart text (10 pt Calibri, whose
 * digits are about 5 pt wide): taken a little wide, so that a label judged to fit does fit.
 */
const LABEL_CHARACTER_POINTS = 5.5;
const LABEL_PADDING_POINTS = 4;
const LABEL_LINE_POINTS = 12;
/** The chart's border, inner margins and the gap before the value axis's labels. */
const CHART_MARGIN_POINTS = 28;

const labelPoints = (label: string): number => label.length * LABEL_CHARACTER_POINTS + LABEL_PADDING_POINTS;

/**
 * Flat labels where each fits its category's share of the plot's width; else turned 45°, where a
 * label needs only its line's height across (the line over sin 45°); and where even that does
 * not fit, every n-th labelled. `valueLabels` are the value axis's labels, which take their width
 * from the plot's left.
 */
export function categoryAxisFor(
  labels: readonly string[],
  chartWidthPoints: number,
  valueLabels: readonly string[],
): CategoryAxisPlan {
  const valueAxisPoints = Math.max(0, ...valueLabels.map(labelPoints));
  const slot = (chartWidthPoints - CHART_MARGIN_POINTS - valueAxisPoints) / Math.max(1, labels.length);
  if (Math.max(0, ...labels.map(labelPoints)) <= slot) return { labelAngle: 0, labelSpacing: 1 };
  const turned = LABEL_LINE_POINTS / Math.SQRT1_2;
  return { labelAngle: 45, labelSpacing: Math.max(1, Math.ceil(turned / Math.max(slot, 1))) };
}

/**
 * The gridline step over `span`: the smallest of 1, 2, 2.5 or 5 times a power of ten that needs
 * at most seven steps (a year of months at 99% in steps of 20%, revenue to 1,321 in 200s); each
 * end of the axis then rounds out to a gridline, which may add one.
 */
export function niceStep(span: number): number {
  const raw = span / 7;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => raw <= m * magnitude * (1 + 1e-9)) ?? 10) * magnitude;
  return Number(step.toPrecision(12));
}

/** `step` times a whole number, without the float's tail (0.1 × 3 is 0.3, not 0.30000000000000004). */
const times = (step: number, n: number): number => Number((step * n).toPrecision(12));

/**
 * The value axis of a chart of `values`: from 0 when none is negative (a column's height reads
 * true), to the first gridline at or above the highest, gridlines at a nice step. Every step of
 * a span up to 7 (700%) divides 1, so a percent KPI whose values and targets stay at or under
 * 100% gets an axis that ends at 100% at most, where the spreadsheet's own scale added room up
 * to 120%. No values, or all 0: the spreadsheet's own scale.
 */
export function valueAxisFor(values: readonly (number | null)[]): ValueAxisPlan {
  const finite = values.filter((v): v is number => Number.isFinite(v));
  if (finite.length === 0) return {};
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const step = niceStep(high - low);
  // No span (every value 0, whose step is 0), or one too small or too wide for a step (values
  // near the smallest or the largest double): the spreadsheet's own scale, from 0 if it can.
  if (!(step > 0) || !Number.isFinite(step)) return low === 0 ? { minimum: 0 } : {};
  // A hair's tolerance: 0.3 / 0.1 is 2.9999999999999996, whose ceiling would add a gridline.
  const maximum = times(step, Math.ceil(high / step - 1e-9));
  const minimum = times(step, Math.floor(low / step + 1e-9));
  return { minimum, maximum, majorUnit: step };
}
