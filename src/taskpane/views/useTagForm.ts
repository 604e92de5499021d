import { useRef, useState } from "react";
import type { Polarity } from "../../engine/types";
import type { RangeRef } from "../../workbook/port";
import { exampleRef, refText } from "./format";
import { parseRef, type TagDraft } from "./tagDraft";
import { parseTyped, thresholdProblem, weightProblem } from "./kpiValidation";

/**
 * The tag form's state: what is typed in each field, what each field lacks, and the submit that
 * tags the KPI only when every field is right (else focus goes to the first that says why).
 */
export function useTagForm({
  perspectives,
  getSelection,
  sheetNames,
  onTag,
}: {
  perspectives: readonly string[];
  getSelection: () => Promise<RangeRef | null>;
  sheetNames: readonly string[];
  onTag: (draft: TagDraft) => void;
}) {
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

  const submit = () => {
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
  };

  return {
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
  };
}
