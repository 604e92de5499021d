import type { RangeBox } from "./snapshot";

/** Letters of the columns asked for so far: a sheet of 100,000 rows asks for the same few millions of times. */
const lettersOfColumn: string[] = [];

export function columnLetters(col: number): string {
  const known = lettersOfColumn[col];
  if (known !== undefined) return known;
  let s = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  // Excel's columns only: a damaged reference may ask for any number.
  if (col <= 16_384) lettersOfColumn[col] = s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A workbook has a few sheet names, each quoted for every cell address made on it; kept for the session. */
const quotedSheetNames = new Map<string, string>();

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  let quoted = quotedSheetNames.get(name);
  if (quoted === undefined) {
    quoted = quotedSheetNameOf(name);
    quotedSheetNames.set(name, quoted);
  }
  return quoted;
}

function quotedSheetNameOf(name: string): string {
  const plainWord = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name);
  const looksLikeReference = /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name);
  return plainWord && !looksLikeReference ? name : `'${name.replace(/'/g, "''")}'`;
}

export const cellA1 = (row: number, col: number): string => `${columnLetters(col)}${row}`;

/** "Data!E5", "'P&L 2026'!B7". */
export function sheetCell(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellA1(row, col)}`;
}

export function boxA1(box: RangeBox, absolute = false): string {
  const d = absolute ? "$" : "";
  const first = `${d}${columnLetters(box.left)}${d}${box.top}`;
  if (box.top === box.bottom && box.left === box.right) return first;
  return `${first}:${d}${columnLetters(box.right)}${d}${box.bottom}`;
}

export function sheetBox(sheet: string, box: RangeBox, absolute = false): string {
  return `${quoteSheetName(sheet)}!${boxA1(box, absolute)}`;
}

/** Parses "Sheet1!$A$1:$B$2", "'P&L'!B7" or "A1" (sheet optional). Null when it is not one range. */
export function parseReference(ref: string): { sheet: string | null; box: RangeBox } | null {
  const m =
    /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
      ref.trim(),
    );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  const left = columnNumber(m[3] as string);
  const top = Number(m[4]);
  const right = m[5] ? columnNumber(m[5]) : left;
  const bottom = m[6] ? Number(m[6]) : top;
  return {
    sheet,
    box: {
      top: Math.min(top, bottom),
      bottom: Math.max(top, bottom),
      left: Math.min(left, right),
      right: Math.max(left, right),
    },
  };
}

/** Parses whole columns, "Data!B:F" or "'P&L'!$B:$F" (sheet optional). Null when it is not that. */
export function parseColumnsReference(
  ref: string,
): { sheet: string | null; left: number; right: number } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref.trim());
  if (!m) return null;
  const first = columnNumber(m[3] as string);
  const last = columnNumber(m[4] as string);
  return {
    sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null),
    left: Math.min(first, last),
    right: Math.max(first, last),
  };
}
