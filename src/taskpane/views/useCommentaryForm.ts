import { useState, type FormEvent } from "react";
import type { CommentaryEdit } from "../../app/definitionEdits";
import { dayProblem } from "./followUpDay";
import { useFoldFocus } from "./useFoldFocus";

/**
 * The state of the form that adds commentary on a KPI: whether it is open (focus moved in and
 * back), the analysis and action as typed, what they cannot keep (said once a save was tried) and
 * the save, which gives onSave the analysis and the action, if one was written.
 */
export function useCommentaryForm(onSave: ((edit: CommentaryEdit) => void) | undefined) {
  const { open: adding, fold, opener, show, cancel, close, refused } = useFoldFocus<HTMLFormElement>();
  const [fields, setFields] = useState({ analysis: "", action: "", owner: "", due: "" });
  const [tried, setTried] = useState(false);
  const set = (key: keyof typeof fields) => (_: unknown, d: { value: string }) =>
    setFields((f) => ({ ...f, [key]: d.value }));
  const { analysis, action, owner, due } = fields;
  const problems = {
    analysis: analysis.trim() === "" && action.trim() === "" ? "Write an analysis or an action." : undefined,
    action:
      action.trim() === "" && (owner.trim() !== "" || due.trim() !== "")
        ? "Say what the action is, or clear its owner and date."
        : undefined,
    due: dayProblem(due),
  };
  const shown = (key: keyof typeof problems) => (tried ? problems[key] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!onSave || Object.values(problems).some((p) => p !== undefined)) {
      refused();
      return;
    }
    onSave({
      analysis,
      ...(action.trim() !== ""
        ? { action: { action, owner: owner.trim(), due: due.trim() === "" ? null : due.trim() } }
        : {}),
    });
    close();
  };
  return { adding, fold, opener, show, cancel, fields, set, shown, submit };
}

export type CommentaryFormState = ReturnType<typeof useCommentaryForm>;
