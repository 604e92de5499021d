import { makeStyles, tokens } from "@fluentui/react-components";

/** The styles of a KPI's follow-ups in its details: its commentary and its objective's initiatives. */
export const useFollowUpStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalS },
  analysis: { whiteSpace: "pre-wrap", margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: "grid", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  initiative: { fontSize: tokens.fontSizeBase200 },
  // Fluent's leaf indent, 24 px a level, that the initiatives' rows always had (level 3).
  initiativeLayout: { paddingLeft: `calc(3 * ${tokens.spacingHorizontalXXL})` },
});
