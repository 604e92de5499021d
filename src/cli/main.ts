/**
 * `bsc`: the command line (WORKBOOK.md). Help and version answer at once; the workbook code
 * (ExcelJS, the model, the engine) is loaded only for a command that reads a workbook.
 */
import { parseArgs, USAGE, UsageError } from "./args";
import { CliFailure, EXIT_OK, EXIT_USAGE, EXIT_WORKBOOK, type CliIo } from "./failure";

export { EXIT_OK, EXIT_USAGE, EXIT_WORKBOOK, type CliIo } from "./failure";

const VERSION = "0.1.0";

/** Runs `bsc` and returns its exit status; failures become one sentence, never a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes("--json");
  try {
    const command = parseArgs(argv);
    if (command.kind === "help") {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (command.kind === "missing-command") {
      // Asked for help, usage is the answer (stdout, 0); run with nothing, it is a usage error
      // (WORKBOOK.md: 2), so a script that forgot its arguments does not pass for a success.
      io.stderr(USAGE);
      return EXIT_USAGE;
    }
    if (command.kind === "version") {
      io.stdout(VERSION);
      return EXIT_OK;
    }
    // require, not import(): loaded here, on demand, so help and version need no ExcelJS; a
    // dynamic import() would make the bundle and jest treat this CommonJS module as ESM.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCommand } = require("./commands") as typeof import("./commands");
    return await runCommand(command, io);
  } catch (e) {
    const failure =
      e instanceof CliFailure
        ? e
        : e instanceof UsageError
          ? new CliFailure(`${e.message} Run "bsc --help" for usage.`, EXIT_USAGE)
          : new CliFailure(
              `Something went wrong inside bsc: ${(e as Error)?.message ?? String(e)}.`,
              EXIT_WORKBOOK,
            );
    io.stderr(failure.message);
    if (json) {
      const error = {
        code: failure.issue?.code ?? null,
        cell: failure.issue?.cell ?? null,
        message: failure.message,
      };
      io.stdout(JSON.stringify({ error }, null, 2));
    }
    return failure.exitCode;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    cwd:
      process.env.INIT_CWD && process.env.npm_lifecycle_event === "bsc"
        ? process.env.INIT_CWD
        : process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
