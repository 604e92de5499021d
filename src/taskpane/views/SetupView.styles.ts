import { makeStyles, tokens } from "@fluentui/react-components";

export const useSetupStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalM },
  mapping: {
    display: "grid",
    // Wide enough for "(none: one scorecard)" whole: one column in a 320 px pane, not two cut ones.
    gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))",
    gap: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
  },
  // A grid cell may shrink below its list's longest option: the list is cut, never the page.
  cell: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
  where: { color: tokens.colorNeutralForeground3 },
  // The main action stays in sight at the foot of the pane, however long the form above it.
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  range: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "140px" },
  preview: { listStyle: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalXS },
  fold: { justifySelf: "start", minHeight: "32px" },
  directions: { display: "grid", gap: tokens.spacingVerticalS },
});
