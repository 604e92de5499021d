import { memo } from "react";
import { PaneTreeRow } from "./PaneTreeItems";
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
 * A perspective's (level 1) or an objective's (level 2) row: its chevron and name, then its score
 * and status. Memoised on those (all plain values), so that a state change that leaves them be
 * leaves the row undrawn.
 */
export const BranchLayout = memo(function BranchLayout({
  name,
  level,
  open,
  score,
  status,
  palette,
}: {
  name: string;
  level: 1 | 2;
  open: boolean;
  score: number | null;
  status: Status;
  palette: PaletteName;
}) {
  const styles = useScorecardStyles();
  return (
    <PaneTreeRow
      chevron={{ open }}
      className={level === 1 ? styles.perspectiveLayout : styles.objectiveLayout}
      mainClassName={styles.main}
      asideClassName={styles.aside}
      aside={<ScoreAndStatus score={score} status={status} palette={palette} />}
    >
      <span className={styles.name} title={name}>
        {name}
      </span>
    </PaneTreeRow>
  );
});
