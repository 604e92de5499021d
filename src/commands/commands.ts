/**
 * The ribbon's function file. The manifest's Scorecard button only opens the task pane for now;
 * the Refresh command registers here once the Office.js adapter exists.
 */
export const RIBBON_COMMANDS: readonly string[] = [];
