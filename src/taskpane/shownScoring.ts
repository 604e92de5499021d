import type { AppModel } from "./useApp";

/**
 * The scoring the pane shows: the period or entity the user chose, else the scored one's. A module
 * of its own so that the tabs' labels read it without loading the Scorecard tab's chunk.
 */
export function shownScoring(app: AppModel) {
  if (app.state.phase !== "ready") return null;
  const scoring = app.state.scoring;
  return app.viewed?.ok ? app.viewed : scoring?.ok ? scoring : null;
}
