import type { KpiPoint } from "../../app/history";
import { formatByCell } from "../../app/numberFormat";
import { STATUS_MEANINGS } from "../../plan/palette";

/** One sentence on the history, for a screen reader: what the chart shows. */
export function historySentence(
  name: string,
  points: readonly KpiPoint[],
  numberFormat: string | null,
): string {
  const shown = points.filter((p) => p.actual !== null || p.status !== "none");
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (!first || !last) return `${name}: no history yet.`;
  const f = (v: number | null) => formatByCell(v, numberFormat);
  const counts = (["green", "amber", "red"] as const)
    .map((s) => [s, shown.filter((p) => p.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${STATUS_MEANINGS[s].toLowerCase()} ${n}`);
  return (
    `${name} over ${shown.length} period${shown.length === 1 ? "" : "s"}: ${f(first.actual)} in ${first.period}, ` +
    `${f(last.actual)} in ${last.period} against a target of ${f(last.target)}` +
    `${counts.length ? `; ${counts.join(", ")}` : ""}.`
  );
}
