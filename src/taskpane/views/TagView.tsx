import { Body1, Button, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import type { RangeRef } from "../../workbook/port";
import { PolarityField } from "./PolarityField";
import { useTagStyles } from "./TagView.styles";
import { exampleRef } from "./format";
import { useTagForm, type TagDraft } from "./useTagForm";

export type { TagDraft } from "./useTagForm";

/** Tags the selected cells as a KPI's actual (and target), kept as workbook-scoped names. */
export function TagView({
  perspectives,
  objectives,
  getSelection,
  sheetNames,
  onTag,
}: {
  perspectives: readonly string[];
  objectives: readonly string[];
  getSelection: () => Promise<RangeRef | null>;
  sheetNames: readonly string[];
  onTag: (draft: TagDraft) => void;
}) {
  const styles = useTagStyles();
  const {
    actualExample,
    actualText,
    error,
    form,
    name,
    objective,
    owner,
    perspective,
    polarity,
    problems,
    setActualText,
    setName,
    setObjective,
    setOwner,
    setPerspective,
    setPolarity,
    setSelectionProblem,
    setTargetKind,
    setTargetNumber,
    setTargetText,
    setThreshold,
    setWeight,
    takeSelection,
    targetKind,
    targetNumber,
    targetText,
    threshold,
    weight,
    submit,
  } = useTagForm({ perspectives, getSelection, sheetNames, onTag });
  return (
    <form
      ref={form}
      className={styles.form}
      aria-label="Tag a KPI"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Body1>
        Select cells anywhere in the workbook, then use them as a KPI&apos;s actual. The tag follows the cells
        when rows and columns move.
      </Body1>
      <div className={styles.pick}>
        <Field label="Actual" className={styles.grow} {...error(problems.actual)}>
          <Input
            value={actualText}
            onChange={(_, d) => {
              setActualText(d.value);
              setSelectionProblem(undefined);
            }}
            placeholder={`Select cells, or type ${actualExample}`}
          />
        </Field>
        <Button onClick={() => void takeSelection(setActualText)}>Use selection as actual</Button>
      </div>
      <Field label="Target">
        <RadioGroup
          layout="horizontal"
          value={targetKind}
          onChange={(_, d) => setTargetKind(d.value as "number" | "range")}
        >
          <Radio value="number" label="A number" />
          <Radio value="range" label="Cells" />
        </RadioGroup>
      </Field>
      {targetKind === "number" ? (
        <Field label="Target value" {...error(problems.targetNumber)}>
          <Input value={targetNumber} onChange={(_, d) => setTargetNumber(d.value)} inputMode="decimal" />
        </Field>
      ) : (
        <div className={styles.pick}>
          <Field label="Target cells" className={styles.grow} {...error(problems.targetRange)}>
            <Input
              value={targetText}
              onChange={(_, d) => setTargetText(d.value)}
              placeholder={`Select cells, or type ${exampleRef(sheetNames, "B3:M3")}`}
            />
          </Field>
          <Button onClick={() => void takeSelection(setTargetText)}>Use selection as target</Button>
        </div>
      )}
      <Field label="Perspective" {...error(problems.perspective)}>
        <Input value={perspective} onChange={(_, d) => setPerspective(d.value)} list="bsc-perspectives" />
      </Field>
      <datalist id="bsc-perspectives">
        {perspectives.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <Field label="Objective (existing or new)" {...error(problems.objective)}>
        <Input value={objective} onChange={(_, d) => setObjective(d.value)} list="bsc-objectives" />
      </Field>
      <datalist id="bsc-objectives">
        {objectives.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <Field label="KPI name" {...error(problems.name)}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <PolarityField value={polarity} onChange={setPolarity} />
      <Field
        label={polarity === "band" ? "Tolerance (optional, in the KPI's unit)" : "Threshold (optional)"}
        {...error(problems.threshold)}
      >
        <Input
          value={threshold}
          onChange={(_, d) => setThreshold(d.value)}
          inputMode="decimal"
          placeholder="default"
        />
      </Field>
      <Field label="Weight" {...error(problems.weight)}>
        <Input value={weight} onChange={(_, d) => setWeight(d.value)} inputMode="decimal" />
      </Field>
      <Field label="Owner">
        <Input value={owner} onChange={(_, d) => setOwner(d.value)} />
      </Field>
      <Button appearance="primary" type="submit">
        Tag KPI
      </Button>
    </form>
  );
}
