/**
 * What the KPI forms (Edit KPI, Tag KPI) refuse before anything is saved, in the words shown at
 * the field: the rules the engine scores by (SCORING.md), so that a KPI is never saved in a
 * state that would quietly turn it "No data".
 */
import { formatByCell } from "../../app/numberFormat";
import { POLARITY_RULES } from "../../engine/kpi";
import type { Polarity } from "../../engine/types";

/**
 * A number as typed: "" is no number (undefined), "1,250" is 1250, "90%" is 0.9; anything else
 * unreadable is "invalid". `percent` reads a bare number as a percentage ("15" is 0.15).
 */
export function parseTyped(text: string, percent = false): number | undefined | "invalid" {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return undefined;
  const isPercent = t.endsWith("%");
  const n = Number(isPercent ? t.slice(0, -1).trim() : t);
  if (t === "%" || !Number.isFinite(n)) return "invalid";
  return isPercent || percent ? n / 100 : n;
}

const SIDE: Readonly<Record<Exclude<Polarity, "band">, string>> = {
  higher: "at or below",
  lower: "at or above",
};

/**
 * Why a threshold (the red flag; for a band KPI its tolerance in the KPI's unit) cannot be used
 * against this target, or undefined when it can. Without a target the side cannot be judged.
 */
export function thresholdProblem(
  polarity: Polarity,
  target: number | null,
  threshold: number | undefined,
  numberFormat: string | null = null,
): string | undefined {
  if (threshold === undefined) return undefined;
  if (polarity === "band")
    return threshold < 0 ? "A band's tolerance is a distance from the target: 0 or more." : undefined;
  if (target === null || POLARITY_RULES[polarity].isThresholdValid(target, threshold)) return undefined;
  const words = polarity === "higher" ? "higher is better" : "lower is better";
  return `With ${words}, the red flag must be ${SIDE[polarity]} the target (${formatByCell(target, numberFormat)}).`;
}

/** Why a tolerance (a fraction of the target) cannot be used, or undefined. */
export const toleranceProblem = (fraction: number | undefined): string | undefined =>
  fraction !== undefined && fraction < 0 ? "A tolerance is 0 % or more." : undefined;

/** Why a weight cannot be used, or undefined. */
export const weightProblem = (weight: number | undefined | "invalid"): string | undefined =>
  weight === "invalid" || (typeof weight === "number" && weight < 0)
    ? "A weight is a number of 0 or more."
    : undefined;
