/**
 * What a long tree shows: the KPIs whose name, objective or owner holds the words searched for,
 * with the status filtered on, and which branches open. Pure.
 */
import type { PerspectiveReport } from "../../app/report";
import type { KpiReport } from "../../app/report";

/** Above this many KPIs the tree gets a search box and a status filter. */
export const FILTER_FROM = 31;

/** The status filter's choices: everything, or one status. */
export type StatusFilter = "" | "red" | "amber" | "none" | "green";

export const kpisOf = (perspectives: readonly PerspectiveReport[]) =>
  perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));

/** The tree's open branches: every perspective, and every objective where the tree is small. */
export function openBranches(perspectives: readonly PerspectiveReport[], all: boolean): string[] {
  return perspectives.flatMap((p) => [
    `p:${p.name}`,
    ...(all ? p.objectives.map((o) => `o:${p.name}/${o.name}`) : []),
  ]);
}

/**
 * The perspectives with only the KPIs whose name, objective or owner holds the words searched
 * for and whose status is the one filtered on; branches left empty are left out.
 */
export function filterPerspectives(
  perspectives: readonly PerspectiveReport[],
  query: string,
  status: StatusFilter,
): readonly PerspectiveReport[] {
  const words = query.trim().toLowerCase();
  if (words === "" && status === "") return perspectives;
  const matches = (k: KpiReport, objective: string) =>
    (status === "" || k.status === status) &&
    (words === "" || [k.name, objective, k.owner].some((text) => text.toLowerCase().includes(words)));
  return perspectives
    .map((p) => ({
      ...p,
      objectives: p.objectives
        .map((o) => ({ ...o, kpis: o.kpis.filter((k) => matches(k, o.name)) }))
        .filter((o) => o.kpis.length > 0),
    }))
    .filter((p) => p.objectives.length > 0);
}
