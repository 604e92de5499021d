import { TreeItemLayout } from "@fluentui/react-components";
import { memo } from "react";
import type { Status } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { useScorecardStyles } from "./ScorecardView.styles";
import { StatusBadge } from "./StatusBadge";
import { formatScore } from "./format";

/** A score in its fixed-width column, then the status chip: the same two columns on every row. */
export function ScoreAndStatus({
  score,
  status,
  palette,
}: {
  score: number | null;
  status: Status;
  palette: PaletteName;
}) {
  const styles = useScorecardStyles();
  return (
    <>
      <span className={styles.score} aria-label={`score ${formatScore(score)}`}>
        {formatScore(score)}
      </span>
      <StatusBadge status={status} palette={palette} />
    </>
  );
}

/**
 * A perspective's or an objective's row: its name, then its score and status. Memoised on those
 * (all plain values), so that a state change that leaves them be leaves the row undrawn.
 */
export const BranchLayout = memo(function BranchLayout({
  name,
  score,
  status,
  palette,
}: {
  name: string;
  score: number | null;
  status: Status;
  palette: PaletteName;
}) {
  const styles = useScorecardStyles();
  return (
    <TreeItemLayout
      className={styles.branchLayout}
      main={{ className: styles.main }}
      aside={{
        className: styles.aside,
        children: <ScoreAndStatus score={score} status={status} palette={palette} />,
      }}
    >
      <span className={styles.name} title={name}>
        {name}
      </span>
    </TreeItemLayout>
  );
});
