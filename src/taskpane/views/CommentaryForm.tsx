import { Button, Field, Input, Textarea } from "@fluentui/react-components";
import { useFollowUpStyles } from "./FollowUps.styles";
import type { CommentaryFormState } from "./useCommentaryForm";

/** The form that adds an analysis or an action on the KPI, each field with what it cannot keep. */
export function CommentaryForm({ kpi, state }: { kpi: string; state: CommentaryFormState }) {
  const styles = useFollowUpStyles();
  const { fold, cancel, submit, fields, setters, problems } = state;
  return (
    <form ref={fold} className={styles.form} onSubmit={submit} aria-label={`Add commentary on ${kpi}`}>
      <Field label="Analysis" validationMessage={problems.analysis}>
        <Textarea
          value={fields.analysis}
          onChange={(_, d) => setters.setAnalysis(d.value)}
          resize="vertical"
        />
      </Field>
      <Field label="Action" validationMessage={problems.action}>
        <Input value={fields.action} onChange={(_, d) => setters.setAction(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label="Action owner">
          <Input value={fields.owner} onChange={(_, d) => setters.setOwner(d.value)} />
        </Field>
        <Field label="Due" validationMessage={problems.due}>
          <Input value={fields.due} placeholder="2026-12-31" onChange={(_, d) => setters.setDue(d.value)} />
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
