import type { Trend } from "../../engine/types";

export const formatScore = (score: number | null): string => (score === null ? "–" : score.toFixed(2));

export function formatNumber(value: number | null): string {
  if (value === null) return "–";
  if (Math.abs(value) < 10 && !Number.isInteger(value))
    return value.toLocaleString(undefined, { maximumSignificantDigits: 4 });
  return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

export const TREND_TEXT: Readonly<Record<Trend, string>> = {
  better: "▲ better",
  worse: "▼ worse",
  flat: "► flat",
  none: "",
};

/** "'KPI Data'!H7" → sheet and address, for selecting the cell. */
export function splitCell(cell: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(cell);
  if (!m) return null;
  return { sheet: (m[1] ?? m[2] ?? "").replace(/''/g, "'"), address: m[3] as string };
}
