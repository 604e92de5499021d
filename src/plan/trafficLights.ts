import type { Polarity, Status } from "../engine/types";
import { POLARITY_RULES } from "../engine/kpi";
import { columnLetters } from "../model/address";
import type { DetectedTable } from "../model/detect";
import type { KpiModel } from "../model/scorecard";
import { polarityWords } from "../model/values";
import type { StatusColours } from "./palette";
import type { ConditionalFormatPlan, ConditionalRule } from "./plan";
import { PRODUCT_RULE_PREFIX } from "./plan";

/**
 * Traffic lights on the scorecard table's Actual cells as formula rules that read each row's own
 * actual, target, threshold, tolerance and polarity, so the colour follows an edit before any
 * refresh. Rows whose KPI has an override in the stored definition get rules with those values
 * fixed. Each row is judged on its own period's numbers, as SCORING.md judges a "Last" KPI.
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

const STATUSES: readonly Exclude<Status, "none">[] = ["green", "amber", "red"];

function formulaText(
  inputs: RuleInputs,
  anchorRow: number,
): Readonly<Record<Exclude<Status, "none">, string>> {
  const ref = (column: number): string => `$${columnLetters(column)}${anchorRow}`;
  const A = ref(inputs.actual);
  const T = ref(inputs.target);
  const operand = (o: Operand): string => ("column" in o ? ref(o.column) : String(o.fixed));

  const fromTolerance = (p: Polarity, f: string): string =>
    p === "higher" ? `${T}-${f}*ABS(${T})` : p === "lower" ? `${T}+${f}*ABS(${T})` : `${f}*ABS(${T})`;
  const toleranceExpr = (p: Polarity): string => {
    const fallback = fromTolerance(p, String(POLARITY_RULES[p].defaultTolerance));
    const tol = inputs.tolerance;
    if (tol === null) return fallback;
    if ("fixed" in tol) return fromTolerance(p, String(tol.fixed));
    const TO = ref(tol.column);
    return `IF(ISNUMBER(${TO}),${fromTolerance(p, `IF(${TO}>1,${TO}/100,${TO})`)},${fallback})`;
  };
  const thresholdExpr = (p: Polarity): string => {
    const th = inputs.threshold;
    if (th === null) return toleranceExpr(p);
    if ("fixed" in th) return operand(th);
    const TH = ref(th.column);
    return `IF(ISNUMBER(${TH}),${TH},${toleranceExpr(p)})`;
  };

  const valid: string[] = [`ISNUMBER(${A})`, `ISNUMBER(${T})`];
  const tol = inputs.tolerance;
  const toleranceValid =
    tol !== null && "column" in tol
      ? `OR(ISBLANK(${ref(tol.column)}),AND(ISNUMBER(${ref(tol.column)}),${ref(tol.column)}>=0))`
      : null;
  const th = inputs.threshold;
  if (th !== null && "column" in th) {
    const TH = ref(th.column);
    valid.push(
      toleranceValid
        ? `OR(ISNUMBER(${TH}),AND(ISBLANK(${TH}),${toleranceValid}))`
        : `OR(ISNUMBER(${TH}),ISBLANK(${TH}))`,
    );
  } else if (th === null && toleranceValid) valid.push(toleranceValid);

  const conditions = (p: Polarity): Record<Exclude<Status, "none">, string> & { valid: string } => {
    const R = thresholdExpr(p);
    switch (p) {
      case "higher":
        return {
          valid: `${R}<=${T}`,
          green: `${A}>=${T}`,
          amber: `AND(${A}<${T},${A}>=${R})`,
          red: `${A}<${R}`,
        };
      case "lower":
        return {
          valid: `${R}>=${T}`,
          green: `${A}<=${T}`,
          amber: `AND(${A}>${T},${A}<=${R})`,
          red: `${A}>${R}`,
        };
      case "band": {
        const D = `ABS(${A}-${T})`;
        return {
          valid: `${R}>=0`,
          green: `${D}<=${R}`,
          amber: `AND(${D}>${R},${D}<=2*(${R}))`,
          red: `${D}>2*(${R})`,
        };
      }
    }
  };
  const polarityTest = (p: Polarity): string | null => {
    const po = inputs.polarity;
    if ("fixed" in po) return po.fixed === p ? "" : null;
    const P = `TRIM(${ref(po.column)})`;
    const words = polarityWords(p).map((w) => `${P}="${w}"`);
    if (p === "higher") words.unshift(`${P}=""`);
    return `OR(${words.join(",")})`;
  };

  const build = (status: Exclude<Status, "none">): string => {
    const branches: string[] = [];
    for (const p of ["higher", "lower", "band"] as const) {
      const test = polarityTest(p);
      if (test === null) continue;
      const c = conditions(p);
      const parts = [test, c.valid, c[status]].filter((x) => x !== "");
      branches.push(`AND(${parts.join(",")})`);
    }
    const choice = branches.length === 1 ? (branches[0] as string) : `OR(${branches.join(",")})`;
    return `${PRODUCT_RULE_PREFIX}${valid.join(",")},${choice})`;
  };
  return { green: build("green"), amber: build("amber"), red: build("red") };
}

/** "E2:E9", "E12" …: consecutive rows of one column folded into areas. */
function areas(column: number, rows: readonly number[]): string[] {
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

export function trafficLightFormats(
  table: DetectedTable,
  kpis: readonly KpiModel[],
  colours: Readonly<Record<Status, StatusColours>>,
): ConditionalFormatPlan[] {
  const col = (role: keyof DetectedTable["columns"]): number | undefined => table.columns[role];
  const actual = col("actual") as number;
  const target = col("target") as number;
  const columnOr = (c: number | undefined): Operand | null => (c === undefined ? null : { column: c });
  const byColumns: RuleInputs = {
    actual,
    target,
    polarity: col("polarity") === undefined ? { fixed: "higher" } : { column: col("polarity") as number },
    threshold: columnOr(col("threshold")),
    tolerance: columnOr(col("tolerance")),
  };

  const groups = new Map<string, { inputs: RuleInputs; rows: number[] }>();
  const overridden = new Set<number>();
  for (const kpi of kpis) {
    if (kpi.source !== "table") continue;
    if (kpi.polarityOverride === null && kpi.thresholdOverride === null && kpi.toleranceOverride === null)
      continue;
    const inputs: RuleInputs = {
      actual,
      target,
      polarity: kpi.polarityOverride === null ? byColumns.polarity : { fixed: kpi.polarityOverride },
      threshold: kpi.thresholdOverride !== null ? { fixed: kpi.thresholdOverride } : byColumns.threshold,
      tolerance: kpi.toleranceOverride !== null ? { fixed: kpi.toleranceOverride } : byColumns.tolerance,
    };
    const key = JSON.stringify(inputs);
    const group = groups.get(key) ?? { inputs, rows: [] };
    for (const o of kpi.observations) {
      group.rows.push(o.row);
      overridden.add(o.row);
    }
    groups.set(key, group);
  }
  const plainRows: number[] = [];
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++)
    if (!overridden.has(row)) plainRows.push(row);

  const plans: ConditionalFormatPlan[] = [];
  for (const { inputs, rows } of [{ inputs: byColumns, rows: plainRows }, ...groups.values()]) {
    if (rows.length === 0) continue;
    const formulas = formulaText(inputs, Math.min(...rows));
    const rules: ConditionalRule[] = STATUSES.map((status) => ({
      status,
      formula: formulas[status],
      fill: colours[status].fill,
      color: colours[status].color,
    }));
    plans.push({ sheet: table.sheet, ranges: areas(actual, rows), rules });
  }
  return plans;
}
