import { makeStyles, tokens } from "@fluentui/react-components";

export const useTagStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "420px", minWidth: 0 },
  // The button goes under its field when the pane is too narrow for both.
  pick: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, flexBasis: "160px", minWidth: 0 },
});
