import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { KpiFieldEdits } from "../../app/definitionEdits";
import type { KpiReport } from "../../app/report";
import type { Polarity } from "../../engine/types";
import { PolarityField } from "./PolarityField";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Parses a number the user typed; "" means "not set", anything else unreadable is an error. */
function parseField(text: string, percent = false): number | undefined | "invalid" {
  const t = text.trim().replace(/%$/, "");
  if (t === "") return undefined;
  const n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return "invalid";
  return percent ? n / 100 : n;
}

/** Edits a KPI's polarity, threshold, tolerance, weight and owner in place. */
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
  const [polarity, setPolarity] = useState<Polarity>((kpi.polarity as Polarity | null) ?? "higher");
  const [threshold, setThreshold] = useState(kpi.threshold === null ? "" : String(kpi.threshold));
  const [tolerance, setTolerance] = useState("");
  const [weight, setWeight] = useState(String(kpi.weight));
  const [owner, setOwner] = useState(kpi.owner);
  const parsed = {
    threshold: parseField(threshold),
    tolerance: parseField(tolerance, true),
    weight: parseField(weight),
  };
  const weightInvalid =
    parsed.weight === "invalid" || (typeof parsed.weight === "number" && parsed.weight < 0);
  const invalid = parsed.threshold === "invalid" || parsed.tolerance === "invalid" || weightInvalid;

  const save = () => {
    if (invalid) return;
    onSave({
      polarity,
      threshold: parsed.threshold as number | undefined,
      tolerance: parsed.threshold === undefined ? (parsed.tolerance as number | undefined) : undefined,
      weight: parsed.weight as number | undefined,
      owner: owner.trim() === "" ? undefined : owner.trim(),
    });
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
      <Field
        label={polarity === "band" ? "Tolerance (in the KPI's unit)" : "Threshold (red flag)"}
        validationMessage={
          parsed.threshold === "invalid" ? "Type a number, or leave it empty for the default." : undefined
        }
      >
        <Input value={threshold} onChange={(_, d) => setThreshold(d.value)} inputMode="decimal" />
      </Field>
      <Field
        label="Tolerance % (used when there is no threshold)"
        validationMessage={parsed.tolerance === "invalid" ? "Type a percentage such as 15." : undefined}
      >
        <Input
          value={tolerance}
          onChange={(_, d) => setTolerance(d.value)}
          inputMode="decimal"
          placeholder="default"
        />
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
