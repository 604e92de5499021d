import { useState, type FormEvent } from "react";
import type { InitiativeEdit } from "../../app/definitionEdits";
import { dayProblem } from "./followUpDay";
import { parseTyped } from "./kpiValidation";
import { useFoldFocus } from "./useFoldFocus";

/** A typed amount: a number of zero or more, or nothing. */
const amount = (text: string): number | null | "invalid" => {
  if (text.trim() === "") return null;
  const n = parseTyped(text);
  return typeof n === "number" && n >= 0 ? n : "invalid";
};

/**
 * The state of the form that adds an initiative: whether it is open (focus moved in and back), the
 * fields as typed, what each cannot keep (said once a save was tried) and the save, which gives
 * onAdd the initiative as the stored definition keeps it.
 */
export function useInitiativeForm(onAdd: ((edit: InitiativeEdit) => void) | undefined) {
  const { open: adding, fold, opener, show, cancel, close, refused } = useFoldFocus<HTMLFormElement>();
  const [tried, setTried] = useState(false);
  const [fields, setFields] = useState({
    name: "",
    owner: "",
    start: "",
    due: "",
    complete: "",
    status: "",
    budget: "",
    spend: "",
  });
  const set = (key: keyof typeof fields) => (_: unknown, d: { value: string }) =>
    setFields((f) => ({ ...f, [key]: d.value }));
  const complete = fields.complete.trim() === "" ? null : parseTyped(fields.complete.replace(/%\s*$/, ""));
  const problems = {
    name: fields.name.trim() === "" ? "Name the initiative." : undefined,
    start: dayProblem(fields.start),
    due: dayProblem(fields.due),
    complete:
      complete === null || (typeof complete === "number" && complete >= 0 && complete <= 100)
        ? undefined
        : "Type a percentage from 0 to 100.",
    budget: amount(fields.budget) === "invalid" ? "Type an amount of zero or more." : undefined,
    spend: amount(fields.spend) === "invalid" ? "Type an amount of zero or more." : undefined,
  };
  const shown = (key: keyof typeof problems) => (tried ? problems[key] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!onAdd || Object.values(problems).some((p) => p !== undefined)) {
      refused();
      return;
    }
    const value = (text: string) => (text.trim() === "" ? null : text.trim());
    onAdd({
      name: fields.name.trim(),
      owner: fields.owner.trim(),
      start: value(fields.start),
      due: value(fields.due),
      complete: typeof complete === "number" ? complete / 100 : null,
      status: (fields.status || null) as InitiativeEdit["status"],
      budget: amount(fields.budget) as number | null,
      spend: amount(fields.spend) as number | null,
    });
    close();
  };
  return { adding, fold, opener, show, cancel, fields, set, shown, submit };
}

export type InitiativeFormState = ReturnType<typeof useInitiativeForm>;
