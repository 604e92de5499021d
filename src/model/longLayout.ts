/**
 * The reader of a long table: one row per KPI (per period, with a Period column; per entity, with
 * an Entity column). One KPI's series, with no KPI column, is a long table whose every row is that
 * KPI's (rows.ts). Rows are understood one by one as a reader of the sheet would (rows.ts): group
 * cells written once, heading rows, totals; every row is scored or named in an issue.
 */
import { issue, type Issue } from "../engine/issues";
import type { Granularity, Period } from "../engine/periods";
import { periodKey, periodOrdinal } from "../engine/periods";
import { ATTRIBUTE_ROLES, BLANK, EntityColumn, isEntityTotal, type KpiDraft, type RowTally } from "./drafts";
import { RowContext, type TableReader } from "./rows";
import type { Observation } from "./scorecard";
import { TablePeriods, type PeriodSettings } from "./tablePeriods";
import { namesLineCode } from "./headers";
import { cellAt } from "./snapshot";
import { cellTextAsWritten, readNumber, type NumberReading } from "./values";

export interface LayoutRows {
  readonly drafts: KpiDraft[];
  readonly granularity: Granularity | null;
  /** Distinct periods read. */
  readonly periods: number;
  /** Where perspectives and objectives came from. */
  readonly context: RowContext;
}

/**
 * A long table's row as an observation: its period and row, and the table's reader. Its numbers
 * are read from the row's cells and its cells' addresses made when asked for (a score, a trend, a
 * traffic light, an issue naming one): a number held as a reading object beside each of a large
 * table's cells, and five address strings per row, were most of a refresh's live model (at
 * 150,000 rows the readings alone about 25 MB, kept to the end of the run). A copy keeps them: see
 * observationWith (drafts.ts).
 */
class RowObservation implements Observation {
  constructor(
    readonly period: Period | null,
    readonly row: number,
    private readonly reader: TableReader,
  ) {}
  get actual(): NumberReading {
    return readNumber(this.reader.value(this.row, "actual"));
  }
  get target(): NumberReading {
    return readNumber(this.reader.value(this.row, "target"));
  }
  get threshold(): NumberReading {
    return this.reader.has("threshold") ? readNumber(this.reader.value(this.row, "threshold")) : BLANK;
  }
  get tolerance(): NumberReading {
    return this.reader.has("tolerance") ? readNumber(this.reader.value(this.row, "tolerance")) : BLANK;
  }
  get polarityText(): string | null {
    return this.reader.has("polarity") ? cellTextAsWritten(this.reader.value(this.row, "polarity")) : null;
  }
  get actualCell(): string {
    return this.reader.cell(this.row, "actual") as string;
  }
  get targetCell(): string | null {
    return this.reader.cell(this.row, "target");
  }
  get thresholdCell(): string | null {
    return this.reader.cell(this.row, "threshold");
  }
  get toleranceCell(): string | null {
    return this.reader.cell(this.row, "tolerance");
  }
  get polarityCell(): string | null {
    return this.reader.cell(this.row, "polarity");
  }
}

/**
 * A column of line codes beside the KPI names ("codigo", "Account code"): where one name stands
 * on two lines of different codes in the same period (a budget's ordinary and intra-budget
 * revenue both called "Receita patrimonial"), the code tells them apart, as a finance reader
 * does: each is its own KPI, named with its code ("Receita patrimonial (73)"), not a duplicate.
 * Returns the name a row's KPI takes, or null where no name needs its code.
 */
function namesWithCodes(reader: TableReader): ((row: number, name: string) => string) | null {
  const { table } = reader;
  const taken = new Set(Object.values(table.columns));
  const code = table.headers.find((h) => !taken.has(h.col) && namesLineCode(h.text))?.col;
  if (code === undefined || !reader.has("kpi")) return null;
  const codeAt = (row: number): string => cellTextAsWritten(cellAt(reader.sheet, row, code)).trim();
  const codesOf = new Map<string, Set<string>>();
  const split = new Set<string>();
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const name = reader.text(row, "kpi");
    const lineCode = codeAt(row);
    if (name === "" || lineCode === "") continue;
    const key = `${name}\u0000${reader.text(row, "period")}\u0000${reader.text(row, "entity")}`;
    const codes = codesOf.get(key) ?? new Set<string>();
    codes.add(lineCode);
    codesOf.set(key, codes);
    if (codes.size > 1) split.add(name);
  }
  if (split.size === 0) return null;
  return (row, name) => {
    const lineCode = codeAt(row);
    return split.has(name) && lineCode !== "" ? `${name} (${lineCode})` : name;
  };
}

export function readLongRows(
  reader: TableReader,
  issues: Issue[],
  tally: RowTally,
  periodSettings: PeriodSettings,
): LayoutRows | Issue {
  const { table } = reader;
  // The KPIs in the order of their first row; found by name, then by their groups (a name is
  // most often one KPI's): no key string is built for each of a large table's rows.
  const drafts: KpiDraft[] = [];
  const byName = new Map<string, KpiDraft[]>();
  const hasPeriods = reader.has("period");
  const periodColumn = hasPeriods ? new TablePeriods(reader, periodSettings) : null;
  if (periodColumn?.noYearAtAll) return periodColumn.noYearIssue();
  if (periodColumn) issues.push(...periodColumn.notes);
  const context = new RowContext(reader);
  const entities = new EntityColumn(reader.has("entity") ? (row) => reader.text(row, "entity") : null);
  const leaveOut = (found: Issue): void => tally.leaveOut(found);
  const withCode = namesWithCodes(reader);
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const reading = tally.take(context.read(row));
    if (reading === null) continue;
    const kpi = withCode ? withCode(row, reading.name) : reading.name;
    // Without an Objective column each KPI is its own objective, named as the KPI is.
    const objective = withCode && reading.objective === reading.name ? kpi : reading.objective;
    const names = { perspective: reading.perspective, objective, kpi };
    const entity = entities.at(row);
    if (entity !== null && isEntityTotal(entity)) {
      tally.total(issue("entity-total", reader.cell(row, "entity"), { label: entity }));
      continue;
    }
    let period: Period | null = null;
    if (periodColumn) {
      const found = periodColumn.scoredAt(row, tally);
      if (found === null) continue;
      if ("code" in found) return found;
      period = found;
    }
    let named = byName.get(names.kpi);
    let draft = named?.find(
      (d) =>
        (d.entity ?? "") === (entity ?? "") &&
        d.perspective === names.perspective &&
        d.objective === names.objective,
    );
    if (!draft) {
      if (!named) byName.set(names.kpi, (named = []));
      draft = {
        entity,
        perspective: names.perspective,
        objective: names.objective,
        name: names.kpi,
        observations: [],
        byPeriod: new Map(),
        attributes: {},
      };
      named.push(draft);
      drafts.push(draft);
    }
    const ordinal = period ? periodOrdinal(period) : 0;
    const earlier = draft.byPeriod.get(ordinal);
    if (earlier) {
      leaveOut(
        issue("duplicate-kpi", reader.cell(row, "kpi"), {
          kpi: names.kpi,
          period: period ? periodKey(period) : "",
          first: earlier.actualCell,
        }),
      );
      continue;
    }
    const observation = new RowObservation(period, row, reader);
    draft.byPeriod.set(ordinal, observation);
    draft.observations.push(observation);
    tally.scored();
    for (const role of ATTRIBUTE_ROLES) {
      if (!reader.has(role) || reader.text(row, role) === "") continue;
      const current = draft.attributes[role];
      if (!current) draft.attributes[role] = { row, rank: ordinal };
      else if (ordinal >= current.rank) {
        current.row = row;
        current.rank = ordinal;
      }
    }
  }
  for (const d of drafts) {
    if (hasPeriods)
      d.observations.sort((a, b) => periodOrdinal(a.period as Period) - periodOrdinal(b.period as Period));
  }
  const periods = new Set<number>();
  for (const d of drafts) for (const ordinal of d.byPeriod.keys()) periods.add(ordinal);
  return { drafts, granularity: periodColumn?.rowsGranularity ?? null, periods: periods.size, context };
}
