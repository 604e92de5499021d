import { Button, Field, Input, Textarea } from "@fluentui/react-components";
import { useFollowUpStyles } from "./FollowUps.styles";
import type { CommentaryFormState } from "./useCommentaryForm";

/** The form that adds an analysis or an action on the KPI, each field with what it cannot keep. */
export function CommentaryForm({ kpi, state }: { kpi: string; state: CommentaryFormState }) {
  const styles = useFollowUpStyles();
  const { fold, cancel, fields, set, shown, submit } = state;
  return (
    <form ref={fold} className={styles.form} onSubmit={submit} aria-label={`Add commentary on ${kpi}`}>
      <Field label="Analysis" validationMessage={shown("analysis")}>
        <Textarea value={fields.analysis} onChange={set("analysis")} resize="vertical" />
      </Field>
      <Field label="Action" validationMessage={shown("action")}>
        <Input value={fields.action} onChange={set("action")} />
      </Field>
      <div className={styles.row}>
        <Field label="Action owner">
          <Input value={fields.owner} onChange={set("owner")} />
        </Field>
        <Field label="Due" validationMessage={shown("due")}>
          <Input value={fields.due} placeholder="2026-12-31" onChange={set("due")} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          Save commentary
        </Button>
        <Button onClick={cancel}>Cancel</Button>
      </div>
    </form>
  );
}
