import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { KpiFieldEdits } from "../../app/definitionEdits";
import type { KpiReport } from "../../app/report";
import type { Polarity } from "../../engine/types";
import { PolarityField } from "./PolarityField";
import { formatNumber } from "./format";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** A number the user typed; "" means "leave as it is", anything else unreadable is an error. */
function parseField(text: string, percent = false): number | undefined | "invalid" {
  const t = text.trim().replace(/%$/, "");
  if (t === "") return undefined;
  const n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return "invalid";
  return percent ? n / 100 : n;
}

/**
 * Edits a KPI's polarity, threshold, tolerance, weight, owner (and a tagged KPI's target) in
 * place. Only what the user changes is saved: an untouched field keeps coming from the table.
 */
export function KpiEditor({
  kpi,
  onSave,
  onCancel,
}: {
  kpi: KpiReport;
  onSave: (edits: KpiFieldEdits) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const initialPolarity = (kpi.polarity as Polarity | null) ?? "higher";
  const [polarity, setPolarity] = useState<Polarity>(initialPolarity);
  const [threshold, setThreshold] = useState("");
  const [tolerance, setTolerance] = useState("");
  const [weight, setWeight] = useState(String(kpi.weight));
  const [owner, setOwner] = useState(kpi.owner);
  // A tagged KPI keeps its target in the definition; a table KPI's target is in its table.
  const targetEditable = kpi.source === "tag";
  const [target, setTarget] = useState(kpi.target === null ? "" : String(kpi.target));
  const parsed = {
    threshold: parseField(threshold),
    tolerance: parseField(tolerance, true),
    weight: weight === String(kpi.weight) ? undefined : parseField(weight),
    target: targetEditable && target !== String(kpi.target) ? parseField(target) : undefined,
  };
  const weightInvalid =
    parsed.weight === "invalid" || (typeof parsed.weight === "number" && parsed.weight < 0);
  const invalid =
    parsed.threshold === "invalid" ||
    parsed.tolerance === "invalid" ||
    parsed.target === "invalid" ||
    weightInvalid;

  const save = () => {
    if (invalid) return;
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
      className={styles.form}
      aria-label={`Edit ${kpi.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <PolarityField value={polarity} onChange={setPolarity} />
      {targetEditable && (
        <Field
          label="Target"
          validationMessage={parsed.target === "invalid" ? "Type the target as a number." : undefined}
        >
          <Input value={target} onChange={(_, d) => setTarget(d.value)} inputMode="decimal" />
        </Field>
      )}
      <Field
        label={polarity === "band" ? "Tolerance (in the KPI's unit)" : "Threshold (red flag)"}
        hint={`Now ${formatNumber(kpi.threshold)}. Leave empty to keep it.`}
        validationMessage={parsed.threshold === "invalid" ? "Type a number, or leave it empty." : undefined}
      >
        <Input value={threshold} onChange={(_, d) => setThreshold(d.value)} inputMode="decimal" />
      </Field>
      <Field
        label="Tolerance % (used when there is no threshold)"
        validationMessage={parsed.tolerance === "invalid" ? "Type a percentage such as 15." : undefined}
      >
        <Input value={tolerance} onChange={(_, d) => setTolerance(d.value)} inputMode="decimal" />
      </Field>
      <Field
        label="Weight"
        validationMessage={weightInvalid ? "A weight is a number of 0 or more." : undefined}
      >
        <Input value={weight} onChange={(_, d) => setWeight(d.value)} inputMode="decimal" />
      </Field>
      <Field label="Owner">
        <Input value={owner} onChange={(_, d) => setOwner(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={invalid}>
          Save KPI
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
