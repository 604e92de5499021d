import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import { formatByCell } from "../../app/numberFormat";
import { fatalSentence, layoutText } from "../../app/outcomeText";
import type { Status } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { useSetupStyles } from "./SetupView.styles";
import { StatusBadge } from "./StatusBadge";
import type { SetupModel } from "./useSetupView";

const PREVIEW_KPIS = 8;

/** The first KPIs as the choices made would score them, and what was read. */
export function SetupPreview({ setup, palette }: { setup: SetupModel; palette: PaletteName }) {
  const styles = useSetupStyles();
  const { preview, kpis } = setup.preview;
  // Nothing chosen yet, nothing to preview: no heading over an empty list.
  if (!preview) return null;
  return (
    <>
      <Subtitle2 as="h3">Preview</Subtitle2>
      {!preview.ok && <Body1>{fatalSentence(preview.fatal, "pane")}</Body1>}
      {preview.ok && preview.report.read && (
        <Caption1 aria-label="What was read">{layoutText(preview.report.read)}</Caption1>
      )}
      <ul className={styles.preview} aria-label="KPI preview">
        {kpis.slice(0, PREVIEW_KPIS).map((k) => (
          <li key={`${k.where} › ${k.cell ?? k.name}`}>
            <StatusBadge status={k.status as Status} palette={palette} /> {k.name}:{" "}
            {formatByCell(k.actual, k.format)} / {formatByCell(k.target, k.format)}{" "}
            <Caption1 className={styles.where}>in {k.where}</Caption1>
          </li>
        ))}
      </ul>
      {kpis.length > PREVIEW_KPIS && <Caption1>and {kpis.length - PREVIEW_KPIS} more KPIs.</Caption1>}
    </>
  );
}
