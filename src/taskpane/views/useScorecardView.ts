import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { KpiReport, ScorecardReport } from "../../app/report";
import type { ScorecardModel } from "../../model/scorecard";
import { kpiKey } from "../../model/scorecard";
import { splitCell } from "./format";
import { useKpiRowData } from "./useKpiRowData";
import { FILTER_FROM, filterPerspectives, kpisOf, openBranches, type StatusFilter } from "./kpiFilter";

export { FILTER_FROM, type StatusFilter } from "./kpiFilter";

/** Above this many KPIs the tree opens at its perspectives only: rendering every row takes seconds. */
export const OPEN_ALL_UP_TO = 150;

export interface Chosen {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
}

export const chosenKey = (c: Chosen): string => kpiKey(c.perspective, c.objective, c.name);

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

  const { periodsWithData, models, pointsOf, entitiesOf } = useKpiRowData(report, model, entity);

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

  // Of stable identity (it reads only state setters): the tree's rows are memoised on it.
  const choose = useCallback(
    (c: Chosen, kpi: KpiReport, onSelectCell: (sheet: string, address: string) => void) => {
      setChosen(c);
      setEditing(false);
      const cell = kpi.cell ? splitCell(kpi.cell) : null;
      if (cell) onSelectCell(cell.sheet, cell.address);
    },
    [],
  );
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
