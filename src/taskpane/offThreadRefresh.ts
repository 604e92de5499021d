import type { RunOptions } from "../app/scoring";
import type { RunOutcome } from "../app/scorecard";
import type { WorkerRefreshOutcome, WorkerRunOptions } from "./preview/packageWorkerProtocol";

/**
 * A port that runs a whole refresh itself (read, score, plan, write), away from the page, and
 * hands back the outcome, `onProgress` told of each step as runScorecard tells it. `scored` is a
 * scoring the page holds of this port's current snapshot under the definition the refresh scores
 * (the stored one where none is given): shown at once, and with the refresh's report it is the
 * outcome's scoring. Without one that applies, the outcome has the report but no model: the page
 * scores what it reads next.
 */
export interface OffThreadRefresh {
  refreshScorecard(
    options: WorkerRunOptions,
    onProgress: NonNullable<RunOptions["onProgress"]>,
    scored?: NonNullable<RunOptions["scored"]>,
  ): Promise<RunOutcome | WorkerRefreshOutcome>;
}

export const refreshesOffThread = <P extends object>(port: P): port is P & OffThreadRefresh =>
  "refreshScorecard" in port;
