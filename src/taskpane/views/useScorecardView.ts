import { useEffect, useMemo, useRef, useState } from "react";
import type { KpiPoint } from "../../app/history";
import { historyWindow, kpiGroups, kpiModelsOf, kpiPoints, periodsOf } from "../../app/paneTrends";
import type { KpiReport, PerspectiveReport, ScorecardReport } from "../../app/report";
import type { KpiModel, ScorecardModel } from "../../model/scorecard";
import { kpiKey } from "../../model/scorecard";
import { splitCell } from "./format";

/** Above this many KPIs the tree opens at its perspectives only: rendering every row takes seconds. */
export const OPEN_ALL_UP_TO = 150;
/** Above this many KPIs the tree gets a search box and a status filter. */
export const FILTER_FROM = 31;
/** The periods a sparkline and a history chart span. */
const HISTORY_LENGTH = 12;

export interface Chosen {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
}

/** The status filter's choices: everything, or one status. */
export type StatusFilter = "" | "red" | "amber" | "none" | "green";

export const chosenKey = (c: Chosen): string => kpiKey(c.perspective, c.objective, c.name);

const kpisOf = (perspectives: readonly PerspectiveReport[]) =>
  perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));

/** The tree's open branches: every perspective, and every objective where the tree is small. */
function openBranches(perspectives: readonly PerspectiveReport[], all: boolean): string[] {
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

/** The scorecard view's state: the KPI chosen, the entity, the search, and what each row draws. */
export function useScorecardView(report: ScorecardReport, model: ScorecardModel | null) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [editing, setEditing] = useState(false);
  // "" is the consolidated scorecard; an entity's name shows that entity's own.
  const [entity, setEntity] = useState("");
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<StatusFilter>("");
  const rows = useRef(new Map<string, HTMLElement>());
  const panel = useRef<HTMLElement>(null);
  const entityReport = report.entities?.find((e) => e.name === entity);
  const all = entityReport?.perspectives ?? report.perspectives;
  const overall = entityReport?.scorecard ?? report.scorecard;
  const kpiCount = kpisOf(all).length;
  const perspectives = useMemo(() => filterPerspectives(all, query, status), [all, query, status]);
  const filtering = query.trim() !== "" || status !== "";
  const shownCount = filtering ? kpisOf(perspectives).length : kpiCount;
  // Opened once as the scorecard first shows, and again on each search: the user's own opening
  // and closing is kept in between.
  const [openItems, setOpenItems] = useState<ReadonlySet<string>>(
    () => new Set(openBranches(all, kpiCount <= OPEN_ALL_UP_TO)),
  );
  const [openedFor, setOpenedFor] = useState({ query, status });
  if (openedFor.query !== query || openedFor.status !== status) {
    setOpenedFor({ query, status });
    setOpenItems(
      new Set(
        openBranches(perspectives, !filtering ? kpiCount <= OPEN_ALL_UP_TO : shownCount <= OPEN_ALL_UP_TO),
      ),
    );
  }

  // What the rows need beyond the report: each KPI's model (its number format, its direction)
  // and its points, scored only for the rows drawn.
  const periods = useMemo(() => (model ? periodsOf(model) : []), [model]);
  const periodsWithData = useMemo(() => (model ? periodsOf(model, true) : []), [model]);
  const span = useMemo(() => historyWindow(periods, report.period, HISTORY_LENGTH), [periods, report.period]);
  const groups = useMemo(() => (model ? kpiGroups(model) : new Map<string, KpiModel[]>()), [model]);
  const models = useMemo(
    () => (model ? kpiModelsOf(model, entity) : new Map<string, KpiModel>()),
    [model, entity],
  );
  const pointsCache = useMemo(() => new Map<string, KpiPoint[]>(), [model, entity, span]);
  const pointsOf = (key: string): KpiPoint[] => {
    let points = pointsCache.get(key);
    if (!points) {
      const group = groups.get(key);
      points = model && group && span.length > 1 ? kpiPoints(model, group, entity, span) : [];
      pointsCache.set(key, points);
    }
    return points;
  };
  // A KPI kept per entity has, consolidated, no single value: its entities' results instead.
  const byEntity = useMemo(() => {
    const map = new Map<string, { entity: string; kpi: KpiReport }[]>();
    for (const e of report.entities ?? [])
      for (const p of e.perspectives)
        for (const o of p.objectives)
          for (const k of o.kpis) {
            const key = kpiKey(p.name, o.name, k.name);
            map.set(key, [...(map.get(key) ?? []), { entity: e.name, kpi: k }]);
          }
    return map;
  }, [report.entities]);
  const entitiesOf = (key: string) => (entity === "" ? (byEntity.get(key) ?? []) : []);

  const found = chosen
    ? all
        .find((p) => p.name === chosen.perspective)
        ?.objectives.find((o) => o.name === chosen.objective)
        ?.kpis.find((k) => k.name === chosen.name)
    : undefined;
  const key = chosen && found ? chosenKey(chosen) : "";

  // The chosen row in sight, above the details at the foot of the pane.
  useEffect(() => {
    if (!key) return;
    const inSight = () => {
      const row = rows.current.get(key);
      if (!row) return;
      if (typeof row.scrollIntoView === "function") row.scrollIntoView({ block: "nearest" });
      const below = panel.current?.getBoundingClientRect().top;
      const rowBottom = row.getBoundingClientRect().bottom;
      if (below !== undefined && rowBottom > below && typeof window.scrollBy === "function")
        window.scrollBy({ top: rowBottom - below + 16 });
    };
    inSight();
    // Once more after the frame: the host may have grown the page above meanwhile.
    if (typeof requestAnimationFrame !== "function") return;
    const frame = requestAnimationFrame(inSight);
    return () => cancelAnimationFrame(frame);
  }, [key]);

  const choose = (c: Chosen, kpi: KpiReport, onSelectCell: (sheet: string, address: string) => void) => {
    setChosen(c);
    setEditing(false);
    const cell = kpi.cell ? splitCell(kpi.cell) : null;
    if (cell) onSelectCell(cell.sheet, cell.address);
  };
  /** Closes the details; the keyboard goes back to the KPI's row. */
  const close = () => {
    const row = chosen ? rows.current.get(chosenKey(chosen)) : undefined;
    setChosen(null);
    setEditing(false);
    row?.focus();
  };

  return {
    chosen,
    found,
    key,
    editing,
    setEditing,
    entity,
    chooseEntity: (name: string) => {
      setEntity(name);
      setChosen(null);
    },
    query,
    setQuery,
    status,
    setStatus,
    filterable: kpiCount >= FILTER_FROM,
    filtering,
    shownCount,
    openItems,
    setOpenItems,
    all,
    perspectives,
    overall,
    periodsWithData,
    rows,
    panel,
    models,
    pointsOf,
    entitiesOf,
    choose,
    close,
  };
}

export type ScorecardViewModel = ReturnType<typeof useScorecardView>;
