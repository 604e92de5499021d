import {
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { chooseTable } from "../../app/definitionEdits";
import { layoutText } from "../../app/outcomeText";
import type { WorkbookState } from "../../app/scorecard";
import { scoreWorkbook } from "../../app/scorecard";
import type { Status } from "../../engine/types";
import { tableAddress, type DetectedTable } from "../../model/detect";
import type { Definition } from "../../model/definition";
import { emptyDefinition } from "../../model/definition";
import { canonicalHeader, COLUMN_ROLES, REQUIRED_ROLES, type ColumnRole } from "../../model/headers";
import { StatusBadge } from "./StatusBadge";
import { formatNumber } from "./format";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM },
  mapping: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
  },
  preview: { listStyle: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalXS },
});

const ROLES = COLUMN_ROLES.filter((r) => r !== "drives");
const PREVIEW_KPIS = 8;

function detectedMapping(table: DetectedTable): Partial<Record<ColumnRole, string>> {
  const mapping: Partial<Record<ColumnRole, string>> = {};
  for (const role of ROLES) {
    const col = table.columns[role];
    mapping[role] = col === undefined ? "" : (table.headers.find((h) => h.col === col)?.text ?? "");
  }
  return mapping;
}

/** First run: pick the scorecard table, check and correct the column mapping, preview, create. */
export function SetupView({
  workbook,
  candidates,
  onCreate,
}: {
  workbook: WorkbookState;
  candidates: readonly DetectedTable[];
  onCreate: (d: Definition) => void;
}) {
  const styles = useStyles();
  const [tableIndex, setTableIndex] = useState(0);
  const table = candidates[tableIndex];
  const [mapping, setMapping] = useState(() => (table ? detectedMapping(table) : {}));
  const draft = useMemo(
    () => (table ? chooseTable(emptyDefinition(), table, mapping) : null),
    [table, mapping],
  );
  const preview = useMemo(() => (draft ? scoreWorkbook(workbook, draft) : null), [workbook, draft]);
  const missing = REQUIRED_ROLES.filter((r) => !mapping[r]);

  if (!table || !draft) {
    return (
      <section aria-label="Set up">
        <Subtitle2 as="h2">No scorecard table yet</Subtitle2>
        <Body1 as="p">
          Make a table (Insert &gt; Table) or a block of cells with a header row in the first 30 rows of a
          sheet, with the columns KPI, Actual and Target (and Perspective and Objective if you have them).
          Then reopen this pane, or tag single cells as KPIs in the Tag tab.
        </Body1>
      </section>
    );
  }
  const kpis = preview?.ok
    ? preview.report.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis))
    : [];

  return (
    <form
      className={styles.form}
      aria-label="Set up the scorecard"
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length === 0) onCreate(draft);
      }}
    >
      <Subtitle2 as="h2">Create the scorecard</Subtitle2>
      <Field label="Scorecard table">
        <Select
          value={String(tableIndex)}
          onChange={(_, d) => {
            const next = Number(d.value);
            setTableIndex(next);
            setMapping(detectedMapping(candidates[next] as DetectedTable));
          }}
        >
          {candidates.map((t, i) => (
            <option key={`${t.sheet}-${t.name}`} value={String(i)}>
              {t.source === "table" ? `${t.name} (${tableAddress(t)})` : tableAddress(t)}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1>
        {REQUIRED_ROLES.some((r) => table.columns[r] === undefined)
          ? "No table has every column a scorecard needs. Name the missing ones below: choose the header that holds each."
          : "Each column as it was recognised. Correct any that is wrong."}
      </Caption1>
      <div className={styles.mapping}>
        {ROLES.map((role) => (
          <Field
            key={role}
            label={canonicalHeader(role) + (REQUIRED_ROLES.includes(role) ? " (required)" : "")}
          >
            <Select
              value={mapping[role] ?? ""}
              onChange={(_, d) => setMapping({ ...mapping, [role]: d.value })}
            >
              <option value="">(none)</option>
              {table.headers.map((h) => (
                <option key={h.col} value={h.text}>
                  {h.text}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Subtitle2 as="h3">Preview</Subtitle2>
      {preview && !preview.ok && <Body1>{preview.fatal.message}</Body1>}
      {preview?.ok && preview.report.read && (
        <Caption1 aria-label="What was read">{layoutText(preview.report.read)}</Caption1>
      )}
      <ul className={styles.preview} aria-label="KPI preview">
        {kpis.slice(0, PREVIEW_KPIS).map((k) => (
          <li key={k.cell ?? k.name}>
            <StatusBadge status={k.status as Status} palette="standard" /> {k.name}: {formatNumber(k.actual)}{" "}
            / {formatNumber(k.target)}
          </li>
        ))}
      </ul>
      {kpis.length > PREVIEW_KPIS && <Caption1>and {kpis.length - PREVIEW_KPIS} more KPIs.</Caption1>}
      <Button appearance="primary" type="submit" disabled={missing.length > 0}>
        Create scorecard
      </Button>
      {missing.length > 0 && (
        <Body1 aria-live="polite">Choose the {missing.map(canonicalHeader).join(", ")} column first.</Body1>
      )}
    </form>
  );
}
