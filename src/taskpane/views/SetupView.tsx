import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
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
import { tableAddress, tableFromRange, type DetectedTable, type SourceLayout } from "../../model/detect";
import type { Definition } from "../../model/definition";
import { emptyDefinition } from "../../model/definition";
import { canonicalHeader, COLUMN_ROLES, REQUIRED_ROLES, type ColumnRole } from "../../model/headers";
import type { RangeRef } from "../../workbook/port";
import { StatusBadge } from "./StatusBadge";
import { exampleRef, refText } from "./TagView";
import { formatByCell } from "../../app/numberFormat";
import { kpiModelsOf } from "../../app/paneTrends";
import { kpiKey } from "../../model/scorecard";
import { ownedSheetNames } from "../../model/ownership";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalM },
  mapping: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
  },
  // A grid cell may shrink below its list's longest option: the list is cut, never the page.
  cell: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
  where: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  range: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "140px" },
  preview: { listStyle: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalXS },
});

const ROLES = COLUMN_ROLES.filter((r) => r !== "drives");
const PREVIEW_KPIS = 8;
/** The choice, in the table list, of a block the user names. */
const RANGE_CHOICE = "range";

/** What "no such column" means for each role that has a fallback. */
const NONE_LABEL: Partial<Record<ColumnRole, string>> = {
  perspective: "(none: headings or sheet)",
  objective: "(none: headings or KPI)",
  entity: "(none: one scorecard)",
};

function detectedMapping(table: DetectedTable): Partial<Record<ColumnRole, string>> {
  const mapping: Partial<Record<ColumnRole, string>> = {};
  for (const role of ROLES) {
    const col = table.columns[role];
    mapping[role] = col === undefined ? "" : (table.headers.find((h) => h.col === col)?.text ?? "");
  }
  return mapping;
}

/**
 * First run: pick the scorecard table (or name any block), say how it is laid out where the
 * headers cannot, check and correct the column mapping, preview, create.
 */
export function SetupView({
  workbook,
  candidates,
  base,
  getSelection,
  onCreate,
  onCancel,
}: {
  workbook: WorkbookState;
  candidates: readonly DetectedTable[];
  /** The definition the choices are made in: its settings, overrides and tags are kept. */
  base?: Definition;
  getSelection?: () => Promise<RangeRef | null>;
  onCreate: (d: Definition) => void;
  /** Given when a scorecard exists: the set-up may be left without a change. */
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const [choice, setChoice] = useState(candidates.length ? "0" : RANGE_CHOICE);
  const [rangeText, setRangeText] = useState("");
  const [periodsAcross, setPeriodsAcross] = useState(false);
  const [sheetAsPerspective, setSheetAsPerspective] = useState(false);
  const [selectionProblem, setSelectionProblem] = useState<string | undefined>();
  const byRange = choice === RANGE_CHOICE;
  const found = byRange ? undefined : candidates[Number(choice)];
  // The block as the reader will take it: the range named, or the table found read again wide.
  const reading = useMemo(() => {
    if (byRange) {
      return rangeText.trim() === ""
        ? null
        : tableFromRange(workbook.snapshot, rangeText.trim(), {}, periodsAcross);
    }
    if (found && periodsAcross && found.shape !== "wide")
      return tableFromRange(workbook.snapshot, tableAddress(found), {}, true);
    return found ?? null;
  }, [byRange, rangeText, periodsAcross, found, workbook]);
  const table = reading && !("code" in reading) ? reading : null;
  // An example range on a sheet this workbook has: the block found, or its first sheet of the user's.
  const owned = ownedSheetNames(workbook.owned);
  const example = exampleRef(
    [
      ...(found ? [found.sheet] : []),
      ...workbook.snapshot.sheets
        .filter((s) => s.visibility === "visible" && !owned.has(s.name))
        .map((s) => s.name),
    ],
    "B4:M40",
  );
  const rangeProblem =
    reading && "code" in reading
      ? reading.message
      : byRange && rangeText.trim() === ""
        ? `Select the block (its header row on top) and use the selection, or type it, such as ${example}.`
        : undefined;
  const [mapping, setMapping] = useState(() => (table ? detectedMapping(table) : {}));
  const [mappedFor, setMappedFor] = useState(table);
  // A different block has different headers: start again from what its headers say.
  if (mappedFor !== table) {
    setMappedFor(table);
    setMapping(table ? detectedMapping(table) : {});
  }
  const layout: SourceLayout = {
    ...(byRange ? { range: rangeText.trim() } : {}),
    ...(periodsAcross ? { periodsAcross } : {}),
    ...(sheetAsPerspective ? { sheetAsPerspective } : {}),
  };
  const layoutKey = JSON.stringify(layout);
  const draft = useMemo(
    () =>
      table
        ? chooseTable(
            base ?? emptyDefinition(),
            table,
            sheetAsPerspective ? { ...mapping, perspective: "" } : mapping,
            JSON.parse(layoutKey) as SourceLayout,
          )
        : null,
    [table, mapping, sheetAsPerspective, layoutKey, base],
  );
  const preview = useMemo(() => (draft ? scoreWorkbook(workbook, draft) : null), [workbook, draft]);
  const wide = table?.shape === "wide";
  const required = wide ? (["kpi"] as const) : REQUIRED_ROLES;
  const missing = table ? required.filter((r) => !mapping[r]) : [];
  const periodRoles: readonly ColumnRole[] = ["actual", "period"];
  const disabledRole = (role: ColumnRole) =>
    (wide && periodRoles.includes(role)) || (sheetAsPerspective && role === "perspective");

  const takeSelection = async () => {
    const selection = getSelection ? await getSelection() : null;
    if (selection) {
      setRangeText(refText(selection));
      setSelectionProblem(undefined);
    } else setSelectionProblem(`There is no selection here: type the range instead, such as ${example}.`);
  };

  const formats = useMemo(() => (preview?.ok ? kpiModelsOf(preview.model, "") : null), [preview]);
  // Each KPI with where it stands, so a wrong perspective or objective shows before it is created.
  const kpis = preview?.ok
    ? preview.report.perspectives.flatMap((p) =>
        p.objectives.flatMap((o) =>
          o.kpis.map((k) => ({
            ...k,
            where: `${p.name} › ${o.name}`,
            format: formats?.get(kpiKey(p.name, o.name, k.name))?.numberFormat ?? null,
          })),
        ),
      )
    : [];

  return (
    <form
      className={styles.form}
      aria-label="Set up the scorecard"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft && missing.length === 0) onCreate(draft);
      }}
    >
      <Subtitle2 as="h2">Create the scorecard</Subtitle2>
      {candidates.length === 0 && (
        <Body1 as="p">
          No table was found with the columns KPI, Actual and Target under a header row in the first 30 rows
          of a sheet. Name the block that holds your KPIs below and say which column is which, or tag single
          cells as KPIs in the Tag KPI tab.
        </Body1>
      )}
      <Field label="Scorecard table">
        <Select className={styles.select} value={choice} onChange={(_, d) => setChoice(d.value)}>
          {candidates.map((t, i) => (
            <option key={`${t.sheet}-${t.name}-${t.headerRow}`} value={String(i)}>
              {t.source === "table" ? `${t.name} (${tableAddress(t)})` : tableAddress(t)}
            </option>
          ))}
          <option value={RANGE_CHOICE}>A range I choose…</option>
        </Select>
      </Field>
      {byRange && (
        <div className={styles.range}>
          <Field
            label="Range, header row on top"
            className={styles.grow}
            validationMessage={selectionProblem ?? rangeProblem}
            validationState={selectionProblem || (reading && "code" in reading) ? "error" : "none"}
          >
            <Input
              value={rangeText}
              onChange={(_, d) => {
                setRangeText(d.value);
                setSelectionProblem(undefined);
              }}
              // Enter confirms the range; the scorecard is created only by its own button.
              onKeyDown={(e) => {
                if (e.key === "Enter") e.preventDefault();
              }}
              placeholder={example}
            />
          </Field>
          <Button onClick={() => void takeSelection()}>Use selection</Button>
        </div>
      )}
      {!byRange && rangeProblem && <Body1>{rangeProblem}</Body1>}
      <Checkbox
        label="Periods run across the columns (Jan-26, Feb-26…)"
        checked={periodsAcross || (found?.shape === "wide" && !byRange)}
        disabled={found?.shape === "wide" && !byRange}
        onChange={(_, d) => setPeriodsAcross(d.checked === true)}
      />
      <Checkbox
        label="Each sheet's name is its perspective"
        checked={sheetAsPerspective}
        onChange={(_, d) => setSheetAsPerspective(d.checked === true)}
      />
      {table && (
        <>
          <Caption1>
            {required.some((r) => table.columns[r] === undefined)
              ? "No table has every column a scorecard needs. Name the missing ones below: choose the header that holds each."
              : "Each column as it was recognised. Correct any that is wrong."}
          </Caption1>
          <div className={styles.mapping}>
            {ROLES.map((role) => (
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
                      {h.text}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </>
      )}
      <Subtitle2 as="h3">Preview</Subtitle2>
      {preview && !preview.ok && <Body1>{preview.fatal.message}</Body1>}
      {preview?.ok && preview.report.read && (
        <Caption1 aria-label="What was read">{layoutText(preview.report.read)}</Caption1>
      )}
      <ul className={styles.preview} aria-label="KPI preview">
        {kpis.slice(0, PREVIEW_KPIS).map((k) => (
          <li key={`${k.where} › ${k.cell ?? k.name}`}>
            <StatusBadge status={k.status as Status} palette={base?.settings.palette ?? "standard"} />{" "}
            {k.name}: {formatByCell(k.actual, k.format)} / {formatByCell(k.target, k.format)}{" "}
            <Caption1 className={styles.where}>in {k.where}</Caption1>
          </li>
        ))}
      </ul>
      {kpis.length > PREVIEW_KPIS && <Caption1>and {kpis.length - PREVIEW_KPIS} more KPIs.</Caption1>}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!draft || missing.length > 0}>
          {onCancel ? "Save the table and columns" : "Create scorecard"}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
      {missing.length > 0 && (
        <Body1 aria-live="polite">Choose the {missing.map(canonicalHeader).join(", ")} column first.</Body1>
      )}
    </form>
  );
}
