import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  // Designed for Excel's 320 px pane first: nothing may be wider than the pane.
  root: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalS,
    alignContent: "start",
    boxSizing: "border-box",
    // Wide in a browser, the pane keeps a reading width: names stay near their numbers.
    maxWidth: "760px",
    margin: "0 auto",
    // A list is as wide as its longest option: cut the list, never the page.
    "& .fui-Select, & select": { minWidth: 0, maxWidth: "100%" },
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  // Subtitle2's type ramp on a plain heading, which takes the focus when a message is dismissed.
  title: {
    ...typographyStyles.subtitle2,
    margin: 0,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    minWidth: 0,
  },
  // The selected tab's indicator slides and stretches as a pseudo-element while it moves to the
  // chosen tab: clipped sideways, it can no longer widen a 320 px pane for the moment it moves.
  tabs: { flexWrap: "wrap", overflowX: "clip" },
});
