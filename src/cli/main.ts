/**
 * `bsc`: the command line (WORKBOOK.md). Help and version answer at once; the workbook code
 * (ExcelJS, the model, the engine) is loaded only for a command that reads a workbook.
 */
import { parseArgs, USAGE, UsageError } from "./args";
import { CliFailure, EXIT_FAULT, EXIT_OK, EXIT_USAGE, type CliIo } from "./failure";
import { jsonTerminalSafe, terminalSafe } from "./terminal";
import { dieWithParent, runWithBoundedHeap, wantsBoundedHeap } from "./boundedHeap";
import { isMainThread } from "node:worker_threads";

export { EXIT_FAULT, EXIT_OK, EXIT_USAGE, EXIT_WORKBOOK, type CliIo } from "./failure";

const VERSION = "0.1.0";

/**
 * What bsc prints, made safe for a terminal on the way out (src/cli/terminal.ts): the names in a
 * report or a sentence are the workbook's text, and a JSON report is escaped as JSON.
 */
const safeIo = (io: CliIo, json: boolean): CliIo => ({
  ...io,
  stdout: (text) => io.stdout(json ? jsonTerminalSafe(text) : terminalSafe(text)),
  stderr: (text) => io.stderr(terminalSafe(text)),
});

/** The sentence for a failure bsc did not foresee: a bug of its own, never the workbook's fault. */
export const faultSentence = (e: unknown): string => {
  const what = e instanceof Error ? e.message : String(e);
  return `A fault in bsc: please report it, with the command you ran (${what.split("\n")[0]?.slice(0, 300) ?? ""}).`;
};

/** Runs `bsc` and returns its exit status; failures become one sentence, never a stack trace. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const json = argv.includes("--json");
  const io = safeIo(rawIo, json);
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
          : new CliFailure(faultSentence(e), EXIT_FAULT);
    io.stderr(failure.message);
    if (json) {
      const error = {
        code: failure.issue?.code ?? null,
        cell: failure.issue?.cell ?? null,
        message: failure.message,
      };
      const suggestion = failure.suggestion
        ? { args: failure.suggestion.args, text: failure.suggestion.text }
        : undefined;
      io.stdout(JSON.stringify(suggestion ? { error, suggestion } : { error }, null, 2));
    }
    return failure.exitCode;
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const unitReaders = () => require("./consolidate") as typeof import("./consolidate");

if (require.main === module && !isMainThread) {
  // A thread bsc consolidate started to read units' workbooks (src/cli/consolidate.ts).
  if (unitReaders().isUnitWorker()) unitReaders().runUnitWorker();
} else if (require.main === module && wantsBoundedHeap(process.argv.slice(2))) {
  void runWithBoundedHeap(__filename, process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
} else if (require.main === module) {
  dieWithParent();
  // A failure outside the run's own promise (a stream's callback) is a fault too: one sentence, exit 3.
  process.on("uncaughtException", (e) => {
    process.stderr.write(`${terminalSafe(faultSentence(e))}\n`);
    process.exit(EXIT_FAULT);
  });
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
