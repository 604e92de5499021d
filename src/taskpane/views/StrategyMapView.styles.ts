import { makeStyles, tokens } from "@fluentui/react-components";

export const useStrategyMapStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  figure: { margin: 0, width: "100%", overflowX: "auto" },
  svg: { display: "block", width: "100%", height: "auto" },
  box: {
    cursor: "pointer",
    outlineStyle: "none",
    ":focus-visible > rect:first-of-type": {
      stroke: tokens.colorStrokeFocus2,
      strokeWidth: "3px",
    },
  },
  details: { display: "grid", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
