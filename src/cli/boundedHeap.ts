/**
 * bsc reads and refreshes a workbook within a bounded memory (issue 20: a million-row CSV in well
 * under 1.5 GB). V8 grows its heap lazily, so left alone a run keeps far more than it uses (a
 * million-row refresh held 1.7 GB for under 1 GB of live data). A run that reads a workbook
 * therefore runs again in a child with its heap capped, which collects earlier (and finishes
 * sooner); where the workbook truly needs more, the child stops, and that is said in one sentence
 * with exit 2, as any other limit is, never as a crash.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { EXIT_FAULT, EXIT_USAGE } from "./failure";

/**
 * The old-space cap: the child's whole resident memory stays near 1.5 GB with its buffers. A test
 * (or an operator with a larger machine and larger files) may set another in BSC_HEAP_LIMIT_MB.
 */
export const HEAP_LIMIT_MB = 1200;

export const heapLimit = (): number => {
  const given = Number(process.env.BSC_HEAP_LIMIT_MB);
  return Number.isInteger(given) && given >= 8 ? given : HEAP_LIMIT_MB;
};

const CHILD_MARK = "BSC_BOUNDED_HEAP";

/** The commands that read a workbook: help, version and sample need no bound. */
const READS_A_WORKBOOK = new Set(["check", "refresh"]);

/** Files from this size on are read in the bounded child; smaller ones never come near the cap. */
export const BOUNDED_FROM_BYTES = 16 * 1024 * 1024;

/**
 * Whether this run should start the bounded child rather than do the work itself: a command that
 * reads a large workbook (or any, where BSC_HEAP_LIMIT_MB asks for a cap), unless this process is
 * that child or was given a heap size of its own. Small files stay in one process, so that a
 * killed bsc never leaves a child going on.
 */
export function wantsBoundedHeap(argv: readonly string[]): boolean {
  if (process.env[CHILD_MARK] === "1" || !READS_A_WORKBOOK.has(argv[0] ?? "")) return false;
  if (process.execArgv.some((a) => a.startsWith("--max-old-space-size"))) return false;
  if (process.env.BSC_HEAP_LIMIT_MB !== undefined) return true;
  const book = argv.slice(1).find((a) => !a.startsWith("-"));
  try {
    return book !== undefined && statSync(book).size >= BOUNDED_FROM_BYTES;
  } catch {
    // A file that cannot be read is said so by the run itself, in one process.
    return false;
  }
}

/**
 * In the child: it dies with its parent. A parent killed (kill -9) closes the channel between
 * them, and the child then ends as abruptly as the parent did, so a killed bsc never leaves a
 * run going on behind the user's back (the next refresh clears what a killed one left).
 */
export function dieWithParent(): void {
  if (process.env[CHILD_MARK] !== "1" || !process.connected) return;
  process.on("disconnect", () => process.kill(process.pid, "SIGKILL"));
  // The channel alone must not keep the child alive once its work is done.
  process.channel?.unref();
}

/**
 * Runs this process's command again in a child with a capped heap, and resolves to the exit
 * status to end with.
 */
export function runWithBoundedHeap(script: string, argv: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    // Its error stream is kept until it ends: V8 out of heap prints a trace, which a user never sees.
    const child = spawn(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${heapLimit()}`, script, ...argv],
      {
        stdio: ["inherit", "inherit", "pipe", "ipc"],
        env: { ...process.env, [CHILD_MARK]: "1" },
      },
    );
    const errors: Buffer[] = [];
    child.stderr?.on("data", (chunk: Buffer) => errors.push(chunk));
    child.on("error", () => resolve(EXIT_FAULT));
    child.on("close", (status, signal) => {
      // V8 aborts a process out of heap (SIGABRT, or 134 where a shell reports it).
      const outOfMemory = signal === "SIGABRT" || status === 134;
      if (outOfMemory) {
        process.stderr.write(
          `The workbook is too large for bsc's memory limit (${heapLimit()} MB of working memory); nothing was written. Split the table, or score fewer rows.\n`,
        );
        resolve(EXIT_USAGE);
        return;
      }
      if (errors.length) process.stderr.write(Buffer.concat(errors));
      resolve(status ?? EXIT_FAULT);
    });
  });
}
