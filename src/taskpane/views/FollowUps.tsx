import { Body1, Button, Caption1 } from "@fluentui/react-components";
import type { CommentaryEdit } from "../../app/definitionEdits";
import { dueText, type CommentaryReport, type InitiativeReport } from "../../app/report";
import type { Status } from "../../engine/types";
import { STATUS_MEANINGS, type PaletteName } from "../../plan/palette";
import { PaneLeaf, PaneTreeRow } from "./PaneTreeItems";
import { StatusBadge } from "./StatusBadge";
import { useFollowUpStyles } from "./FollowUps.styles";
import { CommentaryForm } from "./CommentaryForm";
import { useCommentaryForm } from "./useCommentaryForm";

/** An action as one line: "Call buyers — Ann, due 2026-12-20". */
function actionLine(a: CommentaryReport["actions"][number]): string {
  const said = [a.owner, dueText(a)].filter((s) => s !== "").join(", ");
  return said ? `${a.action} — ${said}` : a.action;
}

/**
 * A KPI's commentary for the period shown (the Commentary table's and the pane's, both), with
 * its actions, a late one marked; and a form that adds an analysis or an action, kept in the
 * stored definition. The form refuses, at its field, an empty entry or a due date that is no day.
 */
export function KpiCommentary({
  kpi,
  period,
  commentary,
  onSave,
  onMarkDone,
}: {
  kpi: string;
  period: string | null;
  commentary: readonly CommentaryReport[];
  onSave?: ((edit: CommentaryEdit) => void) | undefined;
  /** Marks an action written in the pane done (a table's action is closed in its Status cell). */
  onMarkDone?: ((action: string) => void) | undefined;
}) {
  const styles = useFollowUpStyles();
  const state = useCommentaryForm(onSave);
  const title = period ? `Commentary for ${period}` : "Commentary";
  return (
    <section className={styles.section} aria-label={`${title} on ${kpi}`}>
      <Body1>
        <strong>{title}</strong>
      </Body1>
      {commentary.length === 0 && <Caption1>No analysis yet.</Caption1>}
      {commentary.map((c, i) => (
        <div key={i}>
          {c.analysis && <p className={styles.analysis}>{c.analysis}</p>}
          {c.actions.length > 0 && (
            <ul className={styles.list} aria-label="Actions">
              {c.actions.map((a, j) => (
                <li key={j}>
                  {actionLine(a)}
                  {a.done && " (done)"}
                  {a.overdue && <span className={styles.late}> Overdue</span>}
                  {onMarkDone && a.source === "pane" && !a.done && (
                    <Button appearance="subtle" onClick={() => onMarkDone(a.action)}>
                      {`Mark ${a.action} done`}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {onSave && !state.adding && (
        <div className={styles.row}>
          <Button ref={state.opener} onClick={state.show}>
            Add commentary
          </Button>
        </div>
      )}
      {onSave && state.adding && <CommentaryForm kpi={kpi} state={state} />}
    </section>
  );
}

const STATUS_OF: Readonly<Record<string, Status>> = {
  green: "green",
  done: "green",
  amber: "amber",
  red: "red",
};

/** An initiative under its objective in the tree: its name, progress and what is flagged. */
export function InitiativeLeaf({
  initiative,
  palette,
}: {
  initiative: InitiativeReport;
  palette: PaletteName;
}) {
  const styles = useFollowUpStyles();
  const i = initiative;
  const said = [
    i.complete === null ? "" : `${Math.round(i.complete * 100)}%`,
    dueText(i),
    i.flags.join(", "),
  ].filter((s) => s !== "");
  const status = i.status ? STATUS_OF[i.status] : undefined;
  return (
    <PaneLeaf
      level={3}
      // The name holds every word the row shows, in its order (the status chip's last), so that a
      // user of speech input can say what they see (axe: label-content-name-mismatch).
      aria-label={`Initiative ${i.name}${said.length ? `: ${said.join(", ")}` : ""}${status ? `, ${STATUS_MEANINGS[status]}` : ""}`}
    >
      <PaneTreeRow
        className={styles.initiativeLayout}
        aside={status ? <StatusBadge status={status} palette={palette} /> : undefined}
      >
        <span className={styles.initiative}>
          {`◇ ${i.name}`}
          {said.length > 0 && <Caption1>{` · ${said.join(" · ")}`}</Caption1>}
        </span>
      </PaneTreeRow>
    </PaneLeaf>
  );
}
