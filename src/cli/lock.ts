/**
 * One writer at a time for a workbook refreshed in place. Two refreshes of the same file would
 * each read it, each write it whole, and the second would silently undo the first. An in-place
 * refresh therefore takes an exclusive lock file beside the workbook (created with O_EXCL, holding
 * the process id), keeps it from its read to its write, and removes it on exit. A lock whose
 * process is gone (killed outright) is stale and taken over; a live one is waited for a few
 * seconds, then the run ends with one sentence naming the lock.
 */
import { promises as fs, rmSync } from "node:fs";
import path from "node:path";
import { isAlive } from "./safeWrite";

/** How long a refresh waits for another one to finish before it gives up. */
export const LOCK_WAIT_MS = 5000;
const POLL_MS = 100;

export class LockHeld extends Error {
  override readonly name = "LockHeld";
  constructor(
    readonly lockFile: string,
    readonly holder: number | null,
  ) {
    super(`${lockFile} is held`);
  }
}

/** The lock file of a workbook: beside it, hidden, named after it. */
export const lockFileOf = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.bsc-lock`);

/** Locks held by this process, removed if it ends before it lets them go. */
const held = new Set<string>();
let cleanupInstalled = false;

function removeHeldOnExit(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const removeAll = () => {
    for (const lock of held) rmSync(lock, { force: true });
    held.clear();
  };
  process.once("exit", removeAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      removeAll();
      // The signal's own ending, once the lock is gone (other listeners run before it lands).
      process.kill(process.pid, signal);
    });
  }
}

/** The process id a lock file names, or null when it names none (being written, or damaged). */
async function holderOf(lock: string): Promise<number | null> {
  const text = await fs.readFile(lock, "utf8").catch(() => "");
  const pid = Number(/^\d+/.exec(text.trim())?.[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Takes the lock once, or says why not: held by a live process (its id), or null to try again
 * (being written; or stale, removed now: `stale`, to be tried again at once).
 */
async function tryTake(lock: string): Promise<"taken" | { holder: number | null; stale?: true }> {
  try {
    const handle = await fs.open(lock, "wx");
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return "taken";
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const holder = await holderOf(lock);
  // A process killed outright left its lock behind: it holds nothing now.
  if (holder !== null && !isAlive(holder)) {
    await fs.rm(lock, { force: true });
    return { holder: null, stale: true };
  }
  return { holder };
}

/**
 * Runs `work` holding the lock of `file`. Waits up to `waitMs` for a live holder to let it go;
 * throws LockHeld when it does not. Permission to create the lock is the folder's: a folder bsc
 * cannot write to fails as the write would (the error is passed on).
 */
export async function withFileLock<T>(
  file: string,
  work: () => Promise<T>,
  waitMs: number = LOCK_WAIT_MS,
): Promise<T> {
  const lock = lockFileOf(file);
  const deadline = Date.now() + waitMs;
  let staleTakenOver = 0;
  for (;;) {
    const outcome = await tryTake(lock);
    if (outcome === "taken") break;
    // A stale lock just removed is no wait: on a loaded machine its removal alone may pass the
    // deadline, which would refuse a file nobody holds. (Bounded, should locks keep going stale.)
    if (outcome.stale && ++staleTakenOver <= 3) continue;
    if (Date.now() >= deadline) throw new LockHeld(lock, outcome.holder);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  removeHeldOnExit();
  held.add(lock);
  try {
    return await work();
  } finally {
    held.delete(lock);
    await fs.rm(lock, { force: true });
  }
}
