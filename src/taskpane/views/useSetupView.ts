import { useMemo, useState } from "react";
import { chooseTable } from "../../app/definitionEdits";
import { kpiModelsOf } from "../../app/paneTrends";
import type { WorkbookState } from "../../app/scoring";
import { scoreWorkbook } from "../../app/scoring";
import type { Definition } from "../../model/definition";
import type { Polarity } from "../../engine/types";
import { emptyDefinition } from "../../model/definition";
import { tableAddress, type DetectedTable, type SourceLayout } from "../../model/detect";
import { COLUMN_ROLES, type ColumnRole } from "../../model/headers";
import { kpiKey } from "../../model/scorecard";
import type { RangeRef } from "../../workbook/port";
import {
  inferredDirections,
  readsWhole,
  requiredRoles,
  firstReading,
  withDirections,
} from "./setupInference";
import { useSetupTable } from "./useSetupTable";

export { RANGE_CHOICE } from "./useSetupTable";

export type { InferredDirection } from "./setupInference";

/** The roles a column picker is shown for (Drives belongs to the Objectives table). */
export const ROLES = COLUMN_ROLES.filter((r) => r !== "drives");

function detectedMapping(table: DetectedTable): Partial<Record<ColumnRole, string>> {
  const mapping: Partial<Record<ColumnRole, string>> = {};
  for (const role of ROLES) {
    const col = table.columns[role];
    mapping[role] = col === undefined ? "" : (table.headers.find((h) => h.col === col)?.text ?? "");
  }
  return mapping;
}

export interface SetupInputs {
  readonly workbook: WorkbookState;
  readonly candidates: readonly DetectedTable[];
  /** The definition the choices are made in: its settings, overrides and tags are kept. */
  readonly base?: Definition | undefined;
  readonly getSelection?: (() => Promise<RangeRef | null>) | undefined;
}

/**
 * The set-up's state, one concern a block: the table (or range) read, its layout, the column
 * mapping, and the preview scored from the draft definition those make. Each section of the
 * view reads and changes its own block; a new reading feature adds a block here and a section there.
 */
export function useSetupView({ workbook, candidates, base, getSelection }: SetupInputs) {
  // With no table found, the reader's best guess (a block and the columns it lacks) opens the set-up.
  // (The candidates are then the nearest blocks, each lacking a column.)
  const [{ suggestion, refusal }] = useState(() =>
    candidates.some(readsWhole) ? {} : firstReading(workbook),
  );
  // The layout the headers cannot say.
  const [periodsAcross, setPeriodsAcross] = useState(false);
  const [sheetAsPerspective, setSheetAsPerspective] = useState(false);
  // The year of months written without one ("Jan" … "Dec"), where the file does not say it.
  const [yearText, setYearText] = useState(suggestion?.year !== undefined ? String(suggestion.year) : "");
  const year = /^(19|[2-9]\d)\d\d$/.test(yearText.trim()) ? Number(yearText.trim()) : undefined;
  // The table: one found, or a range the user names, as the reader will take it.
  const tables = useSetupTable({ workbook, candidates, suggestion, periodsAcross, getSelection });
  const { byRange, rangeText, table } = tables.table;

  // The mapping: what the headers say, corrected by the user.
  // The suggestion's columns count as detected for its own block.
  const startingMapping = (t: DetectedTable | null) =>
    t ? { ...detectedMapping(t), ...(suggestion?.block === tableAddress(t) ? suggestion.mapping : {}) } : {};
  const [mapping, setMapping] = useState(() => startingMapping(table));
  const [mappedFor, setMappedFor] = useState(table);
  // A different block has different headers: start again from what its headers say.
  if (mappedFor !== table) {
    setMappedFor(table);
    setMapping(startingMapping(table));
  }
  const wide = table?.shape === "wide";
  const required = requiredRoles(table?.shape);
  const missing = table ? required.filter((r) => !mapping[r]) : [];
  const disabledRole = (role: ColumnRole) =>
    (wide && (role === "actual" || role === "period")) || (sheetAsPerspective && role === "perspective");

  // The draft definition and its preview.
  const layoutKey = JSON.stringify({
    ...(byRange ? { range: rangeText.trim() } : {}),
    ...(periodsAcross ? { periodsAcross } : {}),
    ...(sheetAsPerspective ? { sheetAsPerspective } : {}),
    ...(year !== undefined ? { year } : {}),
  } satisfies SourceLayout);
  const chosen = useMemo(
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
  // Directions the reader inferred (a cost, a departmental budget), each shown to be confirmed or
  // switched; on Create each is stored in the definition as the user's choice.
  const inferred = useMemo(() => (chosen ? inferredDirections(workbook, chosen) : []), [workbook, chosen]);
  const [switched, setSwitched] = useState<Readonly<Record<string, Polarity>>>({});
  const draft = useMemo(
    () => (chosen ? withDirections(chosen, inferred, switched) : null),
    [chosen, inferred, switched],
  );
  const preview = useMemo(() => (draft ? scoreWorkbook(workbook, draft) : null), [workbook, draft]);
  const needsYear =
    year === undefined &&
    ((preview !== null && !preview.ok && preview.fatal.code === "months-across-no-year") ||
      yearText.trim() !== "");
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

  return {
    ...tables,
    /** Why the reader found no scorecard by itself, as `bsc check` says it, in the pane's words. */
    refusal,
    layout: {
      periodsAcross,
      setPeriodsAcross,
      sheetAsPerspective,
      setSheetAsPerspective,
      yearText,
      setYearText,
      askYear: needsYear || year !== undefined,
      yearProblem: yearText.trim() !== "" && year === undefined ? "Type a year such as 2024." : undefined,
    },
    directions: {
      inferred,
      chosen: (key: string, polarity: Polarity) => switched[key] ?? polarity,
      choose: (key: string, polarity: Polarity) => setSwitched((s) => ({ ...s, [key]: polarity })),
    },
    columns: { mapping, setMapping, required, missing, disabledRole },
    preview: { draft, preview, kpis },
  };
}

export type SetupModel = ReturnType<typeof useSetupView>;
