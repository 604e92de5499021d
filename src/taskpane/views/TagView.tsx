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
import { useRef, useState } from "react";
import type { Polarity } from "../../engine/types";
import { PolarityField } from "./PolarityField";
import { parseTyped, thresholdProblem, weightProblem } from "./kpiValidation";
import { boxA1, parseReference } from "../../model/address";
import { exampleRef, refText } from "./format";
import type { RangeRef } from "../../workbook/port";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "420px", minWidth: 0 },
  // The button goes under its field when the pane is too narrow for both.
  pick: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, flexBasis: "160px", minWidth: 0 },
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

/** A typed or selected reference such as "Notes!B2:M2", checked against the workbook's sheets. */
function parseRef(text: string, sheetNames: readonly string[], example: string): RangeRef | string {
  if (text.trim() === "")
    return `Choose the cells: select them and use the selection, or type a reference such as ${example}.`;
  const parsed = parseReference(text.trim());
  if (!parsed?.sheet) return `"${text}" is not a reference with a sheet, such as ${example}.`;
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
  /** After a first try at tagging, every field says what it lacks; before, only those typed in. */
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const actualExample = exampleRef(sheetNames, "B2:M2");

  const takeSelection = async (set: (text: string) => void) => {
    const selection = await getSelection();
    if (selection) {
      set(refText(selection));
      setSelectionProblem(undefined);
    } else
      setSelectionProblem(
        `There is no selection here: type the reference instead, such as ${actualExample}.`,
      );
  };

  const actual = parseRef(actualText, sheetNames, actualExample);
  const targetRange = parseRef(targetText, sheetNames, exampleRef(sheetNames, "B3:M3"));
  const targetValue = parseTyped(targetNumber);
  const thresholdValue = parseTyped(threshold);
  const weightValue = parseTyped(weight);
  /** What each field lacks; `typed` is whether the user wrote in it yet. */
  const check = (typed: boolean, problem: string | false | undefined) =>
    (tried || typed) && problem ? problem : undefined;
  const problems = {
    actual: selectionProblem ?? check(actualText !== "", typeof actual === "string" && actual),
    targetRange: check(
      targetText !== "",
      targetKind === "range" && typeof targetRange === "string" && targetRange,
    ),
    targetNumber: check(
      targetNumber !== "",
      targetKind === "number" &&
        (targetValue === undefined
          ? "Type the target: a KPI needs one."
          : targetValue === "invalid" && "Type the target as a number, such as 500 or 90%."),
    ),
    perspective: check(false, perspective.trim() === "" && "Name the perspective."),
    objective: check(false, objective.trim() === "" && "Name the objective."),
    name: check(false, name.trim() === "" && "Name the KPI."),
    threshold:
      thresholdValue === "invalid"
        ? "Type the threshold as a number, or leave it empty."
        : thresholdProblem(
            polarity,
            targetKind === "number" && typeof targetValue === "number" ? targetValue : null,
            thresholdValue,
            // A target typed as a percentage is named as one.
            targetNumber.trim().endsWith("%") ? "0.##%" : null,
          ),
    weight: weightProblem(weightValue),
  };
  const error = (problem: string | undefined) =>
    problem ? { validationState: "error" as const, validationMessage: problem } : {};

  return (
    <form
      ref={form}
      className={styles.form}
      aria-label="Tag a KPI"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const ready =
          typeof actual !== "string" &&
          (targetKind === "range" ? typeof targetRange !== "string" : typeof targetValue === "number") &&
          perspective.trim() !== "" &&
          objective.trim() !== "" &&
          name.trim() !== "" &&
          thresholdValue !== "invalid" &&
          problems.threshold === undefined &&
          problems.weight === undefined;
        if (!ready) {
          // Nothing is tagged: every field says what it lacks, and the first takes the focus.
          setTried(true);
          setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
          return;
        }
        onTag({
          actual,
          target: targetKind === "range" ? (targetRange as RangeRef) : (targetValue as number),
          perspective: perspective.trim(),
          objective: objective.trim(),
          name: name.trim(),
          polarity,
          threshold: thresholdValue,
          weight: typeof weightValue === "number" ? weightValue : 1,
          owner: owner.trim(),
        });
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
