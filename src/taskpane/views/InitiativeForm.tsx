import { Body1, Button, Caption1, Field, Input, Select } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { InitiativeEdit } from "../../app/definitionEdits";
import { dueText, type InitiativeReport } from "../../app/report";
import { parseTyped } from "./kpiValidation";
import { ISO_DAY } from "./FollowUps";
import { useFollowUpStyles } from "./FollowUps.styles";
import { useFoldFocus } from "./useFoldFocus";

const STATUSES: readonly { value: NonNullable<InitiativeEdit["status"]>; label: string }[] = [
  { value: "green", label: "On track" },
  { value: "amber", label: "At risk" },
  { value: "red", label: "Off track" },
  { value: "done", label: "Done" },
];

/** An initiative as one line: "New CRM: 60%, due 2027-01-31 (overdue, off track)". */
function initiativeLine(i: InitiativeReport): string {
  const said = [i.complete === null ? "" : `${Math.round(i.complete * 100)}%`, dueText(i)]
    .filter((s) => s !== "")
    .join(", ");
  return `${i.name}${said ? `: ${said}` : ""}${i.flags.length ? ` (${i.flags.join(", ")})` : ""}`;
}

/** A typed amount: a number of zero or more, or nothing. */
const amount = (text: string): number | null | "invalid" => {
  if (text.trim() === "") return null;
  const n = parseTyped(text);
  return typeof n === "number" && n >= 0 ? n : "invalid";
};

/**
 * The initiatives of the chosen KPI's objective (the Initiatives table's and the pane's), and a
 * form that adds one, kept in the stored definition. What it cannot keep is said at its field:
 * no name, a due or start that is no day, a % complete outside 0–100, an amount below zero.
 */
export function ObjectiveInitiatives({
  objective,
  initiatives,
  onAdd,
}: {
  objective: string;
  initiatives: readonly InitiativeReport[];
  onAdd?: ((edit: InitiativeEdit) => void) | undefined;
}) {
  const styles = useFollowUpStyles();
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
  const day = (text: string) =>
    text.trim() === "" || ISO_DAY.test(text.trim()) ? undefined : "Write the date as 2026-12-31.";
  const problems = {
    name: fields.name.trim() === "" ? "Name the initiative." : undefined,
    start: day(fields.start),
    due: day(fields.due),
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
  return (
    <section className={styles.section} aria-label={`Initiatives of ${objective}`}>
      <Body1>
        <strong>{`Initiatives of ${objective}`}</strong>
      </Body1>
      {initiatives.length === 0 ? (
        <Caption1>None yet.</Caption1>
      ) : (
        <ul className={styles.list}>
          {initiatives.map((i) => (
            <li key={i.name}>{initiativeLine(i)}</li>
          ))}
        </ul>
      )}
      {onAdd && !adding && (
        <div className={styles.row}>
          <Button ref={opener} onClick={show}>
            Add initiative
          </Button>
        </div>
      )}
      {onAdd && adding && (
        <form
          ref={fold}
          className={styles.form}
          onSubmit={submit}
          aria-label={`Add an initiative to ${objective}`}
        >
          <Field label="Initiative" validationMessage={shown("name")}>
            <Input value={fields.name} onChange={set("name")} />
          </Field>
          <div className={styles.row}>
            <Field label="Owner">
              <Input value={fields.owner} onChange={set("owner")} />
            </Field>
            <Field label="Status">
              <Select value={fields.status} onChange={set("status")}>
                <option value="">Not said</option>
                {STATUSES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={styles.row}>
            <Field label="Start" validationMessage={shown("start")}>
              <Input value={fields.start} placeholder="2026-01-31" onChange={set("start")} />
            </Field>
            <Field label="Due" validationMessage={shown("due")}>
              <Input value={fields.due} placeholder="2026-12-31" onChange={set("due")} />
            </Field>
            <Field label="% complete" validationMessage={shown("complete")}>
              <Input value={fields.complete} onChange={set("complete")} />
            </Field>
          </div>
          <div className={styles.row}>
            <Field label="Budget" validationMessage={shown("budget")}>
              <Input value={fields.budget} onChange={set("budget")} />
            </Field>
            <Field label="Spend" validationMessage={shown("spend")}>
              <Input value={fields.spend} onChange={set("spend")} />
            </Field>
          </div>
          <div className={styles.row}>
            <Button appearance="primary" type="submit">
              Save initiative
            </Button>
            <Button onClick={cancel}>Cancel</Button>
          </div>
        </form>
      )}
    </section>
  );
}
