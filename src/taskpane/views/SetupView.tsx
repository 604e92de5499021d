import { Body1, Button, Subtitle2, useId } from "@fluentui/react-components";
import type { Scoring, WorkbookState } from "../../app/scoring";
import type { Definition } from "../../model/definition";
import type { DetectedTable } from "../../model/detect";
import { canonicalHeader } from "../../model/headers";
import type { RangeRef } from "../../workbook/port";
import { useAnnounceChange } from "../Announcer";
import { SetupColumns } from "./SetupColumns";
import { SetupPreview } from "./SetupPreview";
import { SetupReading } from "./SetupReading";
import { SetupTable } from "./SetupTable";
import { useSetupStyles } from "./SetupView.styles";
import { useSetupView } from "./useSetupView";

export interface SetupViewProps {
  readonly workbook: WorkbookState;
  readonly candidates: readonly DetectedTable[];
  /** The definition the choices are made in: its settings, overrides and tags are kept. */
  readonly base?: Definition;
  readonly getSelection?: () => Promise<RangeRef | null>;
  /** With the preview's scoring of the definition, which the create shows at once instead of scoring again. */
  readonly onCreate: (d: Definition, preview: Scoring | null) => void;
  /** Given when a scorecard exists: the set-up may be left without a change. */
  readonly onCancel?: () => void;
}

/**
 * First run: pick the scorecard table (or name any block), say how it is laid out where the
 * headers cannot, check and correct the column mapping, preview, create. Built as Fluent builds
 * its components: the state in useSetupView (one block per concern), each section its own
 * component over that state, the styles in SetupView.styles; the main action in a sticky footer.
 */
export function SetupView({ workbook, candidates, base, getSelection, onCreate, onCancel }: SetupViewProps) {
  const styles = useSetupStyles();
  const setup = useSetupView({ workbook, candidates, base, getSelection });
  const { draft } = setup.preview;
  const { missing } = setup.columns;
  const table = setup.table.table;
  // Why Create scorecard cannot be pressed yet, stated beside it (and read with it).
  const hint =
    missing.length > 0
      ? `Choose the ${missing.map(canonicalHeader).join(", ")} column first.`
      : !draft
        ? "Choose the table, or name the block that holds your KPIs, first."
        : null;
  const hintId = useId("setup-hint");
  // Said each time it changes: the footer shows it, the announcer says it.
  useAnnounceChange(hint);
  return (
    <form
      className={styles.form}
      aria-label="Set up the scorecard"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft && missing.length === 0) onCreate(draft, setup.preview.preview);
      }}
    >
      <Subtitle2 as="h2">Create the scorecard</Subtitle2>
      {candidates.length === 0 && (
        <Body1 as="p">
          {/* The reader's own sentence, as `bsc check` gives it: what the workbook holds and lacks. */}
          {setup.refusal ??
            "No table was found with the columns KPI, Actual and Target under a header row in the first 30 rows of a sheet."}{" "}
          Name the block that holds your KPIs below and say which column is which, or tag single cells as KPIs
          in the Tag KPI tab.
        </Body1>
      )}
      <SetupTable setup={setup} candidates={candidates} />
      {table && <SetupColumns setup={setup} table={table} snapshot={workbook.snapshot} />}
      <SetupReading setup={setup} />
      <SetupPreview setup={setup} palette={base?.settings.palette ?? "standard"} />
      <div className={styles.footer}>
        {hint && <Body1 id={hintId}>{hint}</Body1>}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            type="submit"
            disabled={hint !== null}
            aria-describedby={hint ? hintId : undefined}
          >
            {onCancel ? "Save the table and columns" : "Create scorecard"}
          </Button>
          {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        </div>
      </div>
    </form>
  );
}
