/**
 * The reader of a long table whose actual and target stand on rows of their own, a column saying
 * which ("Measure Names" = Actual / Target beside "Measure Values", as BI tools export a pivot
 * unpivoted). The rows of one KPI (and entity) in one period make one observation: the actual's
 * value and cell from its Actual row, the target's from its Target row.
 */
import { issue, type Issue } from "../engine/issues";
import type { Period } from "../engine/periods";
import { periodKey, periodOrdinal } from "../engine/periods";
import { sheetCell } from "./address";
import { BLANK, EntityColumn, isEntityTotal, plainObservation, type KpiDraft, type RowTally } from "./drafts";
import type { LayoutRows } from "./longLayout";
import { seriesOfWord } from "./roles";
import { RowContext, type TableReader } from "./rows";
import type { Observation } from "./scorecard";
import { kpiKey } from "./scorecard";
import { cellAt } from "./snapshot";
import { TablePeriods, type PeriodSettings } from "./tablePeriods";
import { cellText, readNumber, type NumberReading } from "./values";

interface Half {
  readonly row: number;
  readonly value: NumberReading;
  readonly cell: string;
}

/** One KPI's rows in one period: its period, and the row of each half read so far. */
interface Halves {
  readonly period: Period | null;
  actual?: Half;
  target?: Half;
}

export function readPairRows(
  reader: TableReader,
  issues: Issue[],
  tally: RowTally,
  periodSettings: PeriodSettings,
): LayoutRows | Issue {
  const { table, sheet } = reader;
  const { series, value } = table.seriesColumns as { series: number; value: number };
  const periods = reader.has("period") ? new TablePeriods(reader, periodSettings) : null;
  if (periods) issues.push(...periods.notes);
  const context = new RowContext(reader);
  const entities = new EntityColumn(reader.has("entity") ? (row) => reader.text(row, "entity") : null);
  const drafts = new Map<string, KpiDraft & { halves: Map<number, Halves> }>();
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const reading = tally.take(context.read(row));
    if (reading === null) continue;
    const entity = entities.at(row);
    if (entity !== null && isEntityTotal(entity)) {
      tally.total(issue("entity-total", reader.cell(row, "entity"), { label: entity }));
      continue;
    }
    const kind = seriesOfWord(cellText(cellAt(sheet, row, series)));
    if (kind !== "actual" && kind !== "target") {
      tally.leaveOut(
        issue("comparison-row", sheetCell(sheet.name, row, series), {
          kpi: reading.name,
          label: cellText(cellAt(sheet, row, series)),
        }),
      );
      continue;
    }
    let ordinal = 0;
    let period: Period | null = null;
    if (periods) {
      const found = periods.scoredAt(row, tally);
      if (found === null) continue;
      if ("code" in found) return found;
      period = found;
      ordinal = periodOrdinal(period);
    }
    const key = `${entity ?? ""}\u0000${kpiKey(reading.perspective, reading.objective, reading.name)}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        entity,
        perspective: reading.perspective,
        objective: reading.objective,
        name: reading.name,
        observations: [],
        byPeriod: new Map(),
        attributes: {},
        halves: new Map(),
      };
      drafts.set(key, draft);
    }
    const halves = draft.halves.get(ordinal) ?? { period };
    if (halves[kind]) {
      tally.leaveOut(
        issue("duplicate-kpi", reader.cell(row, "kpi"), {
          kpi: reading.name,
          period: period ? periodKey(period) : "",
          first: (halves[kind] as Half).cell,
        }),
      );
      continue;
    }
    halves[kind] = {
      row,
      value: readNumber(cellAt(sheet, row, value)),
      cell: sheetCell(sheet.name, row, value),
    };
    draft.halves.set(ordinal, halves);
    tally.scored();
  }
  const all = [...drafts.values()].map(({ halves, ...draft }) => {
    const byPeriod = new Map<number, Observation>();
    // Each period's observation, once both its halves are read: in period order.
    for (const [ordinal, { period, actual, target }] of [...halves].sort((a, b) => a[0] - b[0])) {
      const first = (actual ?? target) as Half;
      byPeriod.set(
        ordinal,
        plainObservation(
          period,
          first.row,
          actual?.value ?? BLANK,
          actual?.cell ?? first.cell,
          target?.value ?? BLANK,
          target?.cell ?? null,
        ),
      );
    }
    return { ...draft, byPeriod, observations: [...byPeriod.values()] };
  });
  const periodCount = new Set(all.flatMap((d) => [...d.byPeriod.keys()])).size;
  return { drafts: all, granularity: periods?.rowsGranularity ?? null, periods: periodCount, context };
}
