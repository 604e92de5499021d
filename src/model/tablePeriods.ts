/**
 * A long table's Period column read as a whole (periodText.ts), so that what one cell cannot say
 * is settled by the column and the block around it: the day order of 01/02/2024 by any date in
 * the column with a day above 12 (else the file's convention, with a warning naming the cells),
 * the year of "Jan" by a Year column on its row, a year the block's title or sheet names
 * ("Budget 2024"), or the one the user gave (`--year`, the set-up). A month left without a year is
 * an error at its cell: never a row dropped without a word.
 */
import { issue, type Issue } from "../engine/issues";
import type { Granularity, Period } from "../engine/periods";
import { sheetBox } from "./address";
import type { RowTally } from "./drafts";
import { isYearHeader } from "./headers";
import {
  numberedPeriodOf,
  readPeriodCell,
  readPeriodColumn,
  yearFromContext,
  type DayOrder,
  type PeriodColumnReading,
  type PeriodContext,
} from "./periodText";
import type { TableReader } from "./rows";
import { cellAt } from "./snapshot";
import { cellText, readNumber } from "./values";

/** What the reader knows beyond the cells: the user's year and day order, the fiscal year's start. */
export interface PeriodSettings {
  readonly year?: number | undefined;
  readonly dayOrder?: DayOrder | undefined;
  /** The file's convention (a CSV's decimal comma says day-first): used, with a warning at the cells. */
  readonly fileDayOrder?: DayOrder | undefined;
  readonly fiscalYearStartMonth: number;
}

export type RowPeriod = { readonly period: Period } | { readonly issue: Issue } | { readonly blank: true };

/** The texts above a block's header row that may name its year: its title rows. */
function titleTexts(reader: TableReader): string[] {
  const { table, sheet } = reader;
  const texts: string[] = [];
  for (let row = Math.max(sheet.origin.row, table.headerRow - 5); row < table.headerRow; row++)
    for (let col = table.left; col <= table.right; col++) {
      const text = cellText(cellAt(sheet, row, col));
      if (text !== "") texts.push(text);
    }
  return texts;
}

const distinctPeriods = (reading: PeriodColumnReading): number =>
  new Set(reading.periods.flatMap((p) => (p ? [`${p.granularity}${p.year}-${p.index}`] : []))).size;

export class TablePeriods {
  private column: PeriodColumnReading;
  private dayOrderWords = "month/day";
  private dayOrderWhy = "";
  private readonly context: PeriodContext;
  private readonly yearColumn: number | null;
  readonly notes: Issue[] = [];

  constructor(
    private readonly reader: TableReader,
    settings: PeriodSettings,
  ) {
    const { table } = reader;
    const found =
      settings.year === undefined ? yearFromContext([...titleTexts(reader), reader.sheet.name]) : null;
    // A Quarter, Week or Month column of bare numbers (1–4, 1–53, 1–12) numbers those periods.
    const periodHeader = table.headers.find((h) => h.col === table.columns.period)?.text ?? "";
    const numbered = numberedPeriodOf(periodHeader);
    this.context = {
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      ...(numbered ? { numbered } : {}),
      ...(settings.dayOrder ? { dayOrder: settings.dayOrder } : {}),
      ...(settings.year !== undefined
        ? { year: settings.year }
        : found
          ? { year: found.year, yearIsFiscal: found.fiscal }
          : {}),
    };
    const values = [];
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++)
      values.push(reader.value(row, "period"));
    this.column = readPeriodColumn(values, this.context);
    const ambiguous = this.column.ambiguousDayOrder ? this.column.dayOrderCells : [];
    if (ambiguous.length) {
      // Nothing settles 01/02 against 02/01. A table holds one row per KPI per period, so the order
      // under which the dates fall in more distinct periods is the one the file was written in;
      // where both do as well, the file's convention (a CSV's decimal comma: day-first), else m/d.
      const convention: DayOrder = settings.fileDayOrder ?? "mdy";
      const other: DayOrder = convention === "mdy" ? "dmy" : "mdy";
      const byConvention = readPeriodColumn(values, { ...this.context, dayOrder: convention });
      const byOther = readPeriodColumn(values, { ...this.context, dayOrder: other });
      const otherWins = distinctPeriods(byOther) > distinctPeriods(byConvention);
      const order = otherWins ? other : convention;
      this.column = otherWins ? byOther : byConvention;
      this.dayOrderWords = order === "dmy" ? "day/month" : "month/day";
      this.dayOrderWhy = otherWins
        ? "and this order puts each row in a period of its own"
        : settings.fileDayOrder
          ? settings.fileDayOrder === "dmy"
            ? "and the file's decimal comma says it comes from where dates are day-first"
            : "and the file's convention says so"
          : "and month/day is taken where nothing says otherwise";
    }
    this.yearColumn =
      table.headers.find((h) => isYearHeader(h.text) && h.col !== table.columns.period)?.col ?? null;
    if (ambiguous.length) {
      for (const index of ambiguous) {
        this.notes.push(
          issue("period-day-order", reader.cell(table.firstDataRow + index, "period"), {
            value: cellText(values[index] ?? null),
            order: this.dayOrderWords,
            why: this.dayOrderWhy,
            ...(this.dayOrderWords === "month/day"
              ? { other: "day/month", flag: "--day-first" }
              : { other: "month/day", flag: "--month-first" }),
          }),
        );
      }
    }
  }

  /** Every period cell is a month (or quarter, or week) with no year, and nothing gives one: nothing can be scored. */
  get noYearAtAll(): boolean {
    return this.column.allYearless !== null && this.yearColumn === null && this.context.year === undefined;
  }

  /**
   * The question that stops a table whose every period has no year and nothing gives one
   * (noYearAtAll): its Period cells' range, the first and last, and what they name.
   */
  noYearIssue(): Issue {
    const { table } = this.reader;
    const col = table.columns.period as number;
    const texts = [];
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
      const text = this.reader.text(row, "period");
      if (text !== "") texts.push(text);
    }
    return issue("months-across-no-year", this.reader.cell(table.firstDataRow, "period"), {
      range: sheetBox(table.sheet, {
        top: table.firstDataRow,
        bottom: table.lastDataRow,
        left: col,
        right: col,
      }),
      first: texts[0] ?? "",
      last: texts[texts.length - 1] ?? "",
      what: this.yearlessKind,
    });
  }

  /** What the yearless cells name, for the question that asks their year: "months", "quarters", "weeks". */
  get yearlessKind(): string {
    return `${this.column.allYearless ?? "month"}s`;
  }

  /** The granularity the column reads in (weeks for dates a week apart). */
  get granularity() {
    return this.column.granularity;
  }

  /** The kind of period of the rows scored so far: the first one's; null before any. */
  rowsGranularity: Granularity | null = null;

  /**
   * A data row's period for a long table's reader: null where the row is left out (its Period
   * cell blank or no period, said in the tally); the period-mixed issue that stops the table where
   * its kind is not that of the rows before it.
   */
  scoredAt(row: number, tally: RowTally): Period | null | Issue {
    const found = this.at(row);
    if ("blank" in found) {
      tally.leaveOut(issue("missing-name", this.reader.cell(row, "period"), { column: "period" }));
      return null;
    }
    if ("issue" in found) {
      tally.leaveOut(found.issue);
      return null;
    }
    const { period } = found;
    this.rowsGranularity ??= period.granularity;
    if (period.granularity !== this.rowsGranularity)
      return issue("period-mixed", this.reader.cell(row, "period"), {
        found: period.granularity,
        expected: this.rowsGranularity,
      });
    return period;
  }

  at(row: number): RowPeriod {
    const { reader } = this;
    const index = row - reader.table.firstDataRow;
    const raw = reader.value(row, "period");
    if (cellText(raw) === "") return { blank: true };
    const period = this.column.periods[index] ?? null;
    if (period) return { period };
    // The cell's address only for an issue: a table of 150,000 rows reads every row here.
    const cell = reader.cell(row, "period");
    const reading = this.column.readings[index] ?? null;
    if (reading?.kind === "yearless") {
      const year = this.yearOnRow(row);
      if (year !== null) {
        const withYear = readPeriodCell(raw, { ...this.context, year });
        if (withYear?.kind === "period") return { period: withYear.period };
      }
      return { issue: issue("period-no-year", cell, { value: cellText(raw) }) };
    }
    return { issue: issue("period-unreadable", cell, { value: cellText(raw) }) };
  }

  /** The row's Year cell: a number from 1900 to 9999, or "FY2024". */
  private yearOnRow(row: number): number | null {
    if (this.yearColumn === null) return null;
    const value = cellAt(this.reader.sheet, row, this.yearColumn);
    const n = readNumber(value);
    if (n.kind === "number" && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 9999) {
      return n.value;
    }
    return yearFromContext([cellText(value)])?.year ?? null;
  }
}
