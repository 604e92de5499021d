import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { IssueReport } from "../../app/report";
import { splitCell } from "./format";
import { useFoldFocus } from "./useFoldFocus";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyle: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalXXS },
  // A sentence, wrapped within the pane's 320 px, as the Issues list shows its own.
  // A 32 px target at least, as every control of the pane.
  restatement: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    minHeight: "32px",
    whiteSpace: "normal",
  },
});

/** The section's two buttons, by the period: what focus returns to after each action. */
export const publishButtonName = (period: string, published: boolean): string =>
  published ? `Unpublish ${period}` : `Publish ${period}…`;

export interface PublishSectionProps {
  /** The period the pane shows: the one a publish freezes. */
  readonly period: string;
  /** When it was published (as the History sheet says it), or null while it is not. */
  readonly publishedAt: string | null;
  /** Restatements of published periods, as the report lists them. */
  readonly restatements: readonly IssueReport[];
  readonly busy: boolean;
  readonly onPublish: (period: string, undo: boolean) => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
}

/**
 * Publishing the period shown: a step that asks first (it freezes the period's rows in the History
 * sheet for every later refresh), then the way back; and each restatement of a published period,
 * its cell one click away.
 */
export function PublishSection(props: PublishSectionProps) {
  const { period, publishedAt, busy, onPublish } = props;
  const styles = useStyles();
  // Asking replaces the Publish… button: the keyboard goes to the question's answer, and back.
  const { open: asking, fold, opener, show, cancel, close } = useFoldFocus<HTMLDivElement>();
  const publish = () => {
    close();
    onPublish(period, false);
  };
  return (
    <section aria-label="Publish period" className={styles.section}>
      {publishedAt ? (
        <>
          <Caption1>
            {`${period} is published (${publishedAt}): the History sheet keeps its rows as published, and trends use its published values.`}
          </Caption1>
          <Button appearance="secondary" disabledFocusable={busy} onClick={() => onPublish(period, true)}>
            {publishButtonName(period, true)}
          </Button>
        </>
      ) : asking ? (
        <div
          ref={fold}
          role="group"
          aria-label={`Publish ${period}?`}
          className={styles.section}
          // Escape answers No, as Cancel does: the keyboard back on Publish….
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              cancel();
            }
          }}
        >
          <Body1>
            {`Publishing ${period} freezes its rows in the History sheet: later refreshes keep them as they are now, and a change to its data is reported as a restatement. You can unpublish it.`}
          </Body1>
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={busy} onClick={publish}>
              {`Publish ${period}`}
            </Button>
            <Button appearance="secondary" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={opener} appearance="secondary" disabledFocusable={busy} onClick={show}>
          {publishButtonName(period, false)}
        </Button>
      )}
      {props.restatements.length > 0 && (
        <ul aria-label="Restated since published" className={styles.list}>
          {props.restatements.map((r) => {
            const cell = r.cell ? splitCell(r.cell) : null;
            return (
              <li key={`${r.cell}\u0000${r.message}`}>
                {cell ? (
                  <Button
                    appearance="subtle"
                    size="small"
                    className={styles.restatement}
                    onClick={() => props.onSelectCell(cell.sheet, cell.address)}
                  >
                    {r.message}
                  </Button>
                ) : (
                  <Caption1>{r.message}</Caption1>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
