import type { SuggestedCommand } from "../app/suggestion";
import type { Issue } from "../engine/issues";

export const EXIT_OK = 0;
export const EXIT_WORKBOOK = 1;
export const EXIT_USAGE = 2;
/**
 * A fault in bsc itself (a bug), never a verdict on the workbook: 1 says "the workbook has
 * errors", and a script gating on it must not take a crash for one.
 */
export const EXIT_FAULT = 3;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly now?: Date;
  /** How long an in-place refresh waits for another one's lock (src/cli/lock.ts); tests shorten it. */
  readonly lockWaitMs?: number;
}

/** A failure the user is told about in one sentence, with the exit status it ends in. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
  constructor(
    message: string,
    readonly exitCode: number,
    readonly issue?: Issue,
    /** A reading that works, for a workbook in which the reader found no scorecard by itself. */
    readonly suggestion?: SuggestedCommand,
  ) {
    super(message);
  }
}
