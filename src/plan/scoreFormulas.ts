import { POLARITY_RULES } from "../engine/kpi";
import { STATUS_MEANINGS } from "./palette";
import type { Polarity, Status } from "../engine/types";
import type { NumberReading } from "../model/values";
import { MAX_SCORE } from "../engine/types";

/**
 * SCORING.md as spreadsheet formulas: the one place the sheet's rules are written, for the traffic
 * lights on the user's table (conditional-format rules, ADR 3) and the Scorecard sheet's live cells
 * (ADR 15). Only functions Excel 2016 and LibreOffice share; comparisons are the spreadsheet's own,
 * which SCORING.md's "Comparisons" makes the engine's too. Every expression reads its cells as the
 * engine reads them, and gives "" (never an error) where the engine has no number.
 */

/** Where a KPI's threshold (or band tolerance) or its tolerance % comes from: a cell, or a value fixed at the refresh. */
export type FormulaOperand = { readonly cell: string } | { readonly fixed: number };

export interface ThresholdInputs {
  readonly threshold: FormulaOperand | null;
  readonly tolerance: FormulaOperand | null;
}

/**
 * A number as the engine takes one: ISNUMBER, and not a logical (LibreOffice holds TRUE as the
 * number 1, so ISNUMBER(TRUE) is TRUE there, where the engine reads no number). Never an error.
 */
export const isNumberFormula = (x: string): string => `AND(ISNUMBER(${x}),NOT(ISLOGICAL(${x})))`;

/**
 * A cell the engine reads as blank: empty, "" from a formula, or only spaces, tabs or line ends
 * (a Threshold of " " is no threshold). Never an error: an error value is not blank.
 */
export const isBlankFormula = (x: string): string => `IF(ISERROR(${x}),FALSE(),TRIM(CLEAN(${x}))="")`;

/**
 * A number the engine reads from a text ("90", "12%"): a formula takes it as text, so a rule or a
 * cell reading it holds the value of the refresh instead.
 */
export const storedAsText = (r: NumberReading): r is NumberReading & { kind: "number"; fromText: string } =>
  r.kind === "number" && r.fromText !== undefined;

/** The red flag from a tolerance fraction `f` of the target T (SCORING.md, "Threshold when none is given"). */
function fromTolerance(p: Polarity, T: string, f: string): string {
  return p === "higher" ? `${T}-${f}*ABS(${T})` : p === "lower" ? `${T}+${f}*ABS(${T})` : `${f}*ABS(${T})`;
}

const numberText = (n: number): string => (Number.isFinite(n) ? String(n) : "0");

/**
 * The red flag (or band tolerance g) a KPI is judged by, given its target T, or "" where the
 * engine finds it unusable (a Threshold or Tolerance % that is text, an error or a logical, a
 * negative tolerance). A Threshold number wins over a tolerance; a tolerance above 1 is a percentage.
 */
export function thresholdFormula(p: Polarity, T: string, inputs: ThresholdInputs): string {
  const byDefault = fromTolerance(p, T, String(POLARITY_RULES[p].defaultTolerance));
  const tol = inputs.tolerance;
  let fromTol: string;
  if (tol === null) fromTol = byDefault;
  else if ("fixed" in tol) fromTol = tol.fixed < 0 ? `""` : fromTolerance(p, T, numberText(tol.fixed));
  else {
    const TO = tol.cell;
    fromTol =
      `IF(${isNumberFormula(TO)},IF(${TO}<0,"",${fromTolerance(p, T, `IF(${TO}>1,${TO}/100,${TO})`)}),` +
      `IF(${isBlankFormula(TO)},${byDefault},""))`;
  }
  const th = inputs.threshold;
  if (th === null) return fromTol;
  if ("fixed" in th) return numberText(th.fixed);
  const TH = th.cell;
  return `IF(${isNumberFormula(TH)},${TH},IF(${isBlankFormula(TH)},${fromTol},""))`;
}

type Lit = Exclude<Status, "none">;

/**
 * The comparisons of SCORING.md's status table for numbers A, T and R (the red flag, or g for a
 * band KPI): `valid` that the threshold lies on the permitted side, then each status's test.
 */
export function statusConditions(
  p: Polarity,
  A: string,
  T: string,
  R: string,
): Record<Lit, string> & { valid: string } {
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
      const D = bandDistance(A, T);
      return {
        valid: `${R}>=0`,
        green: `${D}<=${R}`,
        amber: `AND(${D}>${R},${D}<=2*(${R}))`,
        red: `${D}>2*(${R})`,
      };
    }
  }
}

/** |A − T| as the engine takes it: 0 where the two are equal to 15 digits, whatever the subtraction leaves. */
const bandDistance = (A: string, T: string): string => `IF(${A}=${T},0,ABS(${A}-${T}))`;

/** The 0–10 score of numbers A, T and R whose threshold is valid (SCORING.md, "KPI score"). */
export function scoreFormula(p: Polarity, A: string, T: string, R: string): string {
  const clamp = (x: string) => `MIN(${MAX_SCORE},MAX(0,${x}))`;
  if (p === "band") {
    const D = bandDistance(A, T);
    return `IF(${R}=0,IF(${D}=0,${MAX_SCORE},0),${clamp(`10/3+10/3*(2*${R}-${D})/${R}`)})`;
  }
  const met = statusConditions(p, A, T, R).green;
  return `IF(${T}=${R},IF(${met},${MAX_SCORE},0),${clamp(`10/3+10/3*(${A}-${R})/(${T}-${R})`)})`;
}

/** The status word of numbers A, T and R (whose threshold is valid): green, amber, else red. */
export function statusWordFormula(p: Polarity, A: string, T: string, R: string): string {
  const c = statusConditions(p, A, T, R);
  return `IF(${c.green},"${STATUS_MEANINGS.green}",IF(${c.amber},"${STATUS_MEANINGS.amber}","${STATUS_MEANINGS.red}"))`;
}

/** A roll-up's status word from its score S, or "no data" where S is "" (SCORING.md, "Roll-up"). */
export function rollupStatusFormula(S: string): string {
  return (
    `IF(ISNUMBER(${S}),IF(${S}>=20/3-0.000000001,"${STATUS_MEANINGS.green}",` +
    `IF(${S}>=10/3-0.000000001,"${STATUS_MEANINGS.amber}","${STATUS_MEANINGS.red}")),"${STATUS_MEANINGS.none}")`
  );
}

/** A child of a roll-up as the sheet holds it: its score cell, its weight cell and its status word cell. */
export interface ChildCells {
  readonly score: string;
  readonly weight: string;
  readonly status: string;
}

/**
 * A parent's score from its children's cells: the weighted average of those with a score and a
 * positive weight (a weight of 0 adds nothing to either sum), "" where none has; or, worst child,
 * the lowest such score.
 */
export function rollupScoreFormula(method: "weighted" | "worst", children: readonly ChildCells[]): string {
  if (children.length === 0) return `""`;
  const counted = (c: ChildCells) => `AND(ISNUMBER(${c.score}),${c.weight}>0)`;
  const weights = children.map((c) => `IF(${counted(c)},${c.weight},0)`).join("+");
  if (method === "worst") {
    // Scores are at most 10: a child that does not count stands at 10 and never lowers the minimum.
    const scores = children.map((c) => `IF(${counted(c)},${c.score},${MAX_SCORE})`).join(",");
    return `IF(${weights}=0,"",MIN(${scores}))`;
  }
  const weighted = children.map((c) => `IF(${counted(c)},${c.score}*${c.weight},0)`).join("+");
  return `IF(${weights}=0,"",(${weighted})/(${weights}))`;
}

/** Worst child: the parent's status is its worst counted child's, "no data" where none counts. */
export function worstStatusFormula(S: string, children: readonly ChildCells[]): string {
  if (children.length === 0) return `"${STATUS_MEANINGS.none}"`;
  const any = (status: Lit) =>
    children.map((c) => `(${c.status}="${STATUS_MEANINGS[status]}")*(${c.weight}>0)`).join("+");
  return (
    `IF(ISNUMBER(${S}),IF(${any("red")}>0,"${STATUS_MEANINGS.red}",` +
    `IF(${any("amber")}>0,"${STATUS_MEANINGS.amber}","${STATUS_MEANINGS.green}")),"${STATUS_MEANINGS.none}")`
  );
}
