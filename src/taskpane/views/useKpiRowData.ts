import { useCallback, useMemo } from "react";
import type { KpiPoint } from "../../app/history";
import { historyWindow, kpiGroups, kpiModelsOf, kpiPoints, periodsOf } from "../../app/paneTrends";
import type { KpiReport, ScorecardReport } from "../../app/report";
import type { KpiModel, ScorecardModel } from "../../model/scorecard";
import { kpiKey } from "../../model/scorecard";

/** The periods a sparkline and a history chart span. */
const HISTORY_LENGTH = 12;

/** One empty list for every row without entities, so that a row's props keep their identity. */
const NO_ENTITIES: readonly { entity: string; kpi: KpiReport }[] = [];

/**
 * What each row of the tree needs beyond the report: its KPI's model (number format,
 * direction), its points (scored only for the rows drawn) and, consolidated, its entities'
 * results; and the periods the picker offers.
 */
export function useKpiRowData(report: ScorecardReport, model: ScorecardModel | null, entity: string) {
  const periods = useMemo(() => (model ? periodsOf(model) : []), [model]);
  const periodsWithData = useMemo(() => (model ? periodsOf(model, true) : []), [model]);
  const span = useMemo(() => historyWindow(periods, report.period, HISTORY_LENGTH), [periods, report.period]);
  const groups = useMemo(() => (model ? kpiGroups(model) : new Map<string, KpiModel[]>()), [model]);
  const models = useMemo(
    () => (model ? kpiModelsOf(model, entity) : new Map<string, KpiModel>()),
    [model, entity],
  );
  const pointsCache = useMemo(() => new Map<string, KpiPoint[]>(), [model, entity, span]);
  // pointsOf and entitiesOf keep their identity while what they read does: a row of the tree is
  // memoised on them, and a state change that leaves them be (a notice, a search) leaves it undrawn.
  const pointsOf = useCallback(
    (key: string): KpiPoint[] => {
      let points = pointsCache.get(key);
      if (!points) {
        const group = groups.get(key);
        points = model && group && span.length > 1 ? kpiPoints(model, group, entity, span) : [];
        pointsCache.set(key, points);
      }
      return points;
    },
    [pointsCache, groups, model, entity, span],
  );
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
  const entitiesOf = useCallback(
    (key: string) => (entity === "" ? (byEntity.get(key) ?? NO_ENTITIES) : NO_ENTITIES),
    [entity, byEntity],
  );

  return { periodsWithData, models, pointsOf, entitiesOf };
}
