import type { Issue } from "../engine/issues";

export const EXIT_OK = 0;
export const EXIT_WORKBOOK = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly now?: Date;
}

/** A failure the user is told about in one sentence, with the exit status it ends in. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
  constructor(
    message: string,
    readonly exitCode: number,
    readonly issue?: Issue,
  ) {
    super(message);
  }
}
