import { makeStyles, tokens } from "@fluentui/react-components";

// Fluent's ProgressBar (medium, rounded, brand) drawn by the pane's own two elements: it is shown
// only during a refresh, yet its module and styles cost 2.6 KB gzipped of the first load (issue
// 21 item 8). Same role and values for screen readers, same look, forced colours and motion.
const useStyles = makeStyles({
  track: {
    display: "block",
    width: "100%",
    height: "2px",
    overflow: "hidden",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground6,
    "@media screen and (forced-colors: active)": { backgroundColor: "CanvasText" },
  },
  bar: {
    height: "100%",
    borderRadius: "inherit",
    backgroundColor: tokens.colorCompoundBrandBackground,
    transitionProperty: "width",
    transitionDuration: "0.3s",
    transitionTimingFunction: "ease",
    "@media screen and (forced-colors: active)": { backgroundColor: "Highlight" },
  },
});

/** A determinate progress bar, `value` from 0 to 1, named by `label` (WAI-ARIA progressbar). */
export function ProgressLine({ value, label }: { value: number; label: string }) {
  const styles = useStyles();
  const shown = Math.min(1, Math.max(0, value));
  return (
    <div
      className={styles.track}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={shown}
      aria-label={label}
    >
      <div className={styles.bar} style={{ width: `${shown * 100}%` }} />
    </div>
  );
}
