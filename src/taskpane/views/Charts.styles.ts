import { makeStyles, tokens } from "@fluentui/react-components";

export const useChartStyles = makeStyles({
  spark: { flexShrink: 0, color: tokens.colorNeutralForeground2, verticalAlign: "middle" },
  chart: { width: "100%", height: "auto", maxWidth: "360px", color: tokens.colorNeutralForeground1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});
