import {
  Body1,
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Polarity } from "../../engine/types";
import { PolarityField } from "./PolarityField";
import { boxA1, parseReference, quoteSheetName } from "../../model/address";
import type { RangeRef } from "../../workbook/port";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "420px" },
  pick: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1 },
});

export interface TagDraft {
  readonly actual: RangeRef;
  readonly target: RangeRef | number;
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
  readonly polarity: Polarity;
  readonly threshold: number | undefined;
  readonly weight: number;
  readonly owner: string;
}

export const refText = (r: RangeRef) => `${quoteSheetName(r.sheet)}!${r.address}`;

/** A typed or selected reference such as "Notes!B2:M2", checked against the workbook's sheets. */
function parseRef(text: string, sheetNames: readonly string[]): RangeRef | string {
  if (text.trim() === "")
    return "Choose the cells: select them and use the selection, or type a reference such as Notes!B2:M2.";
  const parsed = parseReference(text.trim());
  if (!parsed?.sheet) return `"${text}" is not a reference with a sheet, such as Notes!B2:M2.`;
  const sheet = sheetNames.find((n) => n.toLowerCase() === parsed.sheet?.toLowerCase());
  if (!sheet) return `The workbook has no sheet called "${parsed.sheet}".`;
  return { sheet, address: boxA1(parsed.box) };
}

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
  const styles = useStyles();
  const [actualText, setActualText] = useState("");
  const [targetKind, setTargetKind] = useState<"number" | "range">("number");
  const [targetText, setTargetText] = useState("");
  const [targetNumber, setTargetNumber] = useState("");
  const [perspective, setPerspective] = useState(perspectives[0] ?? "Financial");
  const [objective, setObjective] = useState("");
  const [name, setName] = useState("");
  const [polarity, setPolarity] = useState<Polarity>("higher");
  const [threshold, setThreshold] = useState("");
  const [weight, setWeight] = useState("1");
  const [owner, setOwner] = useState("");
  const [selectionProblem, setSelectionProblem] = useState<string | undefined>();

  const takeSelection = async (set: (text: string) => void) => {
    const selection = await getSelection();
    if (selection) {
      set(refText(selection));
      setSelectionProblem(undefined);
    } else
      setSelectionProblem("There is no selection here: type the reference instead, such as Notes!B2:M2.");
  };

  const actual = parseRef(actualText, sheetNames);
  const targetRange = parseRef(targetText, sheetNames);
  const targetValue = Number(targetNumber.replace(/,/g, ""));
  const thresholdValue = threshold.trim() === "" ? undefined : Number(threshold);
  const weightValue = Number(weight);
  const problems = [
    typeof actual === "string" && `Actual: ${actual}`,
    targetKind === "range"
      ? typeof targetRange === "string" && `Target: ${targetRange}`
      : (targetNumber.trim() === "" || !Number.isFinite(targetValue)) && "Type the target as a number.",
    perspective.trim() === "" && "Name the perspective.",
    objective.trim() === "" && "Name the objective.",
    name.trim() === "" && "Name the KPI.",
    thresholdValue !== undefined && !Number.isFinite(thresholdValue) && "The threshold must be a number.",
    (!Number.isFinite(weightValue) || weightValue < 0) && "The weight must be a number of 0 or more.",
  ].filter((p): p is string => typeof p === "string");

  return (
    <form
      className={styles.form}
      aria-label="Tag a KPI"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length || typeof actual === "string") return;
        onTag({
          actual,
          target: targetKind === "range" ? (targetRange as RangeRef) : targetValue,
          perspective: perspective.trim(),
          objective: objective.trim(),
          name: name.trim(),
          polarity,
          threshold: thresholdValue,
          weight: weightValue,
          owner: owner.trim(),
        });
      }}
    >
      <Body1>
        Select cells anywhere in the workbook, then use them as a KPI&apos;s actual. The tag follows the cells
        when rows and columns move.
      </Body1>
      <div className={styles.pick}>
        <Field label="Actual" className={styles.grow} validationMessage={selectionProblem}>
          <Input
            value={actualText}
            onChange={(_, d) => setActualText(d.value)}
            placeholder="Select cells, or type Sheet!B2:M2"
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
        <Field label="Target value">
          <Input value={targetNumber} onChange={(_, d) => setTargetNumber(d.value)} inputMode="decimal" />
        </Field>
      ) : (
        <div className={styles.pick}>
          <Field label="Target cells" className={styles.grow}>
            <Input
              value={targetText}
              onChange={(_, d) => setTargetText(d.value)}
              placeholder="Select cells, or type Sheet!B3:M3"
            />
          </Field>
          <Button onClick={() => void takeSelection(setTargetText)}>Use selection as target</Button>
        </div>
      )}
      <Field label="Perspective">
        <Input value={perspective} onChange={(_, d) => setPerspective(d.value)} list="bsc-perspectives" />
      </Field>
      <datalist id="bsc-perspectives">
        {perspectives.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <Field label="Objective (existing or new)">
        <Input value={objective} onChange={(_, d) => setObjective(d.value)} list="bsc-objectives" />
      </Field>
      <datalist id="bsc-objectives">
        {objectives.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <Field label="KPI name">
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <PolarityField value={polarity} onChange={setPolarity} />
      <Field label="Threshold (optional)">
        <Input
          value={threshold}
          onChange={(_, d) => setThreshold(d.value)}
          inputMode="decimal"
          placeholder="default"
        />
      </Field>
      <Field label="Weight">
        <Input value={weight} onChange={(_, d) => setWeight(d.value)} inputMode="decimal" />
      </Field>
      <Field label="Owner">
        <Input value={owner} onChange={(_, d) => setOwner(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={problems.length > 0}>
        Tag KPI
      </Button>
      {problems.length > 0 && <Body1 aria-live="polite">{problems[0]}</Body1>}
    </form>
  );
}
