import { boxA1 } from "../../model/address";
import type { RangeBox } from "../../model/snapshot";
import type { PlanCell } from "../../plan/plan";

/**
 * Shapes a sheet plan into few, large Office.js operations: one 2-D block of values, and for each
 * style or number format one multi-area address, so that the number of requests does not grow
 * with the number of KPIs.
 */

export interface ValueBlock {
  readonly rows: number;
  readonly cols: number;
  readonly values: (string | number | boolean)[][];
  /** Some cell is a formula: the block is written through Range.formulas, Excel's invariant syntax. */
  readonly hasFormulas: boolean;
}

/**
 * Excel parses a string written through `Range.values` as if typed: "=1+1" becomes a formula,
 * "2026-06" a date. A leading apostrophe makes Excel keep the text as text (and show it without
 * the apostrophe), so user text is never a formula.
 */
export const asTypedText = (value: string): string => `'${value}`;

/** The cells' values as one block from A1; at least `cover` rows and columns, blank where no cell is. */
export function valueBlock(
  cells: readonly PlanCell[],
  cover: { readonly rows: number; readonly cols: number } = { rows: 0, cols: 0 },
): ValueBlock {
  let rows = cover.rows;
  let cols = cover.cols;
  for (const c of cells) {
    rows = Math.max(rows, c.row);
    cols = Math.max(cols, c.col);
  }
  const values: (string | number | boolean)[][] = Array.from({ length: rows }, () =>
    Array<string | number>(cols).fill(""),
  );
  let hasFormulas = false;
  for (const c of cells) {
    // A formula goes in the same block as the values (written as typed, "=…"): Excel calculates
    // it, and no request is added. Text keeps its apostrophe, so it stays text either way.
    if (c.formula !== undefined) {
      (values[c.row - 1] as string[])[c.col - 1] = `=${c.formula}`;
      hasFormulas = true;
      continue;
    }
    if (c.value === null) continue;
    (values[c.row - 1] as (string | number)[])[c.col - 1] =
      typeof c.value === "string" ? asTypedText(c.value) : c.value;
  }
  return { rows, cols, values, hasFormulas };
}

/** The cells of each key as few rectangular areas: runs along a row, then equal runs down rows. */
export function areasByKey(
  cells: readonly PlanCell[],
  keyOf: (c: PlanCell) => string | undefined,
): Map<string, string[]> {
  const rowsByKey = new Map<string, Map<number, number[]>>();
  for (const c of cells) {
    const key = keyOf(c);
    if (key === undefined) continue;
    const rows = rowsByKey.get(key) ?? new Map<number, number[]>();
    const cols = rows.get(c.row);
    if (cols) cols.push(c.col);
    else rows.set(c.row, [c.col]);
    rowsByKey.set(key, rows);
  }
  const result = new Map<string, string[]>();
  for (const [key, rows] of rowsByKey) {
    const boxes: RangeBox[] = [];
    /** Index in `boxes` of the last box of each column span, to grow it down a row. */
    const lastOfSpan = new Map<string, number>();
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...new Set(rows.get(row))].sort((a, b) => a - b);
      for (let i = 0; i < cols.length;) {
        let j = i;
        while (j + 1 < cols.length && (cols[j + 1] as number) === (cols[j] as number) + 1) j++;
        const left = cols[i] as number;
        const right = cols[j] as number;
        const span = `${left}:${right}`;
        const at = lastOfSpan.get(span);
        const above = at === undefined ? undefined : boxes[at];
        if (above && above.bottom === row - 1) boxes[at as number] = { ...above, bottom: row };
        else {
          lastOfSpan.set(span, boxes.length);
          boxes.push({ top: row, bottom: row, left, right });
        }
        i = j + 1;
      }
    }
    result.set(
      key,
      boxes.map((b) => boxA1(b)),
    );
  }
  return result;
}

/** Splits area lists so that no single address string grows past what Excel accepts comfortably. */
export function chunkAreas(areas: readonly string[], maxLength = 2000): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const area of areas) {
    if (current && current.length + area.length + 1 > maxLength) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** The maximum digit width of Excel's default fonts (Calibri 11, Aptos Narrow 11) at 96 dpi. */
const MAXIMUM_DIGIT_WIDTH_PX = 7;

/**
 * A column width in characters, as an .xlsx file holds it (`<col width>`), in the points that
 * Office.js's RangeFormat.columnWidth takes, so that a sheet looks the same from either path.
 * ECMA-376 Part 1, 18.3.1.13: pixels = Truncate(((256 × width + Truncate(128 / MDW)) / 256) × MDW);
 * a pixel is 0.75 point at 96 dpi.
 */
export function columnWidthPoints(characters: number): number {
  const mdw = MAXIMUM_DIGIT_WIDTH_PX;
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / mdw)) / 256) * mdw);
  return pixels * 0.75;
}
