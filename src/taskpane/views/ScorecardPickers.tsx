import { Field, Select } from "@fluentui/react-components";
import type { ScorecardReport } from "../../app/report";
import { useScorecardStyles } from "./ScorecardView.styles";

export interface ScorecardPickersProps {
  /** The periods that have data, in calendar order. */
  readonly periods: readonly string[];
  /** The period shown; listed even where it has no data, so the picker never shows a blank. */
  readonly period: string | null;
  readonly entities: NonNullable<ScorecardReport["entities"]>;
  /** The entity shown; "" for all, consolidated. */
  readonly entity: string;
  readonly onChoosePeriod: (period: string) => void;
  readonly onChooseEntity: (entity: string) => void;
}

/** The Period and Entity pickers above the tree: only where there is more than one to choose. */
export function ScorecardPickers(props: ScorecardPickersProps) {
  const { periods, period, entities } = props;
  const styles = useScorecardStyles();
  if (periods.length <= 1 && entities.length === 0) return null;
  return (
    <div className={styles.pickers}>
      {periods.length > 1 && (
        <Field label="Period">
          <Select value={period ?? ""} onChange={(_, d) => props.onChoosePeriod(d.value)}>
            {!periods.includes(period ?? "") && <option value={period ?? ""}>{period}</option>}
            {periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {entities.length > 0 && (
        <Field label="Entity">
          <Select value={props.entity} onChange={(_, d) => props.onChooseEntity(d.value)}>
            <option value="">All, consolidated</option>
            {entities.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
