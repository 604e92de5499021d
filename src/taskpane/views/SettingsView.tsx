import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Settings } from "../../model/definition";
import { MONTH_NAMES } from "./headerLabel";

const useStyles = makeStyles({
  form: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalM,
    maxWidth: "420px",
  },
});

/** The scorecard's settings; saved into the stored definition, read the same by the CLI. */
export function SettingsView({
  settings,
  periods,
  onSave,
  onSetUpAgain,
}: {
  settings: Settings;
  periods: readonly string[];
  onSave: (s: Partial<Settings>) => void;
  /** Opens the set-up again, to choose another table, range or columns. */
  onSetUpAgain?: () => void;
}) {
  const styles = useStyles();
  const [scoredPeriod, setScoredPeriod] = useState(settings.scoredPeriod ?? "");
  const [rollup, setRollup] = useState(settings.rollup);
  const [fiscal, setFiscal] = useState(settings.fiscalYearStartMonth);
  const [sheetName, setSheetName] = useState(settings.summarySheetName);
  const [palette, setPalette] = useState(settings.palette);
  const [needsCommentary, setNeedsCommentary] = useState(settings.needsCommentary !== false);
  const [asValues, setAsValues] = useState(settings.summaryAsValues === true);
  const nameProblem =
    sheetName.trim() === ""
      ? "The summary sheet needs a name."
      : sheetName.length > 31
        ? "A sheet name has at most 31 characters."
        : /[[\]:*?/\\]/.test(sheetName)
          ? "A sheet name cannot hold [ ] : * ? / \\."
          : undefined;

  return (
    <form
      className={styles.form}
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (nameProblem) return;
        onSave({
          scoredPeriod: scoredPeriod === "" ? null : scoredPeriod,
          rollup,
          fiscalYearStartMonth: fiscal,
          summarySheetName: sheetName.trim(),
          palette,
          needsCommentary,
          summaryAsValues: asValues,
        });
      }}
    >
      <Field label="Scored period">
        <Select value={scoredPeriod} onChange={(_, d) => setScoredPeriod(d.value)}>
          <option value="">Latest period with data</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Roll-up method">
        <Select value={rollup} onChange={(_, d) => setRollup(d.value as Settings["rollup"])}>
          <option value="weighted">Weighted average</option>
          <option value="worst">Worst child</option>
        </Select>
      </Field>
      <Field label="Fiscal year starts in">
        <Select value={String(fiscal)} onChange={(_, d) => setFiscal(Number(d.value))}>
          {MONTH_NAMES.map((m, i) => (
            <option key={m} value={String(i + 1)}>
              {m}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Summary sheet name" validationMessage={nameProblem}>
        <Input value={sheetName} onChange={(_, d) => setSheetName(d.value)} />
      </Field>
      <Field label="Colours">
        <Select value={palette} onChange={(_, d) => setPalette(d.value as Settings["palette"])}>
          <option value="standard">Green, amber, red</option>
          <option value="colorblind">Colour-blind safe (blue, orange, vermillion)</option>
        </Select>
      </Field>
      <Checkbox
        checked={needsCommentary}
        onChange={(_, d) => setNeedsCommentary(d.checked === true)}
        label="List the red and amber KPIs without an analysis (Needs commentary)"
      />
      <Checkbox
        checked={asValues}
        onChange={(_, d) => setAsValues(d.checked === true)}
        label="Write the summary sheet as values, frozen until the next refresh (otherwise its formulas follow edits to the table)"
      />
      <Button appearance="primary" type="submit" disabled={nameProblem !== undefined}>
        Save settings
      </Button>
      {onSetUpAgain && <Button onClick={onSetUpAgain}>Choose the table and columns again</Button>}
    </form>
  );
}
