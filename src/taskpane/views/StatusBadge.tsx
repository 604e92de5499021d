import type { Status } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { PALETTES, STATUS_LABELS } from "../../plan/palette";

/** Each status has its own shape too, so it reads without colour. */
const SHAPES: Readonly<Record<Status, string>> = { green: "●", amber: "▲", red: "■", none: "○" };

export function StatusBadge({ status, palette }: { status: Status; palette: PaletteName }) {
  const colours = PALETTES[palette][status];
  return (
    <span
      style={{
        background: `#${colours.fill}`,
        color: `#${colours.color}`,
        borderRadius: 4,
        padding: "0 6px",
        fontWeight: 600,
        whiteSpace: "nowrap",
      }}
    >
      <span aria-hidden="true">{SHAPES[status]} </span>
      {STATUS_LABELS[status]}
    </span>
  );
}
