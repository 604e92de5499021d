import { issue, type Issue } from "../engine/issues";
import type { Granularity, Period } from "../engine/periods";
import { periodOrdinal } from "../engine/periods";
import { sheetCell } from "./address";
import type { TaggedKpi } from "./definition";
import { BLANK, plainObservation } from "./drafts";
import type { KpiModel, Observation } from "./scorecard";
import type { RangeBox, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { cellAt, clipToUsed, formatAt } from "./snapshot";
import type { NumberReading } from "./values";
import { readNumber, readPeriod } from "./values";

interface Cell {
  readonly row: number;
  readonly col: number;
}

interface TaggedRange {
  readonly sheet: SheetSnapshot;
  readonly box: RangeBox;
  /** Row by row, left to right. */
  readonly cells: readonly Cell[];
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function resolve(book: WorkbookSnapshot, rangeName: string): TaggedRange | null {
  const named = book.names.find((n) => sameName(n.name, rangeName));
  const sheet = named && book.sheets.find((s) => s.name === named.sheet);
  if (!named || !sheet) return null;
  // Only the cells that can hold anything are listed; a range wholly outside them is its first cell.
  const first = { top: named.box.top, left: named.box.left, bottom: named.box.top, right: named.box.left };
  const box = clipToUsed(sheet, named.box) ?? first;
  const cells: Cell[] = [];
  for (let row = box.top; row <= box.bottom; row++)
    for (let col = box.left; col <= box.right; col++) cells.push({ row, col });
  return { sheet, box, cells };
}

/**
 * The periods of a range's cells, from the labels beside it: the row above a range along a row,
 * the column left of a range down a column. Null unless every cell has a period label of one
 * granularity, each label once.
 */
function periodLabels(range: TaggedRange): Period[] | null {
  const { box, sheet, cells } = range;
  if (cells.length < 2) return null;
  const along = box.top === box.bottom ? "row" : box.left === box.right ? "column" : null;
  if (along === null || (along === "row" ? box.top : box.left) <= 1) return null;
  const periods: Period[] = [];
  for (const { row, col } of cells) {
    const label = along === "row" ? cellAt(sheet, row - 1, col) : cellAt(sheet, row, col - 1);
    const period = readPeriod(label);
    if (period === null || (periods.length > 0 && period.granularity !== periods[0]?.granularity))
      return null;
    periods.push(period);
  }
  return new Set(periods.map(periodOrdinal)).size === periods.length ? periods : null;
}

/** The last cell of the range holding anything: a single-period tag's value. */
function lastFilled(range: TaggedRange): Cell {
  let chosen = range.cells[0] as Cell;
  for (const cell of range.cells)
    if (readNumber(cellAt(range.sheet, cell.row, cell.col)).kind !== "blank") chosen = cell;
  return chosen;
}

const observation = (
  period: Period | null,
  actual: NumberReading,
  actualCell: string,
  target: NumberReading,
  targetCell: string | null,
): Observation => plainObservation(period, 0, actual, actualCell, target, targetCell);

/**
 * A KPI tagged on named ranges. A range of one cell, or without period labels, is one value (its
 * last filled cell). A range along a row or column with a period label beside each cell is a
 * series: each cell is its period's actual (and the target range's cell at the same place, its
 * target), scored, trended and aggregated as a table's rows are.
 *
 * @param tableGranularity the scorecard table's periods (null: single-period or no table)
 */
export function readTaggedKpi(
  book: WorkbookSnapshot,
  tag: TaggedKpi,
  tableGranularity: Granularity | null,
  hasTable: boolean,
  issues: Issue[],
): { kpi: KpiModel; granularity: Granularity | null } {
  const actual = resolve(book, tag.actualName);
  const target = tag.targetName ? resolve(book, tag.targetName) : null;
  if (!actual) issues.push(issue("tag-unresolved", null, { name: tag.actualName, kpi: tag.name }));
  if (tag.targetName && !target)
    issues.push(issue("tag-unresolved", null, { name: tag.targetName, kpi: tag.name }));
  const fixedTarget: NumberReading = tag.target === null ? BLANK : { kind: "number", value: tag.target };
  /** The target of the actual's cell at `index` (-1: the single value's). */
  const targetAt = (index: number): { reading: NumberReading; cell: string | null } => {
    if (!target) return { reading: fixedTarget, cell: null };
    const cell =
      target.cells.length === 1
        ? (target.cells[0] as Cell)
        : index >= 0 && target.cells.length === actual?.cells.length
          ? (target.cells[index] as Cell)
          : lastFilled(target);
    return {
      reading: readNumber(cellAt(target.sheet, cell.row, cell.col)),
      cell: sheetCell(target.sheet.name, cell.row, cell.col),
    };
  };

  const observations: Observation[] = [];
  let granularity: Granularity | null = null;
  let format: string | null = null;
  if (actual) {
    const periods = periodLabels(actual);
    const fits =
      periods !== null &&
      (tableGranularity ?? (hasTable ? null : periods[0]?.granularity)) === periods[0]?.granularity;
    if (periods && !fits) {
      issues.push(
        issue("tag-periods-ignored", sheetCell(actual.sheet.name, actual.box.top, actual.box.left), {
          kpi: tag.name,
          granularity: periods[0]?.granularity ?? "",
        }),
      );
    }
    if (periods && fits) {
      granularity = (periods[0] as Period).granularity;
      actual.cells.forEach((cell, i) => {
        const reading = readNumber(cellAt(actual.sheet, cell.row, cell.col));
        const t = targetAt(i);
        if (reading.kind === "blank" && t.reading.kind === "blank") return;
        observations.push(
          observation(
            periods[i] as Period,
            reading,
            sheetCell(actual.sheet.name, cell.row, cell.col),
            t.reading,
            t.cell,
          ),
        );
        if (reading.kind === "number") format = formatAt(actual.sheet, cell.row, cell.col);
      });
      observations.sort((a, b) => periodOrdinal(a.period as Period) - periodOrdinal(b.period as Period));
    } else {
      const cell = lastFilled(actual);
      const t = targetAt(-1);
      const reading = readNumber(cellAt(actual.sheet, cell.row, cell.col));
      observations.push(
        observation(null, reading, sheetCell(actual.sheet.name, cell.row, cell.col), t.reading, t.cell),
      );
      format = formatAt(actual.sheet, cell.row, cell.col);
    }
  }
  const kpi: KpiModel = {
    entity: null,
    perspective: tag.perspective,
    objective: tag.objective,
    name: tag.name,
    polarity: actual ? (tag.polarity ?? "higher") : null,
    aggregation: tag.aggregation ?? "last",
    weight: tag.weight ?? 1,
    owner: tag.owner ?? "",
    unit: tag.unit ?? "",
    comment: "",
    baseline: null,
    numberFormat: format,
    polarityOverride: tag.polarity ?? null,
    thresholdOverride: tag.threshold ?? null,
    toleranceOverride: tag.tolerance ?? null,
    observations,
    source: "tag",
    sheet: null,
  };
  return { kpi, granularity };
}
