import { issue, type Issue } from "../engine/issues";
import type { Granularity } from "../engine/periods";
import { periodKey, periodOrdinal } from "../engine/periods";
import { sheetCell } from "./address";
import type { PeriodColumn } from "./detect";
import { ATTRIBUTE_ROLES, BLANK, EntityColumn, isEntityTotal, type KpiDraft, type RowTally } from "./drafts";
import type { ColumnRole } from "./headers";
import { periodOfValueHeader } from "./headers";
import { sumObservations, sumsTo } from "./periodSums";
import { kpiKey } from "./scorecard";
import type { Observation } from "./scorecard";
import { RowContext, type TableReader } from "./rows";
import { cellAt, formatAt } from "./snapshot";
import { cellText, cellTextAsWritten, readNumber } from "./values";

/** What a row of a wide table holds: the KPI's actuals, its targets, or a comparison (PY, forecast). */
export type Series = "actual" | "target" | "comparison";

const SERIES_WORDS: ReadonlyMap<string, Series> = new Map([
  ...["actual", "actuals", "act", "result", "results"].map((w) => [w, "actual"] as const),
  ...["target", "targets", "tgt", "budget", "bud", "plan", "goal"].map((w) => [w, "target"] as const),
  ...[
    "py",
    "prior year",
    "previous year",
    "last year",
    "ly",
    "forecast",
    "fcst",
    "outlook",
    "prior month",
    // A variance row, derived from the two others ("Internet Sales Var to Plan"): no KPI of its own.
    "var",
    "variance",
    "var to plan",
    "var to budget",
    "var to target",
    "variance to plan",
    "variance to budget",
    "variance to target",
    "vs plan",
    "vs budget",
    "vs target",
  ].map((w) => [w, "comparison"] as const),
]);

const seriesWord = (text: string): Series | undefined =>
  SERIES_WORDS.get(
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim(),
  );

const SUFFIXES = [...SERIES_WORDS.keys()].sort((a, b) => b.length - a.length);

/** "Revenue Actual", "Revenue - Budget", "Revenue (PY)": the KPI's name and what the row holds. */
export function splitSeries(name: string): { base: string; series: Series } | null {
  const lower = name.toLowerCase().replace(/\)\s*$/, "");
  for (const word of SUFFIXES) {
    if (!lower.endsWith(word)) continue;
    const before = name.slice(0, lower.length - word.length);
    if (!/[\s\-–:(]$/.test(before)) continue;
    const base = before.replace(/[\s\-–:(]+$/, "");
    if (base !== "") return { base, series: SERIES_WORDS.get(word) as Series };
  }
  return null;
}

/** A column with no known header whose every filled cell below says Actual, Budget, PY…. */
function seriesColumn(reader: TableReader): number | null {
  const { table, sheet } = reader;
  const known = new Set<number>([
    ...Object.values(table.columns),
    ...table.periodColumns.map((p: PeriodColumn) => p.col),
  ]);
  for (let col = table.left; col <= table.right; col++) {
    if (known.has(col)) continue;
    let words = 0;
    let other = 0;
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
      const text = cellText(cellAt(sheet, row, col));
      if (text === "") continue;
      if (seriesWord(text)) words++;
      else other++;
    }
    if (words >= 2 && other === 0) return col;
  }
  return null;
}

/** The rows of one KPI (of one entity) in a wide table: its actual's, its target's. */
interface RowGroup {
  entity: string | null;
  perspective: string;
  objective: string;
  name: string;
  rows: Partial<Record<Series, number>>;
}

/** The words of a KPI's name, for matching a plan row to its actual row. */
const nameWords = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");

/**
 * A plan row whose KPI has no actual row of its name ("Internet Sales Plan") beside one actual
 * row with no plan whose name holds every word of the plan's ("Internet Net Sales"), as a
 * PivotTable names its value fields: the two are one KPI, named as its actual row. Only where the
 * match is the one there is, in the same entity and group.
 */
function pairLonePlans(groups: Map<string, RowGroup>): void {
  const lone = (kind: Series, other: Series) =>
    [...groups.entries()].filter(([, g]) => g.rows[kind] !== undefined && g.rows[other] === undefined);
  const actuals = lone("actual", "target");
  for (const [planKey, plan] of lone("target", "actual")) {
    const words = nameWords(plan.name);
    const matches = actuals.filter(
      ([, a]) =>
        a.entity === plan.entity &&
        a.perspective === plan.perspective &&
        words.every((w) => nameWords(a.name).includes(w)),
    );
    const [match] = matches;
    if (matches.length !== 1 || !match || !groups.has(match[0])) continue;
    match[1].rows.target = plan.rows.target;
    groups.delete(planKey);
  }
}

/**
 * Reads a table with the periods across its columns: a row per KPI (its target in a Target column
 * or on a paired "Budget"/"Target" row), each period column one period's actual. A prior-year or
 * forecast row is a comparison, not a target: it is left out and said so.
 */
export function readWideRows(
  reader: TableReader,
  issues: Issue[],
  tally: RowTally,
): { drafts: KpiDraft[]; granularity: Granularity; context: RowContext; periods: number } {
  const { table, sheet } = reader;
  const series = seriesColumn(reader);
  const context = new RowContext(reader, series !== null);
  const entities = new EntityColumn(reader.has("entity") ? (row) => reader.text(row, "entity") : null);
  const leaveOut = (found: Issue): void => tally.leaveOut(found);

  const columns: PeriodColumn[] = [];
  for (const pc of table.periodColumns) {
    const first = columns.find((c) => periodOrdinal(c.period) === periodOrdinal(pc.period));
    if (first) {
      issues.push(
        issue("duplicate-header", sheetCell(sheet.name, table.headerRow, pc.col), {
          header: cellText(cellAt(sheet, table.headerRow, pc.col)),
          role: periodKey(pc.period),
        }),
      );
    } else columns.push(pc);
  }

  const granularity = (columns[0] as PeriodColumn).period.granularity;
  const summedTo = targetPeriodOf(reader, granularity, issues);

  const groups = new Map<string, RowGroup>();
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const reading = tally.take(context.read(row));
    if (reading === null) continue;
    let name = reading.name;
    let kind: Series = "actual";
    const split = splitSeries(name);
    const word = series === null ? "" : cellText(cellAt(sheet, row, series));
    if (word !== "") kind = seriesWord(word) as Series;
    else if (split) ({ base: name, series: kind } = split);
    if (kind === "comparison") {
      leaveOut(issue("comparison-row", reader.cell(row, "kpi"), { kpi: name, label: word || reading.name }));
      continue;
    }
    // Without an Objective column each KPI is its own objective: "Revenue", not "Revenue Actual".
    const objective = reading.objective === reading.name ? name : reading.objective;
    const entity = entities.at(row);
    if (entity !== null && isEntityTotal(entity)) {
      tally.total(issue("entity-total", reader.cell(row, "entity"), { label: entity }));
      continue;
    }
    const key = `${entity ?? ""}\u0000${kpiKey(reading.perspective, objective, name)}`;
    const group = groups.get(key) ?? { entity, perspective: reading.perspective, objective, name, rows: {} };
    groups.set(key, group);
    const earlier = group.rows[kind];
    if (earlier !== undefined) {
      leaveOut(
        issue("duplicate-kpi", reader.cell(row, "kpi"), {
          kpi: name,
          period: "",
          first: sheetCell(sheet.name, earlier, table.columns.kpi as number),
        }),
      );
      continue;
    }
    group.rows[kind] = row;
    tally.scored();
  }

  pairLonePlans(groups);
  const drafts: KpiDraft[] = [];
  for (const group of groups.values()) {
    const actualRow = group.rows.actual ?? null;
    const targetRow = group.rows.target ?? null;
    const home = (actualRow ?? targetRow) as number;
    const fromRows = (role: ColumnRole): number =>
      [actualRow, targetRow].find((r) => r !== null && reader.text(r, role) !== "") ?? home;
    const draft: KpiDraft = {
      entity: group.entity,
      perspective: group.perspective,
      objective: group.objective,
      name: group.name,
      observations: [],
      byPeriod: new Map(),
      attributes: {},
    };
    for (const role of ATTRIBUTE_ROLES) {
      const row = fromRows(role);
      if (reader.has(role) && reader.text(row, role) !== "") draft.attributes[role] = { row, rank: 0 };
    }
    const thresholdRow = fromRows("threshold");
    const toleranceRow = fromRows("tolerance");
    const polarityRow = fromRows("polarity");
    for (const { col, period, targetCol } of columns) {
      const actual = actualRow === null ? BLANK : readNumber(cellAt(sheet, actualRow, col));
      // The target: on the KPI's target row, in the period's own target column, or in the Target column.
      const target =
        targetRow !== null
          ? readNumber(cellAt(sheet, targetRow, col))
          : targetCol !== undefined
            ? readNumber(cellAt(sheet, home, targetCol))
            : reader.has("target")
              ? readNumber(reader.value(home, "target"))
              : BLANK;
      if (actual.kind === "blank" && target.kind === "blank") continue;
      const observation: Observation = {
        period,
        row: home,
        actual,
        actualCell: sheetCell(sheet.name, actualRow ?? home, col),
        wide: {
          column: col,
          actualRow,
          targetRow,
          format: actualRow === null ? null : formatAt(sheet, actualRow, col),
        },
        target,
        targetCell:
          targetRow !== null
            ? sheetCell(sheet.name, targetRow, col)
            : targetCol !== undefined
              ? sheetCell(sheet.name, home, targetCol)
              : reader.cell(home, "target"),
        threshold: reader.has("threshold") ? readNumber(reader.value(thresholdRow, "threshold")) : BLANK,
        thresholdCell: reader.cell(thresholdRow, "threshold"),
        tolerance: reader.has("tolerance") ? readNumber(reader.value(toleranceRow, "tolerance")) : BLANK,
        toleranceCell: reader.cell(toleranceRow, "tolerance"),
        polarityText: reader.has("polarity")
          ? cellTextAsWritten(reader.value(polarityRow, "polarity"))
          : null,
        polarityCell: reader.cell(polarityRow, "polarity"),
      };
      draft.observations.push(observation);
      draft.byPeriod.set(periodOrdinal(period), observation);
    }
    draft.observations.sort((a, b) => periodOrdinal(a.period as never) - periodOrdinal(b.period as never));
    if (summedTo !== null && targetRow === null) {
      draft.observations = sumObservations(draft.observations, summedTo, sheet.name);
      draft.byPeriod = new Map(draft.observations.map((o) => [periodOrdinal(o.period as never), o]));
    }
    drafts.push(draft);
  }
  const periods =
    summedTo === null ? columns.length : drafts.reduce((most, d) => Math.max(most, d.observations.length), 0);
  return { drafts, granularity: summedTo ?? granularity, context, periods };
}

/**
 * The longer period the Target column says it is set for ("Quarterly Target" beside months), where
 * the period columns' actuals sum to it (periodSums.ts), said once; null where they are scored as
 * they stand.
 */
function targetPeriodOf(reader: TableReader, granularity: Granularity, issues: Issue[]): Granularity | null {
  const { table, sheet } = reader;
  const col = table.columns.target;
  if (col === undefined || table.periodColumns.some((pc) => pc.targetCol !== undefined)) return null;
  const header = cellText(cellAt(sheet, table.headerRow, col));
  const longer = periodOfValueHeader(header);
  if (!sumsTo(granularity, longer)) return null;
  issues.push(
    issue("periods-summed", sheetCell(sheet.name, table.headerRow, col), {
      header,
      found: longer,
      granularity,
    }),
  );
  return longer;
}
