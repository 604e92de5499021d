import { makeStyles, tokens } from "@fluentui/react-components";

export const useScorecardStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  overall: { display: "grid", gap: tokens.spacingVerticalXXS },
  overallLine: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  pickers: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  tree: { minWidth: 0 },
  // Half of Fluent's 24 px a level: three levels deep still leaves a 300 px pane room for a KPI.
  // A branch's chevron takes the room a leaf's indent gives: a perspective none, an objective 12 px.
  perspectiveLayout: { paddingLeft: 0 },
  objectiveLayout: { paddingLeft: "12px" },
  // A KPI is on the third level.
  leafLayout: { paddingLeft: "36px", minHeight: "44px" },
  main: { flexGrow: 1, minWidth: 0, paddingTop: "2px", paddingBottom: "2px" },
  aside: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  name: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "anywhere",
  },
  figures: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  numbers: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  chosen: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  // A fixed-width column: scores line up down the tree, whatever the status chip beside them.
  score: {
    display: "inline-block",
    minWidth: "2.6em",
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  // The details in a drawer at the foot of the pane, at most half its height: the chosen row
  // stays in sight above it, and the tree stays usable however long it is.
  panel: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    maxHeight: "50vh",
    overflowY: "auto",
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: `${tokens.borderRadiusLarge} ${tokens.borderRadiusLarge} 0 0`,
    boxShadow: tokens.shadow16,
  },
  panelHead: {
    display: "flex",
    alignItems: "start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  panelTitle: { display: "grid", minWidth: 0, overflowWrap: "anywhere" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dd": { margin: 0, overflowWrap: "anywhere" },
    "& dt": { color: tokens.colorNeutralForeground2 },
  },
  entities: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // Fluent's touch target: 32 px at least.
  close: { minWidth: "32px", minHeight: "32px" },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});
