import { Body1, Button, Caption1, Field, Input, Select } from "@fluentui/react-components";
import type { InitiativeEdit } from "../../app/definitionEdits";
import { dueText, type InitiativeReport } from "../../app/report";
import { useFollowUpStyles } from "./FollowUps.styles";
import { useInitiativeForm, type InitiativeFormState } from "./useInitiativeForm";

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
  const state = useInitiativeForm(onAdd);
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
      {onAdd && !state.adding && (
        <div className={styles.row}>
          <Button ref={state.opener} onClick={state.show}>
            Add initiative
          </Button>
        </div>
      )}
      {onAdd && state.adding && <InitiativeFields objective={objective} state={state} />}
    </section>
  );
}

/** The form that adds an initiative to the objective, each field with what it cannot keep. */
function InitiativeFields({ objective, state }: { objective: string; state: InitiativeFormState }) {
  const styles = useFollowUpStyles();
  const { fold, cancel, fields, set, shown, submit } = state;
  return (
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
  );
}
