import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The looks Fluent's Tree, TreeItem and TreeItemLayout gave the KPI tree (medium size, subtle
 * appearance), written again for the pane's own tree (docs/adr/0024).
 */
export const usePaneTreeStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  subgroup: { paddingTop: tokens.spacingVerticalXXS },
  item: {
    position: "relative",
    cursor: "pointer",
    display: "flex",
    flexDirection: "column",
    boxSizing: "border-box",
    backgroundColor: tokens.colorSubtleBackground,
    color: tokens.colorNeutralForeground2,
    paddingRight: 0,
    outlineStyle: "none",
    // The focus ring on the row itself, not around its open subtree.
    ":focus-visible > .paneTree-row": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  row: {
    display: "flex",
    alignItems: "center",
    minHeight: "32px",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
    ":hover": {
      color: tokens.colorNeutralForeground2Hover,
      backgroundColor: tokens.colorSubtleBackgroundHover,
      "& .paneTree-chevron": { color: tokens.colorNeutralForeground3Hover },
    },
    ":active": {
      color: tokens.colorNeutralForeground2Pressed,
      backgroundColor: tokens.colorSubtleBackgroundPressed,
      "& .paneTree-chevron": { color: tokens.colorNeutralForeground3Pressed },
    },
  },
  chevron: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    minWidth: "24px",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground3,
    flex: "0 0 auto",
    padding: `${tokens.spacingVerticalXS} 0`,
    "& svg": { transition: `transform ${tokens.durationNormal} ${tokens.curveEasyEaseMax}` },
  },
  chevronOpen: { "& svg": { transform: "rotate(90deg)" } },
  main: { padding: `0 ${tokens.spacingHorizontalXXS}` },
  aside: {
    display: "flex",
    marginLeft: "auto",
    alignItems: "center",
    zIndex: 0,
    padding: `0 ${tokens.spacingHorizontalM}`,
    gap: tokens.spacingHorizontalXS,
  },
});
