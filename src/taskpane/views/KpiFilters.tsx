import { Caption1, Field, Input, Select } from "@fluentui/react-components";
import { STATUS_MEANINGS } from "../../plan/palette";
import { useScorecardStyles } from "./ScorecardView.styles";
import type { ScorecardViewModel, StatusFilter } from "./useScorecardView";

/** The status filter's choices, the ones to act on first. */
const FILTERS: readonly [StatusFilter, string][] = [
  ["", "All statuses"],
  ["red", STATUS_MEANINGS.red],
  ["amber", STATUS_MEANINGS.amber],
  ["none", STATUS_MEANINGS.none],
  ["green", STATUS_MEANINGS.green],
];

/** A search box and a status filter over a long tree (more than 30 KPIs), and how many match. */
export function KpiFilters({ view }: { view: ScorecardViewModel }) {
  const styles = useScorecardStyles();
  return (
    <>
      {view.filterable && (
        <div role="search" className={styles.filters} aria-label="Find KPIs">
          <Field label="Search KPIs">
            <Input
              type="search"
              value={view.query}
              onChange={(_, d) => view.setQuery(d.value)}
              placeholder="KPI, objective or owner"
            />
          </Field>
          <Field label="Status">
            <Select value={view.status} onChange={(_, d) => view.setStatus(d.value as StatusFilter)}>
              {FILTERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {view.filtering && (
        <Caption1>
          {view.shownCount === 0
            ? "No KPI matches."
            : `${view.shownCount} KPI${view.shownCount === 1 ? "" : "s"} match.`}
        </Caption1>
      )}
    </>
  );
}
