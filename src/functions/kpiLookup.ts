/**
 * BSC.KPI: one number or word of the workbook's scorecard, found in the engine's result for the
 * scored period (or the period asked for) and, with entities, for one entity. The scorecard comes
 * from a WorkbookScorecard (scorecardCache.ts reads it once and keeps it until the next refresh).
 */
import type { KpiResult, ScorecardResult } from "../engine/evaluate";
import { periodKey } from "../engine/periods";
import { fatalSentence } from "../app/outcomeText";
import { scoreModel, type Scoring } from "../app/scoring";
import type { ScorecardModel } from "../model/scorecard";
import { readPeriod } from "../model/values";
import { STATUS_MEANINGS } from "../plan/palette";
import { argumentCell, FunctionError, NO_DATA } from "./scoreArguments";

/** The workbook's scorecard as its stored definition scores it, or why there is none. */
export type WorkbookScorecard =
  | { readonly ok: true; readonly scoring: Extract<Scoring, { ok: true }> }
  | { readonly ok: false; readonly message: string };

/** What BSC.KPI can give, by the word its second argument takes. */
export const KPI_FIELDS = ["score", "status", "actual", "target", "trend"] as const;
export type KpiField = (typeof KPI_FIELDS)[number];

const fold = (text: string): string => text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

export function fieldArgument(value: unknown): KpiField {
  const cell = argumentCell(value, "field");
  if (cell === null || String(cell).trim() === "") return "score";
  const field = KPI_FIELDS.find((f) => f === fold(String(cell)));
  if (!field)
    throw new FunctionError(
      "#VALUE!",
      `"${String(cell)}" is not a field BSC.KPI gives: write ${KPI_FIELDS.join(", ")} (or leave it out for the score).`,
    );
  return field;
}

/**
 * A period as the scorecard names it ("2026-06"): text as a Period cell takes it ("Jun 2026",
 * "2026-Q2"), a year, or a date cell (Excel hands a date over as its serial number).
 */
export function periodArgument(value: unknown): string | null {
  const cell = argumentCell(value, "period");
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return null;
  const isYear = typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 2999;
  const period = readPeriod(typeof cell === "number" && !isYear ? { date: cell } : cell);
  if (!period)
    throw new FunctionError(
      "#VALUE!",
      `"${String(cell)}" is not a period: write it as the scorecard does ("2026-06", "2026-Q2", "2026") or give a date.`,
    );
  return periodKey(period);
}

/** The result the KPI, period and entity name, or #N/A saying what is there instead. */
function findKpi(result: ScorecardResult, name: string, entity: string | null): KpiResult {
  let perspectives = result.perspectives;
  if (entity !== null) {
    const found = result.entities.find((e) => fold(e.name) === fold(entity));
    if (!found) {
      const known = result.entities.map((e) => e.name);
      throw new FunctionError(
        "#N/A",
        known.length
          ? `No entity "${entity}" in this scorecard (its entities: ${known.join(", ")}).`
          : `This scorecard has no entities: leave the entity out.`,
      );
    }
    perspectives = found.perspectives;
  }
  const matches = perspectives.flatMap((p) =>
    p.objectives.flatMap((o) => o.kpis.filter((k) => fold(k.kpi.name) === fold(name))),
  );
  if (matches.length === 0)
    throw new FunctionError(
      "#N/A",
      `No KPI named "${name}" in this workbook's scorecard${entity === null ? "" : ` for ${entity}`}.`,
    );
  if (matches.length > 1)
    throw new FunctionError(
      "#VALUE!",
      `${matches.length} KPIs are named "${name}" (under ${matches.map((m) => m.kpi.objective).join(", ")}): rename one to tell them apart.`,
    );
  return matches[0]!;
}

const numberOrNoData = (n: number | null): number | string => (n === null ? NO_DATA : n);

export interface KpiQuery {
  readonly name: unknown;
  readonly field?: unknown;
  readonly period?: unknown;
  readonly entity?: unknown;
}

/**
 * Each model's scorings of other periods, kept with the model: BSC.KPI is volatile, so every
 * recalculation asks again, and every cell naming the same period shares one scoring instead of
 * scoring the whole workbook once per cell. A new reading of the workbook is a new model.
 */
const otherPeriods = new WeakMap<ScorecardModel, Map<string, Scoring>>();

/** The result for the period asked for: the scored one as read, another scored once and kept. */
function resultFor(scoring: Extract<Scoring, { ok: true }>, period: string | null): ScorecardResult {
  if (period === null || period === scoring.result.period) return scoring.result;
  let kept = otherPeriods.get(scoring.model);
  if (!kept) otherPeriods.set(scoring.model, (kept = new Map()));
  let scored = kept.get(period);
  if (!scored) kept.set(period, (scored = scoreModel(scoring.model, { period })));
  if (!scored.ok) throw new FunctionError("#N/A", fatalSentence(scored.fatal));
  return scored.result;
}

/** BSC.KPI's answer from a scorecard read: a number, a word, or "" for no data. */
export function kpiValue(scorecard: WorkbookScorecard, query: KpiQuery): number | string {
  const name = argumentCell(query.name, "KPI name");
  if (name === null || String(name).trim() === "")
    throw new FunctionError("#VALUE!", 'Name the KPI: BSC.KPI("Revenue").');
  const field = fieldArgument(query.field);
  const period = periodArgument(query.period);
  const entityCell = argumentCell(query.entity, "entity");
  const entity = entityCell === null || String(entityCell).trim() === "" ? null : String(entityCell);
  if (!scorecard.ok) throw new FunctionError("#N/A", scorecard.message);
  const kpi = findKpi(resultFor(scorecard.scoring, period), String(name), entity);
  switch (field) {
    case "score":
      return numberOrNoData(kpi.score);
    case "status":
      return STATUS_MEANINGS[kpi.status];
    case "actual":
      return numberOrNoData(kpi.actual);
    case "target":
      return numberOrNoData(kpi.target);
    case "trend":
      // The engine's own words (better, worse, flat); none is no data.
      return kpi.trend === "none" ? NO_DATA : kpi.trend;
  }
}
