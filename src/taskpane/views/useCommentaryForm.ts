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
  const [analysis, setAnalysis] = useState("");
  const [action, setAction] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [tried, setTried] = useState(false);
  const empty = analysis.trim() === "" && action.trim() === "";
  const dueProblem = dayProblem(due);
  const actionProblem =
    action.trim() === "" && (owner.trim() !== "" || due.trim() !== "")
      ? "Say what the action is, or clear its owner and date."
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (empty || dueProblem || actionProblem || !onSave) {
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
  return {
    adding,
    fold,
    opener,
    show,
    cancel,
    submit,
    fields: { analysis, action, owner, due },
    setters: { setAnalysis, setAction, setOwner, setDue },
    problems: {
      analysis: tried && empty ? "Write an analysis or an action." : undefined,
      action: tried ? actionProblem : undefined,
      due: tried ? dueProblem : undefined,
    },
  };
}

export type CommentaryFormState = ReturnType<typeof useCommentaryForm>;
