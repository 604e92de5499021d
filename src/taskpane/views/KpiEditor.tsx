import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { KpiFieldEdits } from "../../app/definitionEdits";
import { formatByCell } from "../../app/numberFormat";
import type { KpiReport } from "../../app/report";
import type { Polarity } from "../../engine/types";
import { PolarityField } from "./PolarityField";
import { parseTyped, thresholdProblem, toleranceProblem, weightProblem } from "./kpiValidation";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** A value as the user would type it back: "90%" for a percentage-formatted KPI. */
const typedText = (value: number | null, numberFormat: string | null): string =>
  value === null ? "" : numberFormat?.includes("%") ? `${+(value * 100).toPrecision(12)}%` : String(value);

/**
 * Edits a KPI's polarity, threshold, tolerance, weight, owner (and a tagged KPI's target) in
 * place. Only what the user changes is saved: an untouched field keeps coming from the table.
 * What the engine could not score (a red flag on the wrong side of the target, a negative
 * tolerance, a tagged KPI without a target) is said at its field and never saved.
 */
export function KpiEditor({
  kpi,
  numberFormat,
  onSave,
  onCancel,
}: {
  kpi: KpiReport;
  numberFormat: string | null;
  onSave: (edits: KpiFieldEdits) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const form = useRef<HTMLFormElement>(null);
  const initialPolarity = (kpi.polarity as Polarity | null) ?? "higher";
  const [polarity, setPolarity] = useState<Polarity>(initialPolarity);
  const [threshold, setThreshold] = useState("");
  const [tolerance, setTolerance] = useState("");
  const [weight, setWeight] = useState(String(kpi.weight));
  const [owner, setOwner] = useState(kpi.owner);
  // A tagged KPI keeps its target in the definition; a table KPI's target is in its table.
  const targetEditable = kpi.source === "tag";
  const initialTarget = typedText(kpi.target, numberFormat);
  const [target, setTarget] = useState(initialTarget);
  const parsed = {
    threshold: parseTyped(threshold),
    tolerance: parseTyped(tolerance, true),
    weight: weight === String(kpi.weight) ? undefined : parseTyped(weight),
    target: targetEditable && target !== initialTarget ? parseTyped(target) : undefined,
  };
  const targetNow = typeof parsed.target === "number" ? parsed.target : kpi.target;
  const problems = {
    target: !targetEditable
      ? undefined
      : parsed.target === "invalid"
        ? "Type the target as a number, such as 500 or 90%."
        : target.trim() === ""
          ? "A tagged KPI needs a target: type it."
          : undefined,
    threshold:
      parsed.threshold === "invalid"
        ? "Type a number, or leave it empty."
        : thresholdProblem(polarity, targetNow, parsed.threshold, numberFormat),
    tolerance:
      parsed.tolerance === "invalid"
        ? "Type a percentage such as 15."
        : toleranceProblem(parsed.tolerance as number | undefined),
    weight: weightProblem(parsed.weight),
  };
  const invalid = Object.values(problems).some((p) => p !== undefined);
  const error = (problem: string | undefined) =>
    problem ? { validationState: "error" as const, validationMessage: problem } : {};
  // The form opens with the keyboard on its first field, scrolled into view.
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>("select, input");
    first?.focus();
    if (typeof first?.scrollIntoView === "function") first.scrollIntoView({ block: "nearest" });
  }, []);

  const save = () => {
    if (invalid) {
      // Nothing is saved: the first field that says why takes the focus.
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const edits: KpiFieldEdits = {
      ...(polarity !== initialPolarity ? { polarity } : {}),
      ...(parsed.threshold !== undefined ? { threshold: parsed.threshold as number } : {}),
      ...(parsed.threshold === undefined && parsed.tolerance !== undefined
        ? { tolerance: parsed.tolerance as number }
        : {}),
      ...(parsed.weight !== undefined ? { weight: parsed.weight as number } : {}),
      ...(parsed.target !== undefined ? { target: parsed.target as number } : {}),
      ...(owner.trim() !== kpi.owner ? { owner: owner.trim() } : {}),
    };
    onSave(edits);
  };

  return (
    <form
      ref={form}
      className={styles.form}
      aria-label={`Edit ${kpi.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <PolarityField value={polarity} onChange={setPolarity} />
      {targetEditable && (
        <Field label="Target" {...error(problems.target)}>
          <Input value={target} onChange={(_, d) => setTarget(d.value)} inputMode="decimal" />
        </Field>
      )}
      <Field
        label={polarity === "band" ? "Tolerance (in the KPI's unit)" : "Threshold (red flag)"}
        hint={`Now ${formatByCell(kpi.threshold, numberFormat)}. Leave empty to keep it.`}
        {...error(problems.threshold)}
      >
        <Input value={threshold} onChange={(_, d) => setThreshold(d.value)} inputMode="decimal" />
      </Field>
      <Field label="Tolerance % (used when there is no threshold)" {...error(problems.tolerance)}>
        <Input value={tolerance} onChange={(_, d) => setTolerance(d.value)} inputMode="decimal" />
      </Field>
      <Field label="Weight" {...error(problems.weight)}>
        <Input value={weight} onChange={(_, d) => setWeight(d.value)} inputMode="decimal" />
      </Field>
      <Field label="Owner">
        <Input value={owner} onChange={(_, d) => setOwner(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          Save KPI
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
