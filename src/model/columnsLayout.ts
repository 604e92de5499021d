/**
 * The reader of a block that gives each KPI a column of its own: periods down the rows, "Sales"
 * beside "Sales Target", "Calls" beside "Calls Goal" (roles.ts pairs them). Each row is a period;
 * each pair of cells on it is one KPI's actual and target in that period.
 */
import { issue, type Issue } from "../engine/issues";
import type { Period } from "../engine/periods";
import { periodKey, periodOrdinal } from "../engine/periods";
import { sheetCell } from "./address";
import { isBareTotal } from "./headers";
import { EntityColumn, isEntityTotal, plainObservation, type KpiDraft, type RowTally } from "./drafts";
import type { LayoutRows } from "./longLayout";
import { RowContext, type TableReader } from "./rows";
import { cellAt } from "./snapshot";
import { TablePeriods, type PeriodSettings } from "./tablePeriods";
import { cellText, readNumber } from "./values";

/** A period cell that closes the rows above it rather than naming a period (besides a total word). */
const TO_DATE_LABEL = /^ytd$|^year to date$|^fy\s*total$/i;

/**
 * @param perspective the KPIs' perspective: the sheet's name, or a shared name when each sheet
 *   holds one unit's KPIs (the unit is then the entity)
 */
export function readColumnRows(
  reader: TableReader,
  issues: Issue[],
  tally: RowTally,
  periodSettings: PeriodSettings,
  perspective: string,
  entity: string | null,
): LayoutRows | Issue {
  const { table, sheet } = reader;
  const pairs = table.kpiColumns ?? [];
  // A row per period and unit ("2024-01, North, …"): each unit's KPIs are the entity's, by the
  // long reader's rules (a blank entity cell repeats the one above; "Total" is the units' total).
  const entities = new EntityColumn(reader.has("entity") ? (row) => reader.text(row, "entity") : null);
  const drafts: KpiDraft[] = [];
  const draftsOf = new Map<string | null, KpiDraft[]>();
  const entityDrafts = (unit: string | null): KpiDraft[] => {
    let found = draftsOf.get(unit);
    if (!found) {
      found = pairs.map((p): KpiDraft => ({
        entity: unit,
        perspective,
        objective: p.name,
        name: p.name,
        observations: [],
        byPeriod: new Map(),
        attributes: {},
      }));
      draftsOf.set(unit, found);
      drafts.push(...found);
    }
    return found;
  };
  if (!reader.has("entity")) entityDrafts(entity);
  // The periods read as a column (tablePeriods.ts), as the long reader reads them: a day order the
  // column settles, a year from the title or the user, numbered weeks or quarters, else the question.
  const periodColumn = new TablePeriods(reader, periodSettings);
  if (periodColumn.noYearAtAll) return periodColumn.noYearIssue();
  issues.push(...periodColumn.notes);
  const periods = new Set<number>();
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const raw = reader.value(row, "period");
    const cells = pairs.flatMap((p) => [cellAt(sheet, row, p.actual), cellAt(sheet, row, p.target)]);
    const holdsNumbers = cells.some((c) => readNumber(c).kind !== "blank");
    if (cellText(raw) === "" && !holdsNumbers) continue;
    const label = cellText(raw);
    if (isBareTotal(label) || TO_DATE_LABEL.test(label.trim())) {
      tally.take({ kind: "total", issue: issue("total-row", reader.cell(row, "period"), { label }) });
      continue;
    }
    const unit = entities.at(row) ?? entity;
    if (unit !== null && reader.has("entity") && isEntityTotal(unit)) {
      tally.total(issue("entity-total", reader.cell(row, "entity"), { label: unit }));
      continue;
    }
    tally.take({ kind: "kpi", perspective, objective: "", name: "" });
    const period = periodColumn.scoredAt(row, tally);
    if (period === null) continue;
    if ("code" in period) return period;
    const ordinal = periodOrdinal(period);
    const rowDrafts = entityDrafts(unit);
    // A second row of the same period (and unit): its numbers would be dropped without a word.
    const earlier = rowDrafts.find((d) => d.byPeriod.has(ordinal));
    if (earlier) {
      tally.leaveOut(
        issue("duplicate-kpi", reader.cell(row, "period"), {
          kpi: unit === null || !reader.has("entity") ? earlier.name : `${earlier.name} (${unit})`,
          period: periodKey(period),
          first: earlier.byPeriod.get(ordinal)?.actualCell ?? "",
        }),
      );
      continue;
    }
    periods.add(ordinal);
    tally.scored();
    pairs.forEach((pair, i) => {
      const draft = rowDrafts[i] as KpiDraft;
      const observation = plainObservation(
        period,
        row,
        readNumber(cellAt(sheet, row, pair.actual)),
        sheetCell(sheet.name, row, pair.actual),
        readNumber(cellAt(sheet, row, pair.target)),
        sheetCell(sheet.name, row, pair.target),
      );
      draft.byPeriod.set(ordinal, observation);
      draft.observations.push(observation);
    });
  }
  for (const d of drafts) {
    d.observations.sort((a, b) => periodOrdinal(a.period as Period) - periodOrdinal(b.period as Period));
  }
  return {
    drafts,
    granularity: periodColumn.rowsGranularity,
    periods: periods.size,
    context: new RowContext(reader),
  };
}
