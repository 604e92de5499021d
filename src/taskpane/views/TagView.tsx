import { Body1, Button, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import type { RangeRef } from "../../workbook/port";
import { PolarityField } from "./PolarityField";
import { useTagStyles } from "./TagView.styles";
import { exampleRef } from "./format";
import type { TagDraft } from "./tagDraft";
import { useTagForm } from "./useTagForm";

export type { TagDraft } from "./tagDraft";

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
  const tag = useTagForm({ perspectives, getSelection, sheetNames, onTag });
  return (
    <form
      ref={tag.form}
      className={styles.form}
      aria-label="Tag a KPI"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        tag.submit();
      }}
    >
      <Body1>
        Select cells anywhere in the workbook, then use them as a KPI&apos;s actual. The tag follows the cells
        when rows and columns move.
      </Body1>
      <div className={styles.pick}>
        <Field label="Actual" className={styles.grow} {...tag.error(tag.problems.actual)}>
          <Input
            value={tag.actualText}
            onChange={(_, d) => {
              tag.setActualText(d.value);
              tag.setSelectionProblem(undefined);
            }}
            placeholder={`Select cells, or type ${tag.actualExample}`}
          />
        </Field>
        <Button onClick={() => void tag.takeSelection(tag.setActualText)}>Use selection as actual</Button>
      </div>
      <Field label="Target">
        <RadioGroup
          layout="horizontal"
          value={tag.targetKind}
          onChange={(_, d) => tag.setTargetKind(d.value as "number" | "range")}
        >
          <Radio value="number" label="A number" />
          <Radio value="range" label="Cells" />
        </RadioGroup>
      </Field>
      {tag.targetKind === "number" ? (
        <Field label="Target value" {...tag.error(tag.problems.targetNumber)}>
          <Input
            value={tag.targetNumber}
            onChange={(_, d) => tag.setTargetNumber(d.value)}
            inputMode="decimal"
          />
        </Field>
      ) : (
        <div className={styles.pick}>
          <Field label="Target cells" className={styles.grow} {...tag.error(tag.problems.targetRange)}>
            <Input
              value={tag.targetText}
              onChange={(_, d) => tag.setTargetText(d.value)}
              placeholder={`Select cells, or type ${exampleRef(sheetNames, "B3:M3")}`}
            />
          </Field>
          <Button onClick={() => void tag.takeSelection(tag.setTargetText)}>Use selection as target</Button>
        </div>
      )}
      <Field label="Perspective" {...tag.error(tag.problems.perspective)}>
        <Input
          value={tag.perspective}
          onChange={(_, d) => tag.setPerspective(d.value)}
          list="bsc-perspectives"
        />
      </Field>
      <datalist id="bsc-perspectives">
        {perspectives.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <Field label="Objective (existing or new)" {...tag.error(tag.problems.objective)}>
        <Input value={tag.objective} onChange={(_, d) => tag.setObjective(d.value)} list="bsc-objectives" />
      </Field>
      <datalist id="bsc-objectives">
        {objectives.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <Field label="KPI name" {...tag.error(tag.problems.name)}>
        <Input value={tag.name} onChange={(_, d) => tag.setName(d.value)} />
      </Field>
      <PolarityField value={tag.polarity} onChange={tag.setPolarity} />
      <Field
        label={tag.polarity === "band" ? "Tolerance (optional, in the KPI's unit)" : "Threshold (optional)"}
        {...tag.error(tag.problems.threshold)}
      >
        <Input
          value={tag.threshold}
          onChange={(_, d) => tag.setThreshold(d.value)}
          inputMode="decimal"
          placeholder="default"
        />
      </Field>
      <Field label="Weight" {...tag.error(tag.problems.weight)}>
        <Input value={tag.weight} onChange={(_, d) => tag.setWeight(d.value)} inputMode="decimal" />
      </Field>
      <Field label="Owner">
        <Input value={tag.owner} onChange={(_, d) => tag.setOwner(d.value)} />
      </Field>
      <Button appearance="primary" type="submit">
        Tag KPI
      </Button>
    </form>
  );
}
