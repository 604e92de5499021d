import type { Status } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { PALETTES, STATUS_MEANINGS, STATUS_SHAPES } from "../../plan/palette";

export { STATUS_SHAPES };

/** A status as a chip: the palette's colours, a shape and a word that holds in every palette. */
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
        // One width for every status ("Off target" the widest): the chips, and the scores beside
        // them, line up down the tree.
        display: "inline-block",
        minWidth: "6.2em",
        boxSizing: "border-box",
      }}
    >
      <span aria-hidden="true">{STATUS_SHAPES[status]} </span>
      {STATUS_MEANINGS[status]}
    </span>
  );
}
