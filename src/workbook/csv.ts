import type { CellValue } from "../model/snapshot";

/**
 * A CSV export read as a sheet's cells. Exports come from everywhere: the delimiter (comma,
 * semicolon, tab or pipe) is the one that splits the first lines most consistently, and a
 * decimal comma ("1,5" under a semicolon delimiter) is recognised. Numbers become numbers,
 * percentages fractions ("95%" → 0.95); everything else stays text for the reader to interpret
 * (periods, polarity words), as it would in a sheet.
 */
export interface CsvSheet {
  readonly rows: CellValue[][];
  readonly delimiter: string;
  readonly decimalComma: boolean;
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Splits CSV text into records of fields, with RFC 4180 quoting ("" inside quotes is a quote). */
function records(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The delimiter giving the same number (more than one) of fields on most of the first lines. */
function detectDelimiter(text: string): string {
  const sample = text.split(/\r?\n/).slice(0, 20).join("\n");
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    const widths = records(sample, delimiter)
      .filter((r) => r.some((f) => f !== ""))
      .map((r) => r.length);
    const counts = new Map<number, number>();
    for (const w of widths) if (w > 1) counts.set(w, (counts.get(w) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

const POINT_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const COMMA_NUMBER = /^[-+]?(\d+,?\d*|,\d+)$/;
const COMMA_GROUPED = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;

function numberOf(field: string, decimalComma: boolean): number | null {
  let s = field.trim();
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 100;
    s = s.slice(0, -1).trim();
  }
  let n: number | null = null;
  if (decimalComma && (COMMA_NUMBER.test(s) || COMMA_GROUPED.test(s)))
    n = Number(s.replace(/\./g, "").replace(",", "."));
  else if (!decimalComma && POINT_NUMBER.test(s)) n = Number(s);
  if (n === null || !Number.isFinite(n)) return null;
  // Dividing keeps "95%" exactly equal to 0.95, as the reader of text numbers does.
  return scale === 1 ? n : n / scale;
}

export function parseCsv(raw: string): CsvSheet {
  const text = raw.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const fields = records(text, delimiter);
  // A decimal comma can only be meant where the comma is not the delimiter.
  const decimalComma =
    delimiter !== "," &&
    fields.some((r) => r.some((f) => /^[-+]?\d+,\d+%?$/.test(f.trim()))) &&
    !fields.some((r) => r.some((f) => /^[-+]?\d+\.\d{1,2}%?$/.test(f.trim())));
  const rows = fields.map((r) =>
    r.map((f): CellValue => {
      if (f.trim() === "") return null;
      return numberOf(f, decimalComma) ?? f;
    }),
  );
  return { rows, delimiter, decimalComma };
}

/** Characters Excel does not allow in a sheet's name. */
const NOT_IN_SHEET_NAMES = /[\\/?*[\]:]/g;

/** The sheet a CSV export's rows go to: named after the file, within Excel's 31 characters. */
export function csvSheetName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]*$/, "")
    .replace(NOT_IN_SHEET_NAMES, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return base === "" || base.toLowerCase() === "history" ? "Data" : base;
}
