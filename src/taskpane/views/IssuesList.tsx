import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { groupIssues, issuePlace, issueSelection } from "../../app/issueGroups";
import type { IssueReport } from "../../app/report";
import { paneMessage } from "../../engine/issues";
import { splitCell } from "./format";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalXS },
  item: { display: "grid", gap: tokens.spacingVerticalXXS },
  button: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: tokens.spacingHorizontalS,
  },
});

const SEVERITY: Readonly<Record<string, string>> = { error: "Error", warning: "Warning", info: "Note" };

/** Every cause of a problem the scorecard found, one line each; choosing one selects its cells. */
export function IssuesList({
  issues,
  onSelectCell,
}: {
  issues: readonly IssueReport[];
  onSelectCell: (sheet: string, address: string) => void;
}) {
  const styles = useStyles();
  if (issues.length === 0) return <Body1>No issues: every KPI could be scored.</Body1>;
  return (
    <ul className={styles.list} aria-label="Issues">
      {groupIssues(issues).map((issue, i) => {
        const selection = issueSelection(issue);
        const cell = selection ? splitCell(selection) : null;
        const place = issuePlace(issue);
        const text = (
          <span className={styles.item}>
            <Caption1>
              {SEVERITY[issue.severity]}
              {place ? ` · ${place}` : issue.count > 1 ? ` · ${issue.count} times` : ""}
            </Caption1>
            <span>{paneMessage(issue)}</span>
          </span>
        );
        return (
          <li key={`${issue.code}-${issue.cell ?? ""}-${i}`}>
            {cell ? (
              <Button
                appearance="subtle"
                className={styles.button}
                onClick={() => onSelectCell(cell.sheet, cell.address)}
              >
                {text}
              </Button>
            ) : (
              <div className={styles.button}>{text}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
