import { scoreRow } from "../engine/evaluate";
import { issue, type Issue } from "../engine/issues";
import type { Polarity, Status } from "../engine/types";
import { columnLetters } from "../model/address";
import type { DetectedTable } from "../model/detect";
import type { KpiModel, Observation } from "../model/scorecard";
import { polarityWords } from "../model/values";
import type { StatusColours } from "./palette";
import type { ConditionalFormatPlan, ConditionalRule } from "./plan";
import { PRODUCT_RULE_PREFIX } from "./plan";
import {
  isNumberFormula,
  statusConditions,
  storedAsText,
  thresholdFormula,
  type FormulaOperand,
} from "./scoreFormulas";

/**
 * Traffic lights on the scorecard table's Actual cells. Each row shows the status the engine gives
 * its KPI when the row's period is scored "Last" (SCORING.md), with the KPI's own polarity,
 * threshold and tolerance, overrides included.
 *
 * Where the sheet can read a row the way the engine does (numbers as numbers, a polarity word as
 * written), the rule reads the row's cells, so the colour follows an edit before any refresh.
 * Where it cannot (a polarity written differently, or only on some of a KPI's rows, a number
 * stored as text, an override in the stored definition), the row's rule takes the resolved values
 * from this refresh, and a warning names the cell. Rows the engine leaves out get no colour.
 */

type Operand = { readonly column: number } | { readonly fixed: number };
type PolarityOperand = { readonly column: number } | { readonly fixed: Polarity };

interface RuleInputs {
  readonly actual: number;
  readonly target: number;
  readonly polarity: PolarityOperand;
  readonly threshold: Operand | null;
  readonly tolerance: Operand | null;
}

type Lit = Exclude<Status, "none">;
const STATUSES: readonly Lit[] = ["green", "amber", "red"];

/**
 * The cells a rule reads, written for the top-left cell of the range it applies to: the other
 * cells of the range read theirs at the same offsets, as a spreadsheet copies a formula.
 */
interface CellRefs {
  readonly actual: string;
  readonly target: string;
  /** A cell of the KPI's own row in a column that describes it (Polarity, Threshold…). */
  readonly column: (column: number) => string;
}

/** A long table's rows: every input in its column, on the row coloured. */
const rowRefs = (inputs: RuleInputs, anchorRow: number): CellRefs => {
  const column = (c: number): string => `$${columnLetters(c)}${anchorRow}`;
  return { actual: column(inputs.actual), target: column(inputs.target), column };
};

function formulaText(inputs: RuleInputs, refs: CellRefs): Readonly<Record<Lit, string>> {
  const ref = refs.column;
  const A = refs.actual;
  const T = refs.target;
  const operand = (o: Operand | null): FormulaOperand | null =>
    o === null ? null : "column" in o ? { cell: ref(o.column) } : { fixed: o.fixed };
  const thresholdInputs = { threshold: operand(inputs.threshold), tolerance: operand(inputs.tolerance) };
  // Every comparison stands behind these: a logical, a text or an error is no number here.
  const valid = [isNumberFormula(A), isNumberFormula(T)];

  const polarityTest = (p: Polarity): string | null => {
    const po = inputs.polarity;
    if ("fixed" in po) return po.fixed === p ? "" : null;
    const P = `TRIM(${ref(po.column)})`;
    const words = polarityWords(p).map((w) => `${P}="${w}"`);
    if (p === "higher") words.unshift(`${P}=""`);
    return `OR(${words.join(",")})`;
  };

  const build = (status: Lit): string => {
    const branches: string[] = [];
    for (const p of ["higher", "lower", "band"] as const) {
      const test = polarityTest(p);
      if (test === null) continue;
      // "" where the threshold or tolerance is unreadable: ISNUMBER leaves the row uncoloured.
      const R = thresholdFormula(p, T, thresholdInputs);
      const c = statusConditions(p, A, T, R);
      const parts = [test, `ISNUMBER(${R})`, c.valid, c[status]].filter((x) => x !== "");
      branches.push(`AND(${parts.join(",")})`);
    }
    const choice = branches.length === 1 ? (branches[0] as string) : `OR(${branches.join(",")})`;
    return `${PRODUCT_RULE_PREFIX}${valid.join(",")},${choice})`;
  };
  return { green: build("green"), amber: build("amber"), red: build("red") };
}

/** "E2:E9", "E12" …: consecutive rows of one column folded into areas, the first row first. */
export function areas(column: number, rows: readonly number[]): string[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: string[] = [];
  const letters = columnLetters(column);
  let start = sorted[0];
  let prev = start;
  for (const row of [...sorted.slice(1), Number.NaN]) {
    if (row === (prev as number) + 1) {
      prev = row;
      continue;
    }
    out.push(start === prev ? `${letters}${start}` : `${letters}${start}:${letters}${prev}`);
    start = row;
    prev = row;
  }
  return out;
}

/**
 * What a spreadsheet's TRIM and case-blind "=" make of a cell's text as written: spaces (U+0020
 * only) trimmed and runs of them folded, letters compared without case. Tabs, non-breaking spaces
 * (at the ends too), hyphens and underscores stay, where the engine's reading folds them.
 */
const asSpreadsheetReads = (text: string): string =>
  text
    .replace(/^ +| +$/g, "")
    .replace(/ {2,}/g, " ")
    .toLowerCase();

/** How one row gets its colour. */
type Treatment =
  | { readonly kind: "live" }
  | { readonly kind: "inputs"; readonly inputs: RuleInputs }
  | { readonly kind: "status"; readonly status: Status };

/** Why a KPI's rows take their values from the refresh, for one warning per KPI. */
interface FixedCell {
  readonly cell: string;
  readonly reason: "polarity" | "text-number";
  readonly value: string;
}

function treatRow(kpi: KpiModel, o: Observation, byColumns: RuleInputs, fixed: FixedCell[]): Treatment {
  if (kpi.polarity === null || kpi.aggregation === null) return { kind: "status", status: "none" };
  // Each number read once: a long table's row reads them from its cells when asked (longLayout.ts).
  const { actual, target, threshold: thresholdRead, tolerance: toleranceRead, polarityText } = o;
  if (storedAsText(actual) || storedAsText(target)) {
    for (const [reading, cell] of [
      [actual, o.actualCell],
      [target, o.targetCell],
    ] as const)
      if (storedAsText(reading) && cell) fixed.push({ cell, reason: "text-number", value: reading.fromText });
    return { kind: "status", status: scoreRow(kpi, o).status };
  }
  let polarity = byColumns.polarity;
  let threshold = byColumns.threshold;
  let tolerance = byColumns.tolerance;
  let live = true;

  if (kpi.polarityOverride !== null) {
    polarity = { fixed: kpi.polarityOverride };
    live = false;
  } else if (polarityText !== null && readPolarityAsSheet(polarityText) !== kpi.polarity) {
    polarity = { fixed: kpi.polarity };
    live = false;
    if (o.polarityCell) fixed.push({ cell: o.polarityCell, reason: "polarity", value: polarityText });
  } else if (polarityText === null && "fixed" in polarity && polarity.fixed !== kpi.polarity) {
    // No Polarity column, and a direction inferred from the file (a cost): the rule reads the
    // KPI's Actual and Target cells still, with its polarity written in.
    polarity = { fixed: kpi.polarity };
    live = false;
  }
  if (kpi.thresholdOverride !== null) {
    threshold = { fixed: kpi.thresholdOverride };
    tolerance = null;
    live = false;
  } else if (kpi.toleranceOverride !== null) {
    // The stored tolerance wins over the row's Threshold and Tolerance % cells alike.
    threshold = null;
    tolerance = { fixed: kpi.toleranceOverride };
    live = false;
  } else if (storedAsText(thresholdRead)) {
    threshold = { fixed: thresholdRead.value };
    tolerance = null;
    live = false;
    if (o.thresholdCell)
      fixed.push({ cell: o.thresholdCell, reason: "text-number", value: thresholdRead.fromText });
  } else if (thresholdRead.kind === "blank" && storedAsText(toleranceRead)) {
    const value = toleranceRead.value;
    if (value < 0) return { kind: "status", status: "none" };
    tolerance = { fixed: value > 1 ? value / 100 : value };
    live = false;
    if (o.toleranceCell)
      fixed.push({ cell: o.toleranceCell, reason: "text-number", value: toleranceRead.fromText });
  }
  if (live) return { kind: "live" };
  return { kind: "inputs", inputs: { ...byColumns, polarity, threshold, tolerance } };
}

/** The polarity a sheet's rule finds in a cell: only the words as written, spaces trimmed. */
function readPolarityAsSheet(text: string): Polarity | null {
  const w = asSpreadsheetReads(text);
  if (w === "") return "higher";
  for (const p of ["higher", "lower", "band"] as const) if (polarityWords(p).includes(w)) return p;
  return null;
}

export interface TrafficLights {
  readonly plans: ConditionalFormatPlan[];
  /** Cells whose content the sheet reads otherwise than the engine: their rows' colours are fixed. */
  readonly issues: Issue[];
}

export function trafficLightFormats(
  table: DetectedTable,
  kpis: readonly KpiModel[],
  colours: Readonly<Record<Status, StatusColours>>,
): TrafficLights {
  if (table.shape === "columns") return columnsTrafficLights(table, kpis, colours);
  if (table.shape === "pairs") return pairsTrafficLights(table, kpis, colours);
  // A transposed block's actual and target stand on rows of their own: its colours are the Scorecard sheet's.
  if (table.shape === "transposed") return { plans: [], issues: [] };
  const col = (role: keyof DetectedTable["columns"]): number | undefined => table.columns[role];
  const actual = col("actual") as number;
  const target = col("target") as number;
  const polarityColumn = col("polarity");
  const columnOr = (c: number | undefined): Operand | null => (c === undefined ? null : { column: c });
  const byColumns: RuleInputs = {
    actual,
    target,
    polarity: polarityColumn === undefined ? { fixed: "higher" } : { column: polarityColumn },
    threshold: columnOr(col("threshold")),
    tolerance: columnOr(col("tolerance")),
  };
  const live: number[] = [];
  const byInputs = new Map<string, { inputs: RuleInputs; rows: number[] }>();
  const byStatus = new Map<Lit, number[]>();
  const issues: Issue[] = [];
  const wide = new WideRules(table);
  for (const kpi of kpis) {
    if (kpi.source !== "table") continue;
    const fixed: FixedCell[] = [];
    if (table.shape === "wide") {
      wide.add(kpi, byColumns, fixed);
      warnFixed(kpi, fixed, issues);
      continue;
    }
    for (const o of kpi.observations) {
      const treatment = treatRow(kpi, o, byColumns, fixed);
      if (treatment.kind === "live") live.push(o.row);
      else if (treatment.kind === "inputs") {
        const key = JSON.stringify(treatment.inputs);
        const group = byInputs.get(key) ?? { inputs: treatment.inputs, rows: [] };
        group.rows.push(o.row);
        byInputs.set(key, group);
      } else if (treatment.status !== "none") {
        const rows = byStatus.get(treatment.status) ?? [];
        rows.push(o.row);
        byStatus.set(treatment.status, rows);
      }
    }
    warnFixed(kpi, fixed, issues);
  }

  const plans: ConditionalFormatPlan[] = [];
  if (live.length) plans.push(rulesFor(table.sheet, byColumns, live, colours));
  for (const { inputs, rows } of byInputs.values()) plans.push(rulesFor(table.sheet, inputs, rows, colours));
  for (const status of STATUSES) {
    const rows = byStatus.get(status);
    if (!rows) continue;
    plans.push({ sheet: table.sheet, ranges: areas(actual, rows), rules: [statusRule(status, colours)] });
  }
  plans.push(...wide.plans(colours));
  return { plans, issues };
}

/** The three rules of one set of inputs, over the rows whose Actual cells they colour. */
function rulesFor(
  sheet: string,
  inputs: RuleInputs,
  rows: readonly number[],
  colours: Readonly<Record<Status, StatusColours>>,
): ConditionalFormatPlan {
  // Not Math.min(...rows): spreading 125k rows overflows the call stack.
  const firstRow = rows.reduce((a, b) => Math.min(a, b));
  const formulas = formulaText(inputs, rowRefs(inputs, firstRow));
  const rules: ConditionalRule[] = STATUSES.map((status) => ({
    status,
    formula: formulas[status],
    fill: colours[status].fill,
    color: colours[status].color,
  }));
  return { sheet, ranges: areas(inputs.actual, rows), rules };
}

/**
 * Actual and target on rows of their own (a BI export's Measure Names / Measure Values): no rule
 * can find a row's partner when rows move, so each actual cell takes its status from this refresh,
 * as a cell whose inputs the sheet cannot read does.
 */
function pairsTrafficLights(
  table: DetectedTable,
  kpis: readonly KpiModel[],
  colours: Readonly<Record<Status, StatusColours>>,
): TrafficLights {
  const byStatus = new Map<Lit, string[]>();
  for (const kpi of kpis) {
    if (kpi.source !== "table" || kpi.sheet !== table.sheet) continue;
    for (const o of kpi.observations) {
      if (o.actual.kind !== "number") continue;
      const status = scoreRow(kpi, o).status;
      if (status === "none") continue;
      byStatus.set(status, [
        ...(byStatus.get(status) ?? []),
        o.actualCell.slice(o.actualCell.lastIndexOf("!") + 1),
      ]);
    }
  }
  const plans = [...byStatus].map(([status, cells]) => ({
    sheet: table.sheet,
    ranges: cells,
    rules: [statusRule(status, colours)],
  }));
  return { plans, issues: [] };
}

/**
 * KPIs as columns: each KPI's values colour by its own target's column on the same row, with the
 * KPI's polarity (its columns carry none); rows the sheet cannot read as the engine does are fixed.
 */
function columnsTrafficLights(
  table: DetectedTable,
  kpis: readonly KpiModel[],
  colours: Readonly<Record<Status, StatusColours>>,
): TrafficLights {
  const plans: ConditionalFormatPlan[] = [];
  const issues: Issue[] = [];
  for (const pair of table.kpiColumns ?? []) {
    const kpi = kpis.find((k) => k.source === "table" && k.sheet === table.sheet && k.name === pair.name);
    if (!kpi || kpi.polarity === null) continue;
    const inputs: RuleInputs = {
      actual: pair.actual,
      target: pair.target,
      polarity: { fixed: kpi.polarity },
      threshold: null,
      tolerance: null,
    };
    const fixed: FixedCell[] = [];
    const byInputs = new Map<string, { inputs: RuleInputs; rows: number[] }>();
    const byStatus = new Map<Lit, number[]>();
    for (const o of kpi.observations) {
      const treatment = treatRow(kpi, o, inputs, fixed);
      if (treatment.kind === "status") {
        if (treatment.status !== "none")
          byStatus.set(treatment.status, [...(byStatus.get(treatment.status) ?? []), o.row]);
        continue;
      }
      const used = treatment.kind === "live" ? inputs : treatment.inputs;
      const key = JSON.stringify(used);
      const group = byInputs.get(key) ?? { inputs: used, rows: [] };
      group.rows.push(o.row);
      byInputs.set(key, group);
    }
    for (const { inputs: used, rows } of byInputs.values())
      plans.push(rulesFor(table.sheet, used, rows, colours));
    for (const [status, rows] of byStatus)
      plans.push({
        sheet: table.sheet,
        ranges: areas(pair.actual, rows),
        rules: [statusRule(status, colours)],
      });
    warnFixed(kpi, fixed, issues);
  }
  return { plans, issues };
}

/** One warning per KPI whose colours are set at each refresh, naming the first cell and counting the rest. */
function warnFixed(kpi: KpiModel, fixed: readonly FixedCell[], issues: Issue[]): void {
  const first = fixed[0];
  if (!first) return;
  issues.push(
    issue(first.reason === "polarity" ? "colour-fixed-polarity" : "colour-fixed-text", first.cell, {
      kpi: kpi.name,
      value: first.value,
      // Never "null": treatRow leaves a KPI without a polarity uncoloured before fixing any cell.
      polarity: String(kpi.polarity),
      // A wide table's KPI meets its Polarity cell once per month: each cell counts once.
      more: new Set(fixed.map((f) => f.cell)).size - 1,
    }),
  );
}

const statusRule = (status: Lit, colours: Readonly<Record<Status, StatusColours>>): ConditionalRule => ({
  status,
  // TRUE() rather than the constant TRUE, which not every spreadsheet engine reads in a formula.
  formula: `${PRODUCT_RULE_PREFIX}TRUE())`,
  ...colours[status],
});

/**
 * Traffic lights on a wide table: each KPI's actual row, across every period column (so a month
 * typed in later takes its colour at once). The rule reads the period's actual and, for the same
 * column, the paired target row, or the Target column of the KPI's row; rows whose targets sit at
 * the same place share one rule.
 */
class WideRules {
  private readonly groups = new Map<string, { inputs: RuleInputs; target: WideTarget; rows: number[] }>();
  private readonly byStatus = new Map<Lit, string[]>();
  private readonly segments: [number, number][] = [];

  /**
   * Each period's own target column at one distance from its actual's: a rule reads it relatively.
   * Periods whose targets stand at different distances get their statuses from the refresh.
   */
  private readonly periodTargets: WideTarget | "mixed" | undefined;

  constructor(private readonly table: DetectedTable) {
    const offsets = new Set(
      table.periodColumns.flatMap((p) => (p.targetCol === undefined ? [] : [p.targetCol - p.col])),
    );
    this.periodTargets =
      offsets.size === 1
        ? { columnOffset: [...offsets][0] as number }
        : offsets.size > 1
          ? { column: -1 }
          : undefined;
    // The period columns come left to right, as the header is read.
    for (const { col } of table.periodColumns) {
      const last = this.segments[this.segments.length - 1];
      if (last && last[1] === col - 1) last[1] = col;
      else this.segments.push([col, col]);
    }
  }

  add(kpi: KpiModel, byColumns: RuleInputs, fixed: FixedCell[]): void {
    const cells = kpi.observations[0]?.wide;
    const actualRow = cells?.actualRow ?? null;
    if (!cells || actualRow === null) return;
    const target: WideTarget | "mixed" | null =
      cells.targetRow !== null
        ? { offset: cells.targetRow - actualRow }
        : this.periodTargets !== undefined
          ? this.periodTargets
          : this.table.columns.target !== undefined
            ? { column: this.table.columns.target }
            : null;
    if (target === null) return;
    const treatments = kpi.observations.map((o) => treatRow(kpi, o, byColumns, fixed));
    if (target === "mixed" || treatments.some((t) => t.kind === "status")) {
      kpi.observations.forEach((o) => {
        const status = scoreRow(kpi, o).status;
        if (status === "none" || !o.wide) return;
        const list = this.byStatus.get(status) ?? [];
        list.push(`${columnLetters(o.wide.column)}${actualRow}`);
        this.byStatus.set(status, list);
      });
      return;
    }
    // A wide KPI's polarity, threshold and tolerance are its row's, the same in every period.
    const first = treatments[0] as Treatment;
    const inputs = first.kind === "inputs" ? first.inputs : byColumns;
    const key = JSON.stringify([target, inputs]);
    const group = this.groups.get(key) ?? { inputs, target, rows: [] };
    group.rows.push(actualRow);
    this.groups.set(key, group);
  }

  plans(colours: Readonly<Record<Status, StatusColours>>): ConditionalFormatPlan[] {
    const plans: ConditionalFormatPlan[] = [];
    const letters = columnLetters;
    for (const { inputs, target, rows } of this.groups.values()) {
      // A KPI with a rule has a period, so there is a first column.
      const first = this.segments[0] as [number, number];
      // The KPIs, and so their rows, come top to bottom as the model read them.
      const top = rows[0] as number;
      const refs: CellRefs = {
        actual: `${letters(first[0])}${top}`,
        target:
          "column" in target
            ? `$${letters(target.column)}${top}`
            : "columnOffset" in target
              ? `${letters(first[0] + target.columnOffset)}${top}`
              : `${letters(first[0])}${top + target.offset}`,
        column: (c) => `$${letters(c)}${top}`,
      };
      const formulas = formulaText(inputs, refs);
      const ranges = rows.flatMap((row) =>
        this.segments.map(([from, to]) =>
          from === to ? `${letters(from)}${row}` : `${letters(from)}${row}:${letters(to)}${row}`,
        ),
      );
      const rules: ConditionalRule[] = STATUSES.map((status) => ({
        status,
        formula: formulas[status],
        fill: colours[status].fill,
        color: colours[status].color,
      }));
      plans.push({ sheet: this.table.sheet, ranges, rules });
    }
    for (const status of STATUSES) {
      const cells = this.byStatus.get(status);
      if (cells) plans.push({ sheet: this.table.sheet, ranges: cells, rules: [statusRule(status, colours)] });
    }
    return plans;
  }
}

/** Where a wide table's rule finds the target: rows below (or above) the actual, or a column. */
/**
 * Where a wide table's rule finds the target: rows below (or above) the actual, a column, or the
 * same row some columns to the right (each period's own target column, "Jan-24 Budget").
 */
type WideTarget =
  { readonly offset: number } | { readonly column: number } | { readonly columnOffset: number };
