import { useEffect, useRef } from "react";
import type { PerspectiveReport } from "../../app/report";
import type { Status } from "../../engine/types";
import { STATUS_MEANINGS } from "../../plan/palette";
import { useAnnounce } from "../Announcer";

/** How many KPIs have each status, as a line: "9 on target · 3 watch · 2 off target". */
export function statusCounts(perspectives: readonly PerspectiveReport[]): string {
  const kpis = perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
  return (["green", "amber", "red", "none"] as const)
    .map((s) => [s, kpis.filter((k) => k.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_MEANINGS[s].toLowerCase()}`)
    .join(" · ");
}

/** The result shown, as one sentence: "Overall, 2026-02: 6.61 (Watch). 9 on target · 3 watch." */
export function shownSentence(
  shown: string,
  overall: { score: number | null; status: string },
  perspectives: readonly PerspectiveReport[],
): string {
  const score = overall.score === null ? "no score" : overall.score.toFixed(2);
  return `${shown}: ${score} (${STATUS_MEANINGS[overall.status as Status]}). ${statusCounts(perspectives)}.`;
}

/**
 * Says the result shown when the user looks at another period or entity (the heading changes in
 * place, which a screen reader does not read): not at first, when the create or refresh that drew
 * the view has said its own result.
 */
export function useAnnounceShown(shown: string, sentence: string): void {
  const announce = useAnnounce();
  const said = useRef(shown);
  const latest = useRef(sentence);
  latest.current = sentence;
  useEffect(() => {
    if (said.current === shown) return;
    said.current = shown;
    announce(latest.current);
  }, [announce, shown]);
}
