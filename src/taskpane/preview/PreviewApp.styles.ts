import { makeStyles, tokens } from "@fluentui/react-components";

/** The preview page's styles: the page, its file toolbar, the introduction before a file is open. */
export const usePreviewStyles = makeStyles({
  page: { minHeight: "100vh" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground2,
  },
  intro: { padding: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalS },
  hidden: { display: "none" },
});
