import type { Status } from "../engine/types";

export interface StatusColours {
  readonly fill: string;
  readonly color: string;
}

export type PaletteName = "standard" | "colorblind";

/**
 * Standard: Excel's own Good / Neutral / Bad cell styles, which finance teams already read as
 * traffic lights. Colour-blind safe: blue / orange / vermillion from the Okabe–Ito palette,
 * told apart by lightness too.
 */
export const PALETTES: Readonly<Record<PaletteName, Readonly<Record<Status, StatusColours>>>> = {
  standard: {
    green: { fill: "C6EFCE", color: "006100" },
    amber: { fill: "FFEB9C", color: "9C5700" },
    red: { fill: "FFC7CE", color: "9C0006" },
    none: { fill: "E7E6E6", color: "595959" },
  },
  colorblind: {
    green: { fill: "9FD3F5", color: "003A66" },
    amber: { fill: "FFD79A", color: "6B3A00" },
    red: { fill: "E69F7A", color: "4D1300" },
    none: { fill: "E7E6E6", color: "595959" },
  },
};

/**
 * The statuses by what they mean, true in every palette (a colour-blind palette's "green" is
 * blue): what the task pane's chips say.
 */
export const STATUS_MEANINGS: Readonly<Record<Status, string>> = {
  green: "On target",
  amber: "Watch",
  red: "Off target",
  none: "No data",
};

/**
 * Each status's shape, so that a status reads without colour too (print, colour-blind readers):
 * amber is a diamond, not a triangle, so that it is never taken for a trend arrow.
 */
export const STATUS_SHAPES: Readonly<Record<Status, string>> = {
  green: "●",
  amber: "◆",
  red: "■",
  none: "○",
};
