import { makeStyles, tokens } from "@fluentui/react-components";
import type { Direction } from "../../app/paneTrends";
import type { Trend } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";

const useStyles = makeStyles({
  mark: { whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  // Text for screen readers, out of sight.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

const ARROWS: Readonly<Record<Direction, string>> = { rose: "▲", fell: "▼", same: "►", none: "" };
const MOVED: Readonly<Record<Direction, string>> = {
  rose: "rose",
  fell: "fell",
  same: "unchanged",
  none: "",
};

/** Theme tokens (light and dark alike) for better and worse, in the palette's own hues. */
const COLOURS: Readonly<Record<PaletteName, Readonly<Record<"better" | "worse", string>>>> = {
  standard: { better: tokens.colorPaletteGreenForeground1, worse: tokens.colorPaletteRedForeground1 },
  colorblind: { better: tokens.colorPaletteBlueForeground2, worse: tokens.colorPaletteDarkOrangeForeground1 },
};

/** The trend in words: "rose, better", "fell, worse", "unchanged". */
export function trendWords(direction: Direction, trend: Trend): string {
  if (direction === "none") return "";
  return trend === "better" || trend === "worse" ? `${MOVED[direction]}, ${trend}` : MOVED[direction];
}

/**
 * The trend as an arrow that shows which way the value went (▲ rose, ▼ fell), coloured by whether
 * that is better or worse for the KPI: rising expenses are a red ▲. `spelled` shows the words too.
 */
export function TrendMark({
  direction,
  trend,
  palette,
  spelled = false,
}: {
  direction: Direction;
  trend: Trend;
  palette: PaletteName;
  spelled?: boolean;
}) {
  const styles = useStyles();
  if (direction === "none") return null;
  const words = trendWords(direction, trend);
  const color =
    trend === "better" || trend === "worse" ? COLOURS[palette][trend] : tokens.colorNeutralForeground3;
  return (
    <span className={styles.mark} style={{ color }} title={words}>
      <span aria-hidden="true">{ARROWS[direction]}</span>
      {spelled ? <span> {words}</span> : <span className={styles.hidden}> {words}</span>}
    </span>
  );
}
