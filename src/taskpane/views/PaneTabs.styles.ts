import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

/**
 * The looks of Fluent's TabList and Tab (small, transparent, horizontal) for the pane's own tab
 * list (docs/adr/0024). The selected tab's underline appears in place: Fluent slid it across.
 */
export const usePaneTabsStyles = makeStyles({
  list: { display: "flex", flexDirection: "row", flexShrink: 0, alignItems: "stretch", position: "relative" },
  tab: {
    alignItems: "center",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    display: "grid",
    flexShrink: 0,
    gridAutoFlow: "column",
    gridTemplateColumns: "auto",
    gridTemplateRows: "auto",
    justifyContent: "center",
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase300,
    outlineStyle: "none",
    position: "relative",
    overflow: "hidden",
    textTransform: "none",
    columnGap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    ":hover": {
      backgroundColor: tokens.colorTransparentBackgroundHover,
      color: tokens.colorNeutralForeground2Hover,
    },
    ":active": {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    // The pending underline a hovered or pressed tab shows.
    ":hover::before": {
      backgroundColor: tokens.colorNeutralStroke1Hover,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: "absolute",
    },
    ":active::before": {
      backgroundColor: tokens.colorNeutralStroke1Pressed,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: "absolute",
    },
    "::before": {
      bottom: 0,
      height: tokens.strokeWidthThick,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
    },
    ":focus-visible": {
      ...shorthands.borderColor("transparent"),
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: "transparent",
      outlineStyle: "solid",
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
      zIndex: 1,
    },
    "@media (forced-colors: active)": {
      ":hover::before": { backgroundColor: "Highlight" },
      ":active::before": { backgroundColor: "Highlight" },
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    ":active": { color: tokens.colorNeutralForeground1Pressed },
    "::after": {
      backgroundColor: tokens.colorCompoundBrandStroke,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: "absolute",
      bottom: 0,
      height: tokens.strokeWidthThick,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
    },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ":active::after": { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    "@media (forced-colors: active)": {
      "::after": { backgroundColor: "ButtonText" },
      ":hover::after": { backgroundColor: "ButtonText" },
      ":active::after": { backgroundColor: "ButtonText" },
    },
  },
  content: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
    overflow: "hidden",
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    gridColumnStart: 1,
    gridRowStart: 1,
  },
  contentSelected: { fontWeight: tokens.fontWeightSemibold },
  // An unselected tab's label in bold, unseen, under the label shown: it keeps its width when selected.
  reserved: { fontWeight: tokens.fontWeightSemibold, visibility: "hidden" },
});
