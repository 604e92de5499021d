import { Button, Caption1, Field, Select } from "@fluentui/react-components";
import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronRightRegular } from "@fluentui/react-icons/svg/chevron-right";
import { useId, useState } from "react";
import type { DetectedTable } from "../../model/detect";
import { canonicalHeader, type ColumnRole } from "../../model/headers";
import type { WorkbookSnapshot } from "../../model/snapshot";
import { useSetupStyles } from "./SetupView.styles";
import { headerLabel } from "./headerLabel";
import { ROLES, type SetupModel } from "./useSetupView";

/** What "no such column" means for each role that has a fallback. */
const NONE_LABEL: Partial<Record<ColumnRole, string>> = {
  perspective: "(none: headings or sheet)",
  objective: "(none: headings or KPI)",
  entity: "(none: one scorecard)",
};

/**
 * The column pickers: the required roles first, always shown; the optional ones folded under
 * "More columns (optional)", for a first run to show its main action without scrolling.
 */
export function SetupColumns({
  setup,
  table,
  snapshot,
}: {
  setup: SetupModel;
  table: DetectedTable;
  snapshot: WorkbookSnapshot;
}) {
  const styles = useSetupStyles();
  const [more, setMore] = useState(false);
  const moreId = useId();
  const { mapping, setMapping, required, disabledRole } = setup.columns;
  const optional = ROLES.filter((r) => !required.includes(r));
  const recognised = optional.filter((r) => mapping[r]).length;
  const picker = (role: ColumnRole) => (
    <Field
      key={role}
      className={styles.cell}
      label={canonicalHeader(role) + (required.includes(role) ? " (required)" : "")}
    >
      <Select
        className={styles.select}
        value={disabledRole(role) ? "" : (mapping[role] ?? "")}
        disabled={disabledRole(role)}
        onChange={(_, d) => setMapping({ ...mapping, [role]: d.value })}
      >
        <option value="">{NONE_LABEL[role] ?? "(none)"}</option>
        {table.headers.map((h) => (
          <option key={h.col} value={h.text}>
            {headerLabel(snapshot, table, h.col, h.text)}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <>
      <Caption1>
        {required.some((r) => table.columns[r] === undefined)
          ? "No table has every column a scorecard needs. Name the missing ones below: choose the header that holds each."
          : "Each column as it was recognised. Correct any that is wrong."}
      </Caption1>
      <div className={styles.mapping}>{required.map(picker)}</div>
      <Button
        className={styles.fold}
        appearance="subtle"
        aria-expanded={more}
        aria-controls={moreId}
        icon={more ? <ChevronDownRegular /> : <ChevronRightRegular />}
        onClick={() => setMore((m) => !m)}
      >
        {`More columns (optional): ${recognised} of ${optional.length} recognised`}
      </Button>
      {more && (
        <div id={moreId} className={styles.mapping}>
          {optional.map(picker)}
        </div>
      )}
    </>
  );
}
