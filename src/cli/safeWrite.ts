/**
 * Writing a workbook so that a failure or a kill at any moment leaves either the original file or
 * the whole new one, never half of it, and never a stray temporary file that this process could
 * have removed: the bytes go to a temporary file in the target's own folder, are flushed to disk,
 * and take the target's place in one rename.
 */
import { constants, promises as fs, rmSync } from "node:fs";
import path from "node:path";

export class WriteRefused extends Error {
  override readonly name = "WriteRefused";
}

/** Temporary files still on disk, removed if the process is stopped by a signal. */
const pending = new Set<string>();
let handlersInstalled = false;

function removePendingOnSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const file of pending) {
        try {
          // Synchronous: the process is about to end, and the event loop may not run again.
          rmSync(file, { force: true });
        } catch {
          // Nothing more can be done for it.
        }
      }
      process.kill(process.pid, signal);
    });
  }
}

const temporaryName = (target: string, pid: number): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${pid}.tmp`);

/** Whether a process of this id runs (one of another user's counts: it cannot be signalled, but it is there). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * A process killed outright (SIGKILL, power loss) cannot remove its temporary file: the next
 * write of the same file removes those whose process is gone.
 */
async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) {
      await fs.rm(path.join(path.dirname(target), name), { force: true });
    }
  }
}

/** Why a write failed, in words a user understands. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "its folder does not exist";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  if (code === "ENOSPC") return "the disk is full";
  return "the write failed";
}

/**
 * The file a write must replace: a symbolic link's target (the link stays a link), and the
 * target's mode, which the new file keeps. Refuses a read-only target rather than replace it.
 */
async function resolveTarget(file: string): Promise<{ target: string; mode: number | null }> {
  let target = file;
  try {
    target = await fs.realpath(file);
  } catch {
    return { target: file, mode: null };
  }
  const stat = await fs.stat(target);
  if (stat.isDirectory()) throw new WriteRefused("it is a folder");
  if (!stat.isFile()) throw new WriteRefused("it is not a regular file");
  // A rename gives the path a new file: the other names of a hard-linked one would keep the old.
  if (stat.nlink > 1) throw new WriteRefused("it has other hard links, which a refresh would split from it");
  // Nobody may write it (chmod a-w), which the superuser's access check would not say.
  if ((stat.mode & 0o222) === 0) throw new WriteRefused("it is read-only");
  try {
    await fs.access(target, constants.W_OK);
  } catch {
    throw new WriteRefused("it is read-only");
  }
  return { target, mode: stat.mode & 0o7777 };
}

/**
 * Writes `bytes` to `file` all at once. Throws WriteRefused with the reason, in words, when the
 * file cannot or must not be written; the original is then untouched.
 */
export async function writeWholeFile(file: string, bytes: Uint8Array): Promise<void> {
  let resolved: { target: string; mode: number | null };
  try {
    resolved = await resolveTarget(file);
  } catch (e) {
    throw e instanceof WriteRefused ? e : new WriteRefused(reason(e));
  }
  const { target, mode } = resolved;
  const temporary = temporaryName(target, process.pid);
  await removeStaleTemporaries(target);
  removePendingOnSignals();
  pending.add(temporary);
  try {
    const handle = await fs.open(temporary, "wx", mode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      // umask may have narrowed the mode the file was created with: the original's is kept.
      if (mode !== null) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
    pending.delete(temporary);
    await syncFolder(path.dirname(target));
  } catch (e) {
    await fs.rm(temporary, { force: true });
    pending.delete(temporary);
    throw new WriteRefused(reason(e));
  }
}

/** The rename itself reaches the disk only when the folder is flushed (where the system allows it). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some systems cannot flush a folder; the rename has happened all the same.
  }
}
