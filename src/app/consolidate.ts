/**
 * Consolidating the units' workbooks into the group's (docs/WORKBOOK.md, "Consolidating the
 * units' workbooks"): each unit's workbook is read as `bsc check` reads it (readUnit), its KPIs
 * matched to the group's by name or by the group's KPI map, and the whole scored once by the
 * engine with each unit an entity, so the group's roll-up is the engine's consolidated scorecard
 * (docs/SCORING.md, Entities). Pure but for the reads through the ports: the command line and the
 * task pane share it.
 */
import type { ScorecardResult } from "../engine/evaluate";
import { evaluateScorecard } from "../engine/evaluate";
import { issue, type Issue } from "../engine/issues";
import type { Granularity } from "../engine/periods";
import { tableAddress } from "../model/detect";
import { definitionFrom, emptyDefinition, type Definition } from "../model/definition";
import { groupKpiName, mapNameKey, readKpiMap, type KpiMap } from "../model/kpiMap";
import { ownedSheetNames } from "../model/ownership";
import type {
  KpiModel,
  Observation,
  ObjectiveModel,
  PerspectiveModel,
  ScorecardModel,
} from "../model/scorecard";
import { objectiveKey } from "../model/scorecard";
import type { ReadSuggestion } from "../model/suggest";
import type { WritePlan } from "../plan/plan";
import { renderPlan } from "../plan/render";
import { unitsSourceNote, withUnitsBlock, type UnitLine } from "../plan/unitsBlock";
import type { WorkbookPort } from "../workbook/port";
import { mergeHistory, periodRows, sheetTimestamp } from "./periodHistory";
import { buildReport, issueReport, type ScorecardReport } from "./report";
import { fatalSentence } from "./outcomeText";
import { readWorkbookState, scoreWorkbook, type RunOptions, type WorkbookState } from "./scoring";

/** A unit: its name (its file's name without extension) and its file as the user gave it. */
export interface UnitSource {
  readonly name: string;
  readonly file: string;
}

/**
 * What the consolidation keeps of a unit's reading: its KPIs and their structure, small enough to
 * pass from a worker thread, without the workbook it was read from; its issues and observations
 * name their cells in the unit's workbook.
 */
export interface UnitModel extends Pick<
  ScorecardModel,
  "granularity" | "perspectives" | "objectives" | "kpis" | "issues"
> {
  /** The block(s) read, "KPI Data!A1:F40", or "Tagged ranges". */
  readonly read: string;
}

export type UnitReading =
  | { readonly ok: true; readonly unit: UnitSource; readonly model: UnitModel }
  /**
   * `reason`: the sentence `bsc check` gives for the same workbook; for a reading that stopped,
   * its issue and the reading that would work, for the command line to say as check says them.
   */
  | {
      readonly ok: false;
      readonly unit: UnitSource;
      readonly reason: string;
      readonly fatal?: Issue;
      readonly suggestion?: ReadSuggestion;
    };

/** A unit's name from its file: the file's name without folder or extension. */
export const unitName = (file: string): string => unitFileName(file).replace(/\.(xlsx|xlsm|csv)$/i, "");

/**
 * A unit's workbook read and scored exactly as `bsc check` reads it (the same scoreWorkbook on
 * the same state); a reading that stops is the unit's reason to be left out, in check's words.
 */
export async function readUnit(
  unit: UnitSource,
  port: WorkbookPort,
  options: Pick<RunOptions, "fileIssues" | "fileDayOrder" | "now"> & {
    /** Whose words the reason is in: the pane's never name bsc's flags. */
    readonly reader?: "bsc" | "pane";
  } = {},
): Promise<UnitReading> {
  const withCell = (fatal: Issue): string => fatalSentence(fatal, options.reader);
  const state = await readWorkbookState(port);
  if ("code" in state) return { ok: false, unit, reason: withCell(state) };
  const scoring = scoreWorkbook(state, state.stored, options);
  if (!scoring.ok) {
    const { fatal, suggestion } = scoring;
    return { ok: false, unit, reason: withCell(fatal), fatal, ...(suggestion ? { suggestion } : {}) };
  }
  const { model } = scoring;
  // Every cell named with the unit's file, here where the unit is read (a worker thread in bsc):
  // plain strings, which pass to the main thread as they are (a reader's lazy cell would not).
  const at = (cell: string) => unitCell(unit.file, cell);
  const issues = [...(options.fileIssues ?? []), ...(state.notes ?? []), ...model.issues];
  return {
    ok: true,
    unit,
    model: {
      granularity: model.granularity,
      perspectives: model.perspectives,
      objectives: model.objectives,
      kpis: model.kpis.map((k) => ({ ...k, observations: k.observations.map((o) => observationAt(o, at)) })),
      issues: issues.map((i) => ({ ...i, cell: i.cell === null ? null : at(i.cell) })),
      read: model.tables.length ? model.tables.map(tableAddress).join(", ") : "Tagged ranges",
    },
  };
}

/** A cell of a unit's workbook as the group names it: Excel's external reference, [north.xlsx]Data!E5. */
export const unitCell = (file: string, cell: string): string => `[${unitFileName(file)}]${cell}`;
const unitFileName = (file: string): string => file.replace(/\\/g, "/").replace(/^.*\//, "");

/** A unit in the consolidation's report: its file and result, or why it was left out. */
export type UnitOutcome = UnitLine;

/** The consolidation's JSON report: the group's scorecard, each unit an entity, and the units. */
export type ConsolidationReport = ScorecardReport & { readonly units: readonly UnitOutcome[] };

export type Consolidation =
  | { readonly ok: false; readonly fatal: Issue }
  | {
      readonly ok: true;
      readonly model: ScorecardModel;
      readonly result: ScorecardResult;
      readonly report: ConsolidationReport;
      /** The units consolidated (a unit left out is not). */
      readonly consolidated: readonly UnitSource[];
      /** True when a unit was left out: the group's figures lack it. */
      readonly incomplete: boolean;
    };

export interface ConsolidateOptions {
  readonly kpiMap: KpiMap;
  /** The group's settings (its stored definition's, or the defaults). */
  readonly settings: ScorecardModel["settings"];
  readonly period?: string | undefined;
  /** Issues found before the units were read (remembered units whose files are missing). */
  readonly issues?: readonly Issue[];
}

/** "months", "quarters"; a table without periods has "no periods (one value per KPI)". */
const periodWords = (g: Granularity | null): string =>
  g === null ? "no periods (one value per KPI)" : `${g}s`;

/**
 * The kind of period the group scores: the one most units read have, the first given among equals,
 * so that which unit is left out never depends on how the files happen to be named.
 */
function groupGranularity(
  read: readonly { model: { granularity: Granularity | null } }[],
): Granularity | null {
  const count = new Map<Granularity | null, number>();
  for (const r of read) count.set(r.model.granularity, (count.get(r.model.granularity) ?? 0) + 1);
  let best: Granularity | null = read[0]?.model.granularity ?? null;
  for (const [g, n] of count) if (n > (count.get(best) ?? 0)) best = g;
  return best;
}

interface GroupKpi {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
  /** The first unit's KPI: what a unit without it is given (polarity, weight) to show no data. */
  readonly template: KpiModel;
}

/**
 * The group's scorecard from the units' readings, in the order given: linear in the units and
 * their KPIs. A unit left out stays in the report with its reason.
 */
export function consolidate(readings: readonly UnitReading[], options: ConsolidateOptions): Consolidation {
  const issues: Issue[] = [...(options.issues ?? []), ...options.kpiMap.issues];
  const outcomes: UnitOutcome[] = [];
  const leftOut = (unit: UnitSource, reason: string) => {
    issues.push(issue("unit-left-out", null, { unit: unit.name, file: unit.file, reason }));
    outcomes.push({ name: unit.name, file: unit.file, read: null, score: null, status: "none", reason });
  };
  const read = readings.filter((r): r is Extract<UnitReading, { ok: true }> => r.ok);
  const granularity = groupGranularity(read);
  const example = read.find((r) => r.model.granularity === granularity)?.unit.file;

  const perspectives = new Map<string, PerspectiveModel>();
  const objectives = new Map<string, ObjectiveModel>();
  const groupKpis = new Map<string, GroupKpi>();
  const kpis: KpiModel[] = [];
  const entities: string[] = [];
  const kpisOfEntity = new Map<string, Set<string>>();
  /** Each entity's unit's file. */
  const fileOf = new Map<string, string>();
  /** The units consolidated, by name: a second file of the same name is left out. */
  const unitsByName = new Map<string, UnitSource>();
  const consolidated: UnitSource[] = [];
  const mapUnits = new Set<string>();

  for (const reading of readings) {
    if (!reading.ok) {
      leftOut(reading.unit, reading.reason);
      continue;
    }
    const { unit, model } = reading;
    if (model.granularity !== granularity) {
      leftOut(
        unit,
        `it has ${periodWords(model.granularity)}, where most units (${example} among them) have ${periodWords(granularity)}; a group scores one kind of period.`,
      );
      continue;
    }
    const same = unitsByName.get(mapNameKey(unit.name));
    if (same) {
      leftOut(unit, `another unit's workbook of the same name, ${same.file}, is consolidated already.`);
      continue;
    }
    unitsByName.set(mapNameKey(unit.name), unit);
    consolidated.push(unit);
    outcomes.push({
      name: unit.name,
      file: unit.file,
      read: model.read,
      score: null,
      status: "none",
      reason: null,
    });
    mapUnits.add(mapNameKey(unit.name)).add(mapNameKey(unitFileName(unit.file)));
    issues.push(...model.issues);
    for (const p of model.perspectives) if (!perspectives.has(p.name)) perspectives.set(p.name, p);
    for (const o of model.objectives) {
      const key = objectiveKey(o.perspective, o.name);
      if (!objectives.has(key)) objectives.set(key, o);
    }
    const firstOf = new Map<string, string>();
    for (const kpi of model.kpis) {
      const entity = kpi.entity === null ? unit.name : `${unit.name} · ${kpi.entity}`;
      const name = groupKpiName(options.kpiMap, [unit.name, unitFileName(unit.file)], kpi.name);
      const key = mapNameKey(name);
      const entityKey = `${entity}\u0000${key}`;
      const first = firstOf.get(entityKey);
      if (first !== undefined) {
        issues.push(
          issue("unit-kpi-mapped-twice", null, {
            unit: entity,
            file: unit.file,
            kpi: name,
            first,
            second: kpi.name,
          }),
        );
        continue;
      }
      firstOf.set(entityKey, kpi.name);
      let group = groupKpis.get(key);
      if (!group) {
        group = { perspective: kpi.perspective, objective: kpi.objective, name, template: kpi };
        groupKpis.set(key, group);
      }
      if (!kpisOfEntity.has(entity)) {
        kpisOfEntity.set(entity, new Set());
        fileOf.set(entity, unit.file);
        entities.push(entity);
      }
      kpisOfEntity.get(entity)?.add(key);
      kpis.push({
        ...kpi,
        entity,
        perspective: group.perspective,
        objective: group.objective,
        name: group.name,
      });
    }
  }
  for (const e of options.kpiMap.entries) {
    if (!mapUnits.has(mapNameKey(e.unit)))
      issues.push(issue("kpi-map-unknown-unit", e.cell, { unit: e.unit }));
  }
  if (consolidated.length === 0) {
    return {
      ok: false,
      fatal: issue("no-unit-consolidated", null, { units: readings.length }),
    };
  }
  // A KPI a unit does not report is no data for that unit, said once per unit and KPI.
  for (const entity of entities) {
    const has = kpisOfEntity.get(entity) as Set<string>;
    const file = fileOf.get(entity) ?? "";
    for (const [key, group] of groupKpis) {
      if (has.has(key)) continue;
      issues.push(issue("unit-kpi-missing", null, { unit: entity, file, kpi: group.name }));
      kpis.push({ ...group.template, entity, comment: "", owner: "", observations: [], sheet: null });
    }
  }
  // Each group KPI's own perspective and objective are those the first unit gave it.
  const used = new Set([...groupKpis.values()].map((g) => objectiveKey(g.perspective, g.objective)));
  const usedPerspectives = new Set([...groupKpis.values()].map((g) => g.perspective));
  const model: ScorecardModel = {
    table: null,
    tables: [],
    entities,
    layout: null,
    granularity,
    settings: options.settings,
    perspectives: [...perspectives.values()].filter((p) => usedPerspectives.has(p.name)),
    objectives: [...objectives.values()].filter((o) => used.has(objectiveKey(o.perspective, o.name))),
    kpis,
    issues,
  };
  const evaluation = evaluateScorecard(model, { period: options.period });
  if (!evaluation.ok) return { ok: false, fatal: evaluation.fatal };
  const { result } = evaluation;
  const scoreOf = new Map(result.entities.map((e) => [e.name, e]));
  const units = outcomes.map((u) => {
    const e = u.reason === null ? scoreOf.get(u.name) : undefined;
    return e ? { ...u, score: e.score, status: e.status } : u;
  });
  return {
    ok: true,
    model,
    result,
    report: { ...buildReport(result, null), units },
    consolidated,
    incomplete: units.some((u) => u.reason !== null),
  };
}

/**
 * An observation whose cells name the unit's file: a plain object, each field copied by name (a
 * long table's row makes its cells when asked, and a spread or a thread's copy would lose them).
 */
function observationAt(o: Observation, at: (cell: string) => string): Observation {
  const or = (cell: string | null) => (cell === null ? null : at(cell));
  return {
    period: o.period,
    row: o.row,
    actual: o.actual,
    target: o.target,
    threshold: o.threshold,
    tolerance: o.tolerance,
    polarityText: o.polarityText,
    ...(o.wide ? { wide: o.wide } : {}),
    actualCell: at(o.actualCell),
    targetCell: or(o.targetCell),
    thresholdCell: or(o.thresholdCell),
    toleranceCell: or(o.toleranceCell),
    polarityCell: or(o.polarityCell),
  };
}

/** The group's workbook as the consolidation reads it: its state, stored definition and KPI map. */
export interface GroupWorkbook {
  readonly state: WorkbookState;
  readonly definition: Definition;
  readonly kpiMap: KpiMap;
}

export async function readGroupWorkbook(port: WorkbookPort): Promise<GroupWorkbook | Issue> {
  const state = await readWorkbookState(port);
  if ("code" in state) return state;
  return {
    state,
    definition: state.stored ?? emptyDefinition(),
    kpiMap: readKpiMap(state.snapshot, ownedSheetNames(state.owned)),
  };
}

/**
 * The units remembered by the group's definition that are not among those given, each a unit
 * left out with its reason, so that the next month's consolidation says which files it lacks.
 */
export function missingRemembered(group: GroupWorkbook, given: readonly UnitSource[]): UnitReading[] {
  const names = new Set(given.map((u) => mapNameKey(u.name)));
  return (group.definition.units ?? [])
    .filter((u) => !names.has(mapNameKey(u.name)))
    .map((unit) => ({
      ok: false,
      unit,
      reason: "its workbook was consolidated last time but is not among the files given now.",
    }));
}

/**
 * The write plan of a consolidation into the group's workbook: its Scorecard sheet (the group's
 * roll-up, the units side by side, each unit's file and cells), the dashboard, and the stored
 * definition remembering the units' files (`remember`: every unit given, read or left out, so
 * that next month a unit whose file is missing is said to be). No traffic lights: the KPIs' cells
 * are in the units' workbooks.
 */
export function consolidationPlan(
  group: GroupWorkbook,
  consolidation: Extract<Consolidation, { ok: true }>,
  remember: readonly UnitSource[],
  now: Date,
): { plan: WritePlan; issues: Issue[] } {
  const { state } = group;
  const { units } = consolidation.report;
  const refreshedAt = sheetTimestamp(now);
  const rendered = renderPlan({
    sheetNames: state.snapshot.sheets.map((s) => s.name),
    owned: state.owned,
    model: consolidation.model,
    result: consolidation.result,
    // Through the schema, so that the stored JSON has one order of keys whatever it was before.
    definition: definitionFrom({
      ...group.definition,
      units: remember.map((u) => ({ name: u.name, file: u.file })),
      settings: { ...group.definition.settings, lastRefreshed: now.toISOString() },
    }),
    refreshedAt,
    // The consolidated period recorded in the group's History sheet as a refresh records its own,
    // every other period's rows (and a published period's) kept.
    periodRecords: mergeHistory(
      state.history ?? [],
      periodRows(consolidation.result, refreshedAt),
      group.definition.published,
    ),
  });
  const source = `the units' workbooks (${consolidation.consolidated.length} of ${units.length} consolidated)`;
  const note = unitsSourceNote(source, refreshedAt);
  return { ...rendered, plan: withUnitsBlock(rendered.plan, consolidation.result, units, note) };
}

/**
 * The units' readings consolidated into the group's workbook through its port, the plan applied
 * in one write as a refresh's is: what the command line and the task pane both run once the units
 * are read. A unit the group remembers but not given is among the units left out; `remember` is
 * what the stored definition keeps for next time.
 */
export async function consolidateInto(
  port: WorkbookPort,
  group: GroupWorkbook,
  readings: readonly UnitReading[],
  options: {
    readonly remember: readonly UnitSource[];
    readonly now: Date;
    readonly period?: string | undefined;
  },
): Promise<Consolidation> {
  const all = [
    ...readings,
    ...missingRemembered(
      group,
      readings.map((r) => r.unit),
    ),
  ];
  const consolidation = consolidate(all, {
    kpiMap: group.kpiMap,
    settings: group.definition.settings,
    period: options.period,
  });
  if (!consolidation.ok) return consolidation;
  const rendered = consolidationPlan(group, consolidation, options.remember, options.now);
  await port.applyPlan(rendered.plan);
  const issues = [...consolidation.report.issues, ...rendered.issues.map(issueReport)];
  return { ...consolidation, report: { ...consolidation.report, issues } };
}
